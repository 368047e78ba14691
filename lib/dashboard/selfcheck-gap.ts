// Self-check vs reviewer per criterion: where agents see their replies differently from their reviewers.
import { criterionMean, criterionScore } from '../scoring';
import { emailKey, monthOf, seriesOf, type Review, type Scorecard, type SelfCheck } from '../model';
import { db } from '../db';
import { reviewInFilter, teamOf, type DashboardFilter } from './figures';

/** One criterion of one scorecard family (the reviewer's card): cards sharing a criterion id stay apart. */
export interface CriterionGap {
  scorecardId: string;
  scorecardName: string;
  criterionId: string;
  title: string;
  /** Mean normalised score (0…1) the agents gave themselves, and the reviewers gave. */
  self: number;
  reviewer: number;
  /** Self-checks and reviews of the same ticket and agent that rated this criterion. */
  pairs: number;
}

const same = (a: string, b: string): boolean => emailKey(a) === emailKey(b);

/** The review about this self-check's agent on the same ticket (matched by e-mail or shown name). */
export function reviewOf(selfCheck: SelfCheck, reviews: readonly Review[]): Review | undefined {
  return reviews.find(
    (r) => !r.deleted && (same(r.reviewee.id, selfCheck.agent.id) || same(r.reviewee.name, selfCheck.agent.name)),
  );
}

/**
 * Reads self-checks (few: agents make them privately) and, per self-check, the reviews of its
 * ticket by index — never a scan of reviews. The self-check's month is the range's; the agent is the
 * self-check's (by e-mail or shown name); its review counts under the dashboard's other filters as the
 * figures count it (reviewInFilter).
 */
export async function selfCheckGap(filter: DashboardFilter, cards: readonly Scorecard[]): Promise<CriterionGap[]> {
  const database = db();
  const team = await teamOf(filter);
  const pairs: Array<[SelfCheck, Review]> = [];
  const selfChecks = await database.selfChecks.toArray();
  for (const selfCheck of selfChecks) {
    const month = monthOf(selfCheck.createdAt);
    if (selfCheck.deleted || month < filter.from || month > filter.to) continue;
    if (filter.agent && !same(selfCheck.agent.id, filter.agent) && !same(selfCheck.agent.name, filter.agent)) continue;
    const ofTicket = await database.reviews.where('ticketKey').equals(selfCheck.ticketKey).toArray();
    const review = reviewOf(selfCheck, ofTicket.filter((r) => reviewInFilter(r, filter, team)));
    if (review) pairs.push([selfCheck, review]);
  }
  return gapOfPairs(pairs, cards);
}

/** The gap per criterion over self-checks paired with the review of the same ticket and agent (pure). */
export function gapOfPairs(pairs: Iterable<readonly [SelfCheck, Review]>, cards: readonly Scorecard[]): CriterionGap[] {
  const card = (id: string, version: number) => cards.find((c) => c.id === id && c.version === version);
  const sums = new Map<string, { scorecardId: string; scorecardName: string; criterionId: string; title: string; self: number; reviewer: number; pairs: number }>();
  for (const [selfCheck, review] of pairs) {
    const selfCard = card(selfCheck.scorecardId, selfCheck.scorecardVersion);
    const reviewCard = card(review.scorecardId, review.scorecardVersion);
    if (!selfCard || !reviewCard) continue;
    for (const own of selfCheck.ratings) {
      const theirs = review.ratings.find((r) => r.criterionId === own.criterionId);
      const selfCriterion = selfCard.criteria.find((c) => c.id === own.criterionId);
      const reviewCriterion = reviewCard.criteria.find((c) => c.id === own.criterionId);
      if (!theirs || !selfCriterion || !reviewCriterion || own.value === null || theirs.value === null || theirs.na) continue;
      const selfScore = criterionScore(selfCriterion, own.value);
      const reviewScore = criterionScore(reviewCriterion, theirs.value);
      if (selfScore === null || reviewScore === null) continue;
      // Per scorecard family, as the dashboard's criteria (a team's edit of a built-in with the built-in).
      const family = seriesOf(reviewCard.id);
      const key = `${family}\n${own.criterionId}`;
      const sum = sums.get(key) ?? { scorecardId: family, scorecardName: reviewCard.name, criterionId: own.criterionId, title: reviewCriterion.title, self: 0, reviewer: 0, pairs: 0 };
      sum.self += selfScore;
      sum.reviewer += reviewScore;
      sum.pairs += 1;
      sums.set(key, sum);
    }
  }
  return [...sums.values()]
    // Every entry has at least one pair, so both means exist.
    .map((s) => ({
      scorecardId: s.scorecardId,
      scorecardName: s.scorecardName,
      criterionId: s.criterionId,
      title: s.title,
      self: criterionMean({ sum: s.self, count: s.pairs })!,
      reviewer: criterionMean({ sum: s.reviewer, count: s.pairs })!,
      pairs: s.pairs,
    }))
    .sort((a, b) => Math.abs(b.self - b.reviewer) - Math.abs(a.self - a.reviewer));
}
