// Scaled out: two server processes against one PostgreSQL serve the same team at once — started
// together on an empty database, pushed to and pulled from alternately — and nothing is lost or duplicated.
// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema, type SyncChange } from '../../lib/model/sync';
import { addTeam, addUser, createToken, findUserByEmail } from '../src/admin';
import { openPostgres, type Db } from '../src/db';
import { buildServer, startServerProcess, type ServerBuild, type ServerProcess } from './helpers/builtServer';
import { review } from './helpers/docs';
import { startPostgres, type TestPostgres } from './helpers/postgres';

const REVIEWERS = 6;
const BATCHES = 6;
const PER_BATCH = 5;
const LEAD = 'lead@scale.test';
const reviewer = (r: number) => `rev${r}@scale.test`;

describe('two server processes on one PostgreSQL', () => {
  let pg: TestPostgres;
  let built: ServerBuild;
  let servers: ServerProcess[] = [];
  let db: Db;
  const token: Record<string, string> = {};
  let team = '';

  beforeAll(async () => {
    [pg, built] = await Promise.all([startPostgres(), buildServer()]);
    // Both start at once on the empty database: the migrations and the first admin happen once.
    servers = await Promise.all([0, 1].map(() => startServerProcess(built.main, { DATABASE_URL: pg.url, ARVIO_ADMIN_EMAIL: 'admin@scale.test' })));
    db = await openPostgres(pg.url);
    team = (await addTeam(db, 'Scale')).id;
    await addUser(db, { email: LEAD, name: 'Lead', role: 'lead', teams: ['Scale'] });
    token[LEAD] = (await createToken(db, LEAD)).token;
    for (let r = 0; r < REVIEWERS; r++) {
      await addUser(db, { email: reviewer(r), name: `Reviewer ${r}`, role: 'reviewer', teams: ['Scale'] });
      token[reviewer(r)] = (await createToken(db, reviewer(r))).token;
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.close();
    await pg?.stop();
    await built?.remove();
  });

  async function call(server: ServerProcess, who: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token[who]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  }
  const change = (doc: ReturnType<typeof review>, baseRevision: number | null = null): SyncChange => ({ collection: 'reviews', id: doc.id, baseRevision, doc });

  it('started together on an empty database, exactly one of them made the first admin', async () => {
    const announced = servers.filter((s) => s.output().includes('Created the first admin'));
    expect(announced).toHaveLength(1);
    expect(await db.query("SELECT email FROM users WHERE role = 'admin'")).toEqual([{ email: 'admin@scale.test' }]);
    for (const s of servers) expect(await (await fetch(`${s.url}/health`)).json()).toEqual({ ok: true, database: 'postgres' });
  });

  it('reviewers push through both at once while the lead pulls from both in turn: every review arrives once, at its last revision', async () => {
    let pushing = true;
    const seen = new Map<string, number>();
    const seqs: number[] = [];
    let checkpoint = 0;
    let page = 0;
    const pullOnce = async (): Promise<boolean> => {
      const answer = await call(servers[page++ % 2]!, LEAD, 'GET', `/v1/sync/pull?since=${checkpoint}&limit=50`);
      expect(answer.status).toBe(200);
      const body = pullResponseSchema.parse(answer.json);
      for (const d of body.docs) {
        seqs.push(d.seq);
        seen.set(d.id, d.revision);
      }
      checkpoint = body.checkpoint;
      return body.more;
    };
    const lead = (async () => {
      while (pushing) await pullOnce();
      while (await pullOnce());
    })();

    const pushes = Array.from({ length: REVIEWERS }, async (_, r) => {
      for (let b = 0; b < BATCHES; b++) {
        const docs = Array.from({ length: PER_BATCH }, (_, i) => review(`scale-${r}-${b}-${i}`, reviewer(r), LEAD, { team }));
        const answer = await call(servers[(r + b) % 2]!, reviewer(r), 'POST', '/v1/sync/push', { changes: docs.map((d) => change(d)) });
        expect(answer.status).toBe(200);
        expect(pushResponseSchema.parse(answer.json).results.every((x) => x.status === 'accepted')).toBe(true);
        // Each batch's first review is edited at once through the other process.
        const edited = { ...docs[0]!, feedback: 'Muokattu', updatedAt: '2026-03-03T10:00:00.000Z' };
        const edit = await call(servers[(r + b + 1) % 2]!, reviewer(r), 'POST', '/v1/sync/push', { changes: [change(edited, 1)] });
        expect(pushResponseSchema.parse(edit.json).results[0]).toMatchObject({ status: 'accepted', revision: 2 });
      }
    });
    await Promise.all(pushes);
    pushing = false;
    await lead;

    const total = REVIEWERS * BATCHES * PER_BATCH;
    expect(seen.size).toBe(total);
    // Sequence numbers only grow across pages from either process: nothing is handed out twice or skipped over.
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    for (const [id, revision] of seen) expect(revision, id).toBe(id.endsWith('-0') ? 2 : 1);
    const [count] = await db.query<{ n: string; seqs: string }>("SELECT count(*) AS n, count(DISTINCT seq) AS seqs FROM docs WHERE collection = 'reviews'");
    expect(count).toEqual({ n: String(total), seqs: String(total) });
  });

  it('one review edited through both at the same moment: one edit wins, the other is a conflict, nothing overwritten', async () => {
    const doc = review('scale-race', reviewer(0), LEAD, { team });
    await call(servers[0]!, reviewer(0), 'POST', '/v1/sync/push', { changes: [change(doc)] });
    const [a, b] = await Promise.all(
      servers.map((s, i) => call(s, reviewer(0), 'POST', '/v1/sync/push', { changes: [change({ ...doc, feedback: `edit ${i}` }, 1)] })),
    );
    const statuses = [a!, b!].map((x) => pushResponseSchema.parse(x.json).results[0]!.status).sort();
    expect(statuses).toEqual(['accepted', 'conflict']);
    const [row] = await db.query<{ revision: number }>("SELECT revision FROM docs WHERE collection = 'reviews' AND id = 'scale-race'");
    expect(row!.revision).toBe(2);
  });

  it('a token revoked through one process is refused by the other at its next request', async () => {
    const adminUser = (await findUserByEmail(db, LEAD))!;
    const who = reviewer(REVIEWERS - 1);
    const target = (await findUserByEmail(db, who))!;
    expect((await call(servers[1]!, who, 'GET', '/v1/me')).status).toBe(200);
    const revoked = await call(servers[0]!, adminUser.email, 'POST', `/v1/admin/users/${target.id}/revoke-tokens`);
    expect(revoked).toEqual({ status: 200, json: { ok: true, revokedTokens: 1 } });
    expect((await call(servers[1]!, who, 'GET', '/v1/me')).status).toBe(401);
  });
});
