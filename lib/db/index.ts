// The database behind one service: pages call these named operations, not raw tables.
export { ArvioDb, BACKEND_KEY, db, useDatabase, DB_NAME, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7 } from './database';
export type { OutboxRow, PulledStatesRow, ReviewRevisionRow, RollupRow, SettingRow, SyncStateRow } from './database';
export { getSettings, saveSettings, saveIdentity, LANGUAGE_STORAGE_KEY } from './settings';
export {
  ensureBuiltInScorecards,
  listScorecards,
  latestVersions,
  listedVersions,
  versionsOfRow,
  decidingVersion,
  getScorecard,
  saveScorecard,
  importScorecards,
  cardsToImport,
  deleteScorecardDraft,
} from './scorecards';
export {
  saveReviewDraft,
  getReviewDraft,
  draftsOfTicket,
  discardReviewDraft,
  submitReview,
  deleteReview,
  reviewsOfTicket,
  reviewsOfAgent,
  getReview,
  revisionsOfReview,
} from './reviews';
export { saveSelfCheck, selfChecksOfTicket, selfCheckId } from './selfchecks';
export { listSites, saveSite, removeSite, mirrorSites, savePageReport, listPageReports, deletePageReport, pageReportSchema, siteSchema } from './sites';
export type { PageReport } from './sites';
// The one writer of synced documents, and what the sync engine and the dashboard read of rollups.
export { countNew, DocWriter, hasRollups, keepRevisions, requeueAll, tableOf, writeScope, writeSynced, type Origin } from './writes';
export {
  addReviews,
  ALL_PERIOD,
  cardKey,
  cardsReviewed,
  ensureRollupShape,
  foldPendingRollups,
  mergeDeltas,
  PENDING_ROLLUPS_KEY,
  readPendingRollups,
  readRollups,
  recomputeRollups,
  SEP,
  type RollupCell,
  type RollupDelta,
  type Who,
} from './rollups';
export { bulkGetFew, presentKeys } from './bulk';
export { agentPlanRows, agreedIn, lastHeldIn } from './planRows';
// quota.ts has no Dexie: the sidebar's remoteDb (lib/service) uses it and stays Dexie-free (package.json's sideEffects lets the bundler drop this folder's other modules).
export { isQuotaError, StorageFullError } from './quota';
// disputeState.ts has no Dexie either: the service's replies carry its codes (lib/service/protocol.ts).
export { DisputeStateError, disputeStateReasonSchema, type DisputeStateReason } from './disputeState';
export { readStorageStatus, requestPersistence, type StorageStatus } from './persistence';
export {
  disputeOf,
  disputesOfReviews,
  listDisputes,
  openDispute,
  reopenDispute,
  resolveDispute,
} from './disputes';
export { listTeamSettings, saveTeamSettings } from './teamSettings';
export { ideasOfSubmitter, ideasSeen, listIdeas, markIdeasSeen, saveIdea } from './ideas';
export {
  calibrationData,
  calibrationOverviewData,
  calibrationRatingsOf,
  clarificationsOfScorecard,
  getCalibrationSession,
  listCalibrationSessions,
  ratingsOfCalibration,
  saveCalibrationRatings,
  saveCalibrationSession,
} from './calibration';
