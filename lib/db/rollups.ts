// Dashboard rollups: quality aggregates kept beside reviews, updated in the same transaction as every write.
//
// Shape. A rollup row is a small cube cell: who (the whole team, one agent or one reviewer) × the
// slice (scorecard version, channel, helpdesk) × period. Keeping the slice inside the value lets a
// dashboard combine "agent + channel + scorecard" filters from rollups alone; a slice has few values.
// "Month detail" rows (`.mx`) also carry the score distribution and per-criterion sums, so one review
// touches fifteen rows, not fifty (bulk imports write every touched row once per import), while the
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
//   agent.d              agentId␟  (all slices together)               YYYY-MM-DD  (plus `criteria` keyed card␟criterionId)
//
// Day rows (`agent.d`) are what preparing a coaching session reads: one agent's days since the last
// session (score trend, criterion means by each card's scale) without reading their reviews.
// `card` is `scorecardId@version`. Criterion sums keep the *raw* rating values: the dashboard applies
// the card version's scale when it reads them (lib/scoring criterionScoreSum; this keeps rollupDeltas
// pure and free of the scorecard table). Teams are not on local reviews, so there is no team dimension here.
import type { EntityTable } from 'dexie';
import { z } from 'zod';
import { dayOf, monthOf, timeZone, weekOf, type Review } from '../model';
import { SCORE_BUCKETS, scoreBucket } from '../scoring';
import { bulkGetFew } from './bulk';
import type { ArvioDb, RollupRow, SettingRow } from './database';

/** Unit separator: cannot appear in e-mail addresses, ids or channel names typed by people. */
export const SEP = '\u001f';
export const ALL_PERIOD = '*';
export type Who = 'all' | 'agent' | 'reviewer';

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

export function cardKey(review: Pick<Review, 'scorecardId' | 'scorecardVersion'>): string {
  return `${review.scorecardId}@${review.scorecardVersion}`;
}

function rowKey(dimension: string, value: string, period: string): string {
  return `${dimension}|${value}|${period}`;
}

/**
 * Adds `d` into `row` (both signed): plain fields, criterion sums and buckets; emptied criteria are dropped.
 * `row` is always a cloneCell copy held in a map: its criteria pairs and buckets are its own, changed in place.
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
      const pair = criteria[id];
      if (pair) {
        pair[0] += sum;
        pair[1] += count;
        if (pair[0] === 0 && pair[1] === 0) delete criteria[id];
      } else if (sum !== 0 || count !== 0) criteria[id] = [sum, count];
    }
  }
  if (d.buckets) {
    const buckets = (row.buckets ??= new Array<number>(SCORE_BUCKETS + 1).fill(0));
    for (let i = 0; i < d.buckets.length; i++) buckets[i] = (buckets[i] ?? 0) + d.buckets[i]!;
  }
}

/** An empty row: every row in a map is made here, so all share one shape (property reads stay fast). */
function emptyCell(key: string, dimension: string, value: string, period: string): RollupCell {
  return { key, dimension, value, period, count: 0, scored: 0, sum: 0, passes: 0, criticalFails: 0, criteria: undefined, buckets: undefined };
}

/** A copy that owns its criteria pairs and buckets (addCell changes them in place). */
function cloneCell(d: RollupCell): RollupCell {
  const row = emptyCell(d.key, d.dimension, d.value, d.period);
  addCell(row, d);
  return row;
}

/** What one review adds to a row: the counts, and on month detail rows the criteria and buckets. */
type CellCounts = Pick<RollupCell, 'count' | 'scored' | 'sum' | 'passes' | 'criticalFails' | 'criteria' | 'buckets'>;

/** The summed counts of reviews that touch the same rows (one reviewee, reviewer, slice and local day). */
interface DayGroup {
  /** The first of them: whose ids and names name the rows. */
  review: Review;
  /** Their calendar day in this browser's time zone (lib/model/time.ts): it names the day, week and month rows. */
  day: string;
  slice: string;
  counts: Required<CellCounts>;
}

/** Adds one review's counts into its group: a criterion counts with the last rating it has, if valued (as scoreReview counts). */
function addToGroup(counts: Required<CellCounts>, review: Review, sign: 1 | -1): void {
  counts.count += sign;
  if (review.score !== null) {
    counts.scored += sign;
    counts.sum += sign * review.score;
  }
  if (review.passed === true) counts.passes += sign;
  if (review.criticalFail) counts.criticalFails += sign;
  counts.buckets[scoreBucket(review.score)]! += sign;
  const { ratings } = review;
  const seen = new Set<string>();
  for (let i = ratings.length - 1; i >= 0; i--) {
    const { criterionId, value, na } = ratings[i]!;
    if (seen.has(criterionId)) continue;
    seen.add(criterionId);
    if (na || value === null) continue;
    const pair = counts.criteria[criterionId];
    if (pair) {
      pair[0] += sign * value;
      pair[1] += sign;
    } else counts.criteria[criterionId] = [sign * value, sign];
  }
}

/**
 * Adds what live reviews contribute (sign 1) or take away (sign -1) into a running sum of row
 * deltas. Reviews of one reviewee, reviewer, slice and day touch the same fifteen rows, so they
 * are summed per day first and each row takes a day's sum once (bulk writes pass thousands).
 */
