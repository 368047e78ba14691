// Push: each queued document once, as it is now, in batches; a lost answer is our own write; a refused change set aside.
import { describe, expect } from 'vitest';
import { getReview, saveScorecard, submitReview, writeSynced } from '@/lib/db';
import { MAX_PUSH_BATCH, pushRequestSchema } from '@/lib/model/sync';
import { currentStatus, runSync, type FetchLike } from '@/lib/sync';
import { pushPass } from '@/lib/sync/push';
import { coachingAction, coachingSession, review, scorecard } from '../../../server/tests/helpers/docs';
import { BACKEND, it, mine, refusal, type FakeServer } from './testbed';

describe('pushing the outbox', () => {
  it('pushes each queued review once, as it is now, and empties the outbox', async ({ database, server }) => {
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

  it('keeps an edit made while its push was on the wire queued, and sends it next time on the new base', async ({ database, server }) => {
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

  it('treats a lost answer followed by an edit as its own write, not a conflict', async ({ database, server }) => {
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

  it('sets a refused change aside with the reason and still pushes the rest', async ({ database, server }) => {
    await submitReview(mine('ok1'), null);
    await submitReview(review('bad', 'someone@else.test', 'agent1@arvio.test'), null);
    await submitReview(mine('ok2'), null);
    server.refuse = (doc) => doc.id === 'bad';

    const outcome = await runSync(database, BACKEND, server.fetch);

    expect(outcome).toMatchObject({ result: 'ok', pushed: 2, refused: 1 });
    expect(outcome.status.refused).toEqual([{ collection: 'reviews', id: 'bad', reason: expect.stringContaining('not yours') }]);
    expect(await getReview('bad')).toBeDefined();
  });

  it('pushes published scorecards and keeps drafts local', async ({ database, server }) => {
    await saveScorecard(scorecard('pub', 1));
    await saveScorecard(scorecard('draft', 1, { status: 'draft', publishedAt: null }));
    await runSync(database, BACKEND, server.fetch);
    expect([...server.docs.keys()]).toEqual(['scorecards:pub@1']);
    expect(await database.outbox.count()).toBe(0);
  });

  it('stopped mid-sync, it resumes without loss or duplicates', async ({ database, server }) => {
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

describe('documents of no team', () => {
  it('a review written before teams (or before connecting) gets the team the roster proposes, kept locally too', async ({ database, server }) => {
    const roster = {
      me: { email: 'rev1@arvio.test', name: 'rev1', role: 'reviewer' as const, teams: ['FI'] },
      members: [
        { email: 'rev1@arvio.test', name: 'rev1', role: 'reviewer' as const, teams: ['FI', 'SE'] },
        { email: 'agent1@arvio.test', name: 'agent1', role: 'agent' as const, teams: ['SE'] },
      ],
      teams: [
        { id: 't-fi', name: 'FI', role: 'reviewer' as const },
        { id: 't-se', name: 'SE', role: 'reviewer' as const },
      ],
    };
    const rosterFetches: string[] = [];
    const withRoster: FetchLike = async (url, init) => {
      if (url.endsWith('/v1/team/members')) {
        rosterFetches.push(url);
        return new Response(JSON.stringify(roster), { status: 200, headers: { 'content-type': 'application/json' } });
      }
      return server.fetch(url, init);
    };
    await submitReview(mine('old', { team: null }), null);

    await pushPass(database, BACKEND, withRoster, Date.now, {}, { pushed: 0, conflicts: 0, refused: 0, again: false });

    // No roster cached yet (a first sync): fetched before the push.
    expect(rosterFetches).toHaveLength(1);
    expect(server.docs.get('reviews:old')?.doc.team).toBe('t-se');
    expect((await getReview('old'))?.team).toBe('t-se');
    // Pushed as it is now: nothing left waiting.
    expect(await database.outbox.count()).toBe(0);
  });

  it('a child written before its team was known (a coaching action) goes in its parent’s team, which the roster gave the parent', async ({ database, server }) => {
    const roster = {
      me: { email: 'lead1@arvio.test', name: 'lead1', role: 'lead' as const, teams: ['FI'] },
      members: [
        { email: 'lead1@arvio.test', name: 'lead1', role: 'lead' as const, teams: ['FI'] },
        { email: 'agent1@arvio.test', name: 'agent1', role: 'agent' as const, teams: ['FI'] },
      ],
      teams: [{ id: 't-fi', name: 'FI', role: 'lead' as const }],
    };
    const withRoster: FetchLike = async (url, init) =>
      url.endsWith('/v1/team/members') ? Response.json(roster) : server.fetch(url, init);
    const session = coachingSession('s1', 'lead1@arvio.test', 'agent1@arvio.test', { team: null });
    const action = coachingAction('a1', 's1', 'lead1@arvio.test', 'agent1@arvio.test', { team: null });
    await writeSynced(database, ['coachingSessions', 'coachingActions'], 'local', async (writer) => {
      await writer.put('coachingSessions', [session]);
      await writer.put('coachingActions', [action]);
    });

    await pushPass(database, BACKEND, withRoster, Date.now, {}, { pushed: 0, conflicts: 0, refused: 0, again: false });

    expect(server.docs.get('coachingSessions:s1')?.doc.team).toBe('t-fi');
    expect(server.docs.get('coachingActions:a1')?.doc.team).toBe('t-fi');
    expect((await database.coachingActions.get('a1'))?.team).toBe('t-fi');
    expect(await database.outbox.count()).toBe(0);
  });
});

describe('one push pass', () => {
  it('sends the outbox in the order first written, one change per document, in batches the server takes', async ({ database, server }) => {
    await submitReview(mine('r0', { feedback: 'first' }), null);
    await saveScorecard(scorecard('card', 1));
    for (let i = 1; i <= MAX_PUSH_BATCH; i++) await submitReview(mine(`r${i}`), null);
    await submitReview(mine('r0', { feedback: 'again' }), null);
    const batches: string[][] = [];
    const recording: FetchLike = (url, init) => {
      batches.push(pushRequestSchema.parse(JSON.parse(String(init.body))).changes.map((c) => c.id));
      return server.fetch(url, init);
    };
    const tally = { pushed: 0, conflicts: 0, refused: 0, again: false };

    await pushPass(database, BACKEND, recording, Date.now, {}, tally);

    expect(batches.map((b) => b.length)).toEqual([MAX_PUSH_BATCH, 2]);
    expect(batches.flat()).toEqual(['r0', 'card@1', ...Array.from({ length: MAX_PUSH_BATCH }, (_, i) => `r${i + 1}`)]);
    expect(tally).toEqual({ pushed: MAX_PUSH_BATCH + 2, conflicts: 0, refused: 0, again: false });
    expect(server.docs.get('reviews:r0')?.doc.feedback).toBe('again');
    expect(await database.outbox.count()).toBe(0);
  });
});

/** The server behind something that answers every push itself; every other request reaches the server. */
const pushAnsweredBy =
  (server: FakeServer, answer: () => Response): FetchLike =>
  (url, init) =>
    new URL(url).pathname === '/v1/sync/push' ? Promise.resolve(answer()) : server.fetch(url, init);

const changesOf = (init: RequestInit) => pushRequestSchema.parse(JSON.parse(String(init.body))).changes;

/** A reviewer's day of work waiting: two reviews (one written twice) and a coaching session. */
async function aDayOfWork(database: Parameters<typeof runSync>[0]): Promise<number> {
  await submitReview(mine('r1', { feedback: 'first' }), null);
  await submitReview(mine('r1', { feedback: 'second' }), null);
  await submitReview(mine('r2'), null);
  await writeSynced(database, ['coachingSessions'], 'local', (writer) =>
    writer.put('coachingSessions', [coachingSession('s1', 'rev1@arvio.test', 'agent1@arvio.test', { team: 'team-a' })]),
  );
  return database.outbox.count();
}

describe('what is not the server refusing a change', () => {
  it('a proxy’s 403 challenge page keeps every queued review and session, says the server is failing, and the next run sends them', async ({ database, server }) => {
    const rows = await aDayOfWork(database);
    const challenge = pushAnsweredBy(server, () => new Response('<!DOCTYPE html><title>Just a moment...</title>', { status: 403, headers: { 'content-type': 'text/html' } }));

    const failed = await runSync(database, BACKEND, challenge, () => 1_000, { random: () => 0.5 });

    expect(failed).toMatchObject({ result: 'failed', pushed: 0, refused: 0 });
    expect(await database.outbox.count()).toBe(rows);
    expect(failed.status).toMatchObject({ pendingCount: 3, refused: [], attempt: 1, lastError: { kind: 'server', detail: expect.stringContaining('HTTP 403') } });
    // The existing backoff: no automatic attempt before it has passed.
    expect(failed.status.nextAttemptAt).toBeGreaterThan(1_000);

    const ok = await runSync(database, BACKEND, server.fetch);
    expect(ok).toMatchObject({ result: 'ok', pushed: 3, refused: 0 });
    expect(server.docs.get('reviews:r1')?.doc.feedback).toBe('second');
    expect(server.docs.get('coachingSessions:s1')).toBeDefined();
    expect(await database.outbox.count()).toBe(0);
  });

  it.for<[string, () => Response]>([
    ['a misconfigured reverse proxy’s 404', () => new Response('<html><body>404 Not Found</body></html>', { status: 404 })],
    ['a 405 from a proxy that routes POST elsewhere', () => new Response('Method Not Allowed', { status: 405 })],
    ['a proxy’s body limit (413)', () => new Response('<html><center>413 Request Entity Too Large</center></html>', { status: 413 })],
    ['a 400 page from a load balancer', () => new Response('<html>400 Bad Request</html>', { status: 400 })],
    ['a WAF’s 403 in JSON naming no change', () => Response.json({ error: 'forbidden', message: 'Request blocked' }, { status: 403 })],
    ['a 409 in another JSON shape', () => Response.json({ code: 409, reason: 'busy' }, { status: 409 })],
    ['a 400 in the server’s shape naming a change this batch does not have', () => refusal(400, 'invalid_request', 'changes.7.doc', 'x')],
    ['a 403 in the server’s shape under another code', () => refusal(403, 'not_found', 'changes.0', 'x')],
  ])('%s keeps the outbox rows, refuses nothing and retries', async ([, answer], { database, server }) => {
    const rows = await aDayOfWork(database);

    const failed = await runSync(database, BACKEND, pushAnsweredBy(server, answer));

    expect(failed.result).toBe('failed');
    expect(await database.outbox.count()).toBe(rows);
    expect(failed.status.refused).toEqual([]);
    expect(failed.status.lastError?.kind).toBe('server');
    expect(failed.status.nextAttemptAt).not.toBeNull();
    expect(await runSync(database, BACKEND, server.fetch)).toMatchObject({ result: 'ok', pushed: 3, refused: 0 });
  });

  it('the server’s own 413 for a batch too large splits it, and every change arrives', async ({ database, server }) => {
    for (let i = 0; i < 7; i++) await submitReview(mine(`r${i}`), null);
    const sizes: number[] = [];
    const small: FetchLike = (url, init) => {
      if (new URL(url).pathname !== '/v1/sync/push') return server.fetch(url, init);
      sizes.push(changesOf(init).length);
      if (changesOf(init).length > 2) return Promise.resolve(Response.json({ error: 'too_large', message: 'the request body exceeds 1024 bytes; send smaller batches' }, { status: 413 }));
      return server.fetch(url, init);
    };

    const outcome = await runSync(database, BACKEND, small);

    expect(outcome).toMatchObject({ result: 'ok', pushed: 7, refused: 0 });
    expect(sizes[0]).toBe(7);
    expect(server.docs.size).toBe(7);
    expect(await database.outbox.count()).toBe(0);
  });
});

describe('the server refusing a change', () => {
  it('an older server refusing a field it does not know refuses that review alone; the rest of its batch arrives', async ({ database, server }) => {
    for (let i = 0; i < 5; i++) await submitReview(mine(`r${i}`, { feedback: i === 3 ? 'newer' : 'plain' }), null);
    const older: FetchLike = (url, init) => {
      if (new URL(url).pathname !== '/v1/sync/push') return server.fetch(url, init);
      const at = changesOf(init).findIndex((c) => (c.doc as { feedback?: string }).feedback === 'newer');
      return at >= 0 ? Promise.resolve(refusal(400, 'invalid_request', `changes.${at}.doc.newField`, 'Unrecognized key: "newField"')) : server.fetch(url, init);
    };

    const outcome = await runSync(database, BACKEND, older);

    expect(outcome).toMatchObject({ result: 'ok', pushed: 4, refused: 1 });
    expect(outcome.status.refused).toEqual([{ collection: 'reviews', id: 'r3', reason: expect.stringContaining('newField') }]);
    expect([...server.docs.keys()].sort()).toEqual(['reviews:r0', 'reviews:r1', 'reviews:r2', 'reviews:r4']);
    expect((await getReview('r3'))?.feedback).toBe('newer');
  });

  it('a published scorecard version the server calls immutable (409) is refused, not retried', async ({ database, server }) => {
    await saveScorecard(scorecard('card', 1));
    await submitReview(mine('r1'), null);
    const immutable: FetchLike = (url, init) => {
      if (new URL(url).pathname !== '/v1/sync/push') return server.fetch(url, init);
      const at = changesOf(init).findIndex((c) => c.collection === 'scorecards');
      return at >= 0 ? Promise.resolve(refusal(409, 'immutable', `changes.${at}`, 'a published version is immutable')) : server.fetch(url, init);
    };

    const outcome = await runSync(database, BACKEND, immutable);

    expect(outcome).toMatchObject({ result: 'ok', pushed: 1, refused: 1 });
    expect(outcome.status.refused.map((r) => r.id)).toEqual(['card@1']);
    expect(await database.outbox.count()).toBe(0);
  });

  it('every refused change stays listed, however many', async ({ database, server }) => {
    for (let i = 0; i < 60; i++) await submitReview(mine(`bad${i}`, { feedback: 'refused' }), null);
    server.refuse = (doc) => doc.feedback === 'refused';

    const outcome = await runSync(database, BACKEND, server.fetch);

    expect(outcome).toMatchObject({ result: 'ok', refused: 60 });
    expect((await currentStatus(database)).refused).toHaveLength(60);
  });
});
