// Pull: pages fetched by checkpoint, parsed and written as they come; unreadable docs left on the server; a stop or a failed page loses nothing.
import { describe, expect } from 'vitest';
import { getReview } from '@/lib/db';
import type { PullResponse, ServerDoc } from '@/lib/model/sync';
import { runSync, type FetchLike } from '@/lib/sync';
import { pageFeed, readPulled, TYPICAL_DOC_LENGTH, type FetchedPage, type SizedPage } from '@/lib/sync/pull';
import { bulkParser } from '@/lib/model/bulk';
import { scorecard } from '../../../server/tests/helpers/docs';
import { makeReview, rng } from '../db/factory';
import { BACKEND, expectRollupsRebuilt, it, mine } from './testbed';

const parse = await bulkParser();

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

/** A pulled review as the server sends it, at a given seq. */
const sent = (seq: number): ServerDoc => ({ collection: 'reviews', id: `r${seq}`, revision: 1, seq, doc: mine(`r${seq}`) });

/**
 * A server with `count` reviews, answering pulls in pages of `per` from any checkpoint; what the feed
 * asks for is recorded. `fail` makes the answer from that checkpoint a network failure.
 */
function pagedServer(count: number, per: number, fail?: number) {
  const asked: Array<{ since: number; first: boolean }> = [];
  const fetchPage = async (since: number, first: boolean): Promise<SizedPage> => {
    asked.push({ since, first });
    if (since === fail) throw new TypeError('fetch failed');
    const docs = Array.from({ length: Math.max(0, Math.min(per, count - since)) }, (_, i) => sent(since + i + 1));
    return small({ docs, checkpoint: docs.at(-1)?.seq ?? since, more: since + docs.length < count });
  };
  return { asked, fetchPage };
}

/** A page of small docs: it weighs its count. */
const small = (page: PullResponse): SizedPage => ({ page, length: page.docs.length * 100 });

/** Lets the feed do all it can without the writer: the fake server answers at once, so one macrotask settles it. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The pages handed over by one take, as the checkpoints they end at. */
const checkpoints = (pages: FetchedPage[] | null) => pages?.map((p) => p.checkpoint) ?? null;

describe('the page feed (pages fetched and parsed while earlier ones are written)', () => {
  it('hands over the pages in order, each asked for from the checkpoint before it, then says it is done', async () => {
    const paged = pagedServer(6, 2);
    const feed = pageFeed(paged.fetchPage, 0, 1000);

    const taken: FetchedPage[] = [];
    for (let pages = await feed.take(2); pages; pages = await feed.take(2)) taken.push(...pages);

    expect(taken.map((p) => [p.checkpoint, p.docs.map((d) => d.id), p.more])).toEqual([
      [2, ['r1', 'r2'], true],
      [4, ['r3', 'r4'], true],
      [6, ['r5', 'r6'], false],
    ]);
    expect(paged.asked).toEqual([
      { since: 0, first: true },
      { since: 2, first: false },
      { since: 4, first: false },
    ]);
  });

  it('resumes from the stored checkpoint', async () => {
    const paged = pagedServer(6, 2);
    const feed = pageFeed(paged.fetchPage, 4, 1000);

    expect(checkpoints(await feed.take(10))).toEqual([6]);
    expect(await feed.take(10)).toBeNull();
    expect(paged.asked).toEqual([{ since: 4, first: true }]);
  });

  it('gives the writer every page that arrived meanwhile, up to its limit; a page bigger than the limit still goes, alone', async () => {
    const feed = pageFeed(pagedServer(12, 3).fetchPage, 0, 1000);
    await settle();

    expect(checkpoints(await feed.take(7))).toEqual([3, 6]);
    expect(checkpoints(await feed.take(2))).toEqual([9]);
    expect(checkpoints(await feed.take(100))).toEqual([12]);
    expect(await feed.take(100)).toBeNull();
  });

  it('with a slow writer, holds at most `ahead` docs not yet taken and asks for the next page only as pages are taken', async () => {
    const paged = pagedServer(20, 2);
    const feed = pageFeed(paged.fetchPage, 0, 4);
    await settle();

    // Two pages (4 docs) wait, the third is under way; nothing more is asked for.
    expect(paged.asked).toHaveLength(3);
    const held = (await feed.take(1000))!;
    expect(held.reduce((n, p) => n + p.size, 0)).toBe(4);
    expect(checkpoints(held)).toEqual([2, 4]);

    // Taken: room for two more pages, and the one after them is asked for.
    await settle();
    expect(paged.asked.map((a) => a.since)).toEqual([0, 2, 4, 6, 8]);
    expect(checkpoints(await feed.take(1000))).toEqual([6, 8]);
    feed.stop();
  });

  it('counts docs as sent against `ahead`, also those this version cannot read', async () => {
    const unreadable = async (since: number): Promise<SizedPage> => {
      const docs = [since + 1, since + 2].map((seq) => ({ ...sent(seq), doc: { broken: true } }));
      return small({ docs, checkpoint: since + 2, more: true });
    };
    let asked = 0;
    const feed = pageFeed((since) => {
      asked++;
      return unreadable(since);
    }, 0, 4);
    await settle();

    expect(asked).toBe(3);
    const held = (await feed.take(1000))!;
    expect(held.map((p) => [p.size, p.docs.length])).toEqual([
      [2, 0],
      [2, 0],
    ]);
    feed.stop();
  });

  it('a page that fails to arrive: the pages before it are handed over first, then the failure, and nothing more is asked for', async () => {
    const paged = pagedServer(10, 2, 4);
    const feed = pageFeed(paged.fetchPage, 0, 1000);
    await settle();

    expect(checkpoints(await feed.take(2))).toEqual([2]);
    expect(checkpoints(await feed.take(2))).toEqual([4]);
    await expect(feed.take(2)).rejects.toThrow('fetch failed');
    expect(paged.asked.map((a) => a.since)).toEqual([0, 2, 4]);
  });

  it('stopped, it asks for no further page: a page under way is let finish and dropped', async () => {
    let answer: (page: SizedPage) => void = () => {};
    let asked = 0;
    const feed = pageFeed(() => {
      asked++;
      return new Promise<SizedPage>((resolve) => (answer = resolve));
    }, 0, 1000);

    feed.stop();
    answer(small({ docs: [sent(1), sent(2)], checkpoint: 2, more: true }));
    await settle();

    expect(await feed.take(100)).toBeNull();
    expect(asked).toBe(1);
  });

  it('stopped while pages wait for the writer, it ends without asking for more', async () => {
    const paged = pagedServer(100, 2);
    const feed = pageFeed(paged.fetchPage, 0, 2);
    await settle();
    expect(paged.asked).toHaveLength(2);

    feed.stop();
    while (await feed.take(100));
    await settle();

    expect(paged.asked).toHaveLength(2);
  });
});

