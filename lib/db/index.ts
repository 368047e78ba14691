// The database behind one service: pages call these named operations, not raw tables.
export { ArvioDb, db, useDatabase, DB_NAME, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5 } from './database';
export type { OutboxRow, PulledStatesRow, ReviewRevisionRow, RollupRow, SettingRow, SyncStateRow } from './database';
export { getSettings, saveSettings, LANGUAGE_STORAGE_KEY } from './settings';
export {
  ensureBuiltInScorecards,
  listScorecards,
  latestVersions,
  getScorecard,
  saveScorecard,
  importScorecards,
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
export { listSites, saveSite, removeSite, mirrorSites, savePageReport, listPageReports, deletePageReport, siteSchema } from './sites';
export type { PageReport } from './sites';
