// Rollups kept in the review transactions always equal a full recomputation, whatever reviewers do.
import { describe, expect, it } from 'vitest';
import { deleteReview, submitReview } from '@/lib/db/reviews';
import { addReviews, ensureRollupShape, mergeDeltas, recomputeRollups, rollupDeltas, SEP, type RollupDelta } from '@/lib/db/rollups';
import { weekOf } from '@/lib/model';
import { CARDS } from './factory';
import type { RollupRow } from '@/lib/db/database';
import { makeReview, rng } from './factory';
import { freshDb } from './fresh';

function normalised(rows: RollupRow[]): Record<string, Omit<RollupRow, 'sum'> & { sum: number }> {
  const out: Record<string, RollupRow> = {};
  for (const r of rows) out[r.key] = { ...r, sum: Math.round(r.sum * 1e9) / 1e9 + 0 };
  return out;
}

describe('dashboard rollups', () => {
  it('weeks are ISO weeks (the Thursday decides the year)', () => {
    expect(weekOf('2026-01-01T12:00:00.000Z')).toBe('2026-W01');
    expect(weekOf('2027-01-01T12:00:00.000Z')).toBe('2026-W53');
    expect(weekOf('2024-12-30T12:00:00.000Z')).toBe('2025-W01');
    expect(weekOf('2026-03-02T00:00:00.000Z')).toBe('2026-W10');
  });

  it('reviews summed together give the rows of each one added alone; a criterion counts its last rating', () => {
    const random = rng(11);
    const first = makeReview({ id: 'a', random, createdAt: '2026-03-02T08:00:00.000Z' });
    const ratings = [
      { criterionId: 'x', value: 2, na: false, comment: '' },
      { criterionId: 'x', value: null, na: true, comment: '' },
      { criterionId: 'y', value: null, na: true, comment: '' },
      { criterionId: 'y', value: 3, na: false, comment: '' },
    ];
    // The same people, slice and day as the first (one group), then the next day and another agent.
    const reviews = [
      first,
      { ...first, id: 'b', ratings, score: 0.25, passed: false, createdAt: '2026-03-02T17:00:00.000Z' },
      { ...first, id: 'c', createdAt: '2026-03-03T08:00:00.000Z' },
      { ...first, id: 'd', reviewee: { id: 'other@example.com', name: 'Other' } },
      { ...first, id: 'e', deleted: true },
    ];
    const together = new Map<string, RollupDelta>();
    addReviews(together, reviews, 1);
    const alone = new Map<string, RollupDelta>();
    for (const review of reviews) mergeDeltas(alone, rollupDeltas(null, review));
    expect(normalised([...together.values()])).toEqual(normalised([...alone.values()]));
    const detail = together.get(`agent.mx|${first.reviewee.id}\u001f${first.scorecardId}@${first.scorecardVersion}\u001f${first.channel}\u001f${first.ticket.helpdesk}|2026-03`);
    expect(detail?.count).toBe(3);
    expect(detail?.criteria?.x).toBeUndefined();
    expect(detail?.criteria?.y).toEqual([3, 1]);
  });

  it('an agent’s day row holds that day’s reviews: counts, score sums and raw criterion sums per card version', () => {
    const random = rng(5);
    const [chat, other] = [CARDS[0]!, CARDS[1]!];
    const first = makeReview({ id: 'a', random, card: chat, createdAt: '2026-03-02T08:00:00.000Z' });
    const reviews = [
      first,
      { ...makeReview({ id: 'b', random, card: other, createdAt: '2026-03-02T21:00:00.000Z' }), reviewee: first.reviewee },
      { ...makeReview({ id: 'c', random, card: chat, createdAt: '2026-03-03T08:00:00.000Z' }), reviewee: first.reviewee },
    ];
    const cells = new Map<string, RollupDelta>();
    addReviews(cells, reviews, 1);
    const day = cells.get(`agent.d|${first.reviewee.id}${SEP}|2026-03-02`);
    const sameDay = reviews.slice(0, 2);
    expect(day?.count).toBe(2);
    expect(day?.scored).toBe(sameDay.filter((r) => r.score !== null).length);
    expect(day?.sum).toBeCloseTo(sameDay.reduce((n, r) => n + (r.score ?? 0), 0), 12);
    for (const review of sameDay) {
      for (const rating of review.ratings) {
        const key = `${review.scorecardId}@${review.scorecardVersion}${SEP}${rating.criterionId}`;
        expect(day?.criteria?.[key]).toEqual(rating.na || rating.value === null ? undefined : [rating.value, 1]);
      }
    }
    expect(cells.get(`agent.d|${first.reviewee.id}${SEP}|2026-03-03`)?.count).toBe(1);
  });

  it('a profile whose rollups predate the day rows gets them rebuilt once', async () => {
    const database = freshDb();
    const review = makeReview({ id: 'a', random: rng(4), createdAt: '2026-03-02T08:00:00.000Z' });
    // Stored as an older release kept it: rollup rows without the agent's day.
    await database.reviews.put(review);
    await database.rollups.bulkPut(rollupDeltas(null, review).filter((d) => d.dimension !== 'agent.d'));
    await ensureRollupShape(database);
    expect(await database.rollups.get(`agent.d|${review.reviewee.id}${SEP}|2026-03-02`)).toMatchObject({ count: 1 });
    // Once: a later call finds the shape current and rebuilds nothing.
    await database.rollups.clear();
    await ensureRollupShape(database);
    expect(await database.rollups.count()).toBe(0);
  });

  it('summing deltas into a running total leaves the deltas themselves as they were (rows own their criteria sums)', () => {
    const random = rng(5);
    const deltas = rollupDeltas(null, makeReview({ id: 'a', random, createdAt: '2026-03-02T08:00:00.000Z' }));
    const before = JSON.stringify(deltas);
    const total = new Map<string, RollupDelta>();
    mergeDeltas(total, deltas);
    mergeDeltas(total, deltas);
    expect(JSON.stringify(deltas)).toBe(before);
    const detail = [...total.values()].find((d) => d.criteria && Object.keys(d.criteria).length > 0)!;
    const once = deltas.find((d) => d.key === detail.key)!;
    for (const [id, [sum, count]] of Object.entries(once.criteria!)) expect(detail.criteria![id]).toEqual([2 * sum, 2 * count]);
  });

  it('an edit that changes nothing the dashboard shows produces no deltas; deleting undoes submitting', () => {
    const review = makeReview({ id: 'a', random: rng(3) });
    expect(rollupDeltas(review, { ...review, feedback: 'changed', revision: 2 })).toEqual([]);
    const added = rollupDeltas(null, review);
    expect(added).toHaveLength(15);
    expect(rollupDeltas(review, { ...review, deleted: true }).map((d) => [d.key, d.count])).toEqual(
      added.map((d) => [d.key, -d.count]),
    );
  });

  it.each([1, 2, 3, 4, 5])('random submits, edits and deletes leave rollups equal to a rebuild (seed %i)', async (seed) => {
    const database = freshDb();
    const random = rng(seed);
    const ids: string[] = [];
    for (let step = 0; step < 120; step++) {
      const roll = random();
      if (roll < 0.55 || ids.length === 0) {
        const id = `r${step}`;
        ids.push(id);
        await submitReview(makeReview({ id, random }), null);
      } else if (roll < 0.85) {
        // An edit: other ratings, maybe another agent, card or month.
        const id = ids[Math.floor(random() * ids.length)]!;
        const previous = await database.reviews.get(id);
        const edited = makeReview({ id, random });
        await submitReview({ ...edited, createdAt: random() < 0.5 ? previous!.createdAt : edited.createdAt }, null);
      } else {
        await deleteReview(ids[Math.floor(random() * ids.length)]!, new Date('2026-07-01T00:00:00.000Z'));
      }
    }
    const incremental = normalised(await database.rollups.toArray());
    const progress: number[] = [];
    await recomputeRollups(database, (p) => progress.push(p.done), 17);
    const rebuilt = normalised(await database.rollups.toArray());
    expect(Object.keys(incremental).length).toBeGreaterThan(0);
    expect(incremental).toEqual(rebuilt);
    expect(progress.at(-1)).toBe(await database.reviews.count());
    expect(progress.length).toBeGreaterThan(3);
  });

  it('the team totals count live reviews only, with the scoring formula’s sums', async () => {
    const database = freshDb();
    const random = rng(9);
    const reviews = Array.from({ length: 30 }, (_, i) => makeReview({ id: `x${i}`, random }));
    for (const r of reviews) await submitReview(r, null);
    await deleteReview('x0', new Date('2026-07-01T00:00:00.000Z'));
    const live = reviews.slice(1);
    const rows = (await database.rollups.where('[dimension+period]').between(['all.m', ''], ['all.m', '\uffff']).toArray());
    const count = rows.reduce((a, r) => a + r.count, 0);
    const sum = rows.reduce((a, r) => a + r.sum, 0);
    expect(count).toBe(live.length);
    expect(sum).toBeCloseTo(live.reduce((a, r) => a + (r.score ?? 0), 0), 9);
  });
});
