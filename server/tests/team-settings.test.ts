// A team's settings over real HTTP, per role: who writes and reads them, and what the server then
// enforces — the dispute window (counted from the review's first push, by the server's clock) and
// which reviewers may start a calibration session.
// @vitest-environment node
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindOf, type DocOf, type KindName } from '../../lib/model/kinds';
import { pullResponseSchema, pushResponseSchema, type SyncChange } from '../../lib/model/sync';
import { teamSettingsId, type TeamSettings } from '../../lib/model/teamSettings';
import { addTeam, addUser, createToken, setMember } from '../src/admin';
import { openPglite, type Db } from '../src/db';
import { migrate } from '../src/migrate';
import { startServer, type RunningServer } from '../src/serve';
import * as fx from './helpers/docs';

/** The people: of team A unless named otherwise. */
const P = {
  admin: 'admin@settings.test',
  lead: 'lead.a@settings.test',
  leadB: 'lead.b@settings.test',
  allowed: 'rev.allowed@settings.test',
  notAllowed: 'rev.other@settings.test',
  agent: 'agent.a@settings.test',
  loner: 'loner@settings.test',
  /** Lead of both teams. */
  both: 'lead.both@settings.test',
  /** Lead of team B, reviewer in team A: a role is per team. */
  mixed: 'mixed@settings.test',
} as const;
type Who = keyof typeof P;

