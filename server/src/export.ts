// The team export: the extension's own CSV rows and `arvio.export` file (lib/export), written in pieces from pages of stored docs.
import { BOM, csvLine, headerCells, REVIEW_COLUMNS, reviewCells, writeExportFile, type CsvDialect } from '../../lib/export';
import { reviewSchema, scorecardSchema, type Review, type Scorecard } from '../../lib/model';

/** Stored docs were validated on the way in; parse again so a bad row is skipped, not half-written. */
export function asReview(doc: unknown): Review | null {
  const parsed = reviewSchema.safeParse(doc);
  return parsed.success ? parsed.data : null;
}

function asScorecard(doc: unknown): Scorecard | null {
  const parsed = scorecardSchema.safeParse(doc);
  return parsed.success ? parsed.data : null;
}

const present = <T>(value: T | null): value is T => value !== null;

async function* reviewPages(pages: AsyncIterable<readonly unknown[]>): AsyncGenerator<Review[]> {
  for await (const page of pages) yield page.map(asReview).filter(present);
}

/**
 * One row per review, cell for cell the extension's CSV: semicolons bring decimal commas, and with the
 * reader's language and time zone asked for, headers in that language and local dates, as Finnish Excel expects.
 */
export async function* reviewsCsv(pages: AsyncIterable<readonly unknown[]>, dialect: CsvDialect): AsyncGenerator<string> {
  yield BOM + csvLine(headerCells(REVIEW_COLUMNS, dialect), dialect);
  for await (const page of reviewPages(pages)) yield page.map((review) => csvLine(reviewCells(review), dialect)).join('');
}

/**
 * The same file the extension's JSON export writes, so the import control reads it. It carries the
 * scorecards (every user may read them) so the reviews keep their criteria in the profile they go
 * to; self-checks are not part of a review export.
 */
export function reviewsJson(pages: AsyncIterable<readonly unknown[]>, scorecards: readonly unknown[], now: Date): AsyncGenerator<string> {
  return writeExportFile({
    exportedAt: now,
    scorecards: [scorecards.map(asScorecard).filter(present)],
    selfChecks: [],
    reviews: reviewPages(pages),
  });
}
