// Push: each queued document once, as it is now, in batches; a lost answer is our own write; a refused change set aside.
import { describe, expect } from 'vitest';
import { getReview, saveScorecard, submitReview, writeSynced } from '@/lib/db';
import { MAX_PUSH_BATCH, pushRequestSchema } from '@/lib/model/sync';
import { currentStatus, runSync, type FetchLike } from '@/lib/sync';
import { pushPass } from '@/lib/sync/push';
import { coachingAction, coachingSession, review, scorecard } from '../../../server/tests/helpers/docs';
import { BACKEND, it, mine } from './testbed';

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
