// When the user's teams or role change on the server, the profile comes to hold what they may read then.
import { describe, expect } from 'vitest';
import { submitReview } from '@/lib/db';
import type { Role, SyncCollection, TeamRosterResponse } from '@/lib/model';
import { runSync, type Roster } from '@/lib/sync';
import { accessOfRoster } from '@/lib/sync/access';
import { CHECKPOINT_KEY } from '@/lib/sync/meta';
import { readStatus } from '@/lib/sync/status';
import { coachingForm, coachingSession, review, scorecard } from '../../../server/tests/helpers/docs';
import { BACKEND, expectRollupsRebuilt, FakeServer, it, mine, refusal } from './testbed';

const me = { email: 'rev1@arvio.test', name: 'rev1', role: 'reviewer' as Role };

/** The roster of a reviewer whose teams are `teams` (id → role). */
function rosterOf(teams: Record<string, Role>, role: Role = 'reviewer'): TeamRosterResponse {
  return { me: { ...me, role }, members: [], teams: Object.entries(teams).map(([id, teamRole]) => ({ id, name: id.toUpperCase(), role: teamRole })) };
}

/** The server sends a doc of a team only to members of that team, as the roster says. */
function readsTeamsOfRoster(server: FakeServer): void {
  server.sentAs = (doc) => (server.roster?.teams?.some((t) => t.id === doc.team) ? doc : null);
}

const theirs = (id: string, team: string) => review(id, 'rev9@arvio.test', 'agent1@arvio.test', { team });

/** The `since` of every pull the server is asked for from now on, in order. */
function pullsOf(server: FakeServer): number[] {
  const since: number[] = [];
  const fetch = server.fetch;
  server.fetch = (url, init) => {
    const at = new URL(url);
    if (at.pathname === '/v1/sync/pull') since.push(Number(at.searchParams.get('since')));
    return fetch(url, init);
  };
  return since;
}

async function syncOk(database: Parameters<typeof runSync>[0], server: FakeServer, release?: string) {
  const outcome = await runSync(database, BACKEND, server.fetch, Date.now, { release });
  expect(outcome.result).toBe('ok');
  return outcome;
}

describe("the user's access", () => {
  it('is their role and their role in each team, in any order; an admin reads every team; unknown without teams', () => {
    const roster = (teams: TeamRosterResponse['teams'], role: Role = 'reviewer'): Roster => ({ me: { ...me, role }, members: [], teams });
    expect(accessOfRoster(roster([{ id: 'b', name: 'B', role: 'lead' }, { id: 'a', name: 'A', role: 'reviewer' }]))).toBe(
      accessOfRoster(roster([{ id: 'a', name: 'A', role: 'reviewer' }, { id: 'b', name: 'B', role: 'lead' }])),
    );
    expect(accessOfRoster(roster([{ id: 'a', name: 'A', role: 'reviewer' }]))).not.toBe(accessOfRoster(roster([{ id: 'a', name: 'A', role: 'lead' }])));
    expect(accessOfRoster(roster([{ id: 'a', name: 'A', role: 'admin' }], 'admin'))).toBe(accessOfRoster(roster([], 'admin')));
    expect(accessOfRoster({ ...roster([{ id: 'a', name: 'A', role: 'reviewer' }]), rules: '2' })).not.toBe(accessOfRoster({ ...roster([{ id: 'a', name: 'A', role: 'reviewer' }]), rules: '1' }));
    expect(accessOfRoster({ ...roster([], 'admin'), rules: '2' })).not.toBe(accessOfRoster({ ...roster([], 'admin'), rules: '1' }));
    expect(accessOfRoster(roster(undefined))).toBeNull();
    expect(accessOfRoster(null)).toBeNull();
  });
});

