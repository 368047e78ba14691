// The run: one at a time per profile, backoff after a failure, and what a scheduled check does.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect } from 'vitest';
import { ArvioDb, submitReview } from '@/lib/db';
import { BACKEND_KEY } from '@/lib/db/database';
import { PENDING_ROLLUPS_KEY } from '@/lib/db/rollups';
import { clearBackendConfig, runSync, saveBackendConfig, syncIfDue, type FetchLike } from '@/lib/sync';
import { applyPulledDocs } from '@/lib/sync/apply';
import { BULK_STATES } from '@/lib/sync/checkpoint';
import { acquireLease } from '@/lib/sync/lease';
import { readPulled } from '@/lib/sync/pull';
import { bulkParser } from '@/lib/model/bulk';
import { review } from '../../../server/tests/helpers/docs';
import { makeReview, rng } from '../db/factory';
import { withFullDisk } from '../db/full-disk';
import { BACKEND, expectRollupsRebuilt, it, mine } from './testbed';

const parse = await bulkParser();

describe('a sync run', () => {
  it('records an unreachable server in plain words and backs off, then recovers', async ({ database, server }) => {
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

  it('failures in a row wait longer each time; a server asking for time is given it; a stop is no failure', async ({ database }) => {
    await submitReview(mine('r1'), null);
    const down: FetchLike = () => Promise.reject(new TypeError('fetch failed'));
    const busy: FetchLike = async () => new Response('{}', { status: 503, headers: { 'retry-after': '120' } });
    const half = { random: () => 0.5 };

    expect((await runSync(database, BACKEND, down, () => 1_000_000, half)).status).toMatchObject({ attempt: 1, nextAttemptAt: 1_000_000 + 1_000 });
    expect((await runSync(database, BACKEND, down, () => 2_000_000, half)).status).toMatchObject({ attempt: 2, nextAttemptAt: 2_000_000 + 2_000 });
    const asked = await runSync(database, BACKEND, busy, () => 3_000_000, half);
    expect(asked.status).toMatchObject({ attempt: 3, nextAttemptAt: 3_000_000 + 120_000, lastError: { kind: 'server' } });

    const stop = new AbortController();
    stop.abort();
    const stopped = await runSync(database, BACKEND, down, () => 4_000_000, { ...half, signal: stop.signal });
    expect(stopped).toMatchObject({ result: 'failed', status: { attempt: 3, nextAttemptAt: 4_000_000, lastError: { kind: 'aborted' }, pendingCount: 1 } });
  });

  it('"Sync now" runs at once, also while the scheduled checks wait out a backoff', async ({ database, server }) => {
    await saveBackendConfig(BACKEND);
    await submitReview(mine('r1'), null);
    const down: FetchLike = () => Promise.reject(new TypeError('fetch failed'));
    const now = () => 1_000_000;
    await runSync(database, BACKEND, down, now, { random: () => 0.5 });

    expect((await syncIfDue(database, server.fetch, now)).result).toBe('waiting');
    const forced = await syncIfDue(database, server.fetch, now, { force: true });

    expect(forced).toMatchObject({ result: 'ok', pushed: 1, status: { attempt: 0, nextAttemptAt: null, pendingCount: 0 } });
  });

  it('without a backend there is nothing to run', async ({ database, server }) => {
    await submitReview(mine('r1'), null);
    // The backend removed with a change still waiting: it waits, nothing runs.
    await clearBackendConfig(database);

    expect(await syncIfDue(database, server.fetch, Date.now, { force: true })).toMatchObject({ result: 'no-backend', pushed: 0, status: { pendingCount: 1 } });
    expect(server.pushes).toBe(0);
  });

  it('runs one sync at a time per profile', async ({ database, server }) => {
    await submitReview(mine('r1'), null);
    const [a, b] = await Promise.all([runSync(database, BACKEND, server.fetch), runSync(database, BACKEND, server.fetch)]);
    expect([a.result, b.result].sort()).toEqual(['busy', 'ok']);
    expect(server.docs.size).toBe(1);
  });

  it('keeps its lease for as long as it makes progress: a pull longer than the lease is not joined by a second run', async ({ database, server }) => {
    for (let i = 0; i < 80; i++) server.put('reviews', `theirs-${i}`, review(`theirs-${i}`, 'rev2@arvio.test', 'agent1@arvio.test'));
    let clock = 1_000_000;
    const leaseMs = 1_000;
    const second: (string | null)[] = [];
    // Each page takes a quarter of the lease (two are fetched ahead), the whole pull far longer; meanwhile another worker's alarm tries to start a run.
    const slow: FetchLike = async (url, init) => {
      if (new URL(url).pathname === '/v1/sync/pull') {
        clock += leaseMs / 4;
        second.push(await acquireLease(database, clock, leaseMs));
      }
      return server.fetch(url, init);
    };

    const outcome = await runSync(database, BACKEND, slow, () => clock, { pullLimit: 10, applyLimit: 10, leaseMs });

    expect(outcome).toMatchObject({ result: 'ok', pulled: 80 });
    expect(second.length).toBeGreaterThan(3);
    expect(second.every((owner) => owner === null)).toBe(true);
  });

  it('stops, writing nothing more, once another run has taken over a lease it let run out', async ({ database, server }) => {
    for (let i = 0; i < 80; i++) server.put('reviews', `theirs-${i}`, review(`theirs-${i}`, 'rev2@arvio.test', 'agent1@arvio.test'));
    let clock = 1_000_000;
    const leaseMs = 1_000;
    let pages = 0;
    // After the first page the run stalls past its lease without renewing it, and another run takes over.
    const stalled: FetchLike = async (url, init) => {
      if (new URL(url).pathname === '/v1/sync/pull' && ++pages === 2) {
        clock += 5 * leaseMs;
        expect(await acquireLease(database, clock, 60 * leaseMs)).toEqual(expect.any(String));
      }
      return server.fetch(url, init);
    };

    const outcome = await runSync(database, BACKEND, stalled, () => clock, { pullLimit: 10, applyLimit: 10, leaseMs });

    expect(outcome.result).toBe('failed');
    expect(outcome.status.lastError?.kind).toBe('aborted');
    expect(outcome.pulled).toBeLessThan(80);
    expect(await database.reviews.count()).toBe(outcome.pulled);
  });

  it('a full disk while pulling is said to be this computer’s, not the server’s, and is retried once there is room', async ({ server }) => {
    for (let i = 0; i < 20; i++) server.put('reviews', `theirs-${i}`, review(`theirs-${i}`, 'rev2@arvio.test', 'agent1@arvio.test'));
    const database = new ArvioDb('sync-full-disk', { indexedDB: new IDBFactory(), IDBKeyRange });
    // The pulled reviews do not fit; the run's own small status rows still do.
    const disk = withFullDisk(database, ['reviews']);
    await database.settings.put({ key: BACKEND_KEY, value: BACKEND });
    disk.fill();

    const failed = await runSync(database, BACKEND, server.fetch, () => 1_000_000, { random: () => 0.5 });

    expect(failed.status.lastError).toMatchObject({ kind: 'storage', message: expect.stringContaining('no room left') });
    expect(failed.status).toMatchObject({ attempt: 1, nextAttemptAt: 1_000_000 + 1_000 });
    disk.free();
    expect(await runSync(database, BACKEND, server.fetch, () => 1_001_000)).toMatchObject({ result: 'ok', pulled: 20 });
    database.close();
  });

  it('folds pending rollup deltas on the next scheduled check, also with no backend left', async ({ database, server }) => {
    const random = rng(12);
    const pulled = Array.from({ length: BULK_STATES }, (_, i) => makeReview({ id: `n${i}`, random }));
    const docs = pulled.map((doc, i) => ({ collection: 'reviews' as const, id: doc.id, revision: doc.revision, seq: i + 1, doc }));
    await applyPulledDocs(database, readPulled(docs, parse), docs.length, Date.now(), { more: true });
    await database.settings.delete('sync.backend');

    expect(await syncIfDue(database, server.fetch)).toMatchObject({ result: 'no-backend' });

    expect(await database.settings.get(PENDING_ROLLUPS_KEY)).toBeUndefined();
    await expectRollupsRebuilt(database);
  });
});
