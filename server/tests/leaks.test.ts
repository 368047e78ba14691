// What a reviewer of the server found: writes that read what the caller may not (a version named in a
// document, another participant behind a pseudonym, a session's preparation), notes read by the person
// they are about, and the agent's and the published versions' parts that others could rewrite.
// @vitest-environment node
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, type SyncChange } from '../../lib/model/sync';
import { addTeam, addUser, findUserByEmail } from '../src/admin';
import { openPglite, type Db } from '../src/db';
import { migrate } from '../src/migrate';
import { pullJson, push, Refusal } from '../src/store';
import * as fx from './helpers/docs';

let dir = '';
let db: Db;
const teams = { A: '', B: '' };
const LATER = '2026-03-05T10:00:00.000Z';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arvio-leaks-'));
  db = await openPglite(dir);
  await migrate(db);
  teams.A = (await addTeam(db, 'A')).id;
  teams.B = (await addTeam(db, 'B')).id;
  await addUser(db, { email: 'lead@a.test', name: 'Lead', role: 'lead', teams: ['A'] });
  await addUser(db, { email: 'colead@a.test', name: 'Co-lead', role: 'lead', teams: ['A'] });
  await addUser(db, { email: 'p1@a.test', name: 'P1', role: 'reviewer', teams: ['A'] });
  await addUser(db, { email: 'p2@a.test', name: 'P2', role: 'reviewer', teams: ['A'] });
  await addUser(db, { email: 'agent@a.test', name: 'Agent', role: 'agent', teams: ['A'] });
  await addUser(db, { email: 'lead@b.test', name: 'Lead B', role: 'lead', teams: ['B'] });
});

