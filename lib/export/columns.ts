// The CSV columns of exported reviews, pure: the extension's export and the server's use the same.
import type { Review } from '../model/review';
import type { Scorecard } from '../model/scorecard';
import { criterionScore, maxValue } from '../scoring';
import { CsvNumber, type CsvValue } from './csv';

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

/** Scores are written as percent with one decimal (82.5 / 82,5), as the server does. */
function percent(score: number | null): CsvValue {
  return score === null ? null : new CsvNumber(score * 100, 1);
}

export function reviewCells(review: Review): CsvValue[] {
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
    review.scorecardVersion,
    percent(review.score),
    review.passed,
    review.criticalFail,
    review.acknowledgedAt ?? '',
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
      review.createdAt,
      review.reviewer.id,
      review.reviewee.id,
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
