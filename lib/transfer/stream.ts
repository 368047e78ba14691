// All collected reviews out (CSV per review, CSV per rating, full JSON) by cursor in chunks, and JSON back in, all or nothing.
import type { Table } from 'dexie';
import { z } from 'zod';
import { bulkGetFew, cardsToImport, db, keepRevisions, presentKeys, writeSynced, type ArvioDb } from '../db';
import {
  BOM,
  csvLine,
  dialectFor,
  exportEnvelopeSchema,
  duplicateError,
  headerCells,
  issueError,
  RATING_COLUMNS,
  ratingCells,
  redactReview,
  REVIEW_COLUMNS,
  reviewCells,
  writeExportFile,
  type CsvDelimiter,
  type CsvLocale,
  type ImportError,
} from '../export';
import {
  bulkParser,
  calibrationRatingsSchema,
  calibrationSessionSchema,
  scorecardSchema,
  selfCheckSchema,
  type CalibrationRatings,
  type CalibrationSession,
  type Review,
  type Scorecard,
  type SelfCheck,
} from '../model';

/** Reviews per read: small enough that reading and formatting one chunk stays well under a 100 ms task. */
export const DEFAULT_CHUNK = 500;

export type CsvShape = 'reviews' | 'ratings';

export interface Progress {
  phase: 'reading' | 'validating' | 'writing' | 'exporting';
  done: number;
  total: number;
}

export interface StreamOptions {
  chunkSize?: number;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  database?: ArvioDb;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('The export was cancelled', 'AbortError');
}