let dir = '';
let db: Db;
let server: RunningServer;
const token = {} as Record<Who, string>;
const team = { A: '', B: '' };
let n = 0;
const uid = (prefix: string) => `${prefix}-${++n}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arvio-settings-'));
  db = await openPglite(dir);
  await migrate(db);
  team.A = (await addTeam(db, 'A')).id;
  team.B = (await addTeam(db, 'B')).id;
  const people: Record<Who, [string, string[]]> = {
    admin: ['admin', []],
    lead: ['lead', ['A']],
    leadB: ['lead', ['B']],
    allowed: ['reviewer', ['A']],
    notAllowed: ['reviewer', ['A']],
    agent: ['agent', ['A']],
    loner: ['reviewer', []],
    both: ['lead', ['A', 'B']],
    mixed: ['lead', ['B']],
  };
  for (const [who, [role, teams]] of Object.entries(people) as Array<[Who, [string, string[]]]>) {
    await addUser(db, { email: P[who], name: who, role, teams });
    token[who] = (await createToken(db, P[who])).token;
  }
  await setMember(db, { email: P.mixed, team: 'A', role: 'reviewer' });
  server = await startServer(db, { port: 0, hostname: '127.0.0.1' });
});

afterAll(async () => {
  await server?.close();
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function call(who: Who, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; text: string }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token[who]}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) as unknown, text };
}

const change = <C extends KindName>(collection: C, doc: DocOf<C>, baseRevision: number | null = null): SyncChange =>
  ({ collection, id: kindOf(collection).syncId(doc), baseRevision, doc }) as SyncChange;
const stored = async (collection: KindName, id: string): Promise<number | null> => {
  const rows = await db.query<{ revision: number }>('SELECT revision FROM docs WHERE collection = $1 AND id = $2', [collection, id]);
  return rows[0] ? Number(rows[0].revision) : null;
};
const push = (who: Who, changes: SyncChange[]) => call(who, 'POST', '/v1/sync/push', { changes });

/** Pushes and says what came of it: accepted, or the refusal's status and message. */
async function outcome(who: Who, c: SyncChange): Promise<string> {
  const answer = await push(who, [c]);
  if (answer.status !== 200) return `${answer.status} ${(answer.json as { message?: string }).message ?? ''}`;
  return pushResponseSchema.parse(answer.json).results[0]!.status;
}

/** Team A's settings as `who` saves them, over what is stored. */
async function saveSettingsOfA(who: Who, over: Partial<TeamSettings> = {}): Promise<string> {
  const doc = fx.teamSettings(team.A, P[who], over);
  return outcome(who, change('teamSettings', doc, await stored('teamSettings', doc.id)));
}

/** A review by the allowed reviewer of the team's agent, first received by the server `daysAgo` days ago (its clock). */
async function reviewReceived(daysAgo: number, over: Partial<DocOf<'reviews'>> = {}): Promise<DocOf<'reviews'>> {
  const review = fx.review(uid('r'), P.allowed, P.agent, { team: team.A, ...over });
  expect(await outcome('allowed', change('reviews', review))).toBe('accepted');
  // Time passes on the server: the review reached it `daysAgo` days ago.
  await db.query(`UPDATE docs SET received_at = now() - make_interval(days => $1) WHERE collection = 'reviews' AND id = $2`, [daysAgo, review.id]);
  return review;
}

const openDispute = (review: DocOf<'reviews'>, over: Partial<DocOf<'disputes'>> = {}) =>
  change('disputes', fx.dispute(review.id, P.agent, P.allowed, { team: team.A, openedAt: new Date().toISOString(), ...over }));

describe('a team’s settings', () => {
  it('are written by a lead of the team or an admin, in their own name; nobody else', async () => {
    const results: Record<string, string> = {};
    for (const who of ['leadB', 'allowed', 'notAllowed', 'agent', 'loner', 'mixed', 'lead', 'both', 'admin'] as const) {
      results[who] = (await saveSettingsOfA(who, { disputeWindowDays: 10 + Object.keys(results).length })).split(' ')[0]!;
    }
    expect(results).toEqual({
      leadB: '403',
      allowed: '403',
      notAllowed: '403',
      agent: '403',
      loner: '403',
      mixed: '403',
      lead: 'accepted',
      both: 'accepted',
      admin: 'accepted',
    });
    expect(await saveSettingsOfA('agent')).toMatch(/^403 .*set by a lead of the team/);
    expect(await saveSettingsOfA('lead', { updatedBy: { id: P.both, name: 'both' } })).toMatch(/^403 .*own name/);
  });

  it('name only members of the team as reviewers allowed to start calibration', async () => {
    expect(await saveSettingsOfA('lead', { calibrationStarters: [P.loner] })).toMatch(/^403 .*loner@settings.test is not a member of this team/);
  });

  it('refuse, as a 400 naming the field, a window outside 1–90 days or an id not the team’s', async () => {
    const tooLong = await push('lead', [change('teamSettings', fx.teamSettings(team.A, P.lead, { disputeWindowDays: 91 }), await stored('teamSettings', teamSettingsId(team.A)))]);
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain('disputeWindowDays');
    const second = { ...fx.teamSettings(team.A, P.lead), id: 'settings|another' };
    const squatted = await push('lead', [{ collection: 'teamSettings', id: 'settings|another', baseRevision: null, doc: second }]);
    expect(squatted.status).toBe(400);
    expect(squatted.text).toContain('doc.id');
  });

  it('are read by every member of the team, and by nobody outside it', async () => {
    expect(await saveSettingsOfA('lead', { disputeWindowDays: 21 })).toBe('accepted');
    const reads: Record<string, boolean> = {};
    for (const who of Object.keys(P) as Who[]) {
      const answer = await call(who, 'GET', '/v1/sync/pull?since=0&limit=1000');
      expect(answer.status).toBe(200);
      const page = pullResponseSchema.parse(answer.json);
      reads[who] = page.docs.some((d) => d.collection === 'teamSettings' && d.id === teamSettingsId(team.A) && d.doc.disputeWindowDays === 21);
    }
    expect(reads).toEqual({ admin: true, lead: true, leadB: false, allowed: true, notAllowed: true, agent: true, loner: false, both: true, mixed: true });
  });
});

describe('the coaching rhythms in a team’s settings', () => {
  const second = 'agent.second@settings.test';
  const rhythms = [
    { agent: P.agent, days: 14 },
    { agent: second, days: 60 },
  ];
  const pulledRhythms = async (who: Who): Promise<unknown> => {
    const page = pullResponseSchema.parse((await call(who, 'GET', '/v1/sync/pull?since=0&limit=1000')).json);
    return page.docs.find((d) => d.collection === 'teamSettings' && d.id === teamSettingsId(team.A))?.doc.coachingRhythms;
  };

  it('go whole to the team’s leads and admins; an agent gets their own, a reviewer none', async () => {
    await addUser(db, { email: second, name: 'second', role: 'agent', teams: ['A'] });
    expect(await saveSettingsOfA('lead', { coachingRhythms: rhythms })).toBe('accepted');
    const reads: Record<string, unknown> = {};
    for (const who of ['lead', 'both', 'admin', 'agent', 'allowed', 'mixed'] as const) reads[who] = await pulledRhythms(who);
    expect(reads).toEqual({
      lead: rhythms,
      both: rhythms,
      admin: rhythms,
      agent: [{ agent: P.agent, days: 14 }],
      allowed: [],
      // A lead of team B is a reviewer in team A: team A's rhythms are not theirs.
      mixed: [],
    });
    // The settings themselves still reach every member.
    expect(await saveSettingsOfA('lead', { coachingRhythms: rhythms, disputeWindowDays: 9 })).toBe('accepted');
    const agentPage = pullResponseSchema.parse((await call('agent', 'GET', '/v1/sync/pull?since=0&limit=1000')).json);
    expect(agentPage.docs.find((d) => d.collection === 'teamSettings' && d.id === teamSettingsId(team.A))?.doc.disputeWindowDays).toBe(9);
  });

  it('name only members of the team', async () => {
    expect(await saveSettingsOfA('lead', { coachingRhythms: [{ agent: P.loner, days: 14 }] })).toMatch(/^403 .*loner@settings.test is not a member of this team \(coachingRhythms\)/);
  });

  it('refuse a rhythm out of bounds as a 400 naming the field', async () => {
    const answer = await push('lead', [
      change('teamSettings', fx.teamSettings(team.A, P.lead, { coachingRhythms: [{ agent: P.agent, days: 400 }] }), await stored('teamSettings', teamSettingsId(team.A))),
    ]);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('coachingRhythms');
  });
});

describe('the dispute window, as the server keeps it', () => {
  it('lets the agent open a dispute inside the team’s window and refuses one after it, with the reason', async () => {
    expect(await saveSettingsOfA('lead', { disputeWindowDays: 3 })).toBe('accepted');
    expect(await outcome('agent', openDispute(await reviewReceived(2)))).toBe('accepted');
    const late = await push('agent', [openDispute(await reviewReceived(5))]);
    expect(late.status).toBe(403);
    expect((late.json as { message: string }).message).toMatch(/window to dispute this review has closed \(3 days/);
  });

  it('counts from when the server received the review, never from a time a client wrote', async () => {
    expect(await saveSettingsOfA('lead', { disputeWindowDays: 3 })).toBe('accepted');
    // A review that says it was made now, received five days ago: closed.
    const recentLooking = await reviewReceived(5, { createdAt: new Date().toISOString() });
    expect(await outcome('agent', openDispute(recentLooking, { openedAt: new Date(Date.now() - 4 * 86_400_000).toISOString() }))).toMatch(/^403 .*window/);
    // A review written long ago offline, received now: open.
    expect(await outcome('agent', openDispute(await reviewReceived(0, { createdAt: '2026-01-05T10:00:00.000Z' })))).toBe('accepted');
  });

  it('follows the lead’s change of the window at once', async () => {
    expect(await saveSettingsOfA('lead', { disputeWindowDays: 3 })).toBe('accepted');
    const review = await reviewReceived(5);
    expect(await outcome('agent', openDispute(review))).toMatch(/^403/);
    expect(await saveSettingsOfA('lead', { disputeWindowDays: 7 })).toBe('accepted');
    expect(await outcome('agent', openDispute(review))).toBe('accepted');
  });

  it('uses 14 days in a team whose lead set nothing', async () => {
    await addUser(db, { email: 'agent.b@settings.test', name: 'agent b', role: 'agent', teams: ['B'] });
    const agentB = (await createToken(db, 'agent.b@settings.test')).token;
    const disputeInB = async (daysAgo: number): Promise<number> => {
      const review = fx.review(uid('r'), P.leadB, 'agent.b@settings.test', { team: team.B });
      expect(await outcome('leadB', change('reviews', review))).toBe('accepted');
      await db.query(`UPDATE docs SET received_at = now() - make_interval(days => $1) WHERE collection = 'reviews' AND id = $2`, [daysAgo, review.id]);
      const res = await fetch(`${server.url}/v1/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${agentB}` },
        body: JSON.stringify({ changes: [change('disputes', fx.dispute(review.id, 'agent.b@settings.test', P.leadB, { team: team.B }))] }),
      });
      return res.status;
    };
    expect(await stored('teamSettings', teamSettingsId(team.B))).toBeNull();
    expect(await disputeInB(13)).toBe(200);
    expect(await disputeInB(15)).toBe(403);
  });

  it('holds for a withdrawn dispute opened again after the window', async () => {
    expect(await saveSettingsOfA('lead', { disputeWindowDays: 3 })).toBe('accepted');
    const review = await reviewReceived(1);
    const first = openDispute(review);
    expect(await outcome('agent', first)).toBe('accepted');
    const withdrawn = { ...first, baseRevision: 1, doc: { ...first.doc, deleted: true } } as SyncChange;
    expect(await outcome('agent', withdrawn)).toBe('accepted');
    await db.query(`UPDATE docs SET received_at = now() - interval '4 days' WHERE collection = 'reviews' AND id = $1`, [review.id]);
    const again = { ...first, baseRevision: 2, doc: { ...first.doc, deleted: false, reason: 'Again' } } as SyncChange;
    expect(await outcome('agent', again)).toMatch(/^403 .*window/);
  });

  it('refuses everyone but the reviewed agent, inside the window too', async () => {
    expect(await saveSettingsOfA('lead', { disputeWindowDays: 3 })).toBe('accepted');
    const review = await reviewReceived(0);
    for (const who of ['lead', 'leadB', 'notAllowed', 'loner', 'both'] as const) {
      const d = change('disputes', fx.dispute(review.id, P[who], P.allowed, { team: team.A }));
      expect(await outcome(who, d), who).toMatch(/^403/);
    }
  });
});

describe('starting a calibration session', () => {
  it('is for a lead or admin of the team and the reviewers its settings allow', async () => {
    expect(await saveSettingsOfA('lead', { calibrationStarters: [P.allowed] })).toBe('accepted');
    const start = (who: Who) => outcome(who, change('calibrationSessions', fx.calibrationSession(uid('cal'), P[who], team.A, { participants: [P.lead, P.allowed] })));
    const results: Record<string, string> = {};
    for (const who of Object.keys(P) as Who[]) results[who] = (await start(who)).split(' ')[0]!;
    expect(results).toEqual({
      admin: 'accepted',
      lead: 'accepted',
      leadB: '403',
      allowed: 'accepted',
      notAllowed: '403',
      agent: '403',
      loner: '403',
      both: 'accepted',
      mixed: '403',
    });
    expect(await start('notAllowed')).toMatch(/^403 .*a reviewer its lead allows/);
  });

  it('stops for a reviewer once the lead takes the permission back', async () => {
    expect(await saveSettingsOfA('lead', { calibrationStarters: [P.allowed, P.mixed] })).toBe('accepted');
    const start = (who: Who) => outcome(who, change('calibrationSessions', fx.calibrationSession(uid('cal'), P[who], team.A, { participants: [P.lead, P.allowed] })));
    expect(await start('mixed')).toBe('accepted');
    expect(await saveSettingsOfA('lead', { calibrationStarters: [P.allowed] })).toBe('accepted');
    expect(await start('mixed')).toMatch(/^403/);
    expect(await start('allowed')).toBe('accepted');
  });
});