describe('a sync after the user joined a team', () => {
  it("brings the team's documents written before they joined, and counts them in the dashboard", async ({ database, server }) => {
    server.put('reviews', 'a-1', theirs('a-1', 'team-a'));
    server.put('reviews', 'b-1', theirs('b-1', 'team-b'));
    server.put('reviews', 'b-2', theirs('b-2', 'team-b'));
    // Written after them: the checkpoint passes team B's documents.
    server.put('reviews', 'a-2', theirs('a-2', 'team-a'));
    server.roster = rosterOf({ 'team-a': 'reviewer' });
    readsTeamsOfRoster(server);
    await syncOk(database, server);
    expect((await database.reviews.toArray()).map((r) => r.id).sort()).toEqual(['a-1', 'a-2']);

    server.roster = rosterOf({ 'team-a': 'reviewer', 'team-b': 'reviewer' });
    await syncOk(database, server);
    expect((await database.reviews.toArray()).map((r) => r.id).sort()).toEqual(['a-1', 'a-2', 'b-1', 'b-2']);
    await expectRollupsRebuilt(database);
    // Nothing left: no notice, and the next sync pulls from where this one ended.
    expect((await readStatus(database)).access).toBeNull();
    const since = pullsOf(server);
    await syncOk(database, server);
    expect(since).toEqual([server.seq]);
  });

  it('a fresh profile pulls once, and a profile of a release that did not record access is reconciled once', async ({ database, server }) => {
    server.put('reviews', 'a-1', theirs('a-1', 'team-a'));
    server.roster = rosterOf({ 'team-a': 'reviewer' });
    const since = pullsOf(server);
    await syncOk(database, server);
    expect(since).toEqual([0]);
    // As the release before left it: a checkpoint, and no access recorded.
    await database.settings.delete('sync.access');
    since.length = 0;
    await syncOk(database, server);
    expect(since).toEqual([1, 0]);
    since.length = 0;
    await syncOk(database, server);
    expect(since).toEqual([1]);
  });
});

