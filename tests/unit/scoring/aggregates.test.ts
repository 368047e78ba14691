// Aggregates a lead sees: quality score (IQS), pass rate, per-criterion averages.
import { describe, expect, it } from 'vitest';
import { criterionAverages, passRate, qualityScore } from '../../../lib/scoring';
import { card, criterion, na, rate } from './helpers';

describe('quality score (IQS)', () => {
  it('is the mean of review scores: the Zendesk QA worked example gives 52.97 %', () => {
    const iqs = qualityScore([1, 0.0991, 0.6396, 0.9099, 0]);
    expect(iqs).not.toBeNull();
    expect(Math.round(iqs! * 10_000) / 100).toBe(52.97);
  });

  it('reviews without a score (all N/A) are left out, not counted as 0', () => {
    expect(qualityScore([1, null, 0.5])).toBe(0.75);
  });

  it('no scored reviews: no quality score', () => {
    expect(qualityScore([])).toBeNull();
    expect(qualityScore([null, null])).toBeNull();
  });
});

describe('pass rate', () => {
  it('is the share of passed reviews among those with a verdict', () => {
    expect(passRate([true, false, true, null, true])).toBe(0.75);
    expect(passRate([null])).toBeNull();
  });
});

describe('criterion averages', () => {
  const v1 = card([criterion('tone', 'four', 1), criterion('spelling', 'binary', 1)]);
  // Version 2 changed tone to a five-point scale; the id keeps the history together.
  const v2 = { ...card([criterion('tone', 'five', 1), criterion('spelling', 'binary', 1)]), version: 2 };

  it('averages normalised scores per criterion across card versions, N/A and unrated left out', () => {
    const averages = criterionAverages(
      [
        { scorecardId: 'card', scorecardVersion: 1, ratings: [rate('tone', 3), rate('spelling', 0)] },
        { scorecardId: 'card', scorecardVersion: 2, ratings: [rate('tone', 2), na('spelling')] },
        { scorecardId: 'card', scorecardVersion: 2, ratings: [rate('tone', null), rate('spelling', 1)] },
        { scorecardId: 'card', scorecardVersion: 9, ratings: [rate('tone', 0)] },
      ],
      [v1, v2],
    );
    expect(averages.get('tone')).toEqual({ mean: 0.75, count: 2 });
    expect(averages.get('spelling')).toEqual({ mean: 0.5, count: 2 });
    expect(averages.size).toBe(2);
  });
});
