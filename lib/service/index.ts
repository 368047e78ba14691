// The background's database service: pages that cannot open IndexedDB (the framed sidebar) call it by
// message. The sidebar imports ./remote (message calls only, no Dexie); the background this index.
export { handleDbRequest, type OperationName, type RemoteDb } from './service';
export { DB_REQUEST, type DbReply } from './protocol';
export { refuseDbRequest, servesCaller, type CallerDeps, type CallerSender } from './callers';