describe('a sync after the user left a team or lost a role', () => {
  it("removes the team's documents from the profile, keeps the user's own unsent work, and says so", async ({ database, server }) => {
    server.put('reviews', 'a-1', theirs('a-1', 'team-a'));
    server.put('reviews', 'b-1', theirs('b-1', 'team-b'));
    server.put('reviews', 'b-2', theirs('b-2', 'team-b'));
    server.roster = rosterOf({ 'team-a': 'reviewer', 'team-b': 'reviewer' });
    readsTeamsOfRoster(server);
    await submitReview(mine('mine-b-sent', { team: 'team-b' }), null);
    await syncOk(database, server);
    // Edited after it was sent: kept revisions of it are in the profile.
    await submitReview({ ...(await database.reviews.get('mine-b-sent'))!, strengths: 'Edited' }, null);
    await syncOk(database, server);
    expect(await database.reviewRevisions.where('reviewId').equals('mine-b-sent').count()).toBe(1);
    expect(await database.reviews.count()).toBe(4);

    // Written while still a member, not sent yet when they leave: their own work stays, and is still offered to the server.
    await submitReview(mine('mine-b-unsent', { team: 'team-b' }), null);
    server.roster = rosterOf({ 'team-a': 'reviewer' });
    const blocked = server.fetch;
    server.fetch = (url, init) => (new URL(url).pathname === '/v1/sync/push' ? Promise.resolve(new Response('{}', { status: 503 })) : blocked(url, init));
    // A push that fails fails the run: the pull does not happen, nothing is removed.
    expect((await runSync(database, BACKEND, server.fetch)).result).toBe('failed');
    expect(await database.reviews.count()).toBe(5);
    server.fetch = (url, init) =>
      new URL(url).pathname === '/v1/sync/push'
        ? Promise.resolve(refusal(403, 'forbidden', 'changes.0', 'not a member of team-b'))
        : blocked(url, init);
    await syncOk(database, server);

    expect((await database.reviews.toArray()).map((r) => r.id).sort()).toEqual(['a-1', 'mine-b-unsent']);
    expect(await database.reviewRevisions.where('reviewId').equals('mine-b-sent').count()).toBe(0);
    await expectRollupsRebuilt(database);
    const status = await readStatus(database);
    expect(status.access?.removed).toBe(3);
    expect(status.refused.map((r) => r.id)).toEqual(['mine-b-unsent']);
    // The server never hears of the removal: nothing is queued for it.
    expect(await database.outbox.count()).toBe(0);
    expect(server.docs.get('reviews:b-1')).toBeDefined();
  });

  it('keeps the scorecard versions that reviews staying here were scored with; the others leave', async ({ database, server }) => {
    // The server sends the user their own reviews whatever the team, and a team's cards to its members.
    server.sentAs = (doc, collection) =>
      server.roster?.teams?.some((t) => t.id === doc.team) || (collection === 'reviews' && (doc.reviewer as { id: string }).id === me.email) ? doc : null;
    server.put('scorecards', 'card-b@1', { ...scorecard('card-b', 1), team: 'team-b' });
    server.put('scorecards', 'card-b@2', { ...scorecard('card-b', 2), team: 'team-b' });
    server.put('scorecards', 'card-c@1', { ...scorecard('card-c', 1), team: 'team-b' });
    server.put('reviews', 'own-b', mine('own-b', { team: 'team-b', scorecardId: 'card-b', scorecardVersion: 1 }));
    server.put('reviews', 'a-1', theirs('a-1', 'team-a'));
    server.roster = rosterOf({ 'team-a': 'reviewer', 'team-b': 'reviewer' });
    await syncOk(database, server);
    expect(await database.scorecards.count()).toBe(3);

    server.roster = rosterOf({ 'team-a': 'reviewer' });
    await syncOk(database, server);
    // Their own review stays, and so does the card version it was scored with, so it still reads right.
    expect(await database.reviews.get('own-b')).toBeDefined();
    expect((await database.scorecards.toArray()).map((c) => `${c.id}@${c.version}`)).toEqual(['card-b@1']);
    expect((await readStatus(database)).access?.removed).toBe(2);
  });

  it("keeps the form an agent's own coaching session was held with, and the card of its focus", async ({ database, server }) => {
    // The agent reads sessions about them whatever the team, and a team's forms and cards as its member.
    server.sentAs = (doc, collection) =>
      server.roster?.teams?.some((t) => t.id === doc.team) || (collection === 'coachingSessions' && (doc.agent as { id: string }).id === me.email) ? doc : null;
    server.put('coachingForms', 'form-1@1', { ...coachingForm('form-1', 1), team: 'team-b' });
    server.put('coachingForms', 'form-2@1', { ...coachingForm('form-2', 1), team: 'team-b' });
    server.put('scorecards', 'card-1@1', { ...scorecard('card-1', 1), team: 'team-b' });
    server.put('scorecards', 'card-1@2', { ...scorecard('card-1', 2), team: 'team-b' });
    server.put('coachingSessions', 'cs-1', coachingSession('cs-1', 'lead@arvio.test', me.email, { team: 'team-b' }));
    server.roster = rosterOf({ 'team-b': 'agent' }, 'agent');
    await syncOk(database, server);
    server.roster = rosterOf({ 'team-a': 'agent' }, 'agent');
    await syncOk(database, server);
    expect(await database.coachingSessions.get('cs-1')).toBeDefined();
    expect((await database.coachingForms.toArray()).map((f) => `${f.id}@${f.version}`)).toEqual(['form-1@1']);
    // The focus names a card, not a version: every version of it stays.
    expect((await database.scorecards.toArray()).map((c) => `${c.id}@${c.version}`)).toEqual(['card-1@1', 'card-1@2']);
  });

  it('writes again what the server now sends differently at the same revision (less of it, or all of it)', async ({ database, server }) => {
    server.put('reviews', 'a-1', { ...theirs('a-1', 'team-a'), developmentAreas: 'Between the coach and the lead' });
    server.roster = rosterOf({ 'team-a': 'lead' }, 'lead');
    server.sentAs = (doc) => (server.roster?.me.role === 'lead' ? doc : { ...doc, developmentAreas: '' });
    await syncOk(database, server);
    expect((await database.reviews.get('a-1'))?.developmentAreas).toBe('Between the coach and the lead');

    server.roster = rosterOf({ 'team-a': 'reviewer' });
    await syncOk(database, server);
    expect((await database.reviews.get('a-1'))?.developmentAreas).toBe('');
    server.roster = rosterOf({ 'team-a': 'lead' }, 'lead');
    await syncOk(database, server);
    expect((await database.reviews.get('a-1'))?.developmentAreas).toBe('Between the coach and the lead');
    await expectRollupsRebuilt(database);
  });

  it('a run stopped during the pull from the beginning removes nothing, and the next one does it all', async ({ database, server }) => {
    for (let i = 0; i < 5; i++) {
      server.put('reviews', `a-${i}`, theirs(`a-${i}`, 'team-a'));
      server.put('reviews', `b-${i}`, theirs(`b-${i}`, 'team-b'));
    }
    server.roster = rosterOf({ 'team-a': 'reviewer', 'team-b': 'reviewer' });
    readsTeamsOfRoster(server);
    await runSync(database, BACKEND, server.fetch, Date.now, { pullLimit: 2 });
    expect(await database.reviews.count()).toBe(10);

    server.roster = rosterOf({ 'team-a': 'reviewer' });
    const fetch = server.fetch;
    let pulls = 0;
    server.fetch = (url, init) => {
      const at = new URL(url);
      // The pull from the beginning fails after its first page.
      if (at.pathname === '/v1/sync/pull' && at.searchParams.get('since') !== '0' && ++pulls > 1) return Promise.reject(new TypeError('offline'));
      return fetch(url, init);
    };
    expect((await runSync(database, BACKEND, server.fetch, Date.now, { pullLimit: 2 })).result).toBe('failed');
    expect(await database.reviews.count()).toBe(10);
    expect((await database.settings.get(CHECKPOINT_KEY))?.value).toBeLessThan(server.seq);

    server.fetch = fetch;
    await syncOk(database, server);
    expect((await database.reviews.toArray()).map((r) => r.id).sort()).toEqual(['a-0', 'a-1', 'a-2', 'a-3', 'a-4']);
    expect((await readStatus(database)).access?.removed).toBe(5);
  });
});

