// The sync engine against an in-memory server that keeps the protocol's rules: nothing lost, nothing overwritten silently.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArvioDb, useDatabase, submitReview, getReview, revisionsOfReview, saveScorecard } from '@/lib/db';
import { getBackendConfig, saveBackendConfig, type BackendConfig } from '@/lib/sync';
import { canonicalJson, pushRequestSchema, type SyncCollection } from '@/lib/model/sync';
import type { FetchLike } from '@/lib/sync';
import { currentStatus, readConflicts, resolveConflict, runSync, syncIfDue } from '@/lib/sync';
import { applyPulledDocs } from '@/lib/sync/apply';
import { readPulled } from '@/lib/sync/pull';
import { BULK_STATES, knownStates, STATE_BUCKETS } from '@/lib/sync/checkpoint';
import { foldPendingRollups, PENDING_ROLLUPS_KEY, recomputeRollups } from '@/lib/db/rollups';
import type { Review } from '@/lib/model/review';
import { review, scorecard } from '../../../server/tests/helpers/docs';
import { makeReview, rng } from '../db/factory';

const BACKEND: BackendConfig = { url: 'https://arvio.example.com', token: 'arv_test' };

/** The server's rules in memory: equal doc → accepted as is; stale base → conflict; else a new revision. */
class FakeServer {
  docs = new Map<string, { collection: SyncCollection; id: string; revision: number; seq: number; doc: Record<string, unknown> }>();
  seq = 0;
  pushes = 0;
  refuse: (doc: Record<string, unknown>) => boolean = () => false;
  /** Runs before a push is answered (e.g. the user edits meanwhile). */
  duringPush: () => Promise<void> = async () => undefined;

  put(collection: SyncCollection, id: string, doc: Record<string, unknown>): void {
    const key = `${collection}:${id}`;
    const revision = (this.docs.get(key)?.revision ?? 0) + 1;
    this.docs.set(key, { collection, id, revision, seq: ++this.seq, doc });
  }

  fetch: FetchLike = async (url, init) => {
    const path = new URL(url).pathname;
    if (path === '/v1/sync/push') {
      this.pushes++;
      const body = pushRequestSchema.parse(JSON.parse(String(init.body)));
      if (body.changes.some((c) => this.refuse(c.doc as Record<string, unknown>))) {
        return new Response(JSON.stringify({ error: 'forbidden', message: 'not yours' }), { status: 403 });
      }
      await this.duringPush();
      const results = body.changes.map((c) => {
        const key = `${c.collection}:${c.id}`;
        const current = this.docs.get(key);
        if (current && canonicalJson(current.doc) === canonicalJson(c.doc)) {
          return { id: c.id, collection: c.collection, status: 'accepted', revision: current.revision, seq: current.seq };
        }
        if (current && c.baseRevision !== current.revision) {
          return { id: c.id, collection: c.collection, status: 'conflict', current: { revision: current.revision, seq: current.seq, doc: current.doc } };
        }
        this.put(c.collection, c.id, c.doc as Record<string, unknown>);
        const stored = this.docs.get(key)!;
        return { id: c.id, collection: c.collection, status: 'accepted', revision: stored.revision, seq: stored.seq };
      });
      return Response.json({ results });
    }
    if (path === '/v1/sync/pull') {
      const query = new URL(url).searchParams;
      const since = Number(query.get('since'));
      const limit = Number(query.get('limit'));
      const after = [...this.docs.values()].filter((d) => d.seq > since).sort((a, b) => a.seq - b.seq);
      const docs = after.slice(0, limit);
      return Response.json({ docs, checkpoint: docs.at(-1)?.seq ?? since, more: after.length > limit });
    }
    return new Response('{}', { status: 404 });
  };
}

let database: ArvioDb;
let server: FakeServer;
let n = 0;

