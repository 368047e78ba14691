// Teams own data, as a matrix: every kind of the registry × every role × the caller in the document's
// team, in another team, in no team, or in both, for reading and for writing. The expected outcomes
// are written out by hand below (from issue 13's rules), not computed by the code under test.
// @vitest-environment node
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindNames, kindOf, type DocOf, type KindName } from '../../lib/model/kinds';
import { pullResponseSchema, type SyncChange } from '../../lib/model/sync';
import { addTeam, addUser, findUserByEmail, type User } from '../src/admin';
import { openPglite, type Db } from '../src/db';
import { migrate } from '../src/migrate';
import type { TeamSettings } from '../../lib/model/teamSettings';
import { pullJson, push, Refusal } from '../src/store';
import * as fx from './helpers/docs';

/**
 * Y: allowed, ·: refused. Columns: admin | lead | reviewer | agent, each role as a member of the
 * document's team (own), of the other team only (other), of no team (none), of both teams (both).
 *
 * read:  a document of team A, written by others of team A (about an agent of A), and — for the
 *        kinds that open — opened (a revealed calibration session, whose ratings reach the team's leads
 *        and the people the session names, none of the callers); ideas stay private.
 * write: the caller creates one in team A in their own name (about an agent of A; under a parent of
 *        team A that names them where the kind needs it: the session they rate or coach, the review
 *        about them they dispute). An agent writes only their own self-checks, disputes (and
 *        acknowledgements: the suites) and ideas, which anyone in the team sends. A reviewer starts a
 *        calibration session where the team's settings allow them (here: the reviewers of team A;
 *        one not allowed is refused in server/tests/team-settings.test.ts). A team's settings are
 *        read by all its members and written by its leads.
 */
const EXPECTED: Record<KindName, { read: string; write: string }> = {
  //                          admin  lead      reviewer  agent                admin  lead      reviewer  agent
  //                                 own/other/none/both
  reviews: /*            */ { read: 'Y  Y · · Y  Y · · Y  · · · ·', write: 'Y  Y · · Y  Y · · Y  · · · ·' },
  scorecards: /*         */ { read: 'Y  Y · · Y  Y · · Y  Y · · Y', write: 'Y  Y · · Y  · · · ·  · · · ·' },
  selfChecks: /*         */ { read: 'Y  Y · · Y  · · · ·  · · · ·', write: 'Y  Y · · Y  Y · · Y  Y · · Y' },
  calibrationSessions: /**/ { read: 'Y  Y · · Y  Y · · Y  · · · ·', write: 'Y  Y · · Y  Y · · Y  · · · ·' },
  calibrationRatings: /* */ { read: 'Y  Y · · Y  · · · ·  · · · ·', write: 'Y  Y · · Y  Y · · Y  · · · ·' },
  coachingForms: /*      */ { read: 'Y  Y · · Y  Y · · Y  Y · · Y', write: 'Y  Y · · Y  · · · ·  · · · ·' },
  coachingSessions: /*   */ { read: 'Y  Y · · Y  Y · · Y  · · · ·', write: 'Y  Y · · Y  · · · ·  · · · ·' },
  coachingActions: /*    */ { read: 'Y  Y · · Y  · · · ·  · · · ·', write: 'Y  Y · · Y  · · · ·  · · · ·' },
  coachingNotes: /*      */ { read: 'Y  Y · · Y  · · · ·  · · · ·', write: 'Y  Y · · Y  · · · ·  · · · ·' },
  disputes: /*           */ { read: 'Y  Y · · Y  · · · ·  · · · ·', write: 'Y  Y · · Y  Y · · Y  Y · · Y' },
  ideas: /*              */ { read: 'Y  Y · · Y  · · · ·  · · · ·', write: 'Y  Y · · Y  Y · · Y  Y · · Y' },
  teamSettings: /*       */ { read: 'Y  Y · · Y  Y · · Y  Y · · Y', write: 'Y  Y · · Y  · · · ·  · · · ·' },
};

const ROLES = ['lead', 'reviewer', 'agent'] as const;
const PLACES = ['own', 'other', 'none', 'both'] as const;
type Caller = 'admin' | `${(typeof ROLES)[number]}-${(typeof PLACES)[number]}`;
const CALLERS: Caller[] = ['admin', ...ROLES.flatMap((role) => PLACES.map((place) => `${role}-${place}` as const))];
const emailOf = (caller: Caller): string => `${caller}@matrix.test`;
/** Team A's own people who write the documents read below: never one of the callers. */
const A = { lead: 'lead.a@matrix.test', rev: 'rev.a@matrix.test', agent: 'agent.a@matrix.test' };

