// Calibration names over real HTTP on PGlite: whoever may not see who gave which rating gets the other
// participants by pseudonym from the server itself — in the pull, the submitted answer and a conflict.
// @vitest-environment node
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrationRatingsId, calibrationSessionSchema, calibrationSubmittedResponseSchema, pseudonymNumber, type CalibrationSession } from '../../lib/model/calibration';
import { pullResponseSchema, pushResponseSchema, type SyncChange } from '../../lib/model/sync';
import { addTeam, addUser, createToken } from '../src/admin';
import { openPglite, type Db } from '../src/db';
import { migrate } from '../src/migrate';
import { startServer, type RunningServer } from '../src/serve';
import * as fixtures from './helpers/docs';

const P = {
  lead: 'lead@names.test',
  fac: 'fac@names.test',
  p1: 'p1@names.test',
  p2: 'p2@names.test',
  p3: 'p3@names.test',
  rev: 'rev@names.test',
  agent: 'agent@names.test',
  other: 'other@names.test',
  otherLead: 'otherlead@names.test',
  admin: 'admin@names.test',
} as const;
type Who = keyof typeof P;
const PARTICIPANTS: string[] = [P.p1, P.p2, P.p3];
/** Those who may not see names when the session hides them: its participants, and a reviewer of the team (who reads the session, not its ratings). */
const HIDDEN: Who[] = ['p1', 'p2', 'p3', 'rev'];
/** Those who never read the session: the team's agent, another team's reviewer and lead. */
const OUTSIDERS: Who[] = ['agent', 'other', 'otherLead'];
/** Those who always see names: the facilitator, the team's lead, an admin. */
const NAMED: Who[] = ['fac', 'lead', 'admin'];
const at = (minute: number) => new Date(Date.UTC(2026, 2, 3, 10, minute)).toISOString();

let dir = '';
let db: Db;
let server: RunningServer;
let team = '';
const token = {} as Record<Who, string>;
let n = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arvio-names-'));
  db = await openPglite(dir);
  await migrate(db);
  team = (await addTeam(db, 'Team N')).id;
  await addTeam(db, 'Team O');
  const roles: Record<Who, [string, string[]]> = {
    lead: ['lead', ['Team N']],
    fac: ['reviewer', ['Team N']],
    p1: ['reviewer', ['Team N']],
    p2: ['reviewer', ['Team N']],
    p3: ['reviewer', ['Team N']],
    rev: ['reviewer', ['Team N']],
    agent: ['agent', ['Team N']],
    other: ['reviewer', ['Team O']],
    otherLead: ['lead', ['Team O']],
    admin: ['admin', []],
  };
  for (const [who, [role, teams]] of Object.entries(roles) as Array<[Who, [string, string[]]]>) {
    await addUser(db, { email: P[who], name: who, role, teams });
    token[who] = (await createToken(db, P[who])).token;
  }
  server = await startServer(db, { port: 0, hostname: '127.0.0.1' }, { logError: () => undefined });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

async function call(who: Who, method: string, path: string, body?: unknown): Promise<{ status: number; text: string; json: unknown }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token[who]}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? (JSON.parse(text) as unknown) : null };
}

const sessionChange = (doc: CalibrationSession, baseRevision: number | null): SyncChange => ({ collection: 'calibrationSessions', id: doc.id, baseRevision, doc });

async function push(who: Who, changes: SyncChange[]): Promise<void> {
  const answer = await call(who, 'POST', '/v1/sync/push', { changes });
  expect(answer.status, answer.text).toBe(200);
  expect(pushResponseSchema.parse(answer.json).results.map((r) => r.status)).toEqual(changes.map(() => 'accepted'));
}

/** Everything a person pulls from the start: the raw text of every page, and the docs. */
async function pullAll(who: Who): Promise<{ text: string; docs: Array<{ collection: string; id: string; doc: Record<string, unknown> }> }> {
  let text = '';
  const docs: Array<{ collection: string; id: string; doc: Record<string, unknown> }> = [];
  for (let since = 0; ; ) {
    const answer = await call(who, 'GET', `/v1/sync/pull?since=${since}&limit=500`);
    expect(answer.status, answer.text).toBe(200);
    text += answer.text;
    const page = pullResponseSchema.parse(answer.json);
    docs.push(...page.docs.map((d) => ({ collection: d.collection, id: d.id, doc: d.doc as Record<string, unknown> })));
    since = page.checkpoint;
    if (!page.more) return { text, docs };
  }
}