/** Pages of a table in primary-key order, one `limit()` read each: only one page is ever held. */
async function* pages<T, TInsert>(
  table: Table<T, string, TInsert>,
  keyOf: (row: T) => string,
  chunkSize: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<T[]> {
  let last: string | null = null;
  for (;;) {
    throwIfAborted(signal);
    const page: T[] = last === null ? await table.orderBy(':id').limit(chunkSize).toArray() : await table.where(':id').above(last).limit(chunkSize).toArray();
    if (page.length === 0) return;
    last = keyOf(page[page.length - 1]!);
    yield page;
    if (page.length < chunkSize) return;
  }
}

export function reviewPages(options: StreamOptions = {}): AsyncGenerator<Review[]> {
  const database = options.database ?? db();
  return pages(database.reviews, (r) => r.id, options.chunkSize ?? DEFAULT_CHUNK, options.signal);
}

// ---- CSV ----

export interface CsvExportOptions extends StreamOptions {
  shape: CsvShape;
  delimiter: CsvDelimiter;
  /** The reader's language and time zone: with ';', headers in that language and local dates. */
  locale?: CsvLocale | null;
  redact?: boolean;
}

/** CSV text in pieces, one per chunk of reviews; the first piece has the BOM and the header. Tombstones are left out. */
export async function* exportCsv(options: CsvExportOptions): AsyncGenerator<string> {
  const database = options.database ?? db();
  const dialect = dialectFor(options.delimiter, options.locale);
  const total = await database.reviews.count();
  const cards = new Map((await database.scorecards.toArray()).map((c) => [`${c.id}@${c.version}`, c]));
  let done = 0;
  options.onProgress?.({ phase: 'exporting', done, total });
  yield BOM + csvLine(headerCells(options.shape === 'reviews' ? REVIEW_COLUMNS : RATING_COLUMNS, dialect), dialect);
  for await (const page of reviewPages({ ...options, database })) {
    let text = '';
    for (const stored of page) {
      if (stored.deleted) continue;
      const review = options.redact ? redactReview(stored) : stored;
      if (options.shape === 'reviews') text += csvLine(reviewCells(review), dialect);
      else for (const cells of ratingCells(review, cards.get(`${review.scorecardId}@${review.scorecardVersion}`))) text += csvLine(cells, dialect);
    }
    done += page.length;
    options.onProgress?.({ phase: 'exporting', done, total });
    yield text;
  }
}

// ---- JSON ----

export interface JsonExportOptions extends StreamOptions {
  redact?: boolean;
  now?: Date;
}

/**
 * The full-fidelity file: scorecards, self-checks and reviews (tombstones too, so a deletion carries
 * over), written in pieces by the shared `arvio.export` writer (./envelope).
 */
export async function* exportJson(options: JsonExportOptions = {}): AsyncGenerator<string> {
  const database = options.database ?? db();
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const total = await database.reviews.count();
  const cards = await database.scorecards.toArray();
  options.onProgress?.({ phase: 'exporting', done: 0, total });
  async function* reviews(): AsyncGenerator<Review[]> {
    let done = 0;
    for await (const page of reviewPages({ ...options, database })) {
      yield options.redact ? page.map(redactReview) : page;
      done += page.length;
      options.onProgress?.({ phase: 'exporting', done, total });
    }
  }
  yield* writeExportFile({
    exportedAt: options.now ?? new Date(),
    scorecards: [cards],
    selfChecks: pages(database.selfChecks, (s) => s.id, chunkSize, options.signal),
    reviews: reviews(),
    calibration: await calibrationOut(database),
  });
}

/**
 * Calibration as held: the server sent other participants by pseudonym where the exporter may not see
 * names. Deleted ratings (an erased participant's tombstones) are not there: they carry nothing to
 * restore, and the file does not name whom they were.
 */
async function calibrationOut(database: ArvioDb): Promise<{ sessions: [CalibrationSession[]]; ratings: [CalibrationRatings[]] }> {
  const ratings = (await database.calibrationRatings.toArray()).filter((r) => r.deleted !== true);
  return { sessions: [await database.calibrationSessions.toArray()], ratings: [ratings] };
}

/** Collects pieces into a Blob as they come: the text goes to the browser's blob store, not the JS heap. */
export async function toBlob(pieces: AsyncIterable<string>, type: string): Promise<Blob> {
  const parts: Blob[] = [];
  for await (const piece of pieces) parts.push(new Blob([piece]));
  return new Blob(parts, { type });
}

// ---- import ----

export interface ExportFile {
  exportedAt: string;
  scorecards: Scorecard[];
  selfChecks: SelfCheck[];
  reviews: Review[];
  calibration: Calibration;
}

/** Calibration sessions and ratings in a file: small collections, validated with the envelope. */
export interface Calibration {
  sessions: CalibrationSession[];
  ratings: CalibrationRatings[];
}

export type ParsedImport = { ok: true; file: ExportFile } | { ok: false; error: ImportError };

const VALIDATE_CHUNK = 2000;

/** What validateAll checks items with: a zod schema, or reviewParser. */
interface Parser<T> {
  safeParse(raw: unknown): z.ZodSafeParseResult<T>;
}

/** Reviews, the bulk of a file, by the compiled validator (lib/model/bulk.ts). */
async function reviewParser(): Promise<Parser<Review>> {
  const parse = await bulkParser();
  return { safeParse: (raw) => parse('reviews', raw) };
}

async function validateAll<T>(
  items: unknown[],
  schema: Parser<T>,
  name: string,
  progress: (n: number) => void,
): Promise<{ ok: true; values: T[] } | { ok: false; error: ImportError }> {
  const values: T[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const parsed = schema.safeParse(items[i]);
    if (!parsed.success) return { ok: false, error: issueError(parsed.error, items[i], [name, i]) };
    const value = parsed.data;
    const key = idOf(value);
    if (ids.has(key)) return { ok: false, error: duplicateError([name, i, 'id'], key) };
    ids.add(key);
    values.push(value);
    if (i % VALIDATE_CHUNK === VALIDATE_CHUNK - 1) {
      progress(i + 1);
      // Let the page paint the progress bar between chunks.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  progress(items.length);
  return { ok: true, values };
}

function idOf(value: unknown): string {
  const v = value as { id: string; version?: number };
  return v.version === undefined ? v.id : `${v.id}@${v.version}`;
}

/**
 * Reads and validates a whole export before anything is written: the first problem is returned with
 * its field path (`reviews[12].score`), and nothing is imported.
 */
type Envelope =
  | { ok: true; exportedAt: string; scorecards: Scorecard[]; selfChecks: SelfCheck[]; reviews: unknown[]; calibration: Calibration }
  | { ok: false; error: ImportError };

/** JSON, the envelope, and the small collections (scorecards, self-checks) validated; reviews left raw. */
async function readEnvelope(text: string, onProgress?: (p: Progress) => void): Promise<Envelope> {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, error: { path: '', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}`, reason: { kind: 'notJson' } } };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: { path: '', message: 'not an Arvio export file (expected a JSON object)', reason: { kind: 'notExport' } } };
  }
  const head = exportEnvelopeSchema.safeParse(data);
  if (!head.success) {
    const error = issueError(head.error, data);
    return { ok: false, error: error.path === 'format' ? { ...error, reason: { kind: 'notExport' } } : error };
  }
  const { scorecards, selfChecks, reviews, exportedAt } = head.data;
  const total = scorecards.length + selfChecks.length;
  const report = (base: number) => (n: number) => onProgress?.({ phase: 'validating', done: base + n, total });
  const cards = await validateAll(scorecards, scorecardSchema, 'scorecards', report(0));
  if (!cards.ok) return cards;
  const checks = await validateAll(selfChecks, selfCheckSchema, 'selfChecks', report(scorecards.length));
  if (!checks.ok) return checks;
  const sessions = await validateAll(head.data.calibrationSessions, calibrationSessionSchema, 'calibrationSessions', () => undefined);
  if (!sessions.ok) return sessions;
  const ratings = await validateAll(head.data.calibrationRatings, calibrationRatingsSchema, 'calibrationRatings', () => undefined);
  if (!ratings.ok) return ratings;
  return { ok: true, exportedAt, scorecards: cards.values, selfChecks: checks.values, reviews, calibration: { sessions: sessions.values, ratings: ratings.values } };
}

/**
 * Reads and validates a whole export without writing anything: the first problem is returned with
 * its field path (`reviews[12].score`).
 */
export async function parseExportFile(text: string, onProgress?: (p: Progress) => void): Promise<ParsedImport> {
  const head = await readEnvelope(text, onProgress);
  if (!head.ok) return head;
  const revs = await validateAll(head.reviews, await reviewParser(), 'reviews', (n) => onProgress?.({ phase: 'validating', done: n, total: head.reviews.length }));
  if (!revs.ok) return revs;
  return {
    ok: true,
    file: { exportedAt: head.exportedAt, scorecards: head.scorecards, selfChecks: head.selfChecks, reviews: revs.values, calibration: head.calibration },
  };
}

/** Which copy of a review wins a merge: the later revision, then the later edit; an acknowledgement is never lost. */
export function mergeReview(existing: Review | undefined, incoming: Review): Review | null {
  if (!existing) return incoming;
  const newer =
    incoming.revision > existing.revision || (incoming.revision === existing.revision && incoming.updatedAt > existing.updatedAt);
  const winner = newer ? incoming : existing;
  const acknowledgedAt = winner.acknowledgedAt ?? (newer ? existing.acknowledgedAt : incoming.acknowledgedAt);
  if (!newer && acknowledgedAt === existing.acknowledgedAt) return null;
  return { ...winner, acknowledgedAt };
}

export interface ImportSummary {
  reviews: { added: number; updated: number; unchanged: number };
  selfChecks: number;
  scorecards: number;
}

/** A bad field found while importing: thrown inside the import's transaction, which rolls everything back. */
export class ImportProblem extends Error {
  constructor(readonly problem: ImportError) {
    super(problem.path ? `${problem.path}: ${problem.message}` : problem.message);
  }
}

/** Pass-through for reviews that were validated already (parseExportFile). */
const alreadyValid = (raw: unknown): Review => raw as Review;

/**
 * Writes a file's documents, merging by id, in ONE transaction: a bad review, a full disk or a closed
 * tab rolls back everything, rollups included. Reviews are validated chunk by chunk while the previous
 * chunk is being written (IndexedDB works on its own thread), so checking every field costs little
 * extra time; a problem anywhere aborts before the transaction commits, so nothing is imported.
 * Importing the same file twice changes nothing. Not resumable: a tab closed mid-import leaves the
 * profile exactly as before, and the file is imported again from the start.
 */
async function writeImport(
  database: ArvioDb,
  scorecards: readonly Scorecard[],
  selfChecks: readonly SelfCheck[],
  rawReviews: readonly unknown[],
  check: (raw: unknown, i: number) => Review,
  options: StreamOptions,
  calibration: Calibration = { sessions: [], ratings: [] },
): Promise<ImportSummary> {
  const chunkSize = options.chunkSize ?? 5000;
  const total = rawReviews.length;
  const summary: ImportSummary = { reviews: { added: 0, updated: 0, unchanged: 0 }, selfChecks: 0, scorecards: 0 };
  // The one writer queues every imported document for the team backend and sums the rollup deltas
  // of the whole import (as big as the rollup table, not the file), written once at its end.
  await writeSynced(database, ['scorecards', 'selfChecks', 'reviews', 'calibrationSessions', 'calibrationRatings'], 'local', async (writer) => {
    const cards = await cardsToImport(database, scorecards);
    await writer.put('scorecards', cards);
    summary.scorecards = cards.length;
    const existingChecks = await database.selfChecks.bulkGet(selfChecks.map((s) => s.id));
    const checks = selfChecks.filter((s, i) => {
      const e = existingChecks[i];
      return !e || s.updatedAt > e.updatedAt;
    });
    await writer.put('selfChecks', checks);
    summary.selfChecks = checks.length;
    // Calibration merges by id: the later change wins.
    const newer = <T extends { id: string; updatedAt: string }>(incoming: readonly T[], existing: readonly (T | undefined)[]): T[] =>
      incoming.filter((x, i) => {
        const e = existing[i];
        return !e || x.updatedAt > e.updatedAt;
      });
    await writer.put('calibrationSessions', newer(calibration.sessions, await database.calibrationSessions.bulkGet(calibration.sessions.map((x) => x.id))));
    await writer.put('calibrationRatings', newer(calibration.ratings, await database.calibrationRatings.bulkGet(calibration.ratings.map((x) => x.id))));

    const ids = new Set<string>();
    // Which of the file's reviews are here already, by key, read once (a fresh profile: none). A chunk
    // then reads only those, so it is validated, merged and summed while the one before it is written.
    // null (the range holds far more than the file): each chunk probes its own ids.
    const fileIds = rawReviews.map((raw) => (raw as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string');
    const present = await presentKeys(database.reviews, fileIds);
    const stored = present && new Set(present);
    let writing: Promise<unknown> = Promise.resolve();
    options.onProgress?.({ phase: 'writing', done: 0, total });
    for (let start = 0; start < total; start += chunkSize) {
      throwIfAborted(options.signal);
      const chunk: Review[] = [];
      for (let i = start; i < Math.min(total, start + chunkSize); i++) {
        const review = check(rawReviews[i], i);
        if (ids.has(review.id)) throw new ImportProblem(duplicateError(['reviews', i, 'id'], review.id));
        ids.add(review.id);
        chunk.push(review);
      }
      const known = (stored ? chunk.filter((r) => stored.has(r.id)) : chunk).map((r) => r.id);
      const found = known.length > 0 ? await bulkGetFew(database.reviews, known) : [];
      const existing = new Map(known.map((id, i) => [id, found[i]]));
      const writes: Review[] = [];
      const replaced: Review[] = [];
      const superseded: Review[] = [];
      for (const incoming of chunk) {
        const before = existing.get(incoming.id);
        const merged = mergeReview(before, incoming);
        if (!merged) {
          summary.reviews.unchanged++;
          continue;
        }
        if (before) {
          summary.reviews.updated++;
          replaced.push(before);
          // The file's version replaces the stored one, which stays in its history as an edit's does
          // (not when only an acknowledgement from the file was merged into the stored version).
          if (merged.revision !== before.revision || merged.updatedAt !== before.updatedAt) superseded.push(before);
        } else summary.reviews.added++;
        writes.push(merged);
      }
      // At most two chunks in memory: this one waits for the writes of the one before.
      await writing;
      options.onProgress?.({ phase: 'writing', done: start, total });
      writing = Promise.all([keepRevisions(database, superseded), writer.put('reviews', writes, { before: replaced })]);
    }
    await writing;
  }, [database.reviewRevisions]);
  options.onProgress?.({ phase: 'writing', done: total, total });
  return summary;
}

/** Writes a file that parseExportFile validated. See writeImport. */
export async function importExportFile(file: ExportFile, options: StreamOptions = {}): Promise<ImportSummary> {
  return writeImport(options.database ?? db(), file.scorecards, file.selfChecks, file.reviews, alreadyValid, options, file.calibration);
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; error: ImportError };

/**
 * The import control's path: read the envelope and the small collections, then validate and write
 * reviews together, in one transaction that any bad field rolls back (nothing is imported).
 */
export async function importExportText(text: string, options: StreamOptions = {}): Promise<ImportResult> {
  const head = await readEnvelope(text);
  if (!head.ok) return head;
  // The parsed reviews are this import's alone: the file's array lets each go once it is checked, so
  // it lives only until its chunk is written and the heap shrinks as the import goes.
  const raw = head.reviews;
  const parser = await reviewParser();
  const check = (value: unknown, i: number): Review => {
    const parsed = parser.safeParse(value);
    if (!parsed.success) throw new ImportProblem(issueError(parsed.error, value, ['reviews', i]));
    raw[i] = undefined;
    return parsed.data;
  };
  try {
    const summary = await writeImport(options.database ?? db(), head.scorecards, head.selfChecks, raw, check, options, head.calibration);
    return { ok: true, summary };
  } catch (e) {
    if (e instanceof ImportProblem) return { ok: false, error: e.problem };
    throw e;
  }
}
