// The CSV columns of exported reviews, pure: the extension's export and the server's use the same.
import { translator, type MessageKey } from '../i18n';
import type { Person, Review, Scorecard } from '../model';
import { criterionScore, maxValue } from '../scoring';
import { CsvDate, CsvNumber, type CsvDialect, type CsvValue } from './csv';

/** One row per review: the extension's and the server's export share these columns. */
export const REVIEW_COLUMNS = [
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

/** Long format: one row per criterion rating, for pivot tables. */
export const RATING_COLUMNS = [
  'reviewId',
  'createdAt',
  'reviewerEmail',
  'reviewerName',
  'revieweeEmail',
  'revieweeName',
  'helpdesk',
  'ticketId',
  'channel',
  'scorecardId',
  'scorecardVersion',
  'criterionId',
  'criterionTitle',
  'value',
  'maxValue',
  'na',
  'criterionScore',
  'comment',
  'reviewScore',
  'passed',
] as const;

/**
 * The header row: the column ids, or in the local form the columns' names in the reader's language,
 * date columns naming their time zone ("Luotu (Europe/Helsinki)").
 */
export function headerCells(columns: readonly (ReviewColumn | RatingColumn)[], dialect: CsvDialect): string[] {
  if (!dialect.language) return [...columns];
  const t = translator(dialect.language);
  return columns.map((column) => t(`export.col.${column}` as MessageKey, { timeZone: dialect.timeZone ?? 'UTC' }));
}

export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];
export type RatingColumn = (typeof RATING_COLUMNS)[number];

/** A person's e-mail, or nothing: without a team backend a person's id is the name typed in the settings. */
function emailOf(person: Person): string | null {
  return /^[^\s@]+@[^\s@]+$/.test(person.id) ? person.id : null;
}

/** Scores are written as percent with one decimal (82.5 / 82,5), as the server does. */
function percent(score: number | null): CsvValue {
  return score === null ? null : new CsvNumber(score * 100, 1);
}

export function reviewCells(review: Review): CsvValue[] {
  return [
    review.id,
    new CsvDate(review.createdAt),
    new CsvDate(review.updatedAt),
    emailOf(review.reviewer),
    review.reviewer.name,
    emailOf(review.reviewee),
    review.reviewee.name,
    review.ticket.helpdesk,
    review.ticket.ticketId,
    review.ticket.url,
    review.ticket.subject,
    review.channel,
    review.scorecardId,
    review.scorecardVersion,
    percent(review.score),
    review.passed,
    review.criticalFail,
    review.acknowledgedAt ? new CsvDate(review.acknowledgedAt) : null,
    review.activeMs,
    review.strengths,
    review.developmentAreas,
    review.feedback,
  ];
}

export function ratingCells(review: Review, card: Scorecard | undefined): CsvValue[][] {
  return review.ratings.map((r) => {
    const criterion = card?.criteria.find((c) => c.id === r.criterionId);
    const s = criterion && !r.na && r.value !== null ? criterionScore(criterion, r.value) : null;
    return [
      review.id,
      new CsvDate(review.createdAt),
      emailOf(review.reviewer),
      review.reviewer.name,
      emailOf(review.reviewee),
      review.reviewee.name,
      review.ticket.helpdesk,
      review.ticket.ticketId,
      review.channel,
      review.scorecardId,
      review.scorecardVersion,
      r.criterionId,
      criterion?.title ?? '',
      r.na ? null : r.value,
      criterion ? maxValue(criterion) : null,
      r.na,
      percent(s),
      r.comment,
      percent(review.score),
      review.passed,
    ];
  });
}