/** The expected outcome of each caller, from a row of EXPECTED. */
function expectedOf(row: string): Record<Caller, boolean> {
  const cells = row.replace(/\s+/g, '').split('');
  expect(cells, `"${row}" has ${CALLERS.length} cells`).toHaveLength(CALLERS.length);
  return Object.fromEntries(CALLERS.map((caller, i) => [caller, cells[i] === 'Y'])) as Record<Caller, boolean>;
}

let dir = '';
let db: Db;
let teamA = '';
let admin: User;
let n = 0;
const uid = (prefix: string) => `${prefix}-${++n}`;
const change = <C extends KindName>(collection: C, doc: DocOf<C>): SyncChange => ({ collection, id: kindOf(collection).syncId(doc), baseRevision: null, doc }) as SyncChange;
/** Written by an admin (who may write anything): the documents the cases stand on. */
const setUp = async (...changes: SyncChange[]) => {
  const results = await push(db, admin, changes);
  expect(results.map((r) => r.status)).toEqual(changes.map(() => 'accepted'));
};
const at = '2026-03-02T11:00:00.000Z';
/** Team A's settings (one document per team) as a change of whatever is stored: a fresh window each time, so it is a change. */
const settingsOfA = async (by: string, over: Partial<TeamSettings> = {}): Promise<SyncChange> => {
  const doc = fx.teamSettings(teamA, by, { disputeWindowDays: 1 + (++n % 90), ...over });
  const stored = await db.query<{ revision: number }>("SELECT revision FROM docs WHERE collection = 'teamSettings' AND id = $1", [doc.id]);
  return { collection: 'teamSettings', id: doc.id, baseRevision: stored[0] ? Number(stored[0].revision) : null, doc };
};

/**
 * Per kind: the document the read cases look for (of team A, by its own people), and the one a caller
 * creates in the write cases (with whatever it hangs under set up first). A kind added to the
 * registry does not compile until it has both here and a row in EXPECTED.
 */