describe('reading pulled documents', () => {
  it('keeps the documents this version can read, as parsed, keyed by kind and sync id', () => {
    const card = scorecard('card', 2);

    const pulled = readPulled([sent(1), { collection: 'scorecards', id: 'card@2', revision: 3, seq: 2, doc: card }], parse);

    expect(pulled).toEqual([
      { collection: 'reviews', id: 'r1', key: 'reviews:r1', revision: 1, seq: 1, doc: mine('r1') },
      { collection: 'scorecards', id: 'card@2', key: 'scorecards:card@2', revision: 3, seq: 2, doc: card },
    ]);
  });

  it('leaves a document it cannot read on the server rather than storing it half-understood', () => {
    const { feedback: _, ...withoutFeedback } = mine('r2');

    const pulled = readPulled([{ ...sent(1), doc: { broken: true } }, { ...sent(2), doc: withoutFeedback }, { ...sent(3), doc: mine('r3', { score: 'high' }) }, sent(4)], parse);

    expect(pulled.map((p) => p.id)).toEqual(['r4']);
  });

  it('leaves a document with a field this version does not know (a newer release’s), at any depth: stored without it, an edit here would send it back without it', () => {
    const newer = mine('r1');
    const card = scorecard('card', 1);
    const pulled = readPulled([
      { ...sent(1), doc: { ...newer, sentiment: 'warm' } },
      { ...sent(2), doc: { ...mine('r2'), ratings: mine('r2').ratings.map((r) => ({ ...r, confidence: 0.9 })) } },
      { collection: 'scorecards', id: 'card@1', revision: 1, seq: 3, doc: { ...card, criteria: card.criteria.map((c) => ({ ...c, example: 'Hello Maija!' })) } },
      sent(4),
    ], parse);

    expect(pulled.map((p) => p.id)).toEqual(['r4']);
  });

  it('drops a document whose id is not the one its kind forms from it', () => {
    const pulled = readPulled([
      { ...sent(1), id: 'r2' },
      { collection: 'scorecards', id: 'card', revision: 1, seq: 2, doc: scorecard('card', 1) },
      { collection: 'scorecards', id: 'card@2', revision: 1, seq: 3, doc: scorecard('card', 1) },
      { collection: 'scorecards', id: 'card@1', revision: 1, seq: 4, doc: scorecard('card', 1) },
    ], parse);

    expect(pulled.map((p) => p.key)).toEqual(['scorecards:card@1']);
  });
});

/** A server of `pages` pages, each of `docs` docs and answers `length` long; counts the requests. */
function bigServer(pages: number, docs: number, length: number) {
  const asked: number[] = [];
  const fetchPage = async (since: number): Promise<SizedPage> => {
    asked.push(since);
    const page: PullResponse = {
      docs: Array.from({ length: docs }, (_, i) => ({ collection: 'reviews', id: `r${since}-${i}`, revision: 1, seq: since + i + 1, doc: {} })),
      checkpoint: since + docs,
      more: since + docs < pages * docs,
    };
    return { page, length };
  };
  return { asked, fetchPage };
}

describe('the page feed and big documents', () => {
  it('pages of big documents (4 MiB answers of a few docs) are fetched ahead and handed over a few at a time', async () => {
    const big = bigServer(20, 6, 4 * 1024 * 1024);
    const feed = pageFeed(big.fetchPage, 0, 10_000);
    await settle();
    // Each page weighs 4 MiB / 2 KB = 2048: five fill the 10,000 allowance, one more is under way.
    expect(big.asked.length).toBe(6);
    const taken = await feed.take(10_000);
    expect(taken?.map((p) => p.size)).toEqual([2048, 2048, 2048, 2048]);
    feed.stop();
  });

  it('pages of typical documents weigh their count, as before', async () => {
    const typical = bigServer(20, 1000, 1000 * TYPICAL_DOC_LENGTH * 0.8);
    const feed = pageFeed(typical.fetchPage, 0, 10_000);
    await settle();
    expect(typical.asked.length).toBe(11); // ten pages of 1000 held, the eleventh asked for
    const taken = await feed.take(10_000);
    expect(taken?.map((p) => p.size)).toEqual(Array.from({ length: 10 }, () => 1000));
    feed.stop();
  });
});
