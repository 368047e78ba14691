// Days, weeks and months are counted in the browser's time zone: a review made just after midnight in
// Helsinki counts on that day, in that week and month, and rollups counted in another zone are rebuilt.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { submitReview } from '@/lib/db/reviews';
import { ensureRollupShape, recomputeRollups, SEP } from '@/lib/db/rollups';
import { dayOf, monthOf, startOf, timeZone, weekOf } from '@/lib/model';
import { makeReview, rng } from './factory';
import { freshDb } from './fresh';

/** Node reads TZ whenever it is set: Date's local fields and Intl follow it. */
function inZone(zone: string): void {
  process.env.TZ = zone;
}

afterEach(() => inZone('UTC'));

// 22:30 UTC on Sunday 1 March 2026 is 00:30 on Monday 2 March in Helsinki (UTC+2).
const AFTER_MIDNIGHT_HELSINKI = '2026-03-01T22:30:00.000Z';

describe('calendar periods in the browser’s time zone', () => {
  it('a moment’s day, month and ISO week are those of the local calendar', () => {
    inZone('Europe/Helsinki');
    expect(timeZone()).toBe('Europe/Helsinki');
    expect(dayOf(AFTER_MIDNIGHT_HELSINKI)).toBe('2026-03-02');
    expect(weekOf(AFTER_MIDNIGHT_HELSINKI)).toBe('2026-W10');
    expect(monthOf('2026-01-31T22:30:00.000Z')).toBe('2026-02');
    // Summer time: UTC+3.
    expect(dayOf('2026-06-30T21:30:00.000Z')).toBe('2026-07-01');
    expect(dayOf('2026-06-30T20:30:00.000Z')).toBe('2026-06-30');
    // The night the clocks go forward (Sunday 29 March 2026): 21:30 UTC is already 00:30 on Monday, week 14.
    expect(dayOf('2026-03-29T21:30:00.000Z')).toBe('2026-03-30');
    expect(weekOf('2026-03-29T21:30:00.000Z')).toBe('2026-W14');
    expect(weekOf('2026-03-29T20:30:00.000Z')).toBe('2026-W13');
    inZone('UTC');
    expect(dayOf(AFTER_MIDNIGHT_HELSINKI)).toBe('2026-03-01');
    expect(weekOf(AFTER_MIDNIGHT_HELSINKI)).toBe('2026-W09');
    inZone('America/Los_Angeles');
    expect(dayOf('2026-03-02T07:30:00.000Z')).toBe('2026-03-01');
    // A half-hour zone: local midnight falls in the middle of a UTC hour.
    inZone('Asia/Kolkata');
    expect(dayOf('2026-03-01T18:29:00.000Z')).toBe('2026-03-01');
    expect(dayOf('2026-03-01T18:31:00.000Z')).toBe('2026-03-02');
  });

  it('a local day or month begins at its local midnight, written as stored moments are (UTC)', () => {
    inZone('Europe/Helsinki');
    expect(startOf('2026-03')).toBe('2026-02-28T22:00:00.000Z');
    expect(startOf('2026-03-01')).toBe('2026-02-28T22:00:00.000Z');
    // After the clocks go forward: UTC+3.
    expect(startOf('2026-03-30')).toBe('2026-03-29T21:00:00.000Z');
    expect(AFTER_MIDNIGHT_HELSINKI >= startOf('2026-03-02')).toBe(true);
    inZone('America/New_York');
    expect(startOf('2026-04')).toBe('2026-04-01T04:00:00.000Z');
    expect(startOf('2026-01-01')).toBe('2026-01-01T05:00:00.000Z');
    inZone('UTC');
    expect(startOf('2026-03')).toBe('2026-03-01T00:00:00.000Z');
  });

  it('a day given as a day is that day in every zone (due dates are days)', () => {
    for (const zone of ['Pacific/Honolulu', 'UTC', 'Pacific/Kiritimati']) {
      inZone(zone);
      expect(dayOf('2026-03-02')).toBe('2026-03-02');
      expect(weekOf('2026-03-02')).toBe('2026-W10');
      expect(monthOf('2026-03-02')).toBe('2026-03');
    }
  });

  it('rollups put a review on its local day, week and month', async () => {
    inZone('Europe/Helsinki');
    const database = freshDb();
    const review = makeReview({ id: 'a', random: rng(4), createdAt: AFTER_MIDNIGHT_HELSINKI });
    await submitReview(review, null);
    const agent = `${review.reviewee.id}${SEP}`;
    expect(await database.rollups.get(`agent.d|${agent}|2026-03-02`)).toMatchObject({ count: 1 });
    expect(await database.rollups.get(`agent.t|${agent}|2026-03`)).toMatchObject({ count: 1 });
    const weeks = await database.rollups.where('dimension').equals('all.w').toArray();
    expect(weeks.map((row) => row.period)).toEqual(['2026-W10']);
  });

  it('rollups counted in another zone are rebuilt in this one, once', async () => {
    const database = freshDb();
    const review = makeReview({ id: 'a', random: rng(4), createdAt: '2026-01-31T22:30:00.000Z' });
    await submitReview(review, null);
    const agent = `${review.reviewee.id}${SEP}`;
    expect(await database.rollups.get(`agent.t|${agent}|2026-01`)).toMatchObject({ count: 1 });
    // The computer now keeps Helsinki time.
    inZone('Europe/Helsinki');
    await ensureRollupShape(database);
    expect(await database.rollups.get(`agent.t|${agent}|2026-01`)).toBeUndefined();
    expect(await database.rollups.get(`agent.t|${agent}|2026-02`)).toMatchObject({ count: 1 });
    expect(await database.rollups.get(`agent.d|${agent}|2026-02-01`)).toMatchObject({ count: 1 });
    // Once: a later call in the same zone finds them counted here.
    await database.rollups.clear();
    await ensureRollupShape(database);
    expect(await database.rollups.count()).toBe(0);
  });

  it('a review saved while the rollups are rebuilt is counted: it waits for the rebuild', async () => {
    const database = freshDb();
    const random = rng(12);
    for (let i = 0; i < 40; i++) await submitReview(makeReview({ id: `r${i}`, random }), null);
    inZone('Europe/Helsinki');
    // Saved once the rebuild has read its first chunk; its id sorts first, in the chunk already read.
    let saved: Promise<unknown> | null = null;
    const rebuilt = recomputeRollups(
      database,
      ({ done }) => {
        // Outside the rebuild's transaction, as another page's save would be.
        if (done > 0 && !saved) saved = Dexie.ignoreTransaction(() => submitReview(makeReview({ id: '0-late', random }), null));
      },
      5,
    );
    await rebuilt;
    await saved;
    const kept = await database.rollups.toArray();
    await recomputeRollups(database);
    const recomputed = await database.rollups.toArray();
    const byKey = (rows: typeof kept) => Object.fromEntries(rows.map((r) => [r.key, { ...r, sum: Math.round(r.sum * 1e9) / 1e9 }]));
    expect(byKey(kept)).toEqual(byKey(recomputed));
    expect(kept.filter((r) => r.dimension === 'all.m').reduce((n, r) => n + r.count, 0)).toBe(41);
  });
});