beforeEach(async () => {
  database = new ArvioDb(`engine-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  useDatabase(database);
  server = new FakeServer();
});
afterEach(() => database.close());

const mine = (id: string, over = {}) => review(id, 'rev1@arvio.test', 'agent1@arvio.test', over);

describe('the sync engine', () => {
  it('pushes each queued review once, as it is now, and empties the outbox', async () => {
    await submitReview(mine('r1', { feedback: 'first' }), null);
    await submitReview(mine('r1', { feedback: 'second' }), null);
    await submitReview(mine('r2'), null);
    expect((await currentStatus(database)).pendingCount).toBe(2);

    const outcome = await runSync(database, BACKEND, server.fetch);

    expect(outcome).toMatchObject({ result: 'ok', pushed: 2, conflicts: 0 });
    expect(server.docs.get('reviews:r1')?.doc.feedback).toBe('second');
    expect(await database.outbox.count()).toBe(0);
    expect(await database.syncState.get('reviews:r1')).toMatchObject({ revision: 1 });
    expect(outcome.status).toMatchObject({ pendingCount: 0, lastError: null, attempt: 0 });
    expect(outcome.status.lastSuccessAt).not.toBeNull();
  });

  it('keeps an edit made while its push was on the wire queued, and sends it next time on the new base', async () => {
    await submitReview(mine('r1', { feedback: 'before' }), null);
    server.duringPush = async () => {
      server.duringPush = async () => undefined;
      await submitReview(mine('r1', { feedback: 'during' }), null);
    };
    await runSync(database, BACKEND, server.fetch);
    expect(server.docs.get('reviews:r1')?.doc.feedback).toBe('before');
    expect(await database.outbox.count()).toBe(1);

    await runSync(database, BACKEND, server.fetch);
    expect(server.docs.get('reviews:r1')).toMatchObject({ revision: 2, doc: { feedback: 'during' } });
    expect(await database.outbox.count()).toBe(0);
  });

  it('pulls documents by checkpoint without queueing them again', async () => {
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

  it('shows a conflict with both versions and overwrites neither; "keep mine" then wins knowingly', async () => {
    await submitReview(mine('r1', { feedback: 'base' }), null);
    await runSync(database, BACKEND, server.fetch);
    server.put('reviews', 'r1', mine('r1', { feedback: 'theirs' }));
    await submitReview(mine('r1', { feedback: 'mine' }), null);

    const outcome = await runSync(database, BACKEND, server.fetch);

    expect(outcome.conflicts).toBe(1);
    expect(outcome.status.conflictCount).toBe(1);
    const [conflict] = await readConflicts(database);
    expect(conflict).toMatchObject({ id: 'r1', mine: { feedback: 'mine' }, theirs: { feedback: 'theirs' }, theirsRevision: 2 });
    expect((await getReview('r1'))?.feedback).toBe('mine');
    expect(server.docs.get('reviews:r1')?.doc.feedback).toBe('theirs');

    await resolveConflict(database, 'reviews', 'r1', 'mine');
    await runSync(database, BACKEND, server.fetch);
    expect(server.docs.get('reviews:r1')).toMatchObject({ revision: 3, doc: { feedback: 'mine' } });
    expect(await readConflicts(database)).toEqual([]);
  });

  it('"take theirs" replaces the local review and keeps mine in its history', async () => {
    await submitReview(mine('r1', { feedback: 'base' }), null);
    await runSync(database, BACKEND, server.fetch);
    server.put('reviews', 'r1', mine('r1', { feedback: 'theirs' }));
    await submitReview(mine('r1', { feedback: 'mine' }), null);
    await runSync(database, BACKEND, server.fetch);

    await resolveConflict(database, 'reviews', 'r1', 'theirs');

    expect((await getReview('r1'))?.feedback).toBe('theirs');
    expect((await revisionsOfReview('r1')).map((r) => r.feedback)).toContain('mine');
    const outcome = await runSync(database, BACKEND, server.fetch);
    expect(outcome).toMatchObject({ result: 'ok', pushed: 0, conflicts: 0 });
    expect(server.docs.get('reviews:r1')?.revision).toBe(2);
  });

  it('never overwrites a local review with pending changes when pulling: that is a conflict', async () => {
    await submitReview(mine('r1', { feedback: 'base' }), null);
    await runSync(database, BACKEND, server.fetch);
    server.put('reviews', 'r1', mine('r1', { feedback: 'theirs' }));
    // Push sees nothing queued; a local edit lands during the pull.
    await submitReview(mine('r1', { feedback: 'mine' }), null);
    const { applyPulled } = await import('@/lib/sync/apply');
    const doc = server.docs.get('reviews:r1')!;
    const applied = await applyPulled(database, [doc], doc.seq, Date.now());
    expect(applied).toEqual({ applied: 0, conflicts: 1 });
    expect((await getReview('r1'))?.feedback).toBe('mine');
  });

  it('records an unreachable server in plain words and backs off, then recovers', async () => {
    await submitReview(mine('r1'), null);
    const down: FetchLike = () => Promise.reject(new TypeError('fetch failed'));
    let clock = 1_000_000;
    const now = () => clock;

    const failed = await runSync(database, BACKEND, down, now, { random: () => 0.5 });
    expect(failed.result).toBe('failed');
    expect(failed.status.lastError).toMatchObject({ kind: 'offline', message: expect.stringContaining('Cannot reach the server') });
    expect(failed.status).toMatchObject({ attempt: 1, pendingCount: 1, nextAttemptAt: 1_000_000 + 1_000 });

    await saveBackendConfig(BACKEND);
    expect((await syncIfDue(database, server.fetch, now)).result).toBe('waiting');
    clock += 1_000;
    const ok = await syncIfDue(database, server.fetch, now);
    expect(ok.status).toMatchObject({ attempt: 0, nextAttemptAt: null, lastError: null, pendingCount: 0 });
    expect(server.docs.size).toBe(1);
  });

  it('treats a lost answer followed by an edit as its own write, not a conflict', async () => {
    await submitReview(mine('r1', { feedback: 'one' }), null);
    const lost: FetchLike = async (url, init) => {
      await server.fetch(url, init);
      throw new TypeError('other side closed');
    };
    expect((await runSync(database, BACKEND, lost)).result).toBe('failed');
    await submitReview(mine('r1', { feedback: 'two' }), null);

    const outcome = await runSync(database, BACKEND, server.fetch);

    expect(outcome).toMatchObject({ result: 'ok', conflicts: 0 });
    expect(server.docs.get('reviews:r1')).toMatchObject({ revision: 2, doc: { feedback: 'two' } });
  });

  it('sets a refused change aside with the reason and still pushes the rest', async () => {
    await submitReview(mine('ok1'), null);
    await submitReview(review('bad', 'someone@else.test', 'agent1@arvio.test'), null);
    await submitReview(mine('ok2'), null);
    server.refuse = (doc) => doc.id === 'bad';

    const outcome = await runSync(database, BACKEND, server.fetch);

    expect(outcome).toMatchObject({ result: 'ok', pushed: 2, refused: 1 });
    expect(outcome.status.refused).toEqual([{ collection: 'reviews', id: 'bad', reason: expect.stringContaining('not yours') }]);
    expect(await getReview('bad')).toBeDefined();
  });

  it('pushes published scorecards and keeps drafts local', async () => {
    await saveScorecard(scorecard('pub', 1));
    await saveScorecard(scorecard('draft', 1, { status: 'draft', publishedAt: null }));
    await runSync(database, BACKEND, server.fetch);
    expect([...server.docs.keys()]).toEqual(['scorecards:pub@1']);
    expect(await database.outbox.count()).toBe(0);
  });

  it('runs one sync at a time per profile', async () => {
    await submitReview(mine('r1'), null);
    const [a, b] = await Promise.all([runSync(database, BACKEND, server.fetch), runSync(database, BACKEND, server.fetch)]);
    expect([a.result, b.result].sort()).toEqual(['busy', 'ok']);
    expect(server.docs.size).toBe(1);
  });

  it('stopped mid-sync, it resumes without loss or duplicates', async () => {
    for (let i = 0; i < 450; i++) await database.outbox.add({ collection: 'reviews', docId: `r${i}`, at: '2026-03-02T10:00:00.000Z' });
    await database.reviews.bulkPut(Array.from({ length: 450 }, (_, i) => mine(`r${i}`)));
    const stop = new AbortController();
    const stopping: FetchLike = async (url, init) => {
      const answer = await server.fetch(url, init);
      stop.abort();
      return answer;
    };
    const first = await runSync(database, BACKEND, stopping, Date.now, { signal: stop.signal });
    expect(first.status.lastError?.kind).toBe('aborted');
    expect(await database.outbox.count()).toBe(250);

    const second = await runSync(database, BACKEND, server.fetch);
    expect(second).toMatchObject({ result: 'ok', pushed: 250 });
    expect(server.docs.size).toBe(450);
    expect(server.seq).toBe(450);
  });
});

/** Rollup rows as stored, sums rounded: incremental and rebuilt rows compare equal. */
async function rollupRows(): Promise<unknown[]> {
  const rows = await database.rollups.toArray();
  return rows.map((r) => ({ ...r, sum: Math.round(r.sum * 1e9) / 1e9 + 0 }));
}

async function expectRollupsRebuilt(): Promise<void> {
  const kept = await rollupRows();
  await recomputeRollups(database);
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(await rollupRows());
}

describe('bulk pulls (a fresh profile catching up)', () => {
  const theirs = (id: string, over: Partial<Review> = {}) => review(id, 'rev2@arvio.test', 'agent1@arvio.test', over);

  it('keep their server states in one row per transaction; edits of pulled reviews push on them without conflict', async () => {
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
    await expectRollupsRebuilt();
  });

  it('a review pushed from here, changed elsewhere and then pulled in bulk, is next pushed on the newer revision', async () => {
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

  it('pages written together: a doc changed between pages is stored once, at its later state; a repeat changes nothing', async () => {
    const random = rng(11);
    const first = Array.from({ length: 150 }, (_, i) => makeReview({ id: `p${i}`, random }));
    let seq = 0;
    const page = (docs: Review[]) => docs.map((doc) => ({ collection: 'reviews' as const, id: doc.id, revision: doc.revision, seq: ++seq, doc }));
    await applyPulledDocs(database, readPulled(page(first)), seq, Date.now());
    // Edits (other agent, card or month), tombstones and new reviews; p3 changes twice, in two pages.
    const edited = first.slice(0, 60).map((r, i) =>
      i % 4 === 0 ? { ...r, deleted: true, revision: 2 } : { ...makeReview({ id: r.id, random }), revision: 2 },
    );
    const added = Array.from({ length: 80 }, (_, i) => makeReview({ id: `q${i}`, random }));
    const p3 = { ...makeReview({ id: 'p3', random }), revision: 3 };
    const second = [...page(edited.slice(0, 30)), ...page(added), ...page(edited.slice(30)), ...page([p3])];

    const applied = await applyPulledDocs(database, readPulled(second), seq, Date.now());

    expect(applied).toEqual({ applied: 140, conflicts: 0 });
    expect(await database.reviews.get('p3')).toEqual(p3);
    expect(await database.reviews.count()).toBe(230);
    expect((await database.settings.get('sync.checkpoint'))?.value).toBe(seq);
    await expectRollupsRebuilt();
    const [reviews, rollups] = [await database.reviews.toArray(), await rollupRows()];

    await applyPulledDocs(database, readPulled(second), seq, Date.now());

    expect(await database.reviews.toArray()).toEqual(reviews);
    expect(await rollupRows()).toEqual(rollups);
  });

  it('a bulk transaction with more to come leaves its rollup deltas pending; a stop before the fold loses nothing', async () => {
    const random = rng(8);
    const pulled = Array.from({ length: BULK_STATES }, (_, i) => makeReview({ id: `b${i}`, random }));
    const docs = pulled.map((doc, i) => ({ collection: 'reviews' as const, id: doc.id, revision: doc.revision, seq: i + 1, doc }));

    await applyPulledDocs(database, readPulled(docs), docs.length, Date.now(), { more: true });

    // The worker stops here: reviews stored, their cells pending, the rows as before.
    expect(await database.reviews.count()).toBe(BULK_STATES);
    expect(await database.rollups.count()).toBe(0);
    expect(await database.settings.get(PENDING_ROLLUPS_KEY)).toBeDefined();
    // A review written here meanwhile updates the rows directly; the pending deltas add up with it.
    await submitReview(makeReview({ id: 'local', random }), null);

    // The next sync (nothing new on the server) folds them in.
    expect(await runSync(database, BACKEND, server.fetch)).toMatchObject({ result: 'ok' });
    expect(await database.settings.get(PENDING_ROLLUPS_KEY)).toBeUndefined();
    await expectRollupsRebuilt();
  });

  it('a bulk pull folds the pending rollup deltas into the rows with its last page', async () => {
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
    await expectRollupsRebuilt();
  });

  it('folds pending rollup deltas on the next scheduled check, also with no backend left', async () => {
    const random = rng(12);
    const pulled = Array.from({ length: BULK_STATES }, (_, i) => makeReview({ id: `n${i}`, random }));
    const docs = pulled.map((doc, i) => ({ collection: 'reviews' as const, id: doc.id, revision: doc.revision, seq: i + 1, doc }));
    await applyPulledDocs(database, readPulled(docs), docs.length, Date.now(), { more: true });
    await database.settings.delete('sync.backend');

    expect(await syncIfDue(database, server.fetch)).toMatchObject({ result: 'no-backend' });

    expect(await database.settings.get(PENDING_ROLLUPS_KEY)).toBeUndefined();
    await expectRollupsRebuilt();
  });

  it('rebuilds the rollups when pending deltas cannot be read, and pulls again', async () => {
    const random = rng(9);
    await submitReview(makeReview({ id: 'local', random }), null);
    await database.settings.put({ key: PENDING_ROLLUPS_KEY, value: [{ key: 'broken' }] });
    for (let i = 0; i < BULK_STATES; i++) server.put('reviews', `c${i}`, makeReview({ id: `c${i}`, random }));

    // The bulk transaction refuses to add to what it cannot read; the fold rebuilds the rows.
    expect(await runSync(database, BACKEND, server.fetch)).toMatchObject({ result: 'failed' });
    expect(await database.settings.get(PENDING_ROLLUPS_KEY)).toBeUndefined();
    expect(await runSync(database, BACKEND, server.fetch)).toMatchObject({ result: 'ok' });
    expect(await database.reviews.count()).toBe(BULK_STATES + 1);
    await expectRollupsRebuilt();
  });

  it('tells open views what it wrote: live queries on reviews and rollups see a bulk pull', async () => {
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

  it('writes pages that arrived meanwhile together, never more than the apply limit, and loses nothing', async () => {
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
    await expectRollupsRebuilt();
  });

  it('stopped mid-pull (the worker going away): what was written stays, the next run brings the rest', async () => {
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
    await expectRollupsRebuilt();
    const resumed = await runSync(database, BACKEND, server.fetch, Date.now, { pullLimit: 50 });
    expect(resumed).toMatchObject({ result: 'ok', pulled: 300 - kept });
    expect(await database.reviews.count()).toBe(300);
    await expectRollupsRebuilt();
  });

  it('a page that fails to arrive: the pages before it are kept, the next run resumes without loss or duplicates', async () => {
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
    await expectRollupsRebuilt();
  });
});

describe('the backend settings', () => {
  it('require HTTPS except on this machine, and a token', async () => {
    await expect(saveBackendConfig({ url: 'http://arvio.example.com', token: 't' })).rejects.toThrow(/https/);
    await expect(saveBackendConfig({ url: 'https://arvio.example.com', token: ' ' })).rejects.toThrow(/token/);
    for (const url of ['http://localhost:8787', 'http://127.0.0.1:8787/', 'http://[::1]:8787', 'https://arvio.example.com/api/']) {
      await saveBackendConfig({ url, token: 'arv_x' });
      expect((await getBackendConfig())?.url).toBe(url.replace(/\/$/, ''));
    }
  });
});

describe('the backend host permission', () => {
  it('counts an origin as granted when a listed match pattern covers it', async () => {
    const { originCovered } = await import('@/lib/sync');
    const granted = ['*://*.zendesk.com/agent/*', 'http://127.0.0.1/*', 'http://localhost/*'];
    expect(originCovered('http://127.0.0.1:8787', granted)).toBe(true);
    expect(originCovered('http://localhost:3000', granted)).toBe(true);
    expect(originCovered('https://acme.zendesk.com', granted)).toBe(true);
    expect(originCovered('https://arvio.example.com', granted)).toBe(false);
    expect(originCovered('https://127.0.0.1:8787', granted)).toBe(false);
    expect(originCovered('https://arvio.example.com', ['https://arvio.example.com/*'])).toBe(true);
    expect(originCovered('https://arvio.example.com:8443', ['https://arvio.example.com:443/*'])).toBe(false);
  });
});

describe('switching to another server', () => {
  it('starts afresh there: everything local is queued again, checkpoint and revisions forgotten', async () => {
    await saveBackendConfig(BACKEND);
    await submitReview(mine('r1'), null);
    await saveScorecard(scorecard('pub', 1));
    await runSync(database, BACKEND, server.fetch);
    expect(await database.outbox.count()).toBe(0);

    await saveBackendConfig({ ...BACKEND, token: 'arv_other' }); // same server: nothing changes
    expect(await database.outbox.count()).toBe(0);
    const other = new FakeServer();
    const elsewhere = { url: 'https://other.example.com', token: 'arv_x' };
    await saveBackendConfig(elsewhere);
    expect(await database.syncState.count()).toBe(0);
    const outcome = await runSync(database, elsewhere, other.fetch);
    expect(outcome).toMatchObject({ result: 'ok', pushed: 2, conflicts: 0 });
    expect([...other.docs.keys()].sort()).toEqual(['reviews:r1', 'scorecards:pub@1']);
  });
});

describe('the sidebar status line', () => {
  it('says in plain words whether reviews are synced, waiting, in conflict or failing', async () => {
    const { h } = await import('preact');
    const { cleanup, render, screen } = await import('@testing-library/preact');
    const { I18nProvider } = await import('@/components/i18n');
    const { SyncStatus } = await import('@/components/SyncStatus');
    const { emptyStatus } = await import('@/lib/sync');
    const line = (status: Parameters<typeof SyncStatus>[0]['status'], lang: 'en' | 'fi' = 'en') => {
      cleanup();
      render(h(I18nProvider, { fixed: lang, children: h(SyncStatus, { status }) }));
      return screen.getByRole('status').textContent;
    };
    expect(line({ ...emptyStatus, connected: false })).toBe('Local only');
    expect(line({ ...emptyStatus, connected: true, pendingCount: 3 })).toBe('3 waiting to sync');
    expect(line({ ...emptyStatus, connected: true, conflictCount: 1 })).toBe('1 need your choice (see settings)');
    expect(line({ ...emptyStatus, connected: true, pendingCount: 2, lastError: { kind: 'offline', message: '', detail: '', at: 0 } })).toMatch(
      /^Sync problem: Cannot reach the server/,
    );
    expect(line({ ...emptyStatus, connected: true, lastSuccessAt: Date.now() })).toMatch(/^Synced \d/);
    expect(line({ ...emptyStatus, connected: true, pendingCount: 3 }, 'fi')).toBe('3 odottaa synkronointia');
    cleanup();
  });
});
