// The one writer of synced documents: every write of a synced kind goes through here, so its outbox
// row and its rollup deltas land in the same transaction as the document, whatever the path; so do a
// calibration session's figures and an agent's row of the coaching plan.
//
// Why a write service and not a Dexie DBCore middleware: a middleware sees single table mutations and
// cannot tell a user's edit (queued for the server) from a pulled change (not queued) or add the
// outbox and rollup tables to a transaction opened without them; it would also take the summing of
// bulk rollup deltas (one rollup write per import, not per review) out of the callers' hands. The
// writer makes all three explicit: its transaction always holds the outbox and the rollups, `origin`
// says whether a write is queued, and deltas are summed until the transaction's end.
// tests/unit/db/one-writer.test.ts checks that no other module writes outbox or rollup rows, calibration
// figures or the coaching plan's rows.
import type { Table } from 'dexie';
import { figuresOfSessions } from '../calibration';
import { kindOf, type AnyDoc, type CalibrationRatings, type CalibrationSession, type CoachingAction, type CoachingSession, type DocOf, type KindName, type Review } from '../model';
import { BACKEND_KEY, type ArvioDb, type OutboxRow } from './database';
import { refreshPlanRows, type PlanChanges } from './planRows';
import { addReviews, applyRollups, mergeDeltas, pendingRollupsRow, type RollupCell, type RollupDelta } from './rollups';

/**
 * `local`: made on this computer, queued for the team backend. `pulled`: came from it, not queued.
 * `builtin`: shipped with Arvio (the template scorecards), the same in every profile, not queued.
 */
export type Origin = 'local' | 'pulled' | 'builtin';

type Counter = (into: Map<string, RollupDelta>, docs: Iterable<AnyDoc | null | undefined>, sign: 1 | -1) => void;

/** Kinds whose writes feed the dashboard's rollups, and how a document counts there. */
const rollupCounters: Partial<Record<KindName, Counter>> = {
  reviews: addReviews as Counter,
};

/** Kinds whose writes change a calibration session's figures (lib/calibration/figures.ts): the session of each. */
const figureSessions: Partial<Record<KindName, (doc: AnyDoc) => string>> = {
  calibrationSessions: (doc) => (doc as CalibrationSession).id,
  calibrationRatings: (doc) => (doc as CalibrationRatings).sessionId,
};

/**
 * Kinds whose writes change agents' rows of the coaching plan (lib/db/planRows.ts), and what each
 * document changes: its agent's row, and for a session the rows of its actions' agents too.
 */
const planChanges: Partial<Record<KindName, (doc: AnyDoc, into: PlanChanges) => void>> = {
  coachingSessions: (doc, into) => {
    into.agents.add((doc as CoachingSession).agent.id);
    into.sessions.add((doc as CoachingSession).id);
  },
  coachingActions: (doc, into) => into.agents.add((doc as CoachingAction).agent.id),
};

/** Whether writes of a kind change the rollups. */
export function hasRollups(kind: KindName): boolean {
  return rollupCounters[kind] !== undefined;
}

/** The local table of a kind. */
export function tableOf(database: ArvioDb, kind: KindName): Table<AnyDoc, unknown> {
  return database.table(kindOf(kind).table);
}

/**
 * Every table a writer's transaction holds: the kinds' own, the outbox, the rollups and the settings
 * (is there a backend?); for calibration, what its figures are computed from and kept in; for
 * coaching, what the plan's rows are computed from and kept in.
 */
export function writeScope(database: ArvioDb, kinds: readonly KindName[], extra: readonly Table[] = []): Table[] {
  const figures = kinds.some((kind) => figureSessions[kind] !== undefined)
    ? [database.calibrationSessions, database.calibrationRatings, database.scorecards, database.calibrationFigures]
    : [];
  const plan = kinds.some((kind) => planChanges[kind] !== undefined) ? [database.coachingSessions, database.coachingActions, database.coachingPlanRows] : [];
  return [...new Set([...kinds.map((kind) => tableOf(database, kind)), database.outbox, database.rollups, database.settings, ...figures, ...plan, ...extra])];
}

/** The rollup deltas of documents as if each one were new (pure: computed before a transaction opens). */
export function countNew(kind: KindName, docs: Iterable<AnyDoc>, into = new Map<string, RollupDelta>()): Map<string, RollupDelta> {
  rollupCounters[kind]?.(into, docs, 1);
  return into;
}

export interface WriterOptions {
  /** Rollup deltas counted ahead (countNew) for documents that `put(..., { counted: true })` will name. */
  cells?: Map<string, RollupDelta>;
}

