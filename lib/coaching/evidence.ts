// What a coach looks at before a session, and whether a period worked: pure, from the agent's reviews
// and self-checks in a window (read by index in lib/coaching/store.ts) and the score formula.
import type { FocusCriterion } from '../model/coaching';
import type { Review, SelfCheck } from '../model/review';
import type { Scorecard } from '../model/scorecard';
import { criterionMean, criterionScore, qualityScore } from '../scoring';
import { gapOfPairs, reviewOf, type CriterionGap } from '../dashboard/selfcheck-gap';
import { titleOf } from './focus';
import { addDays, daysBetween, dayOf } from './period';

/** Below this many reviews a side of a comparison shows "too few reviews" instead of a figure. */
export const MIN_REVIEWS = 3;
/** Without an earlier session, the evidence looks back this far. */
export const FIRST_LOOKBACK_DAYS = 56;

export interface CriterionFigure {
  criterionId: string;
  title: string;
  mean: number;
  count: number;
}

export interface Evidence {
  /** First day looked at (the day after the last session, or the lookback), and today. */
  from: string;
  to: string;
  reviews: Review[];
  /** lib/scoring qualityScore over the window; null without scored reviews. */
  qualityScore: number | null;
  /** Per ISO week (Monday) in the window: quality score and count. */
  trend: { week: string; qualityScore: number | null; count: number }[];
  /** Highest mean first. */
  criteria: CriterionFigure[];
  strongest: CriterionFigure[];
  weakest: CriterionFigure[];
  gap: CriterionGap[];
}

const cardOf = (cards: readonly Scorecard[], review: Pick<Review, 'scorecardId' | 'scorecardVersion'>) =>
  cards.find((c) => c.id === review.scorecardId && c.version === review.scorecardVersion);

/** Per criterion id: the sum of criterion scores and ratings with a value (N/A left out), each scaled by its own card. */
function criterionSums(reviews: readonly Review[], cards: readonly Scorecard[]): Map<string, { title: string; sum: number; count: number }> {
  const sums = new Map<string, { title: string; sum: number; count: number }>();
  for (const review of reviews) {
    const card = cardOf(cards, review);
    if (!card) continue;
    for (const rating of review.ratings) {
      const criterion = card.criteria.find((c) => c.id === rating.criterionId);
      if (!criterion || rating.na || rating.value === null) continue;
      const score = criterionScore(criterion, rating.value);
      if (score === null) continue;
      const entry = sums.get(criterion.id) ?? { title: criterion.title, sum: 0, count: 0 };
      entry.sum += score;
      entry.count += 1;
      sums.set(criterion.id, entry);
    }
  }
  return sums;
}

function totals(reviews: readonly Review[]): { scored: number; sum: number } {
  let scored = 0;
  let sum = 0;
  for (const r of reviews) {
    if (r.score === null) continue;
    scored += 1;
    sum += r.score;
  }
  return { scored, sum };
}

function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00.000Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The evidence of a window: `reviews` are the agent's (tombstones dropped here), `selfChecks` the agent's. */
export function evidenceOf(
  reviews: readonly Review[],
  selfChecks: readonly SelfCheck[],
  cards: readonly Scorecard[],
  from: string,
  to: string,
): Evidence {
  const inWindow = reviews
    .filter((r) => !r.deleted && dayOf(r.createdAt) >= from && dayOf(r.createdAt) <= to)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const criteria = [...criterionSums(inWindow, cards)]
    .map(([criterionId, e]) => ({ criterionId, title: e.title, mean: criterionMean(e) ?? 0, count: e.count }))
    .sort((a, b) => b.mean - a.mean || a.title.localeCompare(b.title));
  const weeks = new Map<string, Review[]>();
  for (let week = mondayOf(from); week <= to; week = addDays(week, 7)) weeks.set(week, []);
  for (const r of inWindow) weeks.get(mondayOf(dayOf(r.createdAt)))?.push(r);
  const byTicket = new Map<string, Review[]>();
  for (const r of inWindow) byTicket.set(r.ticketKey, [...(byTicket.get(r.ticketKey) ?? []), r]);
  const pairs: Array<[SelfCheck, Review]> = [];
  for (const check of selfChecks) {
    if (check.deleted || dayOf(check.createdAt) < from || dayOf(check.createdAt) > to) continue;
    const review = reviewOf(check, byTicket.get(check.ticketKey) ?? []);
    if (review) pairs.push([check, review]);
  }
  const few = Math.min(3, Math.floor(criteria.length / 2));
  return {
    from,
    to,
    reviews: inWindow,
    qualityScore: qualityScore(totals(inWindow)),
    trend: [...weeks].map(([week, rs]) => ({ week, qualityScore: qualityScore(totals(rs)), count: rs.length })),
    criteria,
    strongest: criteria.slice(0, few),
    weakest: criteria.slice(criteria.length - few).reverse(),
    gap: gapOfPairs(pairs, cards),
  };
}

export interface Side {
  from: string;
  to: string;
  count: number;
  /** null: too few reviews (fewer than MIN_REVIEWS ratings) or none. */
  mean: number | null;
}

export interface BeforeAfter {
  focus: FocusCriterion;
  title: string;
  before: Side;
  after: Side;
}

/**
 * Did it work? For a period, each focus criterion's mean in the same length of time before it vs
 * during and after it (the period and as long again, up to today), with the ratings each rests on.
 */
export function beforeAfterWindows(period: { start: string; end: string }, today: string): { before: [string, string]; after: [string, string] } {
  const length = daysBetween(period.start, period.end) + 1;
  const afterEnd = addDays(period.end, length);
  return { before: [addDays(period.start, -length), addDays(period.start, -1)], after: [period.start, afterEnd < today ? afterEnd : today] };
}

export function beforeAfter(
  focus: readonly FocusCriterion[],
  period: { start: string; end: string },
  reviews: readonly Review[],
  cards: readonly Scorecard[],
  today: string,
): BeforeAfter[] {
  const windows = beforeAfterWindows(period, today);
  const side = ([from, to]: [string, string], criterionId: string): Side => {
    const rs = reviews.filter((r) => !r.deleted && dayOf(r.createdAt) >= from && dayOf(r.createdAt) <= to);
    const entry = criterionSums(rs, cards).get(criterionId);
    const count = entry?.count ?? 0;
    return { from, to, count, mean: entry && count >= MIN_REVIEWS ? criterionMean(entry) : null };
  };
  return focus.map((f) => ({
    focus: f,
    title: titleOf(f, cards),
    before: side(windows.before, f.criterionId),
    after: side(windows.after, f.criterionId),
  }));
}