describe('a sync after the server changed its read rules', () => {
  /** Rules 1: a reviewer reads the team's reviews. Rules 2: only their own and those about them. */
  function readsUnderRules(server: FakeServer): void {
    server.sentAs = (doc) => (server.rules === '2' && (doc.reviewer as { id: string }).id !== me.email ? null : doc);
  }

  it('makes the profile hold what the new rules give, though the user’s teams and role did not change', async ({ database, server }) => {
    server.put('reviews', 'a-1', theirs('a-1', 'team-a'));
    server.put('reviews', 'mine-1', mine('mine-1'));
    server.roster = rosterOf({ 'team-a': 'reviewer' });
    server.rules = '1';
    readsUnderRules(server);
    await syncOk(database, server);
    expect((await database.reviews.toArray()).map((r) => r.id).sort()).toEqual(['a-1', 'mine-1']);

    server.rules = '2';
    await syncOk(database, server);
    expect((await database.reviews.toArray()).map((r) => r.id)).toEqual(['mine-1']);
    expect((await readStatus(database)).access?.removed).toBe(1);
    await expectRollupsRebuilt(database);

    // Back to the rules before: what they give comes back.
    server.rules = '1';
    await syncOk(database, server);
    expect((await database.reviews.toArray()).map((r) => r.id).sort()).toEqual(['a-1', 'mine-1']);
  });

  it('a profile pulled before the server said its rules is not pulled again when it first says them', async ({ database, server }) => {
    server.put('reviews', 'a-1', theirs('a-1', 'team-a'));
    server.roster = rosterOf({ 'team-a': 'reviewer' });
    await syncOk(database, server);
    const since = pullsOf(server);
    server.rules = '1';
    await syncOk(database, server);
    expect(since).toEqual([server.seq]);
    // Their later change is one: everything again from the beginning.
    server.rules = '2';
    await syncOk(database, server);
    expect(since).toEqual([server.seq, server.seq, 0]);
  });
});

describe('documents a release could not read', () => {
  it('of a kind it does not know (a newer server’s) are skipped: the pull goes on with the rest', async ({ database, server }) => {
    server.put('surveys' as SyncCollection, 's-1', { id: 's-1', question: 'How did it go?' });
    server.put('reviews', 'a-1', theirs('a-1', 'team-a'));
    await syncOk(database, server, '1.0');
    expect((await database.reviews.toArray()).map((r) => r.id)).toEqual(['a-1']);
  });

  it('arrive once another release runs, which pulls from the beginning once', async ({ database, server }) => {
    // Release 1.0 does not know the kind of target the server's copy of a-2 has; release 1.1 does (here:
    // the server sends it as 1.1 would read it).
    let upgraded = false;
    server.sentAs = (doc) => (doc.id === 'a-2' && !upgraded ? { ...doc, target: { kind: 'callSegment', from: 12, to: 40 } } : doc);
    server.put('reviews', 'a-1', theirs('a-1', 'team-a'));
    server.put('reviews', 'a-2', theirs('a-2', 'team-a'));
    server.put('reviews', 'a-3', theirs('a-3', 'team-a'));
    const since = pullsOf(server);
    await syncOk(database, server, '1.0');
    expect((await database.reviews.toArray()).map((r) => r.id).sort()).toEqual(['a-1', 'a-3']);
    // The same release again: nothing new to read, no pull from the beginning.
    await syncOk(database, server, '1.0');
    expect(since).toEqual([0, 3]);

    upgraded = true;
    since.length = 0;
    await syncOk(database, server, '1.1');
    expect(since).toEqual([3, 0]);
    expect((await database.reviews.toArray()).map((r) => r.id).sort()).toEqual(['a-1', 'a-2', 'a-3']);
    await expectRollupsRebuilt(database);
    // Nothing skipped any more: later runs pull from the checkpoint.
    since.length = 0;
    await syncOk(database, server, '1.1');
    expect(since).toEqual([3]);
  });
});
