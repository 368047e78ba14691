// Dashboard rollups: quality aggregates kept beside reviews, updated in the same transaction as every write.
//
// Shape. A rollup row is a small cube cell: who (the whole team, one agent or one reviewer) × the
// slice (scorecard version, channel, helpdesk) × period. Keeping the slice inside the value lets a
// dashboard combine "agent + channel + scorecard" filters from rollups alone; a slice has few values.
// "Month detail" rows (`.mx`) also carry the score distribution and per-criterion sums, so one review
// touches fourteen rows, not fifty (bulk imports write every touched row once per import), while the
// lean `.m` rows that per-agent tables read stay small.
//
//   dimension            value                                         period
//   all.m / all.w        *␟card␟channel␟helpdesk                       YYYY-MM / YYYY-Www
//   agent.m / agent.w    agentId␟card␟channel␟helpdesk                 YYYY-MM / YYYY-Www
//   reviewer.m / .w      reviewerId␟card␟channel␟helpdesk              YYYY-MM / YYYY-Www
//   all|agent|reviewer.mx   as .m, plus `criteria` and `buckets`        YYYY-MM
//   agent.t / reviewer.t id␟  (all slices together)                    YYYY-MM
//   agent.all / reviewer.all   id␟name                                  *         (directory for filters)
//   slice.all            card␟channel␟helpdesk                         *         (directory for filters)
//
// `card` is `scorecardId@version`. Criterion sums keep the *raw* rating values: the normalised mean
// is sum / count / max of the card version's scale, computed when read (this keeps rollupDeltas pure
// and free of the scorecard table). Teams are not on local reviews, so there is no team dimension here.
import type { EntityTable } from 'dexie';
import { z } from 'zod';
import type { Review } from '../model/review';
import { bulkGetFew } from './bulk';
import type { ArvioDb, RollupRow, SettingRow } from './database';

/** Unit separator: cannot appear in e-mail addresses, ids or channel names typed by people. */
export const SEP = '\u001f';
export const ALL_PERIOD = '*';
export type Who = 'all' | 'agent' | 'reviewer';
export const SCORE_BUCKETS = 10;

/**
 * A rollup row as stored. `criteria` and `buckets` are on month detail (`.mx`) rows only. (They extend the shared
 * RollupRow; database.ts may adopt them in its type, the stored shape is this.)
 */
export interface RollupCell extends RollupRow {
  /** Per criterion id: [sum of raw rating values, number of ratings with a value]. */
  criteria?: Record<string, [number, number]>;
  /** Reviews per score bucket: tenths 0…9, then index 10 for reviews without a score. */
  buckets?: number[];
}

/** A signed change to one rollup row. */
export type RollupDelta = RollupCell;

