// Worked examples of the review score: weights, N/A, critical criteria, scales and the pass mark.
import { describe, expect, it } from 'vitest';
import { criterionScore, isPass, scoreReview } from '../../../lib/scoring';
import { scorecardSchema } from '../../../lib/model/scorecard';
import { card, criterion, na, rate } from './helpers';

describe('criterion score', () => {
  it.each([
    ['binary', 0, 0],
    ['binary', 1, 1],
    ['three', 1, 0.5],
    ['four', 2, 2 / 3],
    ['five', 3, 0.75],
  ] as const)('%s scale, value %d → %d', (scale, value, expected) => {
    expect(criterionScore({ scale }, value)).toBeCloseTo(expected, 12);
  });

  it('a value outside the scale is no score at all, not a clamped one', () => {
    expect(criterionScore({ scale: 'three' }, 3)).toBeNull();
    expect(criterionScore({ scale: 'binary' }, -1)).toBeNull();
  });
});

describe('a reviewer scores a mixed card with weights', () => {
  const mixed = card([
    criterion('greeting', 'binary', 1),
    criterion('need', 'five', 3),
    criterion('tone', 'four', 2),
    criterion('spelling', 'three', 1),
  ]);

  it('the test card itself is a valid scorecard', () => {
    expect(scorecardSchema.safeParse(mixed).success).toBe(true);
  });

  it('weights each normalised score: (1×1 + 3×0.75 + 2×2/3 + 1×0.5) / 7', () => {
    const r = scoreReview(mixed, [rate('greeting', 1), rate('need', 3), rate('tone', 2), rate('spelling', 1)]);
    expect(r.score).toBeCloseTo((1 + 2.25 + 4 / 3 + 0.5) / 7, 12); // ≈ 0.7262
    expect(r.passed).toBe(false);
    expect(r).toMatchObject({ criticalFail: false, failedCritical: [], rated: 4, na: 0, total: 4, complete: true });
  });

  it('N/A drops a criterion out of the mean and still counts as answered', () => {
    const r = scoreReview(mixed, [rate('greeting', 1), na('need'), rate('tone', 3), rate('spelling', 2)]);
    expect(r.score).toBe(1);
    expect(r.passed).toBe(true);
    expect(r).toMatchObject({ rated: 3, na: 1, complete: true });
  });

  it('unrated criteria drop out too, but the review is not complete', () => {
    const r = scoreReview(mixed, [rate('need', 4), { criterionId: 'tone', value: null, na: false, comment: 'later' }]);
    expect(r.score).toBe(1);
    expect(r).toMatchObject({ rated: 1, na: 0, total: 4, complete: false });
  });

  it('nothing rated yet: no score, no verdict', () => {
    expect(scoreReview(mixed, [])).toMatchObject({ score: null, passed: null, rated: 0, complete: false });
  });

  it('the last rating of a criterion counts, and ratings of unknown criteria are ignored', () => {
    const r = scoreReview(mixed, [rate('greeting', 0), rate('greeting', 1), rate('removed-in-v2', 0)]);
    expect(r.score).toBe(1);
    expect(r.rated).toBe(1);
  });
});

describe('all N/A', () => {
  it('gives no score (null), not 0 and not NaN', () => {
    const c = card([criterion('a', 'four', 2), criterion('b', 'binary', 1)]);
    const r = scoreReview(c, [na('a'), na('b')]);
    expect(r.score).toBeNull();
    expect(r.passed).toBeNull();
    expect(r.criticalFail).toBe(false);
    expect(r.complete).toBe(true);
  });

  it('N/A on a criterion that does not allow it counts as unrated', () => {
    const c = card([criterion('a', 'four', 1, { naAllowed: false }), criterion('b', 'four', 1)]);
    const r = scoreReview(c, [na('a'), rate('b', 3)]);
    expect(r).toMatchObject({ score: 1, rated: 1, na: 0, complete: false });
  });
});