const CASES: { [K in KindName]: { read(): Promise<SyncChange>; write(me: string): Promise<SyncChange> } } = {
  reviews: {
    read: async () => change('reviews', fx.review(uid('r'), A.rev, A.agent, { team: teamA })),
    write: async (me) => change('reviews', fx.review(uid('r'), me, A.agent, { team: teamA })),
  },
  scorecards: {
    read: async () => change('scorecards', fx.scorecard(uid('card'), 1, { team: teamA })),
    write: async () => change('scorecards', fx.scorecard(uid('card'), 1, { team: teamA })),
  },
  selfChecks: {
    read: async () => change('selfChecks', fx.selfCheck(uid('t'), A.agent, { team: teamA })),
    write: async (me) => change('selfChecks', fx.selfCheck(uid('t'), me, { team: teamA })),
  },
  calibrationSessions: {
    read: async () =>
      change('calibrationSessions', fx.calibrationSession(uid('cal'), A.lead, teamA, { participants: [A.lead, A.rev], status: 'revealed', revealedAt: at })),
    write: async (me) => {
      // The lead allows team A's reviewers to start sessions.
      await setUp(await settingsOfA(A.lead, { calibrationStarters: [emailOf('reviewer-own'), emailOf('reviewer-both')] }));
      return change('calibrationSessions', fx.calibrationSession(uid('cal'), me, teamA, { participants: [me, A.rev] }));
    },
  },
  calibrationRatings: {
    read: async () => {
      // Revealed: the participants' ratings are open to them, the facilitator and the team's leads.
      const session = fx.calibrationSession(uid('cal'), A.lead, teamA, { participants: [A.lead, A.rev], status: 'revealed', revealedAt: at });
      await setUp(change('calibrationSessions', session));
      return change('calibrationRatings', fx.calibrationRatings(session.id, A.rev, 'zendesk:101', { team: teamA }));
    },
    write: async (me) => {
      const session = fx.calibrationSession(uid('cal'), A.lead, teamA, { participants: [A.lead, me] });
      await setUp(change('calibrationSessions', session));
      return change('calibrationRatings', fx.calibrationRatings(session.id, me, 'zendesk:101', { team: teamA }));
    },
  },
  coachingForms: {
    read: async () => change('coachingForms', fx.coachingForm(uid('form'), 1, { team: teamA })),
    write: async () => change('coachingForms', fx.coachingForm(uid('form'), 1, { team: teamA })),
  },
  coachingSessions: {
    read: async () => change('coachingSessions', fx.coachingSession(uid('cs'), A.lead, A.agent, { team: teamA })),
    write: async (me) => change('coachingSessions', fx.coachingSession(uid('cs'), me, A.agent, { team: teamA })),
  },
  coachingActions: {
    read: async () => {
      const session = fx.coachingSession(uid('cs'), A.lead, A.agent, { team: teamA });
      await setUp(change('coachingSessions', session));
      return change('coachingActions', fx.coachingAction(uid('act'), session.id, A.lead, A.agent, { team: teamA }));
    },
    write: async () => {
      const session = fx.coachingSession(uid('cs'), A.lead, A.agent, { team: teamA });
      await setUp(change('coachingSessions', session));
      return change('coachingActions', fx.coachingAction(uid('act'), session.id, A.lead, A.agent, { team: teamA }));
    },
  },
  coachingNotes: {
    read: async () => {
      const session = fx.coachingSession(uid('cs'), A.lead, A.agent, { team: teamA });
      await setUp(change('coachingSessions', session));
      return change('coachingNotes', fx.coachingNotes(session.id, A.lead, A.agent, { team: teamA }));
    },
    write: async (me) => {
      const session = fx.coachingSession(uid('cs'), me, A.agent, { team: teamA });
      await setUp(change('coachingSessions', session));
      return change('coachingNotes', fx.coachingNotes(session.id, me, A.agent, { team: teamA }));
    },
  },
  disputes: {
    read: async () => {
      const review = fx.review(uid('r'), A.rev, A.agent, { team: teamA });
      await setUp(change('reviews', review));
      return change('disputes', fx.dispute(review.id, A.agent, A.rev, { team: teamA }));
    },
    write: async (me) => {
      const review = fx.review(uid('r'), A.rev, me, { team: teamA });
      await setUp(change('reviews', review));
      return change('disputes', fx.dispute(review.id, me, A.rev, { team: teamA }));
    },
  },
  ideas: {
    read: async () => change('ideas', fx.idea(uid('idea'), A.agent, teamA)),
    write: async (me) => change('ideas', fx.idea(uid('idea'), me, teamA)),
  },
  teamSettings: {
    read: () => settingsOfA(A.lead),
    write: (me) => settingsOfA(me),
  },
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arvio-matrix-'));
  db = await openPglite(dir);
  await migrate(db);
  teamA = (await addTeam(db, 'A')).id;
  await addTeam(db, 'B');
  const teamsOf: Record<(typeof PLACES)[number], string[]> = { own: ['A'], other: ['B'], none: [], both: ['A', 'B'] };
  for (const caller of CALLERS) {
    const [role, place] = caller === 'admin' ? ['admin', 'none' as const] : (caller.split('-') as [string, (typeof PLACES)[number]]);
    await addUser(db, { email: emailOf(caller), name: caller, role, teams: teamsOf[place] });
  }
  await addUser(db, { email: A.lead, name: 'Lead A', role: 'lead', teams: ['A'] });
  await addUser(db, { email: A.rev, name: 'Reviewer A', role: 'reviewer', teams: ['A'] });
  await addUser(db, { email: A.agent, name: 'Agent A', role: 'agent', teams: ['A'] });
  admin = (await findUserByEmail(db, emailOf('admin')))!;
});

afterAll(async () => {
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each(kindNames)('%s: who of each role, in which team, may read and write', (kind) => {
  it('reads', async () => {
    const doc = await CASES[kind].read();
    await setUp(doc);
    const outcome = {} as Record<Caller, boolean>;
    for (const caller of CALLERS) {
      const user = (await findUserByEmail(db, emailOf(caller)))!;
      const page = pullResponseSchema.parse(JSON.parse(await pullJson(db, user, 0, 1000, Number.MAX_SAFE_INTEGER)));
      expect(page.more).toBe(false);
      outcome[caller] = page.docs.some((d) => d.collection === kind && d.id === doc.id);
    }
    expect(outcome).toEqual(expectedOf(EXPECTED[kind].read));
  });

  it('writes', async () => {
    const outcome = {} as Record<Caller, boolean>;
    for (const caller of CALLERS) {
      const user = (await findUserByEmail(db, emailOf(caller)))!;
      const doc = await CASES[kind].write(emailOf(caller));
      try {
        const [result] = await push(db, user, [doc]);
        outcome[caller] = result?.status === 'accepted';
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        outcome[caller] = false;
      }
    }
    expect(outcome).toEqual(expectedOf(EXPECTED[kind].write));
  });
});
