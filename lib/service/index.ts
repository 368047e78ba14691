// The background's database service: pages that cannot open IndexedDB (the framed sidebar) call it by
// message, through remoteDb (message calls only, no Dexie); the background serves them (handleDbRequest)
// and keeps the toolbar's "waiting for you" count.
export { handleDbRequest, type OperationName, type RemoteDb } from './service';
export { DB_REQUEST, NoAnswerError, NotDockedError, type DbReply } from './protocol';
export { refuseDbRequest, servesCaller, type CallerDeps, type CallerSender } from './callers';
export { onRemoteChange, remoteChanged, remoteDb, remoteDocked } from './remote';
export { waitingCount, watchWaitingBadge, type WaitingContext } from './waiting';
