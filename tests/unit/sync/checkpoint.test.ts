// Checkpoint: what the server last confirmed of each document, per document or in bulk buckets, the base of the next push.
import { describe, expect } from 'vitest';
import { getReview, submitReview } from '@/lib/db';
import type { Review } from '@/lib/model/review';
import { readConflicts, runSync, saveBackendConfig } from '@/lib/sync';
import { BULK_STATES, knownStates, readCheckpoint, recordPulledStates, STATE_BUCKETS } from '@/lib/sync/checkpoint';
import { review } from '../../../server/tests/helpers/docs';
import { BACKEND, expectRollupsRebuilt, it, mine } from './testbed';

const theirs = (id: string, over: Partial<Review> = {}) => review(id, 'rev2@arvio.test', 'agent1@arvio.test', over);

describe('server states learned by bulk pulls', () => {
  it('keep their server states in one row per transaction; edits of pulled reviews push on them without conflict', async ({ database, server }) => {
    // Two transactions, each a bulk one: the run's small first page, then the rest.
    const count = 2 * BULK_STATES + 50;
    for (let i = 0; i < count; i++) server.put('reviews', `x${i}`, theirs(`x${i}`));

    expect(await runSync(database, BACKEND, server.fetch)).toMatchObject({ result: 'ok', pulled: count });
    const rows = await database.pulledStates.toArray();
    expect(rows.reduce((n, r) => n + r.entries.length, 0)).toBe(count);
    expect(new Set(rows.map((r) => r.checkpoint)).size).toBe(2);
    expect(rows.length).toBeLessThanOrEqual(2 * STATE_BUCKETS);
    expect(await database.syncState.count()).toBe(0);
    const keys = [...server.docs.keys()];
    expect(await knownStates(database, keys)).toEqual(keys.map((key) => ({ key, revision: 1, seq: server.docs.get(key)!.seq })));

    // Edited here only: pushed on the pulled revision, accepted.
    await submitReview(theirs('x5', { feedback: 'edited here' }), null);
    // Edited on both sides: a conflict, neither side overwritten.
    server.put('reviews', 'x6', theirs('x6', { feedback: 'edited there' }));
    await submitReview(theirs('x6', { feedback: 'edited here too' }), null);
    const outcome = await runSync(database, BACKEND, server.fetch);

    expect(outcome).toMatchObject({ result: 'ok', pushed: 1, conflicts: 1 });
    expect(server.docs.get('reviews:x5')).toMatchObject({ revision: 2, doc: { feedback: 'edited here' } });
    expect(server.docs.get('reviews:x6')).toMatchObject({ revision: 2, doc: { feedback: 'edited there' } });
    expect((await getReview('x6'))?.feedback).toBe('edited here too');
    expect(await readConflicts(database)).toMatchObject([{ id: 'x6', theirsRevision: 2 }]);
    await expectRollupsRebuilt(database);
  });

  it('a review pushed from here, changed elsewhere and then pulled in bulk, is next pushed on the newer revision', async ({ database, server }) => {
    await submitReview(mine('r1', { feedback: 'mine' }), null);
    await runSync(database, BACKEND, server.fetch);
    expect(await database.syncState.get('reviews:r1')).toMatchObject({ revision: 1 });
    server.put('reviews', 'r1', mine('r1', { feedback: 'changed elsewhere' }));
    for (let i = 0; i < BULK_STATES; i++) server.put('reviews', `x${i}`, theirs(`x${i}`));
    await runSync(database, BACKEND, server.fetch);
    expect((await getReview('r1'))?.feedback).toBe('changed elsewhere');

    await submitReview(mine('r1', { feedback: 'edited on top' }), null);
    const outcome = await runSync(database, BACKEND, server.fetch);

    expect(outcome).toMatchObject({ result: 'ok', pushed: 1, conflicts: 0 });
    expect(server.docs.get('reviews:r1')).toMatchObject({ revision: 3, doc: { feedback: 'edited on top' } });

    // Another server: the bulk-pulled states mean nothing there either.
    await saveBackendConfig(BACKEND);
    await saveBackendConfig({ url: 'https://other.example.com', token: 'arv_x' });
    expect(await database.pulledStates.count()).toBe(0);
  });
});

