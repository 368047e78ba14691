// The one Dexie database, in the extension origin; its versions and migrations live here.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  CalibrationRatings,
  CalibrationSession,
  CoachingAction,
  CoachingForm,
  CoachingNotes,
  CoachingSession,
  Dispute,
  Idea,
  KindName,
  Review,
  ReviewDraft,
  Scorecard,
  SelfCheck,
  TeamSettings,
} from '../model';
import { figuresOfSessions, type SessionFigures } from '../calibration';
import { agentPlanRows, type AgentPlanRow } from './planRows';
import { revealQuotaAborts } from './quota-middleware';

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface ReviewRevisionRow {
  reviewId: string;
  revision: number;
  review: Review;
}

export interface OutboxRow {
  seq?: number;
  collection: KindName;
  docId: string;
  at: string;
}

/** Quality aggregates kept beside reviews, so views never scan reviews (see issue: dashboard at scale). */
export interface RollupRow {
  /** `${dimension}|${value}|${period}` e.g. `agent|mikko@example.com|2026-03`. */
  key: string;
  dimension: string;
  value: string;
  /** `YYYY-MM` or `YYYY-Www`. */
  period: string;
  count: number;
  scored: number;
  sum: number;
  passes: number;
  criticalFails: number;
}

/** What the server last confirmed for one document: the base of the next push. */
export interface SyncStateRow {
  /** `${collection}:${docId}` */
  key: string;
  revision: number;
  seq: number;
}

/**
 * Server states a bulk pull learned, `[stateKey, seq, revision]` per document, kept in a few rows per
 * pull transaction: one per bucket of keys (`stateBucket`), so finding one document's state reads only
 * its bucket's rows. Per-document rows (`syncState`) would cost one IndexedDB write each, and an index
 * over the entries one index record each: most of a first pull's time beside the reviews themselves.
 */
export interface PulledStatesRow {
  bucket: number;
  /** The checkpoint of the transaction that wrote the row: a repeat of it overwrites, never duplicates. */
  checkpoint: number;
  entries: Array<[key: string, seq: number, revision: number]>;
}

export const DB_NAME = 'arvio';

/** The settings row of the team backend (lib/sync/backend.ts): while there is none, nothing is queued for one. */
export const BACKEND_KEY = 'sync.backend';

/** Version 1: the first shipped schema. Kept verbatim so the migration test can create it. */
export const SCHEMA_V1 = {
  settings: 'key',
  scorecards: '[id+version], id, status',
  reviews: 'id, ticketKey, reviewee.id, reviewer.id, updatedAt',
  reviewDrafts: 'key, ticketKey, updatedAt',
  selfChecks: 'id, ticketKey, agent.id',
  outbox: '++seq, [collection+docId]',
} as const;

/** Version 2: kept revisions of edited reviews, and per-ticket / per-agent time-ordered indexes. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  reviews: 'id, ticketKey, reviewee.id, reviewer.id, updatedAt, [ticketKey+createdAt], [reviewee.id+createdAt]',
  reviewRevisions: '[reviewId+revision], reviewId',
  selfChecks: 'id, ticketKey, agent.id, [ticketKey+agent.id]',
} as const;

/** Version 3: rollups for the dashboard, and per-document sync state for the backend. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  rollups: 'key, [dimension+period], [dimension+value+period]',
  syncState: 'key',
} as const;

/** Version 4: server states of bulk pulls, a row per key bucket and pull transaction (see PulledStatesRow). */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  pulledStates: '[bucket+checkpoint]',
} as const;

/**
 * Version 5: the kinds of calibration, coaching, disputes and ideas (lib/model/kinds.ts), each with
 * the indexes its lists need: a participant's waiting sessions, a session's ratings per ticket, an
 * agent's sessions by time and open actions by due date, disputes waiting for a reviewer, ideas by
 * status. New tables only: nothing stored before changes.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  calibrationSessions: 'id, team, status, deadline, *participants, facilitator',
  calibrationRatings: 'id, sessionId, [sessionId+ticketKey], participant',
  coachingForms: '[id+version], id, status',
  coachingSessions: 'id, coach.id, status, [agent.id+heldAt], [agent.id+scheduledFor]',
  coachingActions: 'id, sessionId, [agent.id+status+due], due',
  coachingNotes: 'sessionId',
  disputes: 'id, reviewId, agent.id, [reviewer.id+status], [status+openedAt]',
  ideas: 'id, team, [status+createdAt], submitter.id',
} as const;

/**
 * Version 6: each team's settings (lib/model/teamSettings.ts), one row per team. The dispute window
 * a lead once kept in their own profile (`disputes.windowDays`) is dropped, not carried over: it
 * governed no agent's disputes (agents' profiles used 14 days, the server none), so moving it into the
 * team's settings would change what agents get to a number chosen when it had no effect.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  teamSettings: 'id, team',
} as const;

/**
 * Version 7: each calibration session's figures (lib/calibration/figures.ts), kept by the one writer as
 * its ratings change, so that the dashboard's Calibration view never reads every rating.
 */