afterAll(async () => {
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const as = async (who: string) => (await findUserByEmail(db, who))!;
const change = <C extends SyncChange['collection']>(collection: C, id: string, doc: unknown, baseRevision: number | null = null): SyncChange =>
  ({ collection, id, baseRevision, doc }) as SyncChange;
async function accepted(who: string, changes: SyncChange[]): Promise<void> {
  const results = await push(db, await as(who), changes);
  expect(results.map((r) => r.status)).toEqual(changes.map(() => 'accepted'));
}
async function refusal(who: string, changes: SyncChange[]): Promise<string> {
  try {
    await push(db, await as(who), changes);
  } catch (error) {
    if (error instanceof Refusal) return error.message;
    throw error;
  }
  throw new Error('the push was accepted');
}
async function pulledIds(who: string, collection: string): Promise<string[]> {
  const page = pullResponseSchema.parse(JSON.parse(await pullJson(db, await as(who), 0, 1000)));
  return page.docs.filter((d) => d.collection === collection).map((d) => d.id);
}

describe('naming a version is no way to read it', () => {
  it('a review, a coaching session or a calibration session made with another team’s card or form is refused; with one of its own, or one not stored here, accepted', async () => {
    await accepted('lead@b.test', [change('scorecards', 'secret-b@1', fx.scorecard('secret-b', 1, { team: teams.B }))]);
    await accepted('lead@b.test', [change('coachingForms', 'form-b@1', fx.coachingForm('form-b', 1, { team: teams.B }))]);
    await accepted('lead@a.test', [change('scorecards', 'card-a@1', fx.scorecard('card-a', 1, { team: teams.A }))]);
    const theirs = fx.review('uses-1', 'p1@a.test', 'agent@a.test', { team: teams.A, scorecardId: 'secret-b', scorecardVersion: 1 });
    expect(await refusal('p1@a.test', [change('reviews', theirs.id, theirs)])).toMatch(/made with a version you may not read \(secret-b@1\)/);
    // A version not stored yet of a stored series is that series'.
    const next = fx.review('uses-2', 'p1@a.test', 'agent@a.test', { team: teams.A, scorecardId: 'secret-b', scorecardVersion: 2 });
    expect(await refusal('p1@a.test', [change('reviews', next.id, next)])).toMatch(/may not read/);
    // A coaching focus names the card's series; the session names its form.
    const focused = fx.coachingSession('cs-uses-1', 'lead@a.test', 'agent@a.test', { team: teams.A, focus: [{ scorecardId: 'secret-b', criterionId: 'greet' }] });
    expect(await refusal('lead@a.test', [change('coachingSessions', focused.id, focused)])).toMatch(/may not read \(secret-b\)/);
    const formed = fx.coachingSession('cs-uses-2', 'lead@a.test', 'agent@a.test', { team: teams.A, formId: 'form-b', formVersion: 1 });
    expect(await refusal('lead@a.test', [change('coachingSessions', formed.id, formed)])).toMatch(/may not read \(form-b@1\)/);
    const calibrated = fx.calibrationSession('cal-uses', 'lead@a.test', teams.A, { scorecardId: 'secret-b', scorecardVersion: 1 });
    expect(await refusal('lead@a.test', [change('calibrationSessions', calibrated.id, calibrated)])).toMatch(/may not read/);
    // Nobody of team A reads team B's card.
    expect(await pulledIds('p1@a.test', 'scorecards')).toEqual(['card-a@1']);
    expect(await pulledIds('agent@a.test', 'scorecards')).toEqual(['card-a@1']);
    // Their own team's card, and a built-in one (shipped with the extension, not stored here).
    const own = fx.review('uses-3', 'p1@a.test', 'agent@a.test', { team: teams.A, scorecardId: 'card-a', scorecardVersion: 1 });
    const builtIn = fx.review('uses-4', 'p1@a.test', 'agent@a.test', { team: teams.A, scorecardId: 'tpl-chat', scorecardVersion: 1 });
    await accepted('p1@a.test', [change('reviews', own.id, own), change('reviews', builtIn.id, builtIn)]);
    // An admin reads every version, and may name any.
    await addUser(db, { email: 'admin@x.test', name: 'Admin', role: 'admin', teams: [] });
    const byAdmin = fx.review('uses-5', 'admin@x.test', 'agent@a.test', { team: teams.A, scorecardId: 'secret-b', scorecardVersion: 1 });
    await accepted('admin@x.test', [change('reviews', byAdmin.id, byAdmin)]);
  });
});

describe('a document the pusher has only in part is not theirs to push', () => {
  it('another participant’s ratings behind a pseudonym: refused as a document that does not exist, never answered with a conflict that names them', async () => {
    const session = fx.calibrationSession('cal-blind', 'lead@a.test', teams.A, { participants: ['p1@a.test', 'p2@a.test'], namesShown: false, revealMode: 'after-own-submit' });
    await accepted('lead@a.test', [change('calibrationSessions', session.id, session)]);
    const mine = fx.calibrationRatings(session.id, 'p1@a.test', 'zendesk:101', { team: teams.A });
    const theirs = fx.calibrationRatings(session.id, 'p2@a.test', 'zendesk:101', { team: teams.A, ratings: [{ criterionId: 'greet', value: 0, na: false, comment: 'p2 was here' }] });
    await accepted('p2@a.test', [change('calibrationRatings', theirs.id, theirs)]);
    await accepted('p1@a.test', [change('calibrationRatings', mine.id, mine)]);
    // p1 now reads p2's ratings of that ticket, under a pseudonym.
    const ids = await pulledIds('p1@a.test', 'calibrationRatings');
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(ids).toHaveLength(2);
    // Pushing p2's ratings by their real id: as for an id that does not exist, with a stale base or not, and with an exact copy.
    const absent = fx.calibrationRatings(session.id, 'p2@a.test', 'zendesk:102', { team: teams.A, ratings: [] });
    const overAbsent = await refusal('p1@a.test', [change('calibrationRatings', absent.id, absent)]);
    expect(await refusal('p1@a.test', [change('calibrationRatings', theirs.id, { ...theirs, ratings: [] })])).toBe(overAbsent);
    expect(await refusal('p1@a.test', [change('calibrationRatings', theirs.id, theirs, 1)])).toBe(overAbsent);
    expect(await refusal('p1@a.test', [change('calibrationRatings', theirs.id, theirs)])).toBe(overAbsent);
  });

  it('a reviewer pushing a coaching session not held: refused in the push’s transaction (nothing of the batch stored), not a 500 after it', async () => {
    const planned = fx.coachingSession('cs-planned', 'lead@a.test', 'agent@a.test', { team: teams.A, status: 'planned', heldAt: null, period: null, focus: [] });
    await accepted('lead@a.test', [change('coachingSessions', planned.id, planned)]);
    const own = fx.review('partial-1', 'p1@a.test', 'agent@a.test', { team: teams.A });
    const absent = fx.coachingSession('cs-absent', 'lead@a.test', 'agent@a.test', { team: teams.A, status: 'planned', heldAt: null, period: null, focus: [] });
    const overAbsent = await refusal('p1@a.test', [change('reviews', own.id, own), change('coachingSessions', absent.id, absent)]);
    expect(await refusal('p1@a.test', [change('reviews', own.id, own), change('coachingSessions', planned.id, { ...planned, answers: [] })])).toBe(overAbsent);
    // An exact guess of the stored session is no "accepted".
    expect(await refusal('p1@a.test', [change('coachingSessions', planned.id, planned)])).toBe(overAbsent);
    expect(await pulledIds('p1@a.test', 'reviews')).not.toContain(own.id);
  });
});

describe('coaching: the agent’s part and the notes stay theirs', () => {
  it('a lead coached by another lead never reads the notes about them; the coach and the other leads do', async () => {
    const session = fx.coachingSession('cs-colead', 'lead@a.test', 'colead@a.test', { team: teams.A, focus: [] });
    const notes = fx.coachingNotes(session.id, 'lead@a.test', 'colead@a.test', { team: teams.A });
    await accepted('lead@a.test', [change('coachingSessions', session.id, session), change('coachingNotes', session.id, notes)]);
    expect(await pulledIds('lead@a.test', 'coachingNotes')).toContain(session.id);
    expect(await pulledIds('colead@a.test', 'coachingSessions')).toContain(session.id);
    expect(await pulledIds('colead@a.test', 'coachingNotes')).not.toContain(session.id);
  });

  it('the agent marks their own action done, in their words: the coach may drop it or reword it, not mark it done or word its comment', async () => {
    const session = fx.coachingSession('cs-actions', 'lead@a.test', 'agent@a.test', { team: teams.A, focus: [] });
    const theirs = fx.coachingAction('act-agent', session.id, 'lead@a.test', 'agent@a.test', { team: teams.A });
    const coachs = fx.coachingAction('act-coach', session.id, 'lead@a.test', 'agent@a.test', { team: teams.A, assignee: 'coach' });
    await accepted('lead@a.test', [change('coachingSessions', session.id, session), change('coachingActions', theirs.id, theirs), change('coachingActions', coachs.id, coachs)]);
    const lead = { id: 'lead@a.test', name: 'Lead' };
    expect(await refusal('lead@a.test', [change('coachingActions', theirs.id, { ...theirs, status: 'done', doneAt: LATER, doneBy: lead, doneComment: 'done for you' }, 1)])).toMatch(
      /agent marks their own action done/,
    );
    expect(await refusal('lead@a.test', [change('coachingActions', theirs.id, { ...theirs, doneComment: 'in your words' }, 1)])).toMatch(/agent marks their own action done/);
    const born = fx.coachingAction('act-born-done', session.id, 'lead@a.test', 'agent@a.test', { team: teams.A, status: 'done', doneAt: LATER, doneBy: lead });
    expect(await refusal('lead@a.test', [change('coachingActions', born.id, born)])).toMatch(/agent marks their own action done/);
    // The coach's own action, the coach marks done; the agent's, the coach rewords and drops.
    await accepted('lead@a.test', [change('coachingActions', coachs.id, { ...coachs, status: 'done', doneAt: LATER, doneBy: lead, doneComment: 'sent the guide' }, 1)]);
    await accepted('lead@a.test', [change('coachingActions', theirs.id, { ...theirs, text: 'Greet by name, every time' }, 1)]);
    await accepted('lead@a.test', [change('coachingActions', theirs.id, { ...theirs, text: 'Greet by name, every time', status: 'dropped' }, 2)]);
    // The agent marks theirs done.
    const agent = { id: 'agent@a.test', name: 'Agent' };
    const mine = fx.coachingAction('act-agent-2', session.id, 'lead@a.test', 'agent@a.test', { team: teams.A });
    await accepted('lead@a.test', [change('coachingActions', mine.id, mine)]);
    await accepted('agent@a.test', [change('coachingActions', mine.id, { ...mine, status: 'done', doneAt: LATER, doneBy: agent, doneComment: 'every chat today' }, 1)]);
  });
});

describe('a published version stays as it was published', () => {
  it('archived, it cannot be changed and published again, nor become a draft; archived and published again unchanged, it can', async () => {
    const card = fx.scorecard('card-frozen', 1, { team: teams.A });
    await accepted('lead@a.test', [change('scorecards', 'card-frozen@1', card)]);
    const archived = { ...card, status: 'archived' as const, updatedAt: LATER };
    await accepted('lead@a.test', [change('scorecards', 'card-frozen@1', archived, 1)]);
    expect(await refusal('lead@a.test', [change('scorecards', 'card-frozen@1', { ...archived, passMark: 10 }, 2)])).toMatch(/immutable/);
    expect(await refusal('lead@a.test', [change('scorecards', 'card-frozen@1', { ...archived, status: 'draft' }, 2)])).toMatch(/immutable/);
    await accepted('lead@a.test', [change('scorecards', 'card-frozen@1', { ...archived, status: 'published' }, 2)]);
    const form = fx.coachingForm('form-frozen', 1, { team: teams.A, status: 'archived' });
    await accepted('lead@a.test', [change('coachingForms', 'form-frozen@1', form)]);
    expect(await refusal('lead@a.test', [change('coachingForms', 'form-frozen@1', { ...form, name: 'Rewritten' }, 1)])).toMatch(/immutable/);
  });
});
