// Review export rows: CSV (UTF-8 with BOM, for spreadsheets) and JSON, written as a stream.
import { reviewSchema, type Review } from '../../lib/model/review';

export const CSV_COLUMNS = [
  'id',
  'createdAt',
  'updatedAt',
  'reviewerEmail',
  'reviewerName',
  'revieweeEmail',
  'revieweeName',
  'helpdesk',
  'ticketId',
  'ticketUrl',
  'subject',
  'channel',
  'scorecardId',
  'scorecardVersion',
  'score',
  'passed',
  'criticalFail',
  'acknowledgedAt',
  'activeMs',
  'strengths',
  'developmentAreas',
  'feedback',
] as const;

export function csvRow(review: Review): string[] {
  return [
    review.id,
    review.createdAt,
    review.updatedAt,
    review.reviewer.id,
    review.reviewer.name,
    review.reviewee.id,
    review.reviewee.name,
    review.ticket.helpdesk,
    review.ticket.ticketId,
    review.ticket.url,
    review.ticket.subject,
    review.channel,
    review.scorecardId,
    String(review.scorecardVersion),
    review.score === null ? '' : (review.score * 100).toFixed(1),
    review.passed === null ? '' : String(review.passed),
    String(review.criticalFail),
    review.acknowledgedAt ?? '',
    String(review.activeMs),
    review.strengths,
    review.developmentAreas,
    review.feedback,
  ];
}

/**
 * Quotes when needed, and defuses spreadsheet formulas: ticket subjects come from customers, and a
 * cell starting with = + - @ would run in Excel (OWASP "CSV injection").
 */
export function csvCell(value: string, delimiter: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: readonly string[], delimiter: string): string {
  return `${cells.map((c) => csvCell(c, delimiter)).join(delimiter)}\r\n`;
}

/** Stored docs were validated on the way in; parse again so a bad row is skipped, not half-written. */
export function asReview(doc: unknown): Review | null {
  const parsed = reviewSchema.safeParse(doc);
  return parsed.success ? parsed.data : null;
}
