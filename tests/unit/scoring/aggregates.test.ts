// Aggregates a lead sees: quality score (IQS), pass rate, per-criterion averages, agent × month rollups.
import { describe, expect, it } from 'vitest';
import {
  aggregateByAgentMonth,
  criterionAverages,
  passRate,
  qualityScore,
  scoreReview,
  type AggregatableReview,
} from '../../../lib/scoring';
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

describe('agent × month rollup', () => {
  it('groups by reviewee and calendar month', () => {
    const rows: AggregatableReview[] = [
      { reviewee: 'anna@x.fi', at: '2026-01-05T10:00:00.000Z', score: 1, passed: true, criticalFail: false },
      { reviewee: 'anna@x.fi', at: '2026-01-31T23:59:59.999Z', score: null, passed: null, criticalFail: false },
      { reviewee: 'anna@x.fi', at: '2026-02-01T00:00:00.000Z', score: 0, passed: false, criticalFail: true },
      { reviewee: 'ville@x.fi', at: '2026-01-10T08:00:00.000Z', score: 0.5, passed: false, criticalFail: false },
      { reviewee: 'anna@x.fi', at: '2026-01-20T08:00:00.000Z', score: 0.6, passed: false, criticalFail: false },
    ];
    const m = aggregateByAgentMonth(rows);
    expect(m.get('anna@x.fi|2026-01')).toEqual({ count: 3, scored: 2, sum: 1.6, passes: 1, criticalFails: 0 });
    expect(m.get('anna@x.fi|2026-02')).toEqual({ count: 1, scored: 1, sum: 0, passes: 0, criticalFails: 1 });
    expect(m.get('ville@x.fi|2026-01')).toEqual({ count: 1, scored: 1, sum: 0.5, passes: 0, criticalFails: 0 });
    expect(m.size).toBe(3);
  });

  it('scores and rolls up 100,000 reviews into every agent-month', () => {
    const c = card([
      criterion('a', 'binary', 1),
      criterion('b', 'three', 2),
      criterion('c', 'four', 3, { critical: { threshold: 0.3 } }),
      criterion('d', 'five', 2),
      criterion('e', 'five', 1),
      criterion('f', 'four', 0),
      criterion('g', 'three', 1),
      criterion('h', 'four', 2),
      criterion('i', 'binary', 1),
      criterion('j', 'five', 3),
    ]);
    const n = 100_000;
    const ratingSets = Array.from({ length: n }, (_, k) =>
      c.criteria.map((cr, i) => (k + i) % 17 === 0 ? na(cr.id) : rate(cr.id, (k * 7 + i) % (cr.levels.length))),
    );
    const agents = Array.from({ length: 200 }, (_, i) => `agent${i}@example.fi`);
    const ats = Array.from({ length: n }, (_, k) => `2025-${String(Math.floor((k * 12) / n) + 1).padStart(2, '0')}-15T12:00:00.000Z`);

    // Speed is `npm run bench`'s business (no timed assertions here); this checks the result at scale.
    const rows: AggregatableReview[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const s = scoreReview(c, ratingSets[k]!);
      rows[k] = { reviewee: agents[k % 200]!, at: ats[k]!, score: s.score, passed: s.passed, criticalFail: s.criticalFail };
    }
    const m = aggregateByAgentMonth(rows);
    expect(m.size).toBe(200 * 12);
    let total = 0;
    for (const entry of m.values()) total += entry.count;
    expect(total).toBe(n);
  });
});
