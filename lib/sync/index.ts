// Sync with the team backend, the extension side: its public face. The engine is split by concern —
// push.ts, pull.ts, apply.ts, conflicts.ts, checkpoint.ts (+ meta.ts, lease.ts, status.ts), access.ts
// (the user's teams or role changed) and the run loop in run.ts — modelled on RxDB's replication — and
// scheduler.ts, the background's browser alarms.
export { backoff, nextDelay, type BackoffOptions } from './backoff';
export {
  backendConfigSchema,
  backendOriginPattern,
  BACKEND_KEY,
  clearBackendConfig,
  getBackendConfig,
  originCovered,
  saveBackendConfig,
  type BackendConfig,
} from './backend';
export {
  chunkChanges,
  fetchCalibrationSubmitted,
  fetchMe,
  fetchRoster,
  MAX_PUSH_BYTES,
  parseBackendUrl,
  pullSince,
  pushBatch,
  type FetchLike,
  type RequestOptions,
} from './client';
export { readConflicts, resolveConflict, type SyncConflict } from './conflicts';
export { describeSyncError, kindOfStatus, parseRetryAfter, SyncError, toSyncError, type SyncErrorKind } from './errors';
export { docHash } from './hash';
export { runSync, syncIfDue, type SyncOptions, type SyncOutcome } from './run';
export { currentStatus, emptyStatus, statusView, type SyncStatus, type SyncStatusView } from './status';
export { ROSTER_KEY, publishingTeam, publishingTeams, readRoster, refreshRoster } from './roster-store';
export {
  cachedRosterSchema,
  documentTeam,
  leadsSomeTeam,
  mayChangeVersions,
  matchReviewee,
  memberOf,
  membersNamed,
  nameOfAddress,
  normalizeName,
  personOf,
  publishingTeamsOf,
  revieweeFor,
  reviewsOthers,
  rosterChoices,
  rosterTeams,
  selfPerson,
  teamChoices,
  type CachedRoster,
  type Roster,
  type RosterTeam,
  type TeamNeed,
  type RosterMatch,
} from './roster';
export { adminClient, inviteLink, parseInviteLink, redeemInvite, type AdminClient } from './admin';
export { ensureSyncAlarm, isSyncAlarm, runScheduledSync, syncSoon, SYNC_ALARM, SYNC_SOON_ALARM } from './scheduler';
export { fetchServerExport } from './server-export';
