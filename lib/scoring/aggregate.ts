// Aggregate scores over many reviews, from totals (what rollup rows keep), so the dashboard and its tests share one formula.

/** What a set of reviews adds up to: reviews with a score, the sum of those scores, and passes. */
export interface ScoreTotals {
  scored: number;
  sum: number;
  passes: number;
}

/** Quality score (IQS) = Σ review scores / reviews with a score; reviews without one (all N/A) are left out, not 0. */
export function qualityScore(t: Pick<ScoreTotals, 'scored' | 'sum'>): number | null {
  return t.scored > 0 ? t.sum / t.scored : null;
}

/**
 * Pass rate = passes / reviews with a score. A review has a verdict exactly when it has a score
 * (scoreReview), so this is the share passed among reviews with a verdict; a critical fail is scored 0 and failed.
 */
export function passRate(t: Pick<ScoreTotals, 'scored' | 'passes'>): number | null {
  return t.scored > 0 ? t.passes / t.scored : null;
}

/** One criterion's ratings added up: Σ criterion score (0…1) and how many ratings had a value. */
export interface CriterionTotals {
  sum: number;
  count: number;
}

/** Per-criterion average = mean criterion score over its valued ratings (N/A left out); null without any. */
export function criterionMean(t: CriterionTotals): number | null {
  return t.count > 0 ? t.sum / t.count : null;
}

/** The score distribution's buckets: tenths 0…9, then bucket SCORE_BUCKETS for reviews without a score. */
export const SCORE_BUCKETS = 10;

/** 0…9 by tenths of the score (1.0 falls in the top bucket); SCORE_BUCKETS for reviews without a score. */
export function scoreBucket(score: number | null): number {
  if (score === null) return SCORE_BUCKETS;
  // A weighted mean can land a hair below a tenth; the epsilon keeps it in that tenth's bucket (as isPass does at the pass mark).
  return Math.min(SCORE_BUCKETS - 1, Math.floor(score * SCORE_BUCKETS + 1e-9));
}
