// The one Dexie database, in the extension origin; its versions and migrations live here.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Review, ReviewDraft, Scorecard, SelfCheck } from '../model';

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
  collection: 'reviews' | 'scorecards' | 'selfChecks';
  docId: string;
  at: string;
}

export const DB_NAME = 'arvio';

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

export class ArvioDb extends Dexie {
  settings!: EntityTable<SettingRow, 'key'>;
  scorecards!: Table<Scorecard, [string, number]>;
  reviews!: EntityTable<Review, 'id'>;
  reviewRevisions!: Table<ReviewRevisionRow, [string, number]>;
  reviewDrafts!: EntityTable<ReviewDraft, 'key'>;
  selfChecks!: EntityTable<SelfCheck, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
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
  }
}

let shared: ArvioDb | null = null;

/** The database of this extension page or worker; opened lazily, once. */
export function db(): ArvioDb {
  shared ??= new ArvioDb();
  return shared;
}

/** Tests give each case its own database. */
export function useDatabase(database: ArvioDb): void {
  shared = database;
}