/** A review's state key. */
const key = (i: number) => `reviews:x${i}`;

/** What a pull learned of `count` reviews from x`from` on: their seqs from `firstSeq`, all at `revision`. */
const learned = (from: number, count: number, firstSeq: number, revision: number) =>
  Array.from({ length: count }, (_, i) => ({ key: key(from + i), seq: firstSeq + i, revision }));

describe('what the server last confirmed of each document', () => {
  it('a fresh profile pulls from the start, and so does one whose checkpoint cannot be read', async ({ database }) => {
    expect(await readCheckpoint(database)).toBe(0);
    await database.settings.put({ key: 'sync.checkpoint', value: 'soon' });
    expect(await readCheckpoint(database)).toBe(0);
    await database.settings.put({ key: 'sync.checkpoint', value: 42 });
    expect(await readCheckpoint(database)).toBe(42);
  });

  it('keeps a few states a pull learned one row per document, and many in at most one row per bucket, at their checkpoint', async ({ database }) => {
    await recordPulledStates(database, learned(0, 3, 1, 1), 3);
    expect(await database.syncState.count()).toBe(3);
    expect(await database.pulledStates.count()).toBe(0);

    await recordPulledStates(database, learned(3, 3 * BULK_STATES, 4, 1), 3 + 3 * BULK_STATES);

    expect(await database.syncState.count()).toBe(3);
    const rows = await database.pulledStates.toArray();
    expect(rows.length).toBeLessThanOrEqual(STATE_BUCKETS);
    expect(rows.every((r) => r.checkpoint === 3 + 3 * BULK_STATES)).toBe(true);
    expect(rows.flatMap((r) => r.entries.map(([k]) => k)).sort()).toEqual(learned(3, 3 * BULK_STATES, 4, 1).map((s) => s.key).sort());
  });

  it('knows nothing of a document the server never confirmed, and answers in the order asked', async ({ database }) => {
    await recordPulledStates(database, learned(0, BULK_STATES, 1, 1), BULK_STATES);
    await database.syncState.put({ key: 'reviews:mine', revision: 4, seq: 500 });

    const states = await knownStates(database, ['reviews:mine', 'reviews:unknown', key(7)]);

    expect(states).toEqual([{ key: 'reviews:mine', revision: 4, seq: 500 }, undefined, { key: key(7), revision: 1, seq: 8 }]);
    expect(await knownStates(database, [])).toEqual([]);
  });

  it('a push confirmed after a bulk pull: its state, the later by seq, is the base of the next push', async ({ database }) => {
    await recordPulledStates(database, learned(0, BULK_STATES, 1, 1), BULK_STATES);
    await database.syncState.put({ key: key(5), revision: 2, seq: 150 });

    expect(await knownStates(database, [key(5), key(6)])).toEqual([
      { key: key(5), revision: 2, seq: 150 },
      { key: key(6), revision: 1, seq: 7 },
    ]);
  });

  it('a bulk pull after a push: the pulled state, the later by seq, wins over the pushed one', async ({ database }) => {
    await database.syncState.put({ key: key(5), revision: 1, seq: 6 });
    await recordPulledStates(database, learned(0, BULK_STATES, 201, 2), 300);

    expect(await knownStates(database, [key(5)])).toEqual([{ key: key(5), revision: 2, seq: 206 }]);
  });

  it('two bulk pulls: the later one knows better of the documents both brought', async ({ database }) => {
    await recordPulledStates(database, learned(0, BULK_STATES, 1, 1), BULK_STATES);
    await recordPulledStates(database, learned(50, BULK_STATES, 201, 2), 300);

    expect(await knownStates(database, [key(5), key(60), key(120)])).toEqual([
      { key: key(5), revision: 1, seq: 6 },
      { key: key(60), revision: 2, seq: 211 },
      { key: key(120), revision: 2, seq: 271 },
    ]);
  });
});