export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** ISO 8601 week of a UTC timestamp, e.g. `2026-W09` (the week's Thursday decides the year). */
export function weekOf(iso: string): string {
  const d = new Date(iso);
  const day = d.getUTCDay() || 7;
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - day);
  const t = new Date(thursday);
  const year = t.getUTCFullYear();
  const week = Math.ceil(((thursday - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function cardKey(review: Pick<Review, 'scorecardId' | 'scorecardVersion'>): string {
  return `${review.scorecardId}@${review.scorecardVersion}`;
}

/** 0…9 by tenths of the score (1.0 falls in the top bucket); 10 for reviews without a score. */
export function scoreBucket(score: number | null): number {
  if (score === null) return SCORE_BUCKETS;
  return Math.min(SCORE_BUCKETS - 1, Math.floor(score * SCORE_BUCKETS + 1e-9));
}

function rowKey(dimension: string, value: string, period: string): string {
  return `${dimension}|${value}|${period}`;
}

/** The last rating per criterion with a value (N/A and unrated left out), as scoreReview counts them. */
function ratedValues(review: Review): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of review.ratings) {
    if (r.na || r.value === null) out.delete(r.criterionId);
    else out.set(r.criterionId, r.value);
  }
  return out;
}

/**
 * Adds `d` into `row` (both signed): plain fields, criterion sums and buckets; emptied criteria are dropped.
 * `row` is always a cloneCell copy held in a map, so its criteria and buckets are changed in place.
 */
function addCell(row: RollupCell, d: CellCounts): void {
  row.count += d.count;
  row.scored += d.scored;
  row.sum += d.sum;
  row.passes += d.passes;
  row.criticalFails += d.criticalFails;
  if (d.criteria) {
    const criteria = (row.criteria ??= {});
    for (const id in d.criteria) {
      const [sum, count] = d.criteria[id]!;
      const seen = criteria[id];
      const next: [number, number] = seen ? [seen[0] + sum, seen[1] + count] : [sum, count];
      if (next[1] === 0 && next[0] === 0) delete criteria[id];
      else criteria[id] = next;
    }
  }
  if (d.buckets) {
    const buckets = (row.buckets ??= new Array<number>(SCORE_BUCKETS + 1).fill(0));
    d.buckets.forEach((n, i) => (buckets[i] = (buckets[i] ?? 0) + n));
  }
}

function cloneCell(d: RollupCell): RollupCell {
  return { ...d, criteria: d.criteria ? { ...d.criteria } : undefined, buckets: d.buckets ? [...d.buckets] : undefined };
}

/** What one review adds to a row: the counts, and on month detail rows the criteria and buckets. */
type CellCounts = Pick<RollupCell, 'count' | 'scored' | 'sum' | 'passes' | 'criticalFails' | 'criteria' | 'buckets'>;

/** Every rollup row one live review contributes to, with the given sign. */
function contributions(review: Review, sign: 1 | -1, into: Map<string, RollupDelta>): void {
  if (review.deleted) return;
  const slice = [cardKey(review), review.channel, review.ticket.helpdesk].join(SEP);
  const month = monthOf(review.createdAt);
  const week = weekOf(review.createdAt);
  const base: CellCounts = {
    count: sign,
    scored: review.score === null ? 0 : sign,
    sum: sign * (review.score ?? 0),
    passes: review.passed === true ? sign : 0,
    criticalFails: review.criticalFail ? sign : 0,
  };
  const criteria: Record<string, [number, number]> = {};
  for (const [criterionId, raw] of ratedValues(review)) criteria[criterionId] = [sign * raw, sign];
  const buckets = new Array<number>(SCORE_BUCKETS + 1).fill(0);
  buckets[scoreBucket(review.score)] = sign;
  const detail: CellCounts = { ...base, criteria, buckets };
  const one: CellCounts = { count: sign, scored: 0, sum: 0, passes: 0, criticalFails: 0 };
  // A row already in the map takes the counts as they are; only a new row is built (bulk writes add thousands).
  const add = (dimension: string, value: string, period: string, d: CellCounts) => {
    const key = rowKey(dimension, value, period);
    const row = into.get(key);
    if (row) addCell(row, d);
    else into.set(key, cloneCell({ key, dimension, value, period, ...d }));
  };
  const whos: [Who, string][] = [
    ['all', '*'],
    ['agent', review.reviewee.id],
    ['reviewer', review.reviewer.id],
  ];
  for (const [who, id] of whos) {
    const value = `${id}${SEP}${slice}`;
    add(`${who}.m`, value, month, base);
    add(`${who}.w`, value, week, base);
    add(`${who}.mx`, value, month, detail);
  }
  // Per person and month across all slices: what the unfiltered agent and reviewer tables read.
  add('agent.t', `${review.reviewee.id}${SEP}`, month, base);
  add('reviewer.t', `${review.reviewer.id}${SEP}`, month, base);
  add('agent.all', `${review.reviewee.id}${SEP}${review.reviewee.name}`, ALL_PERIOD, one);
  add('reviewer.all', `${review.reviewer.id}${SEP}${review.reviewer.name}`, ALL_PERIOD, one);
  add('slice.all', slice, ALL_PERIOD, one);
}

function isZero(d: RollupDelta): boolean {
  return (
    d.count === 0 &&
    d.scored === 0 &&
    Math.abs(d.sum) < 1e-12 &&
    d.passes === 0 &&
    d.criticalFails === 0 &&
    Object.keys(d.criteria ?? {}).length === 0 &&
    (d.buckets ?? []).every((n) => n === 0)
  );
}

/**
 * Pure: the rows to add (positive) and subtract (negative) when `before` becomes `after`.
 * null stands for "no review"; a tombstone contributes nothing. Cells that cancel out are left out.
 */
export function rollupDeltas(before: Review | null, after: Review | null): RollupDelta[] {
  const into = new Map<string, RollupDelta>();
  accumulateDeltas(into, before, after);
  return [...into.values()].filter((d) => !isZero(d));
}

/**
 * Adds the deltas of `before` becoming `after` into a running sum (a bulk write's, applied once with
 * applyRollups, which drops the cells that cancel out). Same sums as mergeDeltas(rollupDeltas(…)), without the copies.
 */
export function accumulateDeltas(into: Map<string, RollupDelta>, before: Review | null, after: Review | null): void {
  if (before) contributions(before, -1, into);
  if (after) contributions(after, 1, into);
}

/** Adds deltas already summed elsewhere (a pull's pages, pending ones) into a running sum. */
export function mergeDeltas(into: Map<string, RollupDelta>, deltas: readonly RollupDelta[]): void {
  for (const d of deltas) {
    const row = into.get(d.key);
    if (row) addCell(row, d);
    else into.set(d.key, cloneCell(d));
  }
}

/** Stored rollup rows by key (absent: undefined), read in few requests. */
export async function readRollups(rollups: EntityTable<RollupRow, 'key'>, keys: readonly string[]): Promise<Map<string, RollupCell | undefined>> {
  const rows = (await bulkGetFew(rollups, keys)) as (RollupCell | undefined)[];
  return new Map(keys.map((key, i) => [key, rows[i]]));
}

/**
 * Applies deltas to the rollups table. Call inside the transaction that writes the reviews (the
 * table must be part of it), so rollups never disagree with reviews. A cell whose count drops to
 * zero is deleted, so rebuilt and kept rollups hold the same rows. `known`: rows this transaction
 * has already read (readRollups), so only the others are read here.
 */
export async function applyRollups(
  rollups: EntityTable<RollupRow, 'key'>,
  deltas: readonly RollupDelta[],
  known: ReadonlyMap<string, RollupCell | undefined> = new Map(),
): Promise<void> {
  const live = deltas.filter((d) => !isZero(d));
  if (live.length === 0) return;
  const missing = live.filter((d) => !known.has(d.key)).map((d) => d.key);
  const read = missing.length > 0 ? await readRollups(rollups, missing) : new Map<string, RollupCell | undefined>();
  const puts: RollupCell[] = [];
  const deletes: string[] = [];
  for (const d of live) {
    const row = known.has(d.key) ? known.get(d.key) : read.get(d.key);
    let next: RollupCell;
    if (row) {
      next = cloneCell(row);
      addCell(next, d);
    } else {
      next = cloneCell(d);
    }
    if (next.count <= 0) deletes.push(d.key);
    else puts.push(next);
  }
  if (puts.length) await rollups.bulkPut(puts.map(withoutUndefined));
  if (deletes.length) await rollups.bulkDelete(deletes);
}

/** Stored rows never hold `criteria: undefined`, so rebuilt and kept rows compare equal. */
function withoutUndefined(row: RollupCell): RollupCell {
  const { criteria, buckets, ...rest } = row;
  return { ...rest, ...(criteria ? { criteria } : {}), ...(buckets ? { buckets } : {}) };
}

/**
 * A bulk pull's transactions add their rollup deltas to this settings row instead of rewriting every
 * touched cell each time (hundreds of rows per transaction while a fresh profile catches up); the
 * pull folds them into the rows once, when it ends (foldPendingRollups). Rows plus pending deltas
 * always match the reviews; until the fold, the dashboard's figures are those from before the pull.
 */
export const PENDING_ROLLUPS_KEY = 'rollups.pending';

const pendingSchema = z.array(
  z.object({
    key: z.string(),
    dimension: z.string(),
    value: z.string(),
    period: z.string(),
    count: z.number(),
    scored: z.number(),
    sum: z.number(),
    passes: z.number(),
    criticalFails: z.number(),
    criteria: z.record(z.string(), z.tuple([z.number(), z.number()])).optional(),
    buckets: z.array(z.number()).optional(),
  }),
);

/** The pending deltas by key (none: empty). Throws when the row cannot be read: nothing is added to it then. */
export async function readPendingRollups(settings: EntityTable<SettingRow, 'key'>): Promise<Map<string, RollupDelta>> {
  const row = await settings.get(PENDING_ROLLUPS_KEY);
  const pending = new Map<string, RollupDelta>();
  if (!row) return pending;
  const parsed = pendingSchema.safeParse(row.value);
  if (!parsed.success) throw new Error('the pending rollup deltas are unreadable; they are rebuilt at the end of the sync');
  mergeDeltas(pending, parsed.data);
  return pending;
}

/** The settings row holding `pending` plus `deltas` (summed into `pending`), for the caller's transaction to write. */
export function pendingRollupsRow(pending: Map<string, RollupDelta>, deltas: Iterable<RollupDelta>): SettingRow {
  mergeDeltas(pending, [...deltas]);
  return { key: PENDING_ROLLUPS_KEY, value: [...pending.values()].filter((d) => !isZero(d)).map(withoutUndefined) };
}

/** Folds pending deltas into the rollup rows, in one transaction. Deltas that cannot be read: the rows are rebuilt from the reviews. */
export async function foldPendingRollups(database: ArvioDb): Promise<void> {
  if (!(await database.settings.get(PENDING_ROLLUPS_KEY))) return;
  const readable = await database.transaction('rw', database.rollups, database.settings, async () => {
    const row = await database.settings.get(PENDING_ROLLUPS_KEY);
    if (!row) return true;
    const parsed = pendingSchema.safeParse(row.value);
    if (parsed.success) await applyRollups(database.rollups, parsed.data);
    await database.settings.delete(PENDING_ROLLUPS_KEY);
    return parsed.success;
  });
  if (!readable) await recomputeRollups(database);
}

export interface RebuildProgress {
  done: number;
  total: number;
}

/**
 * The migration path: throws all rollups away and rebuilds them from reviews, read by primary key
 * in chunks (never all reviews in memory). Rollups are cleared and written in one transaction at
 * the end, so a reader never sees half a rebuild; the aggregate map is small (cells, not reviews).
 */
export async function recomputeRollups(
  database: ArvioDb,
  onProgress: (p: RebuildProgress) => void = () => undefined,
  chunkSize = 2000,
): Promise<void> {
  const total = await database.reviews.count();
  const cells = new Map<string, RollupDelta>();
  let done = 0;
  let last: string | null = null;
  onProgress({ done, total });
  for (;;) {
    const page: Review[] =
      last === null
        ? await database.reviews.orderBy(':id').limit(chunkSize).toArray()
        : await database.reviews.where(':id').above(last).limit(chunkSize).toArray();
    if (page.length === 0) break;
    for (const review of page) accumulateDeltas(cells, null, review);
    done += page.length;
    last = page[page.length - 1]!.id;
    onProgress({ done, total });
    if (page.length < chunkSize) break;
  }
  await database.transaction('rw', database.rollups, database.settings, async () => {
    await database.settings.delete(PENDING_ROLLUPS_KEY);
    await database.rollups.clear();
    await database.rollups.bulkPut([...cells.values()].filter((c) => c.count > 0).map(withoutUndefined));
  });
}