/** One session's documents as `who` pulls them: the session, and each ratings document's participant by its ticket and value. */
async function pulledSession(who: Who, id: string) {
  const { text, docs } = await pullAll(who);
  const session = docs.find((d) => d.collection === 'calibrationSessions' && d.id === id);
  const ratings = docs.filter((d) => d.collection === 'calibrationRatings' && d.doc.sessionId === id);
  return { text, session: session ? calibrationSessionSchema.parse(session.doc) : null, ratings };
}

/** A session of Team N started by the lead, facilitated by `fac`, with p1–p3 rating; each participant's rating value tells them apart. */
async function startSession(namesShown: boolean, participants: string[] = PARTICIPANTS): Promise<CalibrationSession> {
  const doc = fixtures.calibrationSession(`names-${++n}`, P.lead, team, { facilitator: P.fac, participants, namesShown });
  await push('lead', [sessionChange(doc, null)]);
  return doc;
}
const valueOf = { [P.p1]: 1, [P.p2]: 2, [P.p3]: 0 } as Record<string, number>;
async function rate(who: 'p1' | 'p2' | 'p3', sessionId: string, ticketKey = 'zendesk:101'): Promise<void> {
  const doc = fixtures.calibrationRatings(sessionId, P[who], ticketKey, { team, ratings: [{ criterionId: 'greet', value: valueOf[P[who]]!, na: false, comment: '' }] });
  await push(who, [{ collection: 'calibrationRatings', id: doc.id, baseRevision: null, doc }]);
}
async function revealAndAgree(session: CalibrationSession): Promise<CalibrationSession> {
  const revealed = { ...session, status: 'revealed' as const, revealedAt: at(30), updatedAt: at(30) };
  await push('fac', [sessionChange(revealed, 1)]);
  const agreed = {
    ...revealed,
    agreed: [{ ticketKey: 'zendesk:101', criterionId: 'greet', value: 1, na: false }],
    alignments: PARTICIPANTS.map((participant, i) => ({ participant, alignment: 1 - i * 0.25, rated: 1 })),
    updatedAt: at(31),
  };
  await push('fac', [sessionChange(agreed, 2)]);
  return agreed;
}

/** Every participant's e-mail but one's own that occurs in `text`. */
const othersNamedIn = (text: string, me: string | null): string[] => PARTICIPANTS.filter((p) => p !== me && text.includes(p));