export interface FlushOptions {
  /** The rollup rows of `cells`' keys, read ahead by the caller; read here otherwise. */
  storedCells?: Map<string, RollupCell | undefined>;
  /**
   * More of a bulk pull follows: the deltas are added to the pending journal (a settings row) instead
   * of rewriting the rollup rows every transaction; the last transaction folds them in.
   */
  journal?: Map<string, RollupDelta>;
}

/** Writes documents inside a transaction that holds writeScope(); flush() at its end (writeSynced does). */
export class DocWriter {
  private readonly deltas: Map<string, RollupDelta>;
  private readonly queued: OutboxRow[] = [];
  /** The calibration sessions whose figures this writer's documents changed. */
  private readonly sessions = new Set<string>();
  /** The rows of the coaching plan this writer's documents changed. */
  private readonly plan: PlanChanges = { agents: new Set(), sessions: new Set() };

  constructor(
    private readonly database: ArvioDb,
    readonly origin: Origin,
    { cells }: WriterOptions = {},
  ) {
    this.deltas = cells ?? new Map();
  }

  /**
   * Puts documents of one kind. `before`: the stored versions they replace (any order, undefined for
   * new ones), taken out of the rollups and naming the plan rows they were in; read here when not
   * given. `counted`: their deltas are in the writer's `cells` already. Resolves when the documents
   * are written.
   */
  put<K extends KindName>(
    kind: K,
    docs: readonly DocOf<K>[],
    { before, counted = false, at = new Date().toISOString() }: { before?: readonly (DocOf<K> | undefined)[]; counted?: boolean; at?: string } = {},
  ): Promise<unknown> {
    if (docs.length === 0) return Promise.resolve();
    const descriptor = kindOf(kind);
    const table = tableOf(this.database, kind);
    const counter = rollupCounters[kind];
    if (this.origin === 'local') {
      for (const doc of docs) if (descriptor.shareable(doc)) this.queued.push({ collection: kind, docId: descriptor.syncId(doc), at });
    }
    const sessionOf = figureSessions[kind];
    if (sessionOf) for (const doc of docs) this.sessions.add(sessionOf(doc));
    if (!counter && !planChanges[kind]) return table.bulkPut([...docs]);
    // The stored versions they replace leave the rollups, and name the plan rows they were in.
    const replace = (stored: readonly (AnyDoc | undefined)[]): Promise<unknown> => {
      if (counter) {
        counter(this.deltas, stored, -1);
        if (!counted) counter(this.deltas, docs, 1);
      }
      this.notePlanned(kind, [...docs, ...stored]);
      return table.bulkPut([...docs]);
    };
    if (before) return replace(before);
    return table.bulkGet(docs.map((doc) => descriptor.localKey(doc))).then(replace);
  }

  /** Notes the rows of the coaching plan that documents of a kind change (planChanges). */
  private notePlanned(kind: KindName, docs: readonly (AnyDoc | undefined)[]): void {
    const note = planChanges[kind];
    if (note) for (const doc of docs) if (doc) note(doc, this.plan);
  }

  /**
   * Removes stored documents from this profile, taking them out of the rollups: what the server no
   * longer lets this user read (lib/sync/access.ts). Never a user's deletion, which is a write of the
   * document marked deleted, queued for the server: a removal is not sent anywhere.
   */
  remove<K extends KindName>(kind: K, docs: readonly DocOf<K>[]): Promise<unknown> {
    if (this.origin === 'local') throw new Error('a local deletion is a put of the document marked deleted');
    if (docs.length === 0) return Promise.resolve();
    const descriptor = kindOf(kind);
    rollupCounters[kind]?.(this.deltas, docs, -1);
    const sessionOf = figureSessions[kind];
    if (sessionOf) for (const doc of docs) this.sessions.add(sessionOf(doc));
    this.notePlanned(kind, docs);
    return tableOf(this.database, kind).bulkDelete(docs.map((doc) => descriptor.localKey(doc)));
  }

  /** Takes documents counted ahead (countNew) back out: they were not written after all. */
  uncount(kind: KindName, docs: Iterable<AnyDoc>): void {
    rollupCounters[kind]?.(this.deltas, docs, -1);
  }

  /** Queues a stored document again as it is (a conflict resolved as "keep mine"). */
  requeue(kind: KindName, doc: AnyDoc, at = new Date().toISOString()): void {
    if (this.origin !== 'local') throw new Error('only local writes are queued');
    const descriptor = kindOf(kind);
    if (descriptor.shareable(doc)) this.queued.push({ collection: kind, docId: descriptor.syncId(doc), at });
  }

