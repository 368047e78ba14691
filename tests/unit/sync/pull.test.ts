// Pull: pages fetched by checkpoint and written as they come; a stop or a failed page loses nothing.
import { describe, expect } from 'vitest';
import { getReview } from '@/lib/db';
import { runSync, type FetchLike } from '@/lib/sync';
import { scorecard } from '../../../server/tests/helpers/docs';
import { makeReview, rng } from '../db/factory';
import { BACKEND, expectRollupsRebuilt, it, mine } from './testbed';

describe('pulling by checkpoint', () => {
  it('pulls documents by checkpoint without queueing them again', async ({ database, server }) => {
    server.put('reviews', 'x1', mine('x1'));
    server.put('scorecards', 'card@1', scorecard('card', 1));
    server.put('reviews', 'x2', { broken: true });

    const outcome = await runSync(database, BACKEND, server.fetch, Date.now, { pullLimit: 1 });

    expect(outcome).toMatchObject({ result: 'ok', pulled: 2 });
    expect(await getReview('x1')).toMatchObject({ id: 'x1' });
    expect(await database.scorecards.get(['card', 1])).toMatchObject({ status: 'published' });
    expect(await database.outbox.count()).toBe(0);
    expect((await database.settings.get('sync.checkpoint'))?.value).toBe(3);
    // The reviews a pull brings count in the dashboard's rollups like local ones.
    expect(await database.rollups.count()).toBeGreaterThan(0);
  });

  it('writes pages that arrived meanwhile together, never more than the apply limit, and loses nothing', async ({ database, server }) => {
    const random = rng(5);
    for (let i = 0; i < 600; i++) server.put('reviews', `r${i}`, makeReview({ id: `r${i}`, random }));

    const outcome = await runSync(database, BACKEND, server.fetch, Date.now, { pullLimit: 50, applyLimit: 250 });

    expect(outcome).toMatchObject({ result: 'ok', pulled: 600 });
    expect(await database.reviews.count()).toBe(600);
    // Bucket rows by the transaction that wrote them (its checkpoint): a transaction of 100 docs or
    // more took two pages or more, and none took more than the limit.
    const perTransaction = new Map<number, number>();
    for (const row of await database.pulledStates.toArray()) perTransaction.set(row.checkpoint, (perTransaction.get(row.checkpoint) ?? 0) + row.entries.length);
    expect(perTransaction.size).toBeGreaterThan(0);
    expect(Math.max(...perTransaction.values())).toBeLessThanOrEqual(250);
    const stored = [...perTransaction.values()].reduce((a, b) => a + b, 0) + (await database.syncState.count());
    expect(stored).toBe(600);
    expect((await database.settings.get('sync.checkpoint'))?.value).toBe(600);
    await expectRollupsRebuilt(database);
  });

  it('stopped mid-pull (the worker going away): what was written stays, the next run brings the rest', async ({ database, server }) => {
    const random = rng(3);
    for (let i = 0; i < 300; i++) server.put('reviews', `r${i}`, makeReview({ id: `r${i}`, random }));
    const stop = new AbortController();
    let pulls = 0;
    const stopping: FetchLike = async (url, init) => {
      const answer = await server.fetch(url, init);
      if (url.includes('/pull') && ++pulls === 3) stop.abort();
      return answer;
    };

    const stopped = await runSync(database, BACKEND, stopping, Date.now, { pullLimit: 50, signal: stop.signal });

    expect(stopped.status.lastError?.kind).toBe('aborted');
    const kept = await database.reviews.count();
    expect(kept).toBeLessThan(300);
    expect((await database.settings.get('sync.checkpoint'))?.value).toBe(kept);
    await expectRollupsRebuilt(database);
    const resumed = await runSync(database, BACKEND, server.fetch, Date.now, { pullLimit: 50 });
    expect(resumed).toMatchObject({ result: 'ok', pulled: 300 - kept });
    expect(await database.reviews.count()).toBe(300);
    await expectRollupsRebuilt(database);
  });

  it('a page that fails to arrive: the pages before it are kept, the next run resumes without loss or duplicates', async ({ database, server }) => {
    const random = rng(7);
    for (let i = 0; i < 300; i++) server.put('reviews', `r${i}`, makeReview({ id: `r${i}`, random }));
    let pulls = 0;
    const flaky: FetchLike = async (url, init) => {
      if (url.includes('/pull') && ++pulls === 4) throw new TypeError('fetch failed');
      return server.fetch(url, init);
    };

    const failed = await runSync(database, BACKEND, flaky, Date.now, { pullLimit: 50 });

    expect(failed.result).toBe('failed');
    expect(failed.pulled).toBe(150);
    expect((await database.settings.get('sync.checkpoint'))?.value).toBe(150);
    const ok = await runSync(database, BACKEND, server.fetch, Date.now, { pullLimit: 50 });
    expect(ok).toMatchObject({ result: 'ok', pulled: 150 });
    expect(await database.reviews.count()).toBe(300);
    await expectRollupsRebuilt(database);
  });
});
