// The oracle for dashboard figures: each raw review scored afresh (scoreReview, criterionScore), then lib/scoring's aggregates; no rollups.
import type { Review } from '../../../lib/model/review';
import type { Scorecard } from '../../../lib/model/scorecard';
import {
  criterionMean,
  criterionScore,
  passRate,
  qualityScore,
  SCORE_BUCKETS,
  scoreBucket,
  scoreReview,
  type CriterionTotals,
  type ScoreTotals,
} from '../../../lib/scoring';

export interface ExpectedFigures {
  count: number;
  qualityScore: number | null;
  passRate: number | null;
  /** Reviews per scoreBucket. */
  distribution: number[];
  /** Per scorecard family and criterion id (criterionKey): mean criterion score and how many valued ratings. */
  criteria: Map<string, { mean: number; count: number }>;
}

/** Criteria are counted per scorecard family: the chat card's `tone` is not the phone card's. */
export function criterionKey(scorecardId: string, criterionId: string): string {
  return `${scorecardId}/${criterionId}`;
}

/** What the dashboard should show for exactly these reviews, each scored on its own card version (which must be in `cards`). */
export function expectedFigures(reviews: readonly Review[], cards: readonly Scorecard[]): ExpectedFigures {
  const cardOf = new Map(cards.map((c) => [`${c.id}@${c.version}`, c]));
  const totals: ScoreTotals = { scored: 0, sum: 0, passes: 0 };
  const distribution = new Array<number>(SCORE_BUCKETS + 1).fill(0);
  const criteria = new Map<string, CriterionTotals>();
  for (const review of reviews) {
    const card = cardOf.get(`${review.scorecardId}@${review.scorecardVersion}`);
    if (!card) throw new Error(`the oracle needs card ${review.scorecardId}@${review.scorecardVersion}`);
    // Scored from the ratings, not the stored score: a rollup that trusted a wrong stored score would show here.
    const { score, passed } = scoreReview(card, review.ratings);
    if (score !== null) {
      totals.scored++;
      totals.sum += score;
    }
    if (passed) totals.passes++;
    distribution[scoreBucket(score)]!++;
    // The last rating of a criterion counts, as in scoreReview.
    const last = new Map(review.ratings.map((r) => [r.criterionId, r]));
    for (const c of card.criteria) {
      const r = last.get(c.id);
      if (!r || r.na || r.value === null) continue;
      const s = criterionScore(c, r.value);
      if (s === null) continue;
      const key = criterionKey(card.id, c.id);
      const t = criteria.get(key) ?? { sum: 0, count: 0 };
      t.sum += s;
      t.count++;
      criteria.set(key, t);
    }
  }
  return {
    count: reviews.length,
    qualityScore: qualityScore(totals),
    passRate: passRate(totals),
    distribution,
    criteria: new Map([...criteria].map(([id, t]) => [id, { mean: criterionMean(t)!, count: t.count }])),
  };
}
