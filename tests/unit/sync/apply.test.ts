// Apply: pulled docs and their checkpoint in one transaction, never over a local change waiting, rollups kept right.
import { liveQuery } from 'dexie';
import { describe, expect, vi } from 'vitest';
import { getReview, submitReview } from '@/lib/db';
import { PENDING_ROLLUPS_KEY } from '@/lib/db/rollups';
import type { Review } from '@/lib/model/review';
import { readConflicts, runSync } from '@/lib/sync';
import { applyPulled, applyPulledDocs } from '@/lib/sync/apply';
import { BULK_STATES } from '@/lib/sync/checkpoint';
import { readPulled } from '@/lib/sync/pull';
import { bulkParser } from '@/lib/model/bulk';
import { makeReview, rng } from '../db/factory';
import { BACKEND, expectRollupsRebuilt, it, mine, rollupRows } from './testbed';

const parse = await bulkParser();

describe('applying pulled documents', () => {
  it('never overwrites a local review with pending changes when pulling: that is a conflict', async ({ database, server }) => {
    await submitReview(mine('r1', { feedback: 'base' }), null);
    await runSync(database, BACKEND, server.fetch);
    server.put('reviews', 'r1', mine('r1', { feedback: 'theirs' }));
    // Push sees nothing queued; a local edit lands during the pull.
    await submitReview(mine('r1', { feedback: 'mine' }), null);
    const doc = server.docs.get('reviews:r1')!;
    const applied = await applyPulled(database, [doc], doc.seq, Date.now());
    expect(applied).toEqual({ applied: 0, conflicts: 1 });
    expect((await getReview('r1'))?.feedback).toBe('mine');
  });

  it('a pulled version equal to the change waiting here settles it: no conflict, nothing left to push', async ({ database }) => {
    await submitReview(mine('r1', { feedback: 'the same on both sides' }), null);
    const doc = { collection: 'reviews' as const, id: 'r1', revision: 1, seq: 1, doc: mine('r1', { feedback: 'the same on both sides' }) };

    expect(await applyPulled(database, [doc], 1, Date.now())).toEqual({ applied: 0, conflicts: 0 });

    expect(await database.outbox.count()).toBe(0);
    expect(await database.syncState.get('reviews:r1')).toEqual({ key: 'reviews:r1', revision: 1, seq: 1 });
    expect(await readConflicts(database)).toEqual([]);
  });

  it('our own push coming back, or an older version, changes nothing here; the checkpoint still moves on', async ({ database, server }) => {
    await submitReview(mine('r1', { feedback: 'one' }), null);
    await runSync(database, BACKEND, server.fetch);
    await submitReview(mine('r1', { feedback: 'two' }), null);
    await runSync(database, BACKEND, server.fetch);
    const echo = server.docs.get('reviews:r1')!;
    const older = { ...echo, revision: 1, seq: 1, doc: mine('r1', { feedback: 'one' }) };

    expect(await applyPulled(database, [echo], echo.seq, Date.now())).toEqual({ applied: 0, conflicts: 0 });
    expect(await applyPulled(database, [older], 9, Date.now())).toEqual({ applied: 0, conflicts: 0 });

    expect((await getReview('r1'))?.feedback).toBe('two');
    expect(await database.outbox.count()).toBe(0);
    expect((await database.settings.get('sync.checkpoint'))?.value).toBe(9);
  });

  it('pages written together: a doc changed between pages is stored once, at its later state; a repeat changes nothing', async ({ database }) => {
    const random = rng(11);
    const first = Array.from({ length: 150 }, (_, i) => makeReview({ id: `p${i}`, random }));
    let seq = 0;
    const page = (docs: Review[]) => docs.map((doc) => ({ collection: 'reviews' as const, id: doc.id, revision: doc.revision, seq: ++seq, doc }));
    await applyPulledDocs(database, readPulled(page(first), parse), seq, Date.now());
    // Edits (other agent, card or month), tombstones and new reviews; p3 changes twice, in two pages.
    const edited = first.slice(0, 60).map((r, i) =>
      i % 4 === 0 ? { ...r, deleted: true, revision: 2 } : { ...makeReview({ id: r.id, random }), revision: 2 },
    );
    const added = Array.from({ length: 80 }, (_, i) => makeReview({ id: `q${i}`, random }));
    const p3 = { ...makeReview({ id: 'p3', random }), revision: 3 };
    const second = [...page(edited.slice(0, 30)), ...page(added), ...page(edited.slice(30)), ...page([p3])];

    const applied = await applyPulledDocs(database, readPulled(second, parse), seq, Date.now());

    expect(applied).toEqual({ applied: 140, conflicts: 0 });
    expect(await database.reviews.get('p3')).toEqual(p3);
    expect(await database.reviews.count()).toBe(230);
    expect((await database.settings.get('sync.checkpoint'))?.value).toBe(seq);
    await expectRollupsRebuilt(database);
    const [reviews, rollups] = [await database.reviews.toArray(), await rollupRows(database)];

    await applyPulledDocs(database, readPulled(second, parse), seq, Date.now());

    expect(await database.reviews.toArray()).toEqual(reviews);
    expect(await rollupRows(database)).toEqual(rollups);
  });

  it('a bulk transaction with more to come leaves its rollup deltas pending; a stop before the fold loses nothing', async ({ database, server }) => {
    const random = rng(8);
    const pulled = Array.from({ length: BULK_STATES }, (_, i) => makeReview({ id: `b${i}`, random }));
    const docs = pulled.map((doc, i) => ({ collection: 'reviews' as const, id: doc.id, revision: doc.revision, seq: i + 1, doc }));

    await applyPulledDocs(database, readPulled(docs, parse), docs.length, Date.now(), { more: true });

    // The worker stops here: reviews stored, their cells pending, the rows as before.
    expect(await database.reviews.count()).toBe(BULK_STATES);
    expect(await database.rollups.count()).toBe(0);
    expect(await database.settings.get(PENDING_ROLLUPS_KEY)).toBeDefined();
    // A review written here meanwhile updates the rows directly; the pending deltas add up with it.
    await submitReview(makeReview({ id: 'local', random }), null);

    // The next sync (nothing new on the server) folds them in.
    expect(await runSync(database, BACKEND, server.fetch)).toMatchObject({ result: 'ok' });
    expect(await database.settings.get(PENDING_ROLLUPS_KEY)).toBeUndefined();
    await expectRollupsRebuilt(database);
  });

  it('a bulk pull folds the pending rollup deltas into the rows with its last page', async ({ database, server }) => {
    const random = rng(10);
    for (let i = 0; i < 700; i++) server.put('reviews', `f${i}`, makeReview({ id: `f${i}`, random }));
    const journaled: number[] = [];
    const note = (key: string) => key === PENDING_ROLLUPS_KEY && journaled.push(journaled.length);
    database.settings.hook('creating', (key) => void note(key));
    database.settings.hook('updating', (_changes, key) => void note(key));

    expect(await runSync(database, BACKEND, server.fetch, Date.now, { pullLimit: 150, applyLimit: 150 })).toMatchObject({ result: 'ok', pulled: 700 });

    // Written by the bulk transactions before the last (pages of 100, then 150: four of them), gone at the end.
    expect(journaled.length).toBe(4);
    expect(await database.settings.get(PENDING_ROLLUPS_KEY)).toBeUndefined();
    await expectRollupsRebuilt(database);
  });

  it('rebuilds the rollups when pending deltas cannot be read, and pulls again', async ({ database, server }) => {
    const random = rng(9);
    await submitReview(makeReview({ id: 'local', random }), null);
    await database.settings.put({ key: PENDING_ROLLUPS_KEY, value: [{ key: 'broken' }] });
    for (let i = 0; i < BULK_STATES; i++) server.put('reviews', `c${i}`, makeReview({ id: `c${i}`, random }));

    // The bulk transaction refuses to add to what it cannot read; the fold rebuilds the rows.
    expect(await runSync(database, BACKEND, server.fetch)).toMatchObject({ result: 'failed' });
    expect(await database.settings.get(PENDING_ROLLUPS_KEY)).toBeUndefined();
    expect(await runSync(database, BACKEND, server.fetch)).toMatchObject({ result: 'ok' });
    expect(await database.reviews.count()).toBe(BULK_STATES + 1);
    await expectRollupsRebuilt(database);
  });

  it('tells open views what it wrote: live queries on reviews and rollups see a bulk pull', async ({ database, server }) => {
    const random = rng(3);
    const seen = { reviews: [] as number[], rollups: [] as number[] };
    const subscriptions = [
      liveQuery(() => database.reviews.count()).subscribe((n) => seen.reviews.push(n)),
      liveQuery(() => database.rollups.count()).subscribe((n) => seen.rollups.push(n)),
    ];
    try {
      await vi.waitFor(() => expect([seen.reviews.at(-1), seen.rollups.at(-1)]).toEqual([0, 0]));
      for (let i = 0; i < 300; i++) server.put('reviews', `v${i}`, makeReview({ id: `v${i}`, random }));

      await runSync(database, BACKEND, server.fetch);

      const rollups = await database.rollups.count();
      expect(rollups).toBeGreaterThan(0);
      await vi.waitFor(() => expect([seen.reviews.at(-1), seen.rollups.at(-1)]).toEqual([300, rollups]));
    } finally {
      for (const s of subscriptions) s.unsubscribe();
    }
  });
});
