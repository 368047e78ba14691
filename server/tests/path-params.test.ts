// Path parameters are input too: every route with one, found by walking the app's routes, answers a
// NUL, an overlong or a malformed value with a 400 naming the parameter, and nothing odd with a 500.
// Over real HTTP on PGlite in a temp folder.
// @vitest-environment node
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addTeam, addUser, createToken } from '../src/admin';
import { createApp } from '../src/app';
import { openPglite, type Db } from '../src/db';
import { migrate } from '../src/migrate';
import { startServer, type RunningServer } from '../src/serve';

/** Every route of the app with a `:param` in its path, once per method and path. */
function parameterisedRoutes(db: Db): Array<{ method: string; path: string; names: string[] }> {
  const seen = new Map<string, { method: string; path: string; names: string[] }>();
  for (const { method, path } of createApp(db).routes) {
    const names = [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
    if (method === 'ALL' || names.length === 0) continue;
    seen.set(`${method} ${path}`, { method, path, names });
  }
  return [...seen.values()];
}

/** The path with `name` set to `value` (already encoded) and every other parameter to a harmless word. */
const fill = (path: string, name: string, value: string) => path.replace(/:([A-Za-z0-9_]+)/g, (_, n: string) => (n === name ? value : 'x'));

describe('path parameters', () => {
  let dir: string;
  let db: Db;
  let server: RunningServer;
  let token: string;
  const serverErrors: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'arvio-params-'));
    db = await openPglite(dir);
    await migrate(db);
    await addTeam(db, 'A');
    // An admin passes every route's role check, so only the parameter decides the answer.
    await addUser(db, { email: 'admin@params.test', name: 'Admin', role: 'admin', teams: [] });
    await addUser(db, { email: 'lead@params.test', name: 'Lead', role: 'lead', teams: ['A'] });
    token = (await createToken(db, 'admin@params.test')).token;
    server = await startServer(db, { port: 0, hostname: '127.0.0.1' }, { logError: (line) => serverErrors.push(line) });
  }, 120_000);

  beforeEach(() => {
    serverErrors.length = 0;
  });

  afterAll(async () => {
    await server?.close();
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function call(method: string, path: string, bearer: string | null = token): Promise<{ status: number; json: any }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    const res = await fetch(`${server.url}${path}`, { method, headers });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  }

  it('the walk finds every family of routes with a parameter: invites, people, team members, calibration sessions', () => {
    const found = parameterisedRoutes(db).map((r) => `${r.method} ${r.path}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'DELETE /v1/admin/invites/:id',
        'PUT /v1/admin/users/:id/role',
        'POST /v1/admin/users/:id/revoke-tokens',
        'DELETE /v1/admin/teams/:team/members/:id',
        'GET /v1/calibration/:id/submitted',
      ]),
    );
  });

  const refused: Array<[label: string, value: string, message: RegExp]> = [
    ['a NUL byte', '%00', /NUL/],
    ['a NUL byte inside', 'a%00b', /NUL/],
    ['101 characters', 'x'.repeat(101), /100/],
  ];
  it.each(refused)('%s in any parameter of any route is a 400 naming the parameter, before the route does anything', async (_label, value, message) => {
    for (const route of parameterisedRoutes(db)) {
      for (const name of route.names) {
        const answer = await call(route.method, fill(route.path, name, value));
        const where = `${route.method} ${route.path} (${name})`;
        expect(answer.status, where).toBe(400);
        expect(answer.json, where).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(new RegExp(`^${name}: `)) });
        expect(answer.json.issues[0], where).toMatchObject({ path: name, message: expect.stringMatching(message) });
      }
    }
    expect(serverErrors).toEqual([]);
  });

  it('odd but harmless values reach the route and are answered as unknown, never a 500', async () => {
    // Broken percent-encoding, an encoded slash, a lone surrogate's bytes, non-ASCII, spaces, SQL.
    const odd = ['%E0%A4%A', '%FF', 'a%2Fb', '%ED%A0%80', '%C3%A4%F0%9F%98%80', '%20', "x'%3B--"];
    for (const route of parameterisedRoutes(db)) {
      for (const name of route.names) {
        for (const value of odd) {
          const answer = await call(route.method, fill(route.path, name, value));
          expect(answer.status, `${route.method} ${route.path} (${name} = ${value})`).toBeLessThan(500);
          expect([400, 404], `${route.method} ${route.path} (${name} = ${value})`).toContain(answer.status);
        }
      }
    }
    expect(serverErrors).toEqual([]);
  });

  it('without a token a NUL in the path is still a 401, and a NUL in a path no route has a 404', async () => {
    expect((await call('DELETE', '/v1/admin/invites/%00', null)).status).toBe(401);
    expect((await call('GET', '/v1/sync/pu%00ll')).status).toBe(404);
    expect(serverErrors).toEqual([]);
  });

  it('the calibration session id keeps its own rule: letters, digits, - and _ only', async () => {
    const answer = await call('GET', '/v1/calibration/a%7Cb/submitted');
    expect(answer.status).toBe(400);
    expect(answer.json.issues[0]).toMatchObject({ path: 'id', message: 'letters, digits, - and _ only' });
  });

  it('a lead removing a member: a NUL in the team or the person is a 400, not a refusal that reads the database', async () => {
    const lead = (await createToken(db, 'lead@params.test')).token;
    const [team] = await db.query<{ id: string }>("SELECT id FROM teams WHERE name = 'A'");
    for (const [path, field] of [
      [`/v1/admin/teams/${team!.id}/members/%00`, 'id'],
      ['/v1/admin/teams/%00/members/someone', 'team'],
    ] as const) {
      const answer = await call('DELETE', path, lead);
      expect(answer.status).toBe(400);
      expect(answer.json.issues[0].path).toBe(field);
    }
    expect(serverErrors).toEqual([]);
  });
});
