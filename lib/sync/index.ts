// Sync, the extension side: the protocol client, backoff and error words (the outbox lives in lib/db).
export { backoff, nextDelay, type BackoffOptions } from './backoff';
export {
  chunkChanges,
  fetchMe,
  MAX_PUSH_BYTES,
  parseBackendUrl,
  pullSince,
  pushBatch,
  type FetchLike,
  type RequestOptions,
} from './client';
export { describeSyncError, kindOfStatus, parseRetryAfter, SyncError, toSyncError, type SyncErrorKind } from './errors';