describe('critical criteria', () => {
  const c = card([
    criterion('privacy', 'three', 2, { critical: { threshold: 0.5 }, naAllowed: false }),
    criterion('tone', 'five', 2),
    criterion('clarity', 'four', 1),
  ]);

  it('a single critical fail sets the review to 0 and names the criterion', () => {
    const r = scoreReview(c, [rate('privacy', 0), rate('tone', 4), rate('clarity', 3)]);
    expect(r).toMatchObject({ score: 0, passed: false, criticalFail: true, failedCritical: ['privacy'] });
  });

  it('exactly at the threshold is not a fail (0.5 is not below 0.5)', () => {
    const r = scoreReview(c, [rate('privacy', 1), rate('tone', 4), rate('clarity', 3)]);
    expect(r.criticalFail).toBe(false);
    expect(r.score).toBeCloseTo((2 * 0.5 + 2 + 1) / 5, 12);
  });

  it('an unrated critical criterion does not fail the review', () => {
    const r = scoreReview(c, [rate('tone', 4)]);
    expect(r).toMatchObject({ score: 1, criticalFail: false, complete: false });
  });

  it('several critical fails are all listed, in card order', () => {
    const two = card([
      criterion('a', 'binary', 1, { critical: { threshold: 0.5 } }),
      criterion('b', 'four', 1),
      criterion('c', 'four', 1, { critical: { threshold: 0.9 } }),
    ]);
    const r = scoreReview(two, [rate('c', 2), rate('b', 3), rate('a', 0)]);
    expect(r.failedCritical).toEqual(['a', 'c']);
  });
});

describe('weight-0 criteria', () => {
  const c = card([
    criterion('info', 'four', 0),
    criterion('safety', 'binary', 0, { critical: { threshold: 0.5 } }),
    criterion('tone', 'four', 1),
  ]);

  it('do not move the mean', () => {
    const r = scoreReview(c, [rate('info', 0), rate('safety', 1), rate('tone', 3)]);
    expect(r.score).toBe(1);
    expect(r.rated).toBe(3);
  });

  it('still fail the review when critical', () => {
    const r = scoreReview(c, [rate('info', 3), rate('safety', 0), rate('tone', 3)]);
    expect(r).toMatchObject({ score: 0, criticalFail: true, failedCritical: ['safety'] });
  });

  it('when only weight-0 criteria are rated there is no score', () => {
    const r = scoreReview(c, [rate('info', 3), rate('safety', 1), na('tone')]);
    expect(r).toMatchObject({ score: null, passed: null, complete: true });
  });

  it('a critical fail zeroes the review even when nothing carried weight', () => {
    const r = scoreReview(c, [rate('safety', 0)]);
    expect(r).toMatchObject({ score: 0, passed: false, criticalFail: true });
  });
});

describe('binary scale', () => {
  it('yes is 1 and no is 0', () => {
    const c = card([criterion('signature', 'binary', 1), criterion('name', 'binary', 1)]);
    expect(scoreReview(c, [rate('signature', 1), rate('name', 0)]).score).toBe(0.5);
  });
});

describe('pass mark', () => {
  it('exactly 80 % passes a card with pass mark 80', () => {
    // Four of five binary criteria met: 0.8.
    const c = card(['a', 'b', 'c', 'd', 'e'].map((id) => criterion(id, 'binary', 1)));
    const r = scoreReview(c, [rate('a', 1), rate('b', 1), rate('c', 1), rate('d', 1), rate('e', 0)]);
    expect(r.score).toBe(0.8);
    expect(r.passed).toBe(true);
  });

  it('exactly at the mark passes even when float arithmetic lands a hair below', () => {
    // 0.7 × 1 + 0.1 × 1 + 0.2 × 0 over 1.0: in floats this is 0.7999999999999999.
    const c = card([criterion('a', 'binary', 0.7), criterion('b', 'binary', 0.1), criterion('c', 'binary', 0.2)]);
    const r = scoreReview(c, [rate('a', 1), rate('b', 1), rate('c', 0)]);
    expect(r.score).toBeLessThan(0.8);
    expect(r.score).toBeCloseTo(0.8, 12);
    expect(r.passed).toBe(true);
  });

  it('just below the mark fails', () => {
    expect(isPass(0.799, 80)).toBe(false);
    expect(isPass(0.8, 80)).toBe(true);
    expect(isPass(null, 80)).toBeNull();
  });

  it('the pass mark is the card’s own', () => {
    const c = card([criterion('a', 'three', 1)], 50);
    expect(scoreReview(c, [rate('a', 1)]).passed).toBe(true);
  });
});
