// The server's behaviour, as a suite run over real HTTP against each database (PGlite, PostgreSQL).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportEnvelopeSchema } from '../../../lib/export/envelope';
import { localDateTime } from '../../../lib/export/csv';
import {
  MAX_DOC_BYTES,
  MAX_PULL_PAGE_BYTES,
  MAX_PUSH_BATCH,
  pullResponseSchema,
  pushResponseSchema,
  READ_RULES_HEADER,
  teamRosterResponseSchema,
  type SyncChange,
} from '../../../lib/model/sync';
import { READ_RULES } from '../../src/access';
import { addTeam, addUser, createToken, findUserByEmail } from '../../src/admin';
import { pullJson, push } from '../../src/store';
import { createApp } from '../../src/app';
import { runCommand } from '../../src/cli';
import { named, type Db } from '../../src/db';
import { migrate } from '../../src/migrate';
import { KEEP_ALIVE_MS, startServer, type RunningServer } from '../../src/serve';
import * as fixtures from './docs';
import { kindsSuite } from './kindsSuite';
import { teamsSuite } from './teamsSuite';
import { faults, SimClient } from './simClient';
import { canonicalJson } from '../../../lib/model/sync';
import { createServer } from 'node:net';
import { format } from 'node:util';

type Who = 'admin' | 'lead' | 'rev1' | 'rev2' | 'agent1' | 'agent2';
const EMAIL: Record<Who, string> = {
  admin: 'admin@arvio.test',
  lead: 'lead@arvio.test',
  rev1: 'rev1@arvio.test',
  rev2: 'rev2@arvio.test',
  agent1: 'agent1@arvio.test',
  agent2: 'agent2@arvio.test',
};

interface Answer {
  status: number;
  json: unknown;
  text: string;
  headers: Headers;
}

