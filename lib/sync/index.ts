// Sync, the extension side: the protocol client, backoff and error words (the outbox lives in lib/db).
export { backoff, nextDelay, type BackoffOptions } from './backoff';
export {
  chunkChanges,
  fetchMe,
  fetchRoster,
  MAX_PUSH_BYTES,
  parseBackendUrl,
  pullSince,
  pushBatch,
  type FetchLike,
  type RequestOptions,
} from './client';
export { describeSyncError, kindOfStatus, parseRetryAfter, SyncError, toSyncError, type SyncErrorKind } from './errors';
export {
  cachedRosterSchema,
  matchReviewee,
  memberOf,
  membersNamed,
  normalizeName,
  personOf,
  revieweeFor,
  rosterChoices,
  selfPerson,
  type CachedRoster,
  type Roster,
  type RosterMatch,
} from './roster';