  /** The rollup row keys this writer's deltas touch (to read them ahead). */
  cellKeys(): string[] {
    return [...this.deltas.keys()];
  }

  /**
   * Writes the outbox rows and the rollup deltas summed so far. Outbox rows only while a team backend
   * is configured: a profile without one keeps no queue for nobody, and connecting one queues every
   * shared document (requeueAll), whenever it was written.
   */
  async flush({ storedCells, journal }: FlushOptions = {}): Promise<unknown> {
    const rows = this.queued.splice(0);
    const outbox =
      rows.length > 0
        ? this.database.settings.get(BACKEND_KEY).then((backend) => (backend ? this.database.outbox.bulkAdd(rows) : undefined))
        : undefined;
    const figures = this.refreshFigures();
    const plan = refreshPlanRows(this.database, this.plan);
    if (journal) {
      await Promise.all([outbox, figures, plan, this.database.settings.put(pendingRollupsRow(journal, this.deltas.values()))]);
      return;
    }
    await Promise.all([outbox, figures, plan, this.deltas.size > 0 ? applyRollups(this.database.rollups, [...this.deltas.values()], storedCells) : undefined]);
    this.deltas.clear();
  }

  /** Computes again the figures of the calibration sessions written (or whose ratings were), from what is stored now. */
  private async refreshFigures(): Promise<void> {
    if (this.sessions.size === 0) return;
    const ids = [...this.sessions];
    this.sessions.clear();
    const { calibrationSessions, calibrationRatings, scorecards, calibrationFigures } = this.database;
    const [found, ratings] = await Promise.all([calibrationSessions.bulkGet(ids), calibrationRatings.where('sessionId').anyOf(ids).toArray()]);
    const sessions = found.filter((s) => s !== undefined);
    const cards = await scorecards.bulkGet(sessions.map((s): [string, number] => [s.scorecardId, s.scorecardVersion]));
    await Promise.all([
      calibrationFigures.bulkPut(figuresOfSessions(sessions, ratings, cards)),
      calibrationFigures.bulkDelete(ids.filter((_, i) => found[i] === undefined)),
    ]);
  }

  /** Folds a pending journal into this writer's deltas (its settings row is the caller's to delete). */
  fold(pending: Map<string, RollupDelta>): void {
    mergeDeltas(this.deltas, [...pending.values()]);
  }
}

/**
 * Keeps the stored reviews an edit, a deletion, a dispute's outcome or an import replaces in their
 * history (revisionsOfReview), by their own revision. In the caller's transaction, which must hold
 * `reviewRevisions` (writeSynced's `extra`).
 */
export function keepRevisions(database: ArvioDb, replaced: readonly (Review | undefined)[]): Promise<unknown> {
  const rows = replaced.filter((review) => review !== undefined).map((review) => ({ reviewId: review.id, revision: review.revision, review }));
  return rows.length > 0 ? database.reviewRevisions.bulkPut(rows) : Promise.resolve();
}

/**
 * Runs `body` in one read-write transaction over the kinds' tables, the outbox, the rollups and
 * `extra`, with a writer whose outbox rows and rollup deltas are written before it commits.
 */
export async function writeSynced<T>(
  database: ArvioDb,
  kinds: readonly KindName[],
  origin: Origin,
  body: (writer: DocWriter) => Promise<T>,
  extra: readonly Table[] = [],
): Promise<T> {
  return database.transaction('rw', writeScope(database, kinds, extra), async () => {
    const writer = new DocWriter(database, origin);
    const result = await body(writer);
    await writer.flush();
    return result;
  });
}

/**
 * Queues every shareable local document of every kind for the backend: the re-queue when Arvio is
 * pointed at a different server (its checkpoint and revisions mean nothing there). In the caller's
 * transaction, which must hold the kinds' tables and the outbox.
 */
export async function requeueAll(database: ArvioDb, kinds: readonly KindName[], at = new Date().toISOString()): Promise<void> {
  const rows: OutboxRow[] = [];
  for (const kind of kinds) {
    const descriptor = kindOf(kind);
    await tableOf(database, kind)
      .toCollection()
      .each((doc) => {
        if (descriptor.shareable(doc)) rows.push({ collection: kind, docId: descriptor.syncId(doc), at });
      });
  }
  await database.outbox.bulkAdd(rows);
}
