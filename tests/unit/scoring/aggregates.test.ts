// Aggregates a lead sees, from totals as the dashboard keeps them: quality score (IQS), pass rate, per-criterion averages, score buckets.
import { describe, expect, it } from 'vitest';
import {
  criterionMean,
  criterionScore,
  criterionScoreSum,
  passRate,
  qualityScore,
  SCORE_BUCKETS,
  scoreBucket,
  scoreReview,
  type ReviewScore,
  type ScoreTotals,
} from '../../../lib/scoring';
import { SCALE_POINTS, type ScaleKind } from '../../../lib/model/scorecard';
import { card, criterion, na, rate } from './helpers';

/** What rollups add up for these reviews: the scored ones, their sum, and passes. */
function totalsOf(scores: readonly Pick<ReviewScore, 'score' | 'passed'>[]): ScoreTotals {
  const t = { scored: 0, sum: 0, passes: 0 };
  for (const s of scores) {
    if (s.score !== null) {
      t.scored++;
      t.sum += s.score;
    }
    if (s.passed) t.passes++;
  }
  return t;
}

// Tone (critical below 0.5) and spelling on a five-point scale, pass mark 80 %.
const chat = card([criterion('tone', 'five', 1, { critical: { threshold: 0.5 } }), criterion('spelling', 'five', 1)]);
const good = scoreReview(chat, [rate('tone', 4), rate('spelling', 4)]);
const middling = scoreReview(chat, [rate('tone', 2), rate('spelling', 3)]);
const allNa = scoreReview(chat, [na('tone'), na('spelling')]);
const criticalFail = scoreReview(chat, [rate('tone', 1), rate('spelling', 4)]);

describe('quality score (IQS)', () => {
  it('is the mean of review scores: the Zendesk QA worked example gives 52.97 %', () => {
    const scores = [1, 0.0991, 0.6396, 0.9099, 0];
    const iqs = qualityScore({ scored: scores.length, sum: scores.reduce((a, s) => a + s, 0) });
    expect(Math.round(iqs! * 10_000) / 100).toBe(52.97);
  });

  it('a review whose criteria are all N/A is left out, not counted as 0', () => {
    expect(allNa.score).toBeNull();
    expect(qualityScore(totalsOf([good, middling, allNa]))).toBeCloseTo((1 + 0.625) / 2, 12);
  });

  it('a critical fail counts as a review scored 0', () => {
    expect(qualityScore(totalsOf([good, criticalFail]))).toBe(0.5);
  });

  it('no scored reviews: no quality score', () => {
    expect(qualityScore(totalsOf([]))).toBeNull();
    expect(qualityScore(totalsOf([allNa, allNa]))).toBeNull();
  });
});

describe('pass rate', () => {
  it('is passes among reviews with a score; an all-N/A review has no verdict and is left out', () => {
    expect(passRate(totalsOf([good, middling, allNa, good]))).toBeCloseTo(2 / 3, 12);
  });

  it('a critical fail is a failed review, even when its other criteria are perfect', () => {
    expect(criticalFail).toMatchObject({ score: 0, passed: false, criticalFail: true });
    expect(passRate(totalsOf([good, criticalFail]))).toBe(0.5);
  });

  it('no scored reviews: no pass rate', () => {
    expect(passRate(totalsOf([allNa]))).toBeNull();
    expect(passRate({ scored: 0, passes: 0 })).toBeNull();
  });
});

describe('criterion averages', () => {
  it.each(Object.keys(SCALE_POINTS) as ScaleKind[])('raw values summed and then scaled give the sum of their criterion scores (%s scale)', (scale) => {
    const values = Array.from({ length: SCALE_POINTS[scale] }, (_, v) => v);
    const each = values.reduce((a, v) => a + criterionScore({ scale }, v)!, 0);
    expect(criterionScoreSum({ scale }, values.reduce((a, v) => a + v, 0))).toBeCloseTo(each, 12);
  });

  it('averages across card versions, each version on its own scale: 3 of 0…3 and 2 of 0…4 average 75 %', () => {
    // Version 2 changed tone from a four-point to a five-point scale; the id keeps the history together.
    const v1 = criterion('tone', 'four', 1);
    const v2 = criterion('tone', 'five', 1);
    const totals = { sum: criterionScoreSum(v1, 3) + criterionScoreSum(v2, 2), count: 2 };
    expect(criterionMean(totals)).toBe(0.75);
  });

  it('N/A ratings are not counted; a criterion nobody rated has no average', () => {
    // Rollups count only ratings with a value: one 4 and one N/A on a five-point scale is 1 rating, mean 100 %.
    expect(criterionMean({ sum: criterionScoreSum(criterion('tone', 'five', 1), 4), count: 1 })).toBe(1);
    expect(criterionMean({ sum: 0, count: 0 })).toBeNull();
  });
});

describe('score buckets', () => {
  it.each([
    [0, 0],
    [0.0999, 0],
    [0.1, 1],
    [0.625, 6],
    [0.8, 8],
    [0.9999, 9],
    [1, 9],
  ])('a review scored %f falls in bucket %i (tenths, 100 % in the top one)', (score, bucket) => {
    expect(scoreBucket(score)).toBe(bucket);
  });

  it('a review without a score has its own bucket after the tenths', () => {
    expect(scoreBucket(allNa.score)).toBe(SCORE_BUCKETS);
    expect(scoreBucket(criticalFail.score)).toBe(0);
  });

  it('a weighted mean a hair below a tenth stays in that tenth', () => {
    // 0.3 × 1/4 + 0.7 × 3/4 is 0.6, which floats make 0.5999999999999999.
    const weighted = card([criterion('a', 'five', 0.3), criterion('b', 'five', 0.7)]);
    const { score } = scoreReview(weighted, [rate('a', 1), rate('b', 3)]);
    expect(score).toBeLessThan(0.6);
    expect(scoreBucket(score)).toBe(6);
  });
});