export const SCHEMA_V7 = {
  ...SCHEMA_V6,
  calibrationFigures: 'sessionId',
} as const;

/**
 * Version 8: each agent's row of the coaching plan (lib/db/planRows.ts), kept by the one writer as
 * sessions and actions change, so that the plan reads one row per agent instead of each agent's
 * sessions and actions.
 */
export const SCHEMA_V8 = {
  ...SCHEMA_V7,
  coachingPlanRows: 'agentId',
} as const;

export class ArvioDb extends Dexie {
  settings!: EntityTable<SettingRow, 'key'>;
  scorecards!: Table<Scorecard, [string, number]>;
  reviews!: EntityTable<Review, 'id'>;
  reviewRevisions!: Table<ReviewRevisionRow, [string, number]>;
  reviewDrafts!: EntityTable<ReviewDraft, 'key'>;
  selfChecks!: EntityTable<SelfCheck, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  rollups!: EntityTable<RollupRow, 'key'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;
  pulledStates!: Table<PulledStatesRow, [number, number]>;
  calibrationSessions!: EntityTable<CalibrationSession, 'id'>;
  calibrationRatings!: EntityTable<CalibrationRatings, 'id'>;
  coachingForms!: Table<CoachingForm, [string, number]>;
  coachingSessions!: EntityTable<CoachingSession, 'id'>;
  coachingActions!: EntityTable<CoachingAction, 'id'>;
  coachingNotes!: EntityTable<CoachingNotes, 'sessionId'>;
  disputes!: EntityTable<Dispute, 'id'>;
  ideas!: EntityTable<Idea, 'id'>;
  teamSettings!: EntityTable<TeamSettings, 'id'>;
  calibrationFigures!: EntityTable<SessionFigures, 'sessionId'>;
  coachingPlanRows!: EntityTable<AgentPlanRow, 'agentId'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.use(revealQuotaAborts);
    // Only the versions with an upgrade are declared, and the current one: Dexie (3 and later) reads an
    // installed database's schema from the database itself, so versions 1, 3, 4, 5 and 7 need no declaration
    // (their tables and indexes arrive with the next declared version). Every declaration costs each page's
    // start-up: Dexie re-parses all the versions declared so far at each `stores()`.
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        // v1 reviews predate tombstones and acknowledgements: give them explicit defaults.
        await tx
          .table('reviews')
          .toCollection()
          .modify((review: Partial<Review>) => {
            review.deleted ??= false;
            review.acknowledgedAt ??= null;
            review.revision ??= 1;
          });
      });
    this.version(6)
      .stores(SCHEMA_V6)
      .upgrade((tx) => tx.table('settings').delete('disputes.windowDays'));
    // Version 7's upgrade (the calibration figures) is version 8's too, so version 7 need not be declared:
    // a profile at version 7 computes its figures again, which gives the figures it holds.
    this.version(8)
      .stores(SCHEMA_V8)
      .upgrade(async (tx) => {
        // The figures of the calibration sessions already here, from their submitted ratings, and the
        // plan's rows of the agents of the coaching sessions and actions already here.
        const [calibrations, ratings, cards, sessions, actions] = await Promise.all([
          tx.table<CalibrationSession>('calibrationSessions').toArray(),
          tx.table<CalibrationRatings>('calibrationRatings').toArray(),
          tx.table<Scorecard>('scorecards').toArray(),
          tx.table<CoachingSession>('coachingSessions').toArray(),
          tx.table<CoachingAction>('coachingActions').toArray(),
        ]);
        const agents = new Set([...sessions.map((s) => s.agent.id), ...actions.map((a) => a.agent.id)]);
        await Promise.all([
          tx.table('calibrationFigures').bulkPut(figuresOfSessions(calibrations, ratings, cards)),
          tx.table('coachingPlanRows').bulkPut(agentPlanRows(agents, sessions, actions)),
        ]);
      });
  }
}

let shared: ArvioDb | null = null;

/** The database of this extension page or worker; opened lazily, once. */
export function db(): ArvioDb {
  shared ??= new ArvioDb();
  reopenIfFailed(shared);
  return shared;
}

/**
 * A failed open is not final. After a full disk Chromium closes the database and the reopen fails
 * ("Encountered full disk while opening backing store"); Dexie would answer every later call with
 * that error, freed disk or not, until the worker restarts. A database closed on purpose stays closed.
 */
export function reopenIfFailed(database: Dexie): void {
  if (database.hasFailed() && !database.hasBeenClosed()) database.close({ disableAutoOpen: false });
}

/** Tests give each case its own database. */
export function useDatabase(database: ArvioDb): void {
  shared = database;
}
