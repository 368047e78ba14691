// The pull's page feed holds pages of big documents by their length, not their count: a team full of big reviews cannot fill the browser's memory.
import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../lib/model/sync';
import { pageFeed, TYPICAL_DOC_LENGTH, type SizedPage } from '../../../lib/sync/pull';

/** A server of `pages` pages, each of `docs` docs and answers `length` long; counts the requests. */
function server(pages: number, docs: number, length: number) {
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

const settle = () => new Promise((done) => setTimeout(done, 20));

describe('the pull page feed', () => {
  it('pages of big documents (4 MiB answers of a few docs) are fetched ahead and handed over a few at a time', async () => {
    const big = server(20, 6, 4 * 1024 * 1024);
    const feed = pageFeed(big.fetchPage, 0, 10_000);
    await settle();
    // Each page weighs 4 MiB / 2 KB = 2048: five fill the 10,000 allowance, one more is under way.
    expect(big.asked.length).toBe(6);
    const taken = await feed.take(10_000);
    expect(taken?.map((p) => p.size)).toEqual([2048, 2048, 2048, 2048]);
    feed.stop();
  });

  it('pages of typical documents weigh their count, as before', async () => {
    const typical = server(20, 1000, 1000 * TYPICAL_DOC_LENGTH * 0.8);
    const feed = pageFeed(typical.fetchPage, 0, 10_000);
    await settle();
    expect(typical.asked.length).toBe(11); // ten pages of 1000 held, the eleventh asked for
    const taken = await feed.take(10_000);
    expect(taken?.map((p) => p.size)).toEqual(Array.from({ length: 10 }, () => 1000));
    feed.stop();
  });
});