export function serverSuite(name: string, open: () => Promise<{ db: Db; cleanup: () => Promise<void> }>): void {
  describe(name, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    let server: RunningServer;
    /** What the server logged (its logError sink): read by the tests that post hostile input. */
    const serverLog: string[] = [];
    const token = {} as Record<Who, string>;
    let n = 0;
    /** A fresh id per use: the suite shares one database. */
    const uid = (prefix: string) => `${prefix}-${++n}-${Math.random().toString(36).slice(2, 8)}`;
    /** The ids of the fixture's teams. */
    const teamId = { A: '', B: '' };
    /** Who is in which team (the roles table below): a document about someone is in their team. */
    const TEAM_OF: Record<string, 'A' | 'B'> = { [EMAIL.lead]: 'A', [EMAIL.rev1]: 'A', [EMAIL.agent1]: 'A', [EMAIL.rev2]: 'B', [EMAIL.agent2]: 'B' };
    const teamOf = (email: string): string | null => (TEAM_OF[email] ? teamId[TEAM_OF[email]] : null);
    const review = (...[id, reviewer, reviewee, over]: Parameters<typeof fixtures.review>) => fixtures.review(id, reviewer, reviewee, { team: teamOf(reviewee), ...over });
    const selfCheck = (...[ticket, agent, over]: Parameters<typeof fixtures.selfCheck>) => fixtures.selfCheck(ticket, agent, { team: teamOf(agent), ...over });
    /** A card of the lead's team. */
    const scorecard = (...[id, version, over]: Parameters<typeof fixtures.scorecard>) => fixtures.scorecard(id, version, { team: teamId.A, ...over });

    beforeAll(async () => {
      ({ db, cleanup } = await open());
      await migrate(db);
      await migrate(db); // a restart applies nothing twice
      teamId.A = (await addTeam(db, 'Team A')).id;
      teamId.B = (await addTeam(db, 'Team B')).id;
      const roles: Record<Who, [string, string[]]> = {
        admin: ['admin', []],
        lead: ['lead', ['Team A']],
        rev1: ['reviewer', ['Team A']],
        rev2: ['reviewer', ['Team B']],
        agent1: ['agent', ['Team A']],
        agent2: ['agent', ['Team B']],
      };
      for (const [who, [role, teams]] of Object.entries(roles) as Array<[Who, [string, string[]]]>) {
        await addUser(db, { email: EMAIL[who], name: who, role, teams });
        token[who] = (await createToken(db, EMAIL[who])).token;
      }
      server = await startServer(db, { port: 0, hostname: '127.0.0.1' }, { logError: (line) => serverLog.push(line) });
    });

    afterAll(async () => {
      await server?.close();
      await db?.close();
      await cleanup?.();
    });

    async function call(who: Who | string | null, method: string, path: string, body?: unknown): Promise<Answer> {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const bearer = who === null ? null : who in token ? token[who as Who] : who;
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { status: res.status, json, text, headers: res.headers };
    }

    const pushAs = async (who: Who, changes: unknown[]) => call(who, 'POST', '/v1/sync/push', { changes });
    const change = (doc: ReturnType<typeof review>, baseRevision: number | null = null): SyncChange => ({
      collection: 'reviews',
      id: doc.id,
      baseRevision,
      doc,
    });
    /** Every doc id the user can pull, following `more` to the end. */
    async function pullAll(who: Who, since = 0): Promise<{ ids: string[]; checkpoint: number; docs: Array<{ id: string; revision: number; seq: number; doc: Record<string, unknown> }> }> {
      const docs: Array<{ id: string; revision: number; seq: number; doc: Record<string, unknown> }> = [];
      let checkpoint = since;
      for (;;) {
        const answer = await call(who, 'GET', `/v1/sync/pull?since=${checkpoint}&limit=100`);
        expect(answer.status).toBe(200);
        const page = pullResponseSchema.parse(answer.json);
        docs.push(...page.docs);
        checkpoint = page.checkpoint;
        if (!page.more) break;
      }
      return { ids: docs.map((d) => d.id), checkpoint, docs };
    }
    const checkpointNow = async () => (await pullAll('admin')).checkpoint;

    describe('authentication', () => {
      it('answers /health without a token', async () => {
        const answer = await call(null, 'GET', '/health');
        expect(answer.status).toBe(200);
        expect(answer.json).toMatchObject({ ok: true, database: db.kind });
      });

      it('keeps an idle connection open longer than a proxy in front does (60 s), and says so', async () => {
        const answer = await call(null, 'GET', '/health');
        expect(answer.headers.get('keep-alive')).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
        expect(KEEP_ALIVE_MS).toBeGreaterThan(60_000);
      });

      it.each([
        ['no token', null],
        ['an unknown token', 'arv_not-a-real-token'],
      ])('refuses %s with 401', async (_label, bearer) => {
        const answer = await call(bearer, 'GET', '/v1/me');
        expect(answer.status).toBe(401);
        expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      });

      it('shows who you are and your role and teams', async () => {
        const answer = await call('lead', 'GET', '/v1/me');
        expect(answer.status).toBe(200);
        expect(answer.json).toMatchObject({ user: { email: EMAIL.lead, role: 'lead' }, teams: [{ name: 'Team A' }] });
      });

      it('manages users, teams and tokens from the CLI; a revoked token stops working', async () => {
        const lines: string[] = [];
        const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
        expect(await runCommand(db, ['team', 'add', 'Team', 'C'], io)).toBe(0);
        expect(
          await runCommand(db, ['user', 'add', '--email', 'New@Arvio.test', '--name', 'New', '--role', 'agent', '--team', 'Team C'], io),
        ).toBe(0);
        expect(await runCommand(db, ['user', 'add', '--email', 'x@arvio.test', '--role', 'boss'], io)).toBe(1);
        expect(await runCommand(db, ['token', 'create', 'new@arvio.test'], io)).toBe(0);
        const fresh = lines.find((l) => l.startsWith('arv_'));
        expect(fresh).toBeDefined();
        expect((await call(fresh!, 'GET', '/v1/me')).json).toMatchObject({ user: { role: 'agent' }, teams: [{ name: 'Team C' }] });
        expect(await runCommand(db, ['user', 'list'], io)).toBe(0);
        expect(lines.some((l) => l.startsWith('new@arvio.test\tagent'))).toBe(true);
        expect(await runCommand(db, ['token', 'revoke', fresh!.slice(0, 12)], io)).toBe(0);
        expect((await call(fresh!, 'GET', '/v1/me')).status).toBe(401);
        // The database holds only the hash.
        const rows = await db.query('SELECT hash FROM tokens');
        expect(rows.some((r) => r.hash === fresh)).toBe(false);
      });

      it('is testable in-process with app.request() as well', async () => {
        const app = createApp(db);
        const res = await app.request('/v1/me', { headers: { authorization: `Bearer ${token.agent1}` } });
        expect(res.status).toBe(200);
      });
    });

    describe('named statements (planned once per session)', () => {
      // On PGlite a named statement's parameters travel as SQL literals in EXECUTE: they must arrive as bound values would.
      const echo = named('SELECT $1::text AS t, $2::bigint AS n, $3::bool AS b, $4::text[] AS a, $5::int[] AS i, $6::text AS z');
      const hostile = [
        "it's '' quoted'); DROP TABLE docs; --",
        'back\\slash \\\' and \\n escapes',
        'Hyvää päivää — 你好 — 🙂 — $1 $$ $tag$',
        'E\'x\' U&\'\\0041\'',
      ];

      it.each(hostile)('returns text as given: %s', async (text) => {
        for (let run = 0; run < 3; run++) {
          const [row] = await db.query(echo, [text, -9007199254740991, false, [text, null, ''], [], null]);
          expect(row).toEqual({ t: text, n: db.kind === 'pglite' ? -9007199254740991 : '-9007199254740991', b: false, a: [text, null, ''], i: [], z: null });
        }
        expect((await db.query('SELECT count(*)::int AS n FROM docs')).length).toBe(1);
      });

      it('types an array of nulls as the parameter does (ARRAY[NULL] alone would be text[])', async () => {
        const [row] = await db.query(echo, ['x', 1, true, [null, null], [null, null], null]);
        expect(row).toEqual({ t: 'x', n: db.kind === 'pglite' ? 1 : '1', b: true, a: [null, null], i: [null, null], z: null });
      });

      it('refuses a NUL character as PostgreSQL does, and the session goes on', async () => {
        await expect(db.query(echo, ['a\u0000b', 1, true, [], [1], 'z'])).rejects.toThrow();
        expect(await db.query(echo, ['ok', 1, true, ['x'], [1, 2], 'z'])).toEqual([{ t: 'ok', n: db.kind === 'pglite' ? 1 : '1', b: true, a: ['x'], i: [1, 2], z: 'z' }]);
      });

      it('follows a table replaced under the statement (PostgreSQL plans it again)', async () => {
        await db.exec('CREATE TABLE named_probe (a int)');
        try {
          const all = named('SELECT a FROM named_probe ORDER BY a');
          await db.query('INSERT INTO named_probe VALUES (1)');
          expect(await db.query(all)).toEqual([{ a: 1 }]);
          await db.exec('DROP TABLE named_probe; CREATE TABLE named_probe (a int); CREATE INDEX named_probe_a ON named_probe (a); INSERT INTO named_probe VALUES (2), (3);');
          expect(await db.query(all)).toEqual([{ a: 2 }, { a: 3 }]);
        } finally {
          await db.exec('DROP TABLE named_probe');
        }
      });

      it('runs inside a transaction that rolls back, and again after it', async () => {
        const count = named('SELECT count(*)::int AS n FROM users WHERE email = $1');
        await expect(
          db.transaction(async (tx) => {
            expect(await tx.query(count, [EMAIL.lead])).toEqual([{ n: 1 }]);
            throw new Error('roll back');
          }),
        ).rejects.toThrow('roll back');
        expect(await db.query(count, [EMAIL.lead])).toEqual([{ n: 1 }]);
      });
    });

    describe('push and pull', () => {
      it("a reviewer's review reaches the reviewed agent, their team's lead and the admin, and nobody else", async () => {
        const doc = review(uid('r'), EMAIL.rev1, EMAIL.agent1);
        const answer = await pushAs('rev1', [change(doc)]);
        expect(answer.status).toBe(200);
        const [result] = pushResponseSchema.parse(answer.json).results;
        expect(result).toMatchObject({ id: doc.id, status: 'accepted', revision: 1 });
        for (const who of ['agent1', 'lead', 'admin', 'rev1'] as const) {
          expect((await pullAll(who)).ids, who).toContain(doc.id);
        }
        for (const who of ['agent2', 'rev2'] as const) {
          expect((await pullAll(who)).ids, who).not.toContain(doc.id);
        }
        const pulled = (await pullAll('agent1')).docs.find((d) => d.id === doc.id);
        expect(pulled?.doc).toEqual(doc);
      });

      it('pulls in pages by checkpoint, in sequence order, until `more` is false', async () => {
        const start = await checkpointNow();
        const docs = Array.from({ length: 5 }, () => review(uid('page'), EMAIL.rev1, EMAIL.agent1));
        expect((await pushAs('rev1', docs.map((d) => change(d)))).status).toBe(200);
        const seen: string[] = [];
        let since = start;
        let pages = 0;
        for (;;) {
          const page = pullResponseSchema.parse((await call('agent1', 'GET', `/v1/sync/pull?since=${since}&limit=2`)).json);
          pages++;
          seen.push(...page.docs.map((d) => d.id));
          expect(page.docs.map((d) => d.seq)).toEqual([...page.docs.map((d) => d.seq)].sort((a, b) => a - b));
          since = page.checkpoint;
          if (!page.more) break;
        }
        expect(seen).toEqual(docs.map((d) => d.id));
        expect(pages).toBe(3);
      });

      it('two reviewers editing one review: the second gets a conflict with the server copy, nothing overwritten', async () => {
        const doc = review(uid('c'), EMAIL.rev1, EMAIL.agent1);
        await pushAs('rev1', [change(doc)]);
        const laptop = { ...doc, feedback: 'edited on the laptop', revision: 2 };
        const desktop = { ...doc, feedback: 'edited on the desktop', revision: 2 };
        const first = pushResponseSchema.parse((await pushAs('rev1', [change(laptop, 1)])).json).results[0];
        const second = pushResponseSchema.parse((await pushAs('admin', [change(desktop, 1)])).json).results[0];
        expect(first).toMatchObject({ status: 'accepted', revision: 2 });
        expect(second).toMatchObject({ status: 'conflict', current: { revision: 2, doc: { feedback: 'edited on the laptop' } } });
        // Resolving: the client rebases on the server revision and pushes again.
        const resolved = pushResponseSchema.parse((await pushAs('admin', [change(desktop, 2)])).json).results[0];
        expect(resolved).toMatchObject({ status: 'accepted', revision: 3 });
      });

      it('pushing the same batch twice changes nothing (a retry after a lost answer)', async () => {
        const docs = [review(uid('i'), EMAIL.rev1, EMAIL.agent1), review(uid('i'), EMAIL.rev1, EMAIL.agent1)];
        const batch = docs.map((d) => change(d));
        const once = pushResponseSchema.parse((await pushAs('rev1', batch)).json);
        const before = await checkpointNow();
        const twice = pushResponseSchema.parse((await pushAs('rev1', batch)).json);
        expect(twice).toEqual(once);
        expect(await checkpointNow()).toBe(before);
        // Also after an edit whose answer was lost: re-sent with its old base, it is accepted as is.
        const edit = { ...docs[0]!, feedback: 'second thoughts' };
        const e1 = pushResponseSchema.parse((await pushAs('rev1', [change(edit, 1)])).json).results[0];
        const e2 = pushResponseSchema.parse((await pushAs('rev1', [change({ ...edit }, 1)])).json).results[0];
        expect(e2).toEqual(e1);
      });

      it('a deletion travels as a tombstone and leaves the export', async () => {
        const doc = review(uid('t'), EMAIL.rev1, EMAIL.agent1);
        await pushAs('rev1', [change(doc)]);
        const since = await checkpointNow();
        const gone = { ...doc, deleted: true };
        expect(pushResponseSchema.parse((await pushAs('rev1', [change(gone, 1)])).json).results[0]).toMatchObject({
          status: 'accepted',
          revision: 2,
        });
        const pulled = (await pullAll('agent1', since)).docs.find((d) => d.id === doc.id);
        expect(pulled?.doc.deleted).toBe(true);
        const csv = await call('lead', 'GET', '/v1/export/reviews?format=csv');
        expect(csv.text).not.toContain(doc.id);
      });
    });

    describe('team roster (GET /v1/team/members)', () => {
      const roster = async (who: Who) => {
        const answer = await call(who, 'GET', '/v1/team/members');
        expect(answer.status, who).toBe(200);
        return teamRosterResponseSchema.parse(answer.json).members;
      };

      it('a reviewer and a lead get the members of their teams, with names and roles', async () => {
        for (const who of ['rev1', 'lead'] as const) {
          const members = await roster(who);
          expect(members.map((m) => m.email).sort(), who).toEqual([EMAIL.agent1, EMAIL.lead, EMAIL.rev1].sort());
          // With the team they share with the caller: what a lead's dashboard groups agents by.
          expect(members.find((m) => m.email === EMAIL.agent1)).toEqual({ email: EMAIL.agent1, name: 'agent1', role: 'agent', teams: ['Team A'] });
        }
        expect((await roster('rev2')).map((m) => m.email).sort()).toEqual([EMAIL.agent2, EMAIL.rev2].sort());
      });

      it('an agent gets only themself; an admin everyone; no token, no roster', async () => {
        expect(await roster('agent1')).toEqual([{ email: EMAIL.agent1, name: 'agent1', role: 'agent', teams: ['Team A'] }]);
        const answer = await call('rev1', 'GET', '/v1/team/members');
        expect(teamRosterResponseSchema.parse(answer.json).me).toEqual({ email: EMAIL.rev1, name: 'rev1', role: 'reviewer' });
        // The read rules it applies, for the extension to reconcile its profile when they change.
        expect(answer.headers.get(READ_RULES_HEADER)).toBe(READ_RULES);
        const everyone = await roster('admin');
        expect(everyone.map((m) => m.email)).toEqual(expect.arrayContaining(Object.values(EMAIL)));
        expect(everyone.find((m) => m.email === EMAIL.agent2)?.teams).toEqual(['Team B']);
        expect(everyone.find((m) => m.email === EMAIL.admin)?.teams).toEqual([]);
        expect((await call(null, 'GET', '/v1/team/members')).status).toBe(401);
      });
    });

    describe('ordering: a pull never skips a sequence number that commits later', () => {
      it('a push paused before commit holds back a later push; a pull meanwhile returns a prefix of the final order', async () => {
        const rev1 = (await findUserByEmail(db, EMAIL.rev1))!;
        const start = await checkpointNow();
        const a = review(uid('ord-a'), EMAIL.rev1, EMAIL.agent1);
        const b = review(uid('ord-b'), EMAIL.rev1, EMAIL.agent1);
        let release!: () => void;
        const gate = new Promise<void>((done) => (release = done));
        let paused!: () => void;
        const isPaused = new Promise<void>((done) => (paused = done));
        const first = push(db, rev1, [change(a)], { beforeCommit: async () => (paused(), gate) });
        await isPaused; // a holds its seq, uncommitted
        let secondDone = false;
        const second = push(db, rev1, [change(b)]).then((r) => ((secondDone = true), r));
        // Over HTTP, beside the paused push (on PGlite it queues behind it: one session).
        const during = pullAll('admin', start);
        await new Promise((done) => setTimeout(done, 300));
        expect(secondDone).toBe(false);
        release();
        const [ra, rb] = [(await first)[0]!, (await second)[0]!];
        expect(ra.status === 'accepted' && rb.status === 'accepted' && ra.seq < rb.seq).toBe(true);
        const final = (await pullAll('admin', start)).ids.filter((id) => id === a.id || id === b.id);
        expect(final).toEqual([a.id, b.id]);
        const seen = (await during).ids.filter((id) => id === a.id || id === b.id);
        expect(final.slice(0, seen.length)).toEqual(seen);
      });

      it('many concurrent pushes while a client keeps pulling: following checkpoints it gets every doc exactly once', async () => {
        const start = await checkpointNow();
        const ids: string[] = [];
        let pushing = true;
        const seen: string[] = [];
        const puller = (async () => {
          let since = start;
          for (;;) {
            const done = !pushing;
            const page = await call('admin', 'GET', `/v1/sync/pull?since=${since}&limit=50`);
            const parsed = pullResponseSchema.parse(page.json);
            seen.push(...parsed.docs.map((d) => d.id));
            since = parsed.checkpoint;
            if (done && !parsed.more) return;
          }
        })();
        await Promise.all(
          Array.from({ length: 12 }, async (_, c) => {
            for (let i = 0; i < 6; i++) {
              const docs = Array.from({ length: 3 }, () => review(uid(`conc-${c}`), EMAIL.rev1, EMAIL.agent1));
              ids.push(...docs.map((d) => d.id));
              expect((await pushAs('rev1', docs.map((d) => change(d)))).status).toBe(200);
            }
          }),
        );
        pushing = false;
        await puller;
        const mine = new Set(ids);
        const got = seen.filter((id) => mine.has(id));
        expect(got.length).toBe(ids.length);
        expect(new Set(got)).toEqual(mine);
      });

      it('two pushes racing to create the same document: one creates it, the other gets a conflict or an identical accept', async () => {
        const doc = review(uid('race'), EMAIL.rev1, EMAIL.agent1);
        const other = { ...doc, feedback: 'the other browser' };
        const answers = await Promise.all([pushAs('rev1', [change(doc)]), pushAs('rev1', [change(other)])]);
        const results = answers.map((a) => pushResponseSchema.parse(a.json).results[0]!);
        expect(results.map((r) => r.status).sort()).toEqual(['accepted', 'conflict']);
        const pulled = (await pullAll('rev1')).docs.filter((d) => d.id === doc.id);
        expect(pulled).toHaveLength(1);
        expect(pulled[0]!.revision).toBe(1);
      });
    });

    describe('roles and refusals (403, nothing changed)', () => {
      async function refused(who: Who, changes: unknown[]) {
        const before = await checkpointNow();
        const answer = await pushAs(who, changes);
        expect(answer.status, answer.text).toBe(403);
        expect(answer.json).toMatchObject({ error: 'forbidden' });
        expect(await checkpointNow()).toBe(before);
      }

      it('an agent may not write a review', async () => {
        await refused('agent1', [change(review(uid('a'), EMAIL.agent1, EMAIL.agent2))]);
      });

      it('a reviewer may not write a review in another reviewer’s name', async () => {
        await refused('rev1', [change(review(uid('a'), EMAIL.rev2, EMAIL.agent1))]);
      });

      it('a reviewer of another team can neither take over nor overwrite a review', async () => {
        const doc = review(uid('o'), EMAIL.rev1, EMAIL.agent1);
        await pushAs('rev1', [change(doc)]);
        await refused('rev2', [change({ ...doc, reviewer: { id: EMAIL.rev2, name: 'rev2' } }, 1)]);
        await refused('rev2', [change({ ...doc, feedback: 'mine now' }, 1)]);
      });

      it('one refused change refuses the whole batch', async () => {
        const good = review(uid('g'), EMAIL.rev1, EMAIL.agent1);
        await refused('rev1', [change(good), change(review(uid('b'), EMAIL.rev2, EMAIL.agent1))]);
        expect((await pullAll('admin')).ids).not.toContain(good.id);
      });

      it('the reviewed agent may acknowledge a review, and change nothing else', async () => {
        const doc = review(uid('ack'), EMAIL.rev1, EMAIL.agent1);
        await pushAs('rev1', [change(doc)]);
        await refused('agent1', [change({ ...doc, score: 0.2 }, 1)]);
        await refused('agent2', [change({ ...doc, acknowledgedAt: '2026-03-03T08:00:00.000Z' }, 1)]);
        const ack = await pushAs('agent1', [change({ ...doc, acknowledgedAt: '2026-03-03T08:00:00.000Z' }, 1)]);
        expect(pushResponseSchema.parse(ack.json).results[0]).toMatchObject({ status: 'accepted', revision: 2 });
      });

      it('self-checks belong to their agent; their lead reads them, other people do not', async () => {
        const own = selfCheck(uid('sc'), EMAIL.agent1);
        const ok = await pushAs('agent1', [{ collection: 'selfChecks', id: own.id, baseRevision: null, doc: own }]);
        expect(pushResponseSchema.parse(ok.json).results[0]).toMatchObject({ status: 'accepted' });
        const other = selfCheck(uid('sc'), EMAIL.agent2);
        await refused('agent1', [{ collection: 'selfChecks', id: other.id, baseRevision: null, doc: other }]);
        expect((await pullAll('lead')).ids).toContain(own.id);
        for (const who of ['agent2', 'rev1', 'rev2'] as const) expect((await pullAll(who)).ids, who).not.toContain(own.id);
      });

      it('leads publish scorecards that reach their team, admins ones that reach every member; reviewers and agents may not publish', async () => {
        const card = scorecard(uid('card'), 1);
        expect((await call('rev1', 'PUT', '/v1/scorecards', { scorecard: card })).status).toBe(403);
        await refused('agent1', [{ collection: 'scorecards', id: `${card.id}@1`, baseRevision: null, doc: card }]);
        const published = await call('lead', 'PUT', '/v1/scorecards', { scorecard: card });
        expect(published.status, published.text).toBe(201);
        expect((await call('lead', 'PUT', '/v1/scorecards', { scorecard: card })).status).toBe(200);
        const changed = await call('lead', 'PUT', '/v1/scorecards', { scorecard: { ...card, passMark: 50 } });
        expect(changed.status).toBe(409);
        // Team A's card reaches team A; for the whole organisation an admin publishes one of no team.
        expect(JSON.stringify((await call('agent1', 'GET', '/v1/scorecards')).json)).toContain(`${card.id}@1`);
        expect((await pullAll('agent1')).ids).toContain(`${card.id}@1`);
        expect(JSON.stringify((await call('agent2', 'GET', '/v1/scorecards')).json)).not.toContain(`${card.id}@1`);
        const orgWide = scorecard(uid('card'), 1, { team: null });
        expect((await call('lead', 'PUT', '/v1/scorecards', { scorecard: orgWide })).status).toBe(403);
        expect((await call('admin', 'PUT', '/v1/scorecards', { scorecard: orgWide })).status).toBe(201);
        const listed = await call('agent2', 'GET', '/v1/scorecards');
        expect(JSON.stringify(listed.json)).toContain(`${orgWide.id}@1`);
        expect((await pullAll('agent2')).ids).toContain(`${orgWide.id}@1`);
        const draft = await call('lead', 'PUT', '/v1/scorecards', { scorecard: scorecard(uid('card'), 1, { status: 'draft' }) });
        expect(draft.status).toBe(400);
      });
    });

    kindsSuite({
      db: () => db,
      call: (bearer, method, path, body) => call(bearer, method, path, body),
      outsider: (who) => token[who],
    });

    teamsSuite({ db: () => db, call: (bearer, method, path, body) => call(bearer, method, path, body) });

    describe('export', () => {
      it('streams the team’s reviews as CSV with a BOM and as the extension’s JSON file, to leads only', async () => {
        const mine = review(uid('x'), EMAIL.rev1, EMAIL.agent1, { feedback: '=HYPERLINK("evil")' });
        const theirs = review(uid('x'), EMAIL.rev2, EMAIL.agent2);
        await pushAs('rev1', [change(mine)]);
        await pushAs('rev2', [change(theirs)]);
        for (const who of ['agent1', 'rev1'] as const) {
          expect((await call(who, 'GET', '/v1/export/reviews')).status, who).toBe(403);
        }
        const res = await fetch(`${server.url}/v1/export/reviews?format=csv&delimiter=;`, {
          headers: { authorization: `Bearer ${token.lead}` },
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('text/csv');
        const bytes = new Uint8Array(await res.arrayBuffer());
        expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const text = new TextDecoder().decode(bytes.slice(3));
        expect(text.split('\r\n')[0]).toMatch(/^id;createdAt;updatedAt;reviewerEmail/);
        expect(text).toContain(mine.id);
        expect(text).toContain('Lasku, väärä');
        expect(text).toContain(`"'=HYPERLINK(""evil"")"`);
        expect(text).not.toContain(theirs.id);
        // Asked for the reader's language and time zone (as the extension asks): headers in it, local times.
        const local = await call('lead', 'GET', '/v1/export/reviews?format=csv&delimiter=;&lang=fi&timeZone=Europe/Helsinki');
        expect(local.status).toBe(200);
        const [head, ...lines] = local.text.replace(/^\uFEFF/, '').split('\r\n');
        expect(head).toMatch(/^Arvion tunniste;Luotu \(Europe\/Helsinki\);Muokattu \(Europe\/Helsinki\);Arvioijan sähköposti;Arvioija;/);
        const line = lines.find((l) => l.startsWith(`${mine.id};`))!;
        expect(line.split(';')[1]).toBe(localDateTime(mine.createdAt, 'Europe/Helsinki'));
        const all = await call('admin', 'GET', '/v1/export/reviews?format=json');
        const file = exportEnvelopeSchema.parse(all.json);
        expect(file.reviews).toContainEqual(theirs);
        // The JSON file keeps the text as written: the formula guard is for spreadsheets.
        expect(file.reviews).toContainEqual(mine);
      });
    });

    describe('faults: client and server end with the same reviews, none lost or duplicated', () => {
      let closedUrl = '';
      beforeAll(async () => {
        // A port that was free a moment ago: connecting to it is refused, like a server that is down.
        const port = await new Promise<number>((resolve) => {
          const probe = createServer().listen(0, '127.0.0.1', () => {
            const address = probe.address();
            probe.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
          });
        });
        closedUrl = `http://127.0.0.1:${port}`;
      });

      const edits = (count: number, prefix: string) =>
        Array.from({ length: count }, () => review(uid(prefix), EMAIL.rev1, EMAIL.agent1));

      async function expectSame(client: SimClient, ids: readonly string[]) {
        const server = new Map((await pullAll('admin')).docs.map((d) => [d.id, d]));
        expect(client.state.outbox).toEqual([]);
        for (const id of ids) {
          const mine = client.state.docs[id];
          const theirs = server.get(id);
          expect(theirs, id).toBeDefined();
          expect(canonicalJson(theirs!.doc)).toBe(canonicalJson(mine!.doc));
          expect(theirs!.revision).toBe(mine!.base);
        }
      }

      /** Where the fault is not a hang, a slow answer on a loaded machine must not turn into a timeout. */
      const ANSWER_MS = 10_000;
      it.each([
        ['the server is down for the first pushes, then up', () => faults.down(3, closedUrl, server.url), 'offline', ANSWER_MS],
        ['HTTP 500 and 503 answers', () => faults.status([500, 503]), 'server', ANSWER_MS],
        // A short timeout keeps the hanging-server case quick.
        ['a timeout', () => faults.hang(1), 'timeout', 400],
        ['the connection reset after the server committed', () => faults.lostAnswer(2), 'offline', ANSWER_MS],
      ])('%s', async (_label, makeFetch, kind, timeoutMs) => {
        const client = new SimClient(server.url, token.rev1);
        const docs = edits(30, 'f');
        docs.forEach((d) => client.edit(d));
        const errors = await client.syncUntilDone(makeFetch(), 10, timeoutMs);
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.every((e) => e.kind === kind)).toBe(true);
        expect(client.state.conflicts).toEqual([]);
        await expectSame(client, docs.map((d) => d.id));
        // An edit afterwards goes through on the revision the retries settled on.
        client.edit({ ...docs[0]!, feedback: 'after the storm' });
        await client.syncUntilDone(fetch);
        await expectSame(client, docs.map((d) => d.id));
      });

      it('the browser closed in the middle of a sync and reopened', async () => {
        const before = new SimClient(server.url, token.rev1);
        const docs = edits(250, 'crash'); // two batches
        docs.forEach((d) => before.edit(d));
        const persisted = JSON.parse(JSON.stringify(before.state)) as typeof before.state;
        // The first batch commits, then the worker dies before recording anything.
        await expect(before.sync(faults.lostAnswer(1))).rejects.toThrow();
        const after = new SimClient(server.url, token.rev1, persisted);
        await after.syncUntilDone(fetch);
        expect(after.state.conflicts).toEqual([]);
        await expectSame(after, docs.map((d) => d.id));
        const onServer = (await pullAll('admin')).ids.filter((id) => id.startsWith('crash-'));
        expect(new Set(onServer).size).toBe(onServer.length);
      });

      it('two clients editing the same review: the later one sees a conflict, both end with the server copy', async () => {
        const doc = review(uid('two'), EMAIL.rev1, EMAIL.agent1);
        const laptop = new SimClient(server.url, token.rev1);
        laptop.edit(doc);
        await laptop.syncUntilDone(fetch);
        const desktop = new SimClient(server.url, token.rev1);
        await desktop.syncUntilDone(fetch);
        laptop.edit({ ...doc, feedback: 'laptop' });
        desktop.edit({ ...doc, feedback: 'desktop' });
        await laptop.syncUntilDone(fetch);
        await desktop.syncUntilDone(fetch);
        expect(desktop.state.conflicts).toEqual([doc.id]);
        expect(desktop.state.docs[doc.id]?.doc.feedback).toBe('laptop');
        await expectSame(laptop, [doc.id]);
        await expectSame(desktop, [doc.id]);
      });
    });

    describe('bad input: a clear 4xx, nothing changed', () => {
      const good = () => review(uid('bad'), EMAIL.rev1, EMAIL.agent1);
      it.each<[string, () => unknown, number, string | RegExp]>([
        ['malformed JSON', () => '{"changes": [', 400, 'invalid_json'],
        ['a wrong type', () => ({ changes: [{ ...change(good()), baseRevision: '1' }] }), 400, 'changes.0.baseRevision'],
        ['an unknown field in a change', () => ({ changes: [{ ...change(good()), force: true }] }), 400, 'changes.0'],
        ['an unknown top-level field', () => ({ changes: [], since: 3 }), 400, '(root)'],
        ['an invalid review', () => ({ changes: [change({ ...good(), score: 7 })] }), 400, 'changes.0.doc.score'],
        // A newer release's field: stored without it, the review would lose it at its next edit here.
        ['an unknown field in a review', () => ({ changes: [change(Object.assign(good(), { sentiment: 'warm' }))] }), 400, /changes\.0\.doc: Unrecognized key: \\"sentiment\\"/],
        [
          'an unknown field in a review’s rating',
          () => {
            const doc = good();
            return { changes: [change({ ...doc, ratings: doc.ratings.map((r) => Object.assign(r, { confidence: 0.9 })) })] };
          },
          400,
          /changes\.0\.doc\.ratings\.0: Unrecognized key: \\"confidence\\"/,
        ],
        ['an id that is not the doc’s', () => ({ changes: [{ ...change(good()), id: 'other' }] }), 400, 'changes.0.id'],
        ['an unknown collection', () => ({ changes: [{ ...change(good()), collection: 'users' }] }), 400, 'changes.0.collection'],
        [
          'a batch over the limit',
          () => ({ changes: Array.from({ length: MAX_PUSH_BATCH + 1 }, () => change(good())) }),
          400,
          'changes',
        ],
        ['an oversized body', () => ({ changes: [change({ ...good(), feedback: 'x'.repeat(20_000) })], pad: 'y'.repeat(1_100_000) }), 413, 'too_large'],
      ])('%s', async (_label, body, status, mentions) => {
        const before = await checkpointNow();
        const answer = await call('rev1', 'POST', '/v1/sync/push', body());
        expect(answer.status, answer.text).toBe(status);
        expect(answer.text).toMatch(mentions);
        expect(await checkpointNow()).toBe(before);
      });

      it('an oversized body sent without Content-Length (chunked) is cut off at the limit', async () => {
        const before = await checkpointNow();
        const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent++ < 40) controller.enqueue(chunk);
            else controller.close();
          },
        });
        const res = await fetch(`${server.url}/v1/sync/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token.rev1}`, 'content-type': 'application/json' },
          body,
          duplex: 'half',
        } as RequestInit & { duplex: 'half' }).catch((error: unknown) => error);
        // Either the 413 arrives, or the server closed the socket mid-upload; never a 2xx or a 5xx.
        // (Duck-typed: the test environment's Response global need not be undici's class.)
        if (res !== null && typeof res === 'object' && 'status' in res) expect(res.status).toBe(413);
        expect(await checkpointNow()).toBe(before);
      });

      it.each(['since=-1', 'limit=0', 'limit=100000', 'since=abc', 'cursor=1'])('pull with %s', async (query) => {
        const answer = await call('agent1', 'GET', `/v1/sync/pull?${query}`);
        expect(answer.status).toBe(400);
        expect(answer.json).toMatchObject({ error: 'invalid_request' });
      });

      it('an export with an unknown format', async () => {
        expect((await call('lead', 'GET', '/v1/export/reviews?format=xlsx')).status).toBe(400);
      });

      it.each(['delimiter=;&lang=fi&timeZone=Mars/Olympus', 'delimiter=;&lang=fi', 'delimiter=;&lang=sv&timeZone=UTC'])('an export with %s', async (query) => {
        const answer = await call('lead', 'GET', `/v1/export/reviews?format=csv&${query}`);
        expect(answer.status).toBe(400);
        const issues = (answer.json as { issues?: Array<{ path: string }> }).issues ?? [];
        expect(issues.map((i) => i.path)).toContain(query.includes('lang=sv') ? 'lang' : 'timeZone');
      });
    });
    describe('poison pills: hostile input is a 400 naming the field, and its words never reach a log', () => {
      /** Stands for customer and agent words: it must never appear in anything the server logs. */
      const SECRET = 'asiakkaan-sanat-7Q9Z';
      /** Everything this process printed meanwhile (the server runs in it), as it would appear. */
      let printed: string[] = [];
      /** Calls to process.stdout/stderr.write, recorded as they pass through. */
      const spies: Array<() => string[]> = [];
      let restore: Array<() => void> = [];
      beforeEach(() => {
        printed = [];
        serverLog.length = 0;
        for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
          const spy = vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(format(...args)));
          restore.push(() => spy.mockRestore());
        }
        for (const stream of [process.stdout, process.stderr]) {
          const spy = vi.spyOn(stream, 'write');
          restore.push(() => spy.mockRestore());
          spies.push(() => spy.mock.calls.map((call) => String(call[0])));
        }
      });
      afterEach(() => {
        for (const undo of restore) undo();
        restore = [];
        spies.length = 0;
      });
      const everythingLogged = () => [...serverLog, ...printed, ...spies.flatMap((calls) => calls())].join('\n');

      const hostile = (over: Partial<ReturnType<typeof review>> = {}) =>
        review(uid('hostile'), EMAIL.rev1, EMAIL.agent1, { feedback: `The customer wrote: ${SECRET}`, ...over });
      /** ≈ 570 KB of JSON, every field within its own limit: only the document size limit refuses it. */
      const huge = () =>
        hostile({
          ratings: Array.from({ length: 100 }, (_, i) => ({ criterionId: `c${i}`, value: 1, na: false, comment: `${SECRET} `.repeat(250).slice(0, 5000) })),
          strengths: `${SECRET} `.repeat(1000).slice(0, 20_000),
          developmentAreas: `${SECRET} `.repeat(1000).slice(0, 20_000),
          feedback: `${SECRET} `.repeat(1000).slice(0, 20_000),
        });
      const body = (doc: ReturnType<typeof review>) => ({ changes: [change(doc)] });
      const levels = 100_000;

      it.each<[string, Who, string, string, () => unknown, string]>([
        ['a NUL byte in a document id', 'rev1', 'POST', '/v1/sync/push', () => {
          const doc = hostile();
          return body({ ...doc, id: `${doc.id}\u0000` });
        }, 'changes.0.id'],
        ['a NUL byte in a reviewee id', 'rev1', 'POST', '/v1/sync/push', () => body(hostile({ reviewee: { id: `${EMAIL.agent1}\u0000`, name: SECRET } })), 'changes.0.doc.reviewee.id'],
        ['a NUL byte in a review’s text', 'rev1', 'POST', '/v1/sync/push', () => body(hostile({ feedback: `${SECRET}\u0000` })), 'changes.0.doc.feedback'],
        ['a NUL byte in a key', 'agent1', 'POST', '/v1/sync/push', () => {
          const check = selfCheck(uid('hostile-sc'), EMAIL.agent1, { hintCounts: { [`${SECRET}\u0000`]: 1 } });
          return { changes: [{ collection: 'selfChecks', id: check.id, baseRevision: null, doc: check }] };
        }, 'changes.0.doc.hintCounts'],
        ['a NUL byte in a published scorecard', 'lead', 'PUT', '/v1/scorecards', () => ({ scorecard: scorecard(uid('card'), 1, { name: `${SECRET}\u0000` }) }), 'scorecard.name'],
        ['a 570 KB review', 'rev1', 'POST', '/v1/sync/push', () => body(huge()), 'changes.0.doc'],
        [`nesting ${levels} levels deep`, 'rev1', 'POST', '/v1/sync/push', () => {
          const text = JSON.stringify(body(hostile()));
          return text.replace('"feedback":', `"notes":${'['.repeat(levels)}"${SECRET}"${']'.repeat(levels)},"feedback":`);
        }, 'changes.0.doc.notes.0.0.0'],
        ['a __proto__ key', 'rev1', 'POST', '/v1/sync/push', () => {
          const text = JSON.stringify(body(hostile()));
          return text.replace('"feedback":', `"__proto__":{"feedback":"${SECRET}","deleted":true},"feedback":`);
        }, 'changes.0.doc.__proto__'],
        ['a wrong type', 'rev1', 'POST', '/v1/sync/push', () => body(hostile({ score: SECRET as unknown as number })), 'changes.0.doc.score'],
      ])('%s', async (_label, who, method, path, makeBody, field) => {
        const before = await checkpointNow();
        const answer = await call(who, method, path, makeBody());
        expect(answer.status, answer.text.slice(0, 500)).toBe(400);
        const issues = (answer.json as { issues?: Array<{ path: string }> }).issues ?? [];
        expect(issues.map((i) => i.path).some((p) => p === field || p.startsWith(`${field}.`)), answer.text.slice(0, 500)).toBe(true);
        expect(answer.json).toMatchObject({ error: 'invalid_request', message: expect.stringContaining(field) });
        expect(await checkpointNow()).toBe(before);
        expect(everythingLogged()).not.toContain(SECRET);
      });

      it.each(['since=1%00', 'limit=5&%00x=1'])('a NUL byte in a query (%s)', async (query) => {
        const answer = await call('agent1', 'GET', `/v1/sync/pull?${query}`);
        expect(answer.status).toBe(400);
        expect(answer.json).toMatchObject({ error: 'invalid_request' });
      });

      it('the size limit is on the document: one just under it is stored and pulled whole', async () => {
        const doc = hostile({ feedback: 'x'.repeat(20_000), strengths: 'y'.repeat(20_000), developmentAreas: 'z'.repeat(20_000) });
        const room = MAX_DOC_BYTES - new TextEncoder().encode(JSON.stringify(doc)).length;
        const comment = 'k'.repeat(Math.min(5000, room - 200));
        const ratings = Array.from({ length: Math.floor(room / (comment.length + 80)) }, (_, i) => ({ criterionId: `c${i}`, value: 1, na: false, comment }));
        const big = { ...doc, ratings };
        expect(new TextEncoder().encode(JSON.stringify(big)).length).toBeGreaterThan(MAX_DOC_BYTES - 10_000);
        expect(new TextEncoder().encode(JSON.stringify(big)).length).toBeLessThanOrEqual(MAX_DOC_BYTES);
        const answer = await pushAs('rev1', [change(big)]);
        expect(answer.status, answer.text.slice(0, 300)).toBe(200);
        expect((await pullAll('agent1')).docs.find((d) => d.id === big.id)?.doc).toEqual(big);
      });

      it('a database error nobody foresaw is a 500 whose log line names the route, a reference and the error code — never the document', async () => {
        // The database chokes on this document's text: its error carries it (PGlite also attaches the parameters).
        const choking: Db = {
          kind: db.kind,
          query: (sql, params) => db.query(sql, params),
          exec: (sql) => db.exec(sql),
          close: async () => undefined,
          transaction: (fn) =>
            db.transaction((tx) =>
              fn({
                exec: (sql) => tx.exec(sql),
                query: (sql, params) => (JSON.stringify(params ?? []).includes(SECRET) ? tx.query('SELECT $1::int AS n', [JSON.stringify(params)]) : tx.query(sql, params)),
              }),
            ),
        };
        const lines: string[] = [];
        const other = await startServer(choking, { port: 0, hostname: '127.0.0.1' }, { logError: (line) => lines.push(line) });
        try {
          const res = await fetch(`${other.url}/v1/sync/push`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token.rev1}`, 'content-type': 'application/json' },
            body: JSON.stringify(body(hostile())),
          });
          const answer = (await res.json()) as { error: string; message: string };
          expect(res.status).toBe(500);
          expect(answer.error).toBe('server_error');
          const ref = /reference ([0-9a-f]{8})/.exec(answer.message)?.[1];
          expect(ref).toBeDefined();
          expect(lines).toHaveLength(1);
          expect(lines[0]).toContain(`server error ${ref} on POST /v1/sync/push`);
          expect(lines[0]).toContain('code=22P02');
          expect(lines[0]).toMatch(/ at /); // where it happened
          expect(JSON.stringify(answer)).not.toContain(SECRET);
        } finally {
          await other.close();
        }
        expect([...lines, everythingLogged()].join('\n')).not.toContain(SECRET);
      });

      it('an export that fails midway is logged without the failing data', async () => {
        const choking: Db = {
          kind: db.kind,
          query: (sql, params) => ((typeof sql === 'string' ? sql : sql.text).includes('NOT d.deleted') ? db.query('SELECT $1::int AS n', [`${SECRET} in a review`]) : db.query(sql, params)),
          exec: (sql) => db.exec(sql),
          close: async () => undefined,
          transaction: (fn) => db.transaction(fn),
        };
        const lines: string[] = [];
        const other = await startServer(choking, { port: 0, hostname: '127.0.0.1' }, { logError: (line) => lines.push(line) });
        try {
          const res = await fetch(`${other.url}/v1/export/reviews?format=csv`, { headers: { authorization: `Bearer ${token.lead}` } }).catch(() => null);
          const text = res ? await res.text().catch(() => '') : '';
          expect(text).not.toContain(SECRET);
          await expect.poll(() => lines.length).toBe(1);
          expect(lines[0]).toMatch(/^server error [0-9a-f]{8} on GET \/v1\/export\/reviews: \w+ code=22P02/);
        } finally {
          await other.close();
        }
        expect([...lines, everythingLogged()].join('\n')).not.toContain(SECRET);
      });
    });

    describe('pull pages bounded by bytes as well as count', () => {
      /** ≈ 570 KB, as reviews could be before the document size limit (written here beside the HTTP API). */
      const legacyBig = () =>
        review(uid('big'), EMAIL.rev1, EMAIL.agent1, {
          ratings: Array.from({ length: 100 }, (_, i) => ({ criterionId: `c${i}`, value: 1, na: false, comment: 'sana '.repeat(1000) })),
          feedback: 'p'.repeat(20_000),
        });

      it('big reviews from before the size limit come a few per page, under 4 MiB each, every one once and in order', async () => {
        const start = await checkpointNow();
        const rev1 = (await findUserByEmail(db, EMAIL.rev1))!;
        const docs = Array.from({ length: 16 }, legacyBig);
        for (const doc of docs) await push(db, rev1, [change(doc)]);
        const seen: string[] = [];
        let since = start;
        let pages = 0;
        for (;;) {
          const answer = await call('agent1', 'GET', `/v1/sync/pull?since=${since}&limit=1000`);
          expect(answer.status).toBe(200);
          const page = pullResponseSchema.parse(answer.json);
          pages++;
          // The docs' JSON within the budget; the envelope adds well under 1 KB per doc.
          expect(new TextEncoder().encode(answer.text).length).toBeLessThanOrEqual(MAX_PULL_PAGE_BYTES + 1000 * page.docs.length);
          seen.push(...page.docs.map((d) => d.id));
          since = page.checkpoint;
          if (!page.more) break;
          expect(page.docs.length).toBeGreaterThan(0);
        }
        expect(seen).toEqual(docs.map((d) => d.id));
        expect(pages).toBeGreaterThanOrEqual(3); // 16 × 570 KB ≈ 9 MB
      });

      it('a page stops where the next document would pass the budget; one larger than the budget goes alone', async () => {
        const start = await checkpointNow();
        const docs = Array.from({ length: 3 }, () => review(uid('budget'), EMAIL.rev1, EMAIL.agent1));
        expect((await pushAs('rev1', docs.map((d) => change(d)))).status).toBe(200);
        const admin = (await findUserByEmail(db, EMAIL.admin))!;
        const bytes = docs.map((d) => new TextEncoder().encode(JSON.stringify(d)).length);
        const page = async (since: number, budget: number) => pullResponseSchema.parse(JSON.parse(await pullJson(db, admin, since, 1000, budget)));

        // Exactly two fit.
        const two = await page(start, bytes[0]! + bytes[1]!);
        expect(two.docs.map((d) => d.id)).toEqual([docs[0]!.id, docs[1]!.id]);
        expect(two.more).toBe(true);
        // One byte less: the second would pass the budget.
        const one = await page(start, bytes[0]! + bytes[1]! - 1);
        expect(one.docs.map((d) => d.id)).toEqual([docs[0]!.id]);
        expect(one).toMatchObject({ more: true, checkpoint: one.docs[0]!.seq });
        // A budget smaller than any document: one per page, and the pull still reaches the end.
        const ids: string[] = [];
        let since = start;
        for (let more = true; more; ) {
          const next = await page(since, 10);
          expect(next.docs).toHaveLength(1);
          ids.push(next.docs[0]!.id);
          ({ checkpoint: since, more } = next);
        }
        expect(ids).toEqual(docs.map((d) => d.id));
        expect(await page(since, 10)).toEqual({ docs: [], checkpoint: since, more: false });
      });
    });
  });
}
