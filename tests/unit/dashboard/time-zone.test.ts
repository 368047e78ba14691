// The dashboard counts a review in its local month whichever filters read it: the agent's, the
// reviewer's, and both together (read from the agent's reviews, not the rollups) agree.
import { afterEach, describe, expect, it } from 'vitest';
import { dashboardData, type DashboardFilter } from '@/lib/dashboard';
import { submitReview } from '@/lib/db/reviews';
import { monthOf } from '@/lib/model';
import { makeReview, rng } from '../db/factory';
import { freshDb } from '../db/fresh';

/** Node reads TZ whenever it is set: Date's local fields follow it. */
function inZone(zone: string): void {
  process.env.TZ = zone;
}
afterEach(() => inZone('UTC'));

const MARCH: DashboardFilter = { from: '2026-03', to: '2026-03', granularity: 'month', team: null, agent: null, reviewer: null, scorecard: null, channel: null, helpdesk: null };

describe('a review near midnight at a month’s edge', () => {
  it.each([
    ['Europe/Helsinki', '00:30 on 1 March', '2026-02-28T22:30:00.000Z'],
    ['America/New_York', '23:30 on 31 March', '2026-04-01T03:30:00.000Z'],
  ])('in %s, a review made at %s is March’s for the agent, the reviewer, and the agent and reviewer together', async (zone, _local, createdAt) => {
    inZone(zone);
    freshDb();
    const review = makeReview({ id: 'edge', random: rng(1), createdAt });
    expect(monthOf(review.createdAt)).toBe('2026-03');
    await submitReview(review, null);

    for (const filter of [
      { agent: review.reviewee.id },
      { reviewer: review.reviewer.id },
      { agent: review.reviewee.id, reviewer: review.reviewer.id },
    ]) {
      const data = await dashboardData({ ...MARCH, ...filter });
      expect(data.totals.count, JSON.stringify(filter)).toBe(1);
      expect(data.trend.map((p) => [p.period, p.count])).toEqual([['2026-03', 1]]);
    }
  });
});