export function addReviews(into: Map<string, RollupDelta>, reviews: Iterable<Review | null | undefined>, sign: 1 | -1): void {
  const groups = new Map<string, DayGroup>();
  for (const review of reviews) {
    if (!review || review.deleted) continue;
    const slice = `${cardKey(review)}${SEP}${review.channel}${SEP}${review.ticket.helpdesk}`;
    const { reviewee, reviewer } = review;
    const day = dayOf(review.createdAt);
    const id = `${reviewee.id}${SEP}${reviewee.name}${SEP}${reviewer.id}${SEP}${reviewer.name}${SEP}${slice}${SEP}${day}`;
    let group = groups.get(id);
    if (!group) {
      const counts = { count: 0, scored: 0, sum: 0, passes: 0, criticalFails: 0, criteria: {}, buckets: new Array<number>(SCORE_BUCKETS + 1).fill(0) };
      groups.set(id, (group = { review, day, slice, counts }));
    }
    addToGroup(group.counts, review, sign);
  }
  for (const group of groups.values()) addGroupRows(into, group);
}

/** Every rollup row a day group contributes to. */
function addGroupRows(into: Map<string, RollupDelta>, { review, day, slice, counts }: DayGroup): void {
  const month = monthOf(day);
  const week = weekOf(day);
  const base: CellCounts = { count: counts.count, scored: counts.scored, sum: counts.sum, passes: counts.passes, criticalFails: counts.criticalFails };
  const one: CellCounts = { count: counts.count, scored: 0, sum: 0, passes: 0, criticalFails: 0 };
  // A row already in the map takes the counts as they are; only a new row is built.
  const add = (dimension: string, value: string, period: string, d: CellCounts) => {
    const key = rowKey(dimension, value, period);
    let row = into.get(key);
    if (!row) into.set(key, (row = emptyCell(key, dimension, value, period)));
    addCell(row, d);
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
    add(`${who}.mx`, value, month, counts);
  }
  // Per person and month across all slices: what the unfiltered agent and reviewer tables read.
  add('agent.t', `${review.reviewee.id}${SEP}`, month, base);
  add('reviewer.t', `${review.reviewer.id}${SEP}`, month, base);
  add('agent.all', `${review.reviewee.id}${SEP}${review.reviewee.name}`, ALL_PERIOD, one);
  add('reviewer.all', `${review.reviewer.id}${SEP}${review.reviewer.name}`, ALL_PERIOD, one);
  add('slice.all', slice, ALL_PERIOD, one);
  const card = cardKey(review);
  const criteria: Record<string, [number, number]> = {};
  for (const id in counts.criteria) criteria[`${card}${SEP}${id}`] = counts.criteria[id]!;
  add('agent.d', `${review.reviewee.id}${SEP}`, day, { ...base, criteria });
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
  addReviews(into, [before], -1);
  addReviews(into, [after], 1);
  return [...into.values()].filter((d) => !isZero(d));
}

/** Adds deltas already summed elsewhere (a pull's pages, pending ones) into a running sum. */
export function mergeDeltas(into: Map<string, RollupDelta>, deltas: readonly RollupDelta[]): void {
  for (const d of deltas) {
    const row = into.get(d.key);
    if (row) addCell(row, d);
    else into.set(d.key, cloneCell(d));
  }
}

/** The cards (`id@version`) the reviews held here were scored with, from the directory of slices (never the reviews). */
export async function cardsReviewed(rollups: EntityTable<RollupRow, 'key'>): Promise<Set<string>> {
  const slices = await rollups.where('[dimension+period]').equals(['slice.all', ALL_PERIOD]).toArray();
  return new Set(slices.filter((row) => row.count > 0).map((row) => row.value.slice(0, row.value.indexOf(SEP))));
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

/**
 * The rows' shape: 2 added the day rows (`agent.d`), 3 counts days, weeks and months in the browser's
 * time zone (lib/model/time.ts). Rows of another shape, or counted in another time zone (the computer
 * moved, or its zone was changed), are rebuilt once (ensureRollupShape).
 */
export const ROLLUP_SHAPE = 3;
const SHAPE_KEY = 'rollups.shape';
const shapeHere = (): string => `${ROLLUP_SHAPE} ${timeZone()}`;

/** Rebuilds the rollups when their rows are not of this shape and time zone (once; later calls read one settings row). */
export async function ensureRollupShape(database: ArvioDb): Promise<void> {
  if ((await database.settings.get(SHAPE_KEY))?.value !== shapeHere()) await rebuild(database, () => undefined, 2000, true);
}

export interface RebuildProgress {
  done: number;
  total: number;
}

/**
 * The migration path: throws all rollups away and rebuilds them from reviews, read by primary key
 * in chunks (never all reviews in memory). One transaction holds the reviews, so no write lands
 * between a chunk read and the rows written (a write waits for it), and a reader never sees half a
 * rebuild; the aggregate map is small (cells, not reviews). `onProgress` is called inside that
 * transaction: it reports, and starts no database work of its own.
 */
export async function recomputeRollups(
  database: ArvioDb,
  onProgress: (p: RebuildProgress) => void = () => undefined,
  chunkSize = 2000,
): Promise<void> {
  await rebuild(database, onProgress, chunkSize, false);
}

/** `onlyIfStale`: unless another page or the worker rebuilt them while this one waited for the transaction. */
async function rebuild(database: ArvioDb, onProgress: (p: RebuildProgress) => void, chunkSize: number, onlyIfStale: boolean): Promise<void> {
  await database.transaction('rw', database.reviews, database.rollups, database.settings, async () => {
    if (onlyIfStale && (await database.settings.get(SHAPE_KEY))?.value === shapeHere()) return;
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
      addReviews(cells, page, 1);
      done += page.length;
      last = page[page.length - 1]!.id;
      onProgress({ done, total });
      if (page.length < chunkSize) break;
    }
    await database.settings.delete(PENDING_ROLLUPS_KEY);
    await database.settings.put({ key: SHAPE_KEY, value: shapeHere() });
    await database.rollups.clear();
    await database.rollups.bulkPut([...cells.values()].filter((c) => c.count > 0).map(withoutUndefined));
  });
}