describe('calibration names, decided by the server', () => {
  it('with names hidden, participants get the others only by pseudonym, before and after the reveal; the facilitator, the lead and an admin get names (the ratings at the reveal); others get nothing', async () => {
    const session = await startSession(false);
    await rate('p1', session.id);
    await rate('p2', session.id);
    await rate('p3', session.id);
    const check = async (revealed: boolean) => {
      for (const who of HIDDEN) {
        const { text, session: seen, ratings } = await pulledSession(who, session.id);
        expect(othersNamedIn(text, P[who]), `${who} ${revealed ? 'after' : 'before'} the reveal`).toEqual([]);
        const participant = PARTICIPANTS.includes(P[who]);
        expect(seen!.participants.includes(P[who])).toBe(participant);
        expect(seen!.participants.filter((p) => p !== P[who]).map(pseudonymNumber).filter((k) => k !== null)).toHaveLength(participant ? 2 : 3);
        // A participant: before the reveal their own ratings only, after it everyone's, the others' under a pseudonymous id.
        expect(ratings.length).toBe(!participant ? 0 : revealed ? 3 : 1);
        for (const r of ratings) expect(r.id).toBe(calibrationRatingsId(session.id, String(r.doc.participant), 'zendesk:101'));
        // The participants' alignments: to the session's people; a reviewer of the team it does not name gets none.
        if (revealed) expect(seen!.alignments.map((a) => a.participant).sort()).toEqual(participant ? [...seen!.participants].sort() : []);
      }
      for (const who of NAMED) {
        const { text, session: seen, ratings } = await pulledSession(who, session.id);
        expect(othersNamedIn(text, null), who).toEqual(PARTICIPANTS);
        expect(seen!.participants).toEqual(PARTICIPANTS);
        // The ratings once revealed, an admin's read as a lead's: blind before it.
        expect(ratings.map((r) => r.doc.participant).sort()).toEqual(revealed ? [...PARTICIPANTS].sort() : []);
      }
      for (const who of OUTSIDERS) {
        const { text, session: seen } = await pulledSession(who, session.id);
        expect(seen, who).toBeNull();
        expect(othersNamedIn(text, null), who).toEqual([]);
      }
    };
    await check(false);
    await revealAndAgree(session);
    await check(true);
  }, 120_000);

  it('with names shown, every participant gets the others by e-mail after the reveal', async () => {
    const session = await startSession(true);
    await rate('p1', session.id);
    await rate('p2', session.id);
    await revealAndAgree(session);
    for (const who of [...HIDDEN, ...NAMED]) {
      const { text, session: seen, ratings } = await pulledSession(who, session.id);
      expect(othersNamedIn(text, null), who).toEqual(PARTICIPANTS);
      expect(seen!.participants).toEqual(PARTICIPANTS);
      expect(seen!.alignments.map((a) => a.participant)).toEqual(who === 'rev' ? [] : PARTICIPANTS);
      // The ratings reach those the session names, and the team's lead (not a reviewer it does not name).
      expect(ratings.map((r) => r.doc.participant).sort()).toEqual(who === 'rev' ? [] : [P.p1, P.p2]);
    }
    for (const who of OUTSIDERS) expect(othersNamedIn((await pullAll(who)).text, null), who).toEqual([]);
  }, 120_000);

  it('a pseudonym is the same for every reader and every pull, and is not the participant’s place in the session', async () => {
    const session = await startSession(false);
    // p2 submits first: the submitted answer tells p1 which pseudonym is p2's (p1 knows, say, from p2 herself),
    // and where in the order p1 is (p1's own address stands at their number).
    await rate('p2', session.id);
    const answer = await call('p1', 'GET', `/v1/calibration/${session.id}/submitted`);
    expect(answer.status, answer.text).toBe(200);
    expect(othersNamedIn(answer.text, P.p1)).toEqual([]);
    const submitted = calibrationSubmittedResponseSchema.parse(answer.json).submitted;
    expect(submitted).toHaveLength(3);
    submitted.forEach((s, i) => expect(s.participant === P.p1 ? i + 1 : pseudonymNumber(s.participant)).toBe(i + 1));
    const rank = new Map<string, number>([
      [P.p1, submitted.findIndex((s) => s.participant === P.p1) + 1],
      [P.p2, pseudonymNumber(submitted.find((s) => s.tickets.includes('zendesk:101'))!.participant)!],
    ]);
    rank.set(P.p3, 6 - rank.get(P.p1)! - rank.get(P.p2)!);
    // The lead reorders the participants before the reveal, last pseudonym first: places and numbers now differ.
    const reordered = { ...session, participants: [...PARTICIPANTS].sort((a, b) => rank.get(b)! - rank.get(a)!), updatedAt: at(5) };
    await push('lead', [sessionChange(reordered, 1)]);
    expect(reordered.participants.map((p, i) => i + 1 === rank.get(p))).toContain(false);
    await rate('p1', session.id);
    await rate('p3', session.id);
    const revealed = { ...reordered, status: 'revealed' as const, revealedAt: at(30), updatedAt: at(30) };
    await push('fac', [sessionChange(revealed, 2)]);

    // Each reader's pseudonyms, by the rating value that tells the participants apart.
    const byValue = async (who: 'p1' | 'p2' | 'p3') => {
      const { ratings } = await pulledSession(who, session.id);
      return new Map(ratings.filter((r) => r.doc.participant !== P[who]).map((r) => [(r.doc.ratings as Array<{ value: number }>)[0]!.value, String(r.doc.participant)]));
    };
    const p1Sees = await byValue('p1');
    expect(p1Sees.get(valueOf[P.p2]!)).toBe(`participant-${rank.get(P.p2)}@pseudonymous.invalid`);
    expect(p1Sees.get(valueOf[P.p3]!)).toBe(`participant-${rank.get(P.p3)}@pseudonymous.invalid`);
    // The same for another reader, and on a second pull.
    const p2Sees = await byValue('p2');
    expect(p2Sees.get(valueOf[P.p3]!)).toBe(p1Sees.get(valueOf[P.p3]!));
    expect(p2Sees.get(valueOf[P.p1]!)).toBe(`participant-${rank.get(P.p1)}@pseudonymous.invalid`);
    expect(await byValue('p1')).toEqual(p1Sees);
    // The session's list is in number order: its places tell nothing either.
    const seen = (await pulledSession('p1', session.id)).session!;
    expect(seen.participants.map((a) => (a === P.p1 ? rank.get(P.p1) : pseudonymNumber(a)))).toEqual([1, 2, 3]);
  }, 120_000);

  it('a conflict answers with the server copy as the pusher may read it', async () => {
    const session = await startSession(false);
    await rate('p2', session.id);
    await revealAndAgree(session);
    const answer = await call('p1', 'POST', '/v1/sync/push', { changes: [sessionChange(session, 1)] });
    expect(answer.status, answer.text).toBe(200);
    const [result] = pushResponseSchema.parse(answer.json).results;
    expect(result?.status).toBe('conflict');
    expect(othersNamedIn(answer.text, P.p1)).toEqual([]);
    // The facilitator's conflict still names everyone.
    const named = await call('fac', 'POST', '/v1/sync/push', { changes: [sessionChange(session, 1)] });
    expect(othersNamedIn(named.text, null)).toEqual(PARTICIPANTS);
  }, 120_000);

  it('the facilitator cannot change namesShown once participants may have seen each other’s ratings', async () => {
    const open = await startSession(false);
    // Before the reveal (the facilitator reveals): nobody has seen anything yet.
    const shown = { ...open, namesShown: true, updatedAt: at(2) };
    await push('fac', [sessionChange(shown, 1)]);
    const revealed = { ...shown, status: 'revealed' as const, revealedAt: at(30), updatedAt: at(30) };
    await push('fac', [sessionChange(revealed, 2)]);
    const answer = await call('fac', 'POST', '/v1/sync/push', { changes: [sessionChange({ ...revealed, namesShown: false, updatedAt: at(31) }, 3)] });
    expect(answer.status, answer.text).toBe(409);
    expect(answer.text).toContain('namesShown');
    // Shown to each after their own submit: fixed from the start.
    const own = fixtures.calibrationSession(`names-${++n}`, P.lead, team, { facilitator: P.fac, participants: PARTICIPANTS, namesShown: false, revealMode: 'after-own-submit' });
    await push('lead', [sessionChange(own, null)]);
    const refused = await call('lead', 'POST', '/v1/sync/push', { changes: [sessionChange({ ...own, namesShown: true, updatedAt: at(3) }, 1)] });
    expect(refused.status, refused.text).toBe(409);
    expect(refused.text).toContain('namesShown');
  }, 120_000);

  it('when each sees the others’ ratings after submitting, nobody joins or leaves (the pseudonyms would renumber); a reorder is fine', async () => {
    const own = fixtures.calibrationSession(`names-${++n}`, P.lead, team, { facilitator: P.fac, participants: PARTICIPANTS, namesShown: false, revealMode: 'after-own-submit' });
    await push('lead', [sessionChange(own, null)]);
    for (const participants of [PARTICIPANTS.slice(1), [...PARTICIPANTS, P.fac]]) {
      const refused = await call('lead', 'POST', '/v1/sync/push', { changes: [sessionChange({ ...own, participants, updatedAt: at(3) }, 1)] });
      expect(refused.status, refused.text).toBe(409);
      expect(refused.text).toContain('participants are immutable');
    }
    await push('lead', [sessionChange({ ...own, participants: [...PARTICIPANTS].reverse(), updatedAt: at(4) }, 1)]);
    // The facilitator reveals: a session is still set up freely before it otherwise.
    const open = await startSession(false);
    await push('lead', [sessionChange({ ...open, participants: PARTICIPANTS.slice(1), updatedAt: at(2) }, 1)]);
  }, 120_000);
});
