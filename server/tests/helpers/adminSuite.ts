// Team administration over real HTTP, per role, run against each database (PGlite, PostgreSQL):
// invites redeemed for tokens, roles, removals and revocations that hold at once while the server runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminTeamsResponseSchema, inviteResponseSchema, redeemResponseSchema } from '../../../lib/model/admin';
import { pullResponseSchema } from '../../../lib/model/sync';
import { addTeam, addUser, createToken, findUserByEmail, setMember } from '../../src/admin';
import { runCommand } from '../../src/cli';
import type { Db } from '../../src/db';
import { createInvite } from '../../src/members';
import { migrate } from '../../src/migrate';
import { startServer, type RunningServer } from '../../src/serve';
import { review } from './docs';

type Who = 'admin' | 'leadA' | 'leadB' | 'revA' | 'agentA' | 'agentB' | 'revAB';
const PEOPLE: Record<Who, [role: string, teams: string[]]> = {
  admin: ['admin', []],
  leadA: ['lead', ['A']],
  leadB: ['lead', ['B']],
  revA: ['reviewer', ['A']],
  agentA: ['agent', ['A']],
  agentB: ['agent', ['B']],
  // In both teams: lead A alone does not decide their role or tokens.
  revAB: ['reviewer', ['A', 'B']],
};
const mail = (who: string) => `${who.toLowerCase()}@admin.test`;

export function adminSuite(name: string, open: () => Promise<{ db: Db; cleanup: () => Promise<void> }>): void {
  describe(name, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    let server: RunningServer;
    const token = {} as Record<Who, string>;
    const userId = {} as Record<Who, string>;
    const teamId: Record<'A' | 'B', string> = { A: '', B: '' };
    let n = 0;

    beforeAll(async () => {
      ({ db, cleanup } = await open());
      await migrate(db);
      teamId.A = (await addTeam(db, 'A')).id;
      teamId.B = (await addTeam(db, 'B')).id;
      for (const [who, [role, teams]] of Object.entries(PEOPLE) as Array<[Who, [string, string[]]]>) {
        userId[who] = (await addUser(db, { email: mail(who), name: who, role, teams })).id;
        token[who] = (await createToken(db, mail(who))).token;
      }
      server = await startServer(db, { port: 0, hostname: '127.0.0.1' }, { logError: () => undefined });
    });

    afterAll(async () => {
      await server?.close();
      await db?.close();
      await cleanup?.();
    });

    async function call(bearer: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    }
    const as = (who: Who) => token[who];
    const invite = (who: Who, body: Record<string, unknown>) => call(as(who), 'POST', '/v1/admin/invites', body);
    const redeem = (code: unknown) => call(null, 'POST', '/v1/invites/redeem', { code });
    const fresh = () => `new${++n}-${Math.random().toString(36).slice(2, 7)}@admin.test`;

    it('a lead invites a person into their team; the code, redeemed once, is their own token and their sync works', async () => {
      const email = fresh();
      const made = await invite('leadA', { team: teamId.A, email, name: 'Uusi Agentti', role: 'agent' });
      expect(made.status).toBe(201);
      const { code, invite: pending } = inviteResponseSchema.parse(made.json);
      expect(pending).toMatchObject({ email, role: 'agent', team: { id: teamId.A, name: 'A' } });
      // Only its hash is kept.
      expect(JSON.stringify(await db.query('SELECT * FROM invites'))).not.toContain(code);
      const listed = adminTeamsResponseSchema.parse((await call(as('leadA'), 'GET', '/v1/admin/teams')).json);
      expect(listed.teams[0]!.invites.map((i) => i.email)).toContain(email);

      const redeemed = await redeem(code);
      expect(redeemed.status).toBe(201);
      const { token: own, me } = redeemResponseSchema.parse(redeemed.json);
      expect(me).toMatchObject({ user: { email, name: 'Uusi Agentti', role: 'agent' }, teams: [{ id: teamId.A, name: 'A' }] });

      // The lead's review about the new agent reaches them with the new token.
      const doc = review(`inv-${n}`, mail('leadA'), email, { team: teamId.A });
      expect((await call(as('leadA'), 'POST', '/v1/sync/push', { changes: [{ collection: 'reviews', id: doc.id, baseRevision: null, doc }] })).status).toBe(200);
      const page = pullResponseSchema.parse((await call(own, 'GET', '/v1/sync/pull?since=0')).json);
      expect(page.docs.map((d) => d.id)).toEqual([doc.id]);

      // Once only; the invite has left the list.
      expect((await redeem(code)).status).toBe(410);
      const after = adminTeamsResponseSchema.parse((await call(as('leadA'), 'GET', '/v1/admin/teams')).json);
      expect(after.teams[0]!.invites.map((i) => i.email)).not.toContain(email);
      expect(after.teams[0]!.members.find((m) => m.email === email)).toMatchObject({ role: 'agent', activeTokens: 1, manageable: true });
    });

    it('redeeming: an unknown code is 404, a malformed one a 400 naming the field, an expired or cancelled one 410', async () => {
      expect((await redeem('arvinv_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
      const bad = await redeem('not a code');
      expect(bad.status).toBe(400);
      expect(bad.json.issues[0].path).toBe('code');
      expect((await call(null, 'POST', '/v1/invites/redeem', { code: 'arvinv_AAAAAAAAAAAAAAAAAAAAAAAAA', token: 'x' })).status).toBe(400);

      const admin = (await findUserByEmail(db, mail('admin')))!;
      const old = await createInvite(db, admin, { team: teamId.A, email: fresh(), name: '', role: 'agent' }, new Date(Date.now() - 8 * 24 * 3600 * 1000));
      expect((await redeem(old.code)).status).toBe(410);

      const cancelled = inviteResponseSchema.parse((await invite('leadA', { team: teamId.A, email: fresh(), role: 'reviewer' })).json);
      expect((await call(as('leadB'), 'DELETE', `/v1/admin/invites/${cancelled.invite.id}`)).status).toBe(404);
      expect((await call(as('leadA'), 'DELETE', `/v1/admin/invites/${cancelled.invite.id}`)).status).toBe(200);
      expect((await redeem(cancelled.code)).status).toBe(410);
    });

    it('two redemptions of one code at once: exactly one token', async () => {
      const { code } = inviteResponseSchema.parse((await invite('admin', { team: teamId.B, email: fresh(), role: 'agent' })).json);
      const answers = await Promise.all([redeem(code), redeem(code), redeem(code)]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 410, 410]);
    });

    describe('a code is worth, when redeemed, only what its maker could give at that moment', () => {
      const tokensOf = async (email: string) =>
        Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tokens k JOIN users u ON u.id = k.user_id WHERE u.email = $1', [email]))[0]!.n);
      /** Their role in each team, by team id. */
      const teamsOfPerson = async (email: string) =>
        Object.fromEntries(
          (await db.query<{ team_id: string; role: string }>('SELECT m.team_id, m.role FROM team_members m JOIN users u ON u.id = m.user_id WHERE u.email = $1', [email])).map(
            (r) => [r.team_id, r.role],
          ),
        );
      /** A new person, invited by `who` and redeemed: their token and id. */
      async function joined(who: Who, team: 'A' | 'B', role: string, email = fresh()) {
        const made = await invite(who, { team: teamId[team], email, role });
        expect(made.status).toBe(201);
        const answer = await redeem(inviteResponseSchema.parse(made.json).code);
        expect(answer.status).toBe(201);
        const { token: own, me } = redeemResponseSchema.parse(answer.json);
        return { email, token: own, id: me.user.id };
      }
      const expectRefused = (answer: { status: number; json: any }) => {
        expect(answer.status).toBe(410);
        expect(answer.json).toEqual({ error: 'gone', message: expect.stringMatching(/no longer holds.*ask for a new one/) });
        // Nothing of the account or its teams to whoever holds the code.
        expect(JSON.stringify(answer.json)).not.toMatch(new RegExp(`${teamId.B}|\\bB\\b|lead|token`));
      };

      it('lead A keeps the code of a newcomer an admin has since made lead of team B: it gives no token, and their role and teams stay', async () => {
        const email = fresh();
        const { code } = inviteResponseSchema.parse((await invite('leadA', { team: teamId.A, email, role: 'agent' })).json);
        await joined('admin', 'B', 'lead', email);
        expect(await tokensOf(email)).toBe(1);

        expectRefused(await redeem(code));
        expect((await findUserByEmail(db, email))!.role).toBe('lead');
        expect(await teamsOfPerson(email)).toEqual({ [teamId.B]: 'lead' });
        expect(await tokensOf(email)).toBe(1);
        // The refused invite is cancelled: gone from lead A's list, and spent.
        const listed = adminTeamsResponseSchema.parse((await call(as('leadA'), 'GET', '/v1/admin/teams')).json);
        expect(listed.teams[0]!.invites.map((i) => i.email)).not.toContain(email);
        expect((await redeem(code)).status).toBe(410);
        // A new invite says why, to the lead who asks.
        expect((await invite('leadA', { team: teamId.A, email, role: 'agent' })).status).toBe(409);
      });

      it('an agent the lead managed, since put in another team too: the lead’s open code for them is refused', async () => {
        const agent = await joined('leadA', 'A', 'agent');
        // A second browser for the agent: legitimate while lead A manages every team of theirs.
        const { code } = inviteResponseSchema.parse((await invite('leadA', { team: teamId.A, email: agent.email, role: 'agent' })).json);
        expect(redeemResponseSchema.parse((await redeem(code)).json).me.user.id).toBe(agent.id);

        const { code: later } = inviteResponseSchema.parse((await invite('leadA', { team: teamId.A, email: agent.email, role: 'agent' })).json);
        expect((await redeem(inviteResponseSchema.parse((await invite('admin', { team: teamId.B, email: agent.email, role: 'agent' })).json).code)).status).toBe(201);
        const before = await tokensOf(agent.email);
        expectRefused(await redeem(later));
        expect(await tokensOf(agent.email)).toBe(before);
        expect(await teamsOfPerson(agent.email)).toEqual({ [teamId.A]: 'agent', [teamId.B]: 'agent' });
      });

      it('a lead removed from their team since: their open invites give nobody a token', async () => {
        const lead = await joined('admin', 'A', 'lead');
        const made = await call(lead.token, 'POST', '/v1/admin/invites', { team: teamId.A, email: fresh(), role: 'reviewer' });
        expect(made.status).toBe(201);
        const { code, invite: pending } = inviteResponseSchema.parse(made.json);
        expect((await call(as('admin'), 'DELETE', `/v1/admin/teams/${teamId.A}/members/${lead.id}`)).status).toBe(200);

        expectRefused(await redeem(code));
        expect(await findUserByEmail(db, pending.email)).toBeNull();
      });

      it('an invite raises an account’s role, never lowers it: an admin’s invite puts a lead of B into A as an agent, and they still lead B', async () => {
        const lead = await joined('admin', 'B', 'lead');
        const answer = await redeem(inviteResponseSchema.parse((await invite('admin', { team: teamId.A, email: lead.email, role: 'agent' })).json).code);
        expect(answer.status).toBe(201);
        expect(redeemResponseSchema.parse(answer.json).me.user.role).toBe('lead');
        expect((await findUserByEmail(db, lead.email))!.role).toBe('lead');
        expect(await teamsOfPerson(lead.email)).toEqual({ [teamId.A]: 'agent', [teamId.B]: 'lead' });
        // They still read team B as its lead: its open invites, say.
        expect((await call(lead.token, 'GET', '/v1/admin/teams')).status).toBe(200);

        // A lead's invite raises an agent they manage to reviewer, as a role change of theirs would.
        const agent = await joined('leadA', 'A', 'agent');
        const raised = await redeem(inviteResponseSchema.parse((await invite('leadA', { team: teamId.A, email: agent.email, role: 'reviewer' })).json).code);
        expect(redeemResponseSchema.parse(raised.json).me.user.role).toBe('reviewer');
      });

      it('legitimate invites of existing accounts still work: an admin puts a reviewer into a second team; a lead connects a managed agent’s new browser', async () => {
        const reviewer = await joined('leadA', 'A', 'reviewer');
        const second = await redeem(inviteResponseSchema.parse((await invite('admin', { team: teamId.B, email: reviewer.email, role: 'reviewer' })).json).code);
        expect(second.status).toBe(201);
        expect(redeemResponseSchema.parse(second.json).me.teams.map((t) => t.name)).toEqual(['A', 'B']);

        const agent = await joined('leadA', 'A', 'agent');
        const again = await redeem(inviteResponseSchema.parse((await invite('leadA', { team: teamId.A, email: agent.email, role: 'agent' })).json).code);
        expect(again.status).toBe(201);
        const newBrowser = redeemResponseSchema.parse(again.json).token;
        // Both browsers sync: the new token is one more, not a replacement.
        expect((await call(newBrowser, 'GET', '/v1/me')).status).toBe(200);
        expect((await call(agent.token, 'GET', '/v1/me')).status).toBe(200);
      });
    });

    it('who may invite whom: admins anyone anywhere; leads reviewers and agents into their own teams; others nobody', async () => {
      expect((await invite('admin', { team: teamId.B, email: fresh(), role: 'lead' })).status).toBe(201);
      expect((await invite('leadA', { team: teamId.A, email: fresh(), role: 'reviewer' })).status).toBe(201);
      // Another team looks the same as a team that does not exist.
      expect((await invite('leadA', { team: teamId.B, email: fresh(), role: 'agent' })).json.message).toBe(
        (await invite('leadA', { team: 'no-such-team', email: fresh(), role: 'agent' })).json.message,
      );
      expect((await invite('leadA', { team: teamId.B, email: fresh(), role: 'agent' })).status).toBe(404);
      expect((await invite('leadA', { team: teamId.A, email: fresh(), role: 'lead' })).status).toBe(403);
      expect((await invite('leadA', { team: teamId.A, email: fresh(), role: 'admin' })).status).toBe(403);
      for (const who of ['revA', 'agentA'] as const) expect((await invite(who, { team: teamId.A, email: fresh(), role: 'agent' })).status).toBe(403);
      expect((await call(null, 'POST', '/v1/admin/invites', { team: teamId.A, email: fresh(), role: 'agent' })).status).toBe(401);
      // An account the lead does not manage: the code would be a token for it.
      for (const who of ['agentB', 'revAB', 'leadB', 'admin'] as const) {
        expect((await invite('leadA', { team: teamId.A, email: mail(who), role: 'agent' })).status).toBe(409);
      }
      const bad = await invite('leadA', { team: teamId.A, email: 'not-an-email', role: 'agent' });
      expect(bad.status).toBe(400);
      expect(bad.json.issues[0].path).toBe('email');
    });

    it('lists the teams each role administers: admin all, lead theirs, reviewers and agents none', async () => {
      const admin = adminTeamsResponseSchema.parse((await call(as('admin'), 'GET', '/v1/admin/teams')).json);
      expect(admin.teams.map((t) => t.name)).toEqual(['A', 'B']);
      expect(admin.grantable).toEqual(['admin', 'lead', 'reviewer', 'agent']);
      const lead = adminTeamsResponseSchema.parse((await call(as('leadA'), 'GET', '/v1/admin/teams')).json);
      expect(lead.teams.map((t) => t.name)).toEqual(['A']);
      expect(lead.grantable).toEqual(['reviewer', 'agent']);
      const members = Object.fromEntries(lead.teams[0]!.members.map((m) => [m.email, m.manageable]));
      expect(members).toMatchObject({ [mail('agentA')]: true, [mail('revA')]: true, [mail('revAB')]: false, [mail('leadA')]: false });
      expect(members[mail('agentB')]).toBeUndefined();
      for (const who of ['revA', 'agentA', 'revAB'] as const) expect((await call(as(who), 'GET', '/v1/admin/teams')).status).toBe(403);
      expect((await call(null, 'GET', '/v1/admin/teams')).status).toBe(401);
    });

    it('changing roles: a lead within their teams and up to reviewer; an admin anyone but themself', async () => {
      const role = (who: Who, target: Who, r: string) => call(as(who), 'PUT', `/v1/admin/users/${userId[target]}/role`, { role: r });
      expect((await role('leadA', 'agentA', 'reviewer')).status).toBe(200);
      expect((await findUserByEmail(db, mail('agentA')))!.role).toBe('reviewer');
      expect((await role('leadA', 'agentA', 'agent')).status).toBe(200);
      expect((await role('leadA', 'agentA', 'lead')).status).toBe(403);
      expect((await role('leadA', 'agentB', 'reviewer')).status).toBe(404);
      expect((await role('leadA', 'revAB', 'agent')).status).toBe(404);
      expect((await role('leadA', 'leadB', 'agent')).status).toBe(404);
      expect((await role('leadA', 'leadA', 'admin')).status).toBe(403);
      expect((await role('revA', 'agentA', 'reviewer')).status).toBe(403);
      expect((await role('agentA', 'agentA', 'reviewer')).status).toBe(403);
      expect((await role('admin', 'admin', 'agent')).status).toBe(403);
      const bad = await role('admin', 'agentA', 'boss');
      expect(bad.status).toBe(400);
      expect(bad.json.issues[0].path).toBe('role');
      expect((await role('admin', 'revAB', 'lead')).status).toBe(200);
      expect((await role('admin', 'revAB', 'reviewer')).status).toBe(200);
    });

    it('a co-lead — a reviewer by account who leads the team — is an admin’s to manage: a lead neither demotes, revokes, removes nor re-invites them', async () => {
      const email = fresh();
      const colead = (await addUser(db, { email, name: 'Co-lead', role: 'reviewer', teams: [] })).id;
      await setMember(db, { email, team: 'A', role: 'lead' });
      expect((await call(as('leadA'), 'PUT', `/v1/admin/users/${colead}/role`, { role: 'agent' })).status).toBe(404);
      expect((await call(as('leadA'), 'POST', `/v1/admin/users/${colead}/revoke-tokens`)).status).toBe(404);
      expect((await call(as('leadA'), 'DELETE', `/v1/admin/teams/${teamId.A}/members/${colead}`)).status).toBe(403);
      expect((await invite('leadA', { team: teamId.A, email, role: 'agent' })).status).toBe(409);
      // The team list shows them as leading A, not manageable by lead A; an admin manages them.
      const listed = (await call(as('leadA'), 'GET', '/v1/admin/teams')).json.teams.find((t: { id: string }) => t.id === teamId.A);
      expect(listed.members.find((m: { email: string }) => m.email === email)).toMatchObject({ role: 'lead', manageable: false });
      expect((await call(as('admin'), 'DELETE', `/v1/admin/teams/${teamId.A}/members/${colead}`)).status).toBe(200);
    });

    it('revoking a stolen token takes effect at the next request, while the server runs', async () => {
      const email = fresh();
      const { code } = inviteResponseSchema.parse((await invite('leadA', { team: teamId.A, email, role: 'reviewer' })).json);
      const stolen = redeemResponseSchema.parse((await redeem(code)).json);
      expect((await call(stolen.token, 'GET', '/v1/sync/pull?since=0')).status).toBe(200);
      const id = stolen.me.user.id;
      expect((await call(as('leadB'), 'POST', `/v1/admin/users/${id}/revoke-tokens`)).status).toBe(404);
      expect((await call(as('revA'), 'POST', `/v1/admin/users/${id}/revoke-tokens`)).status).toBe(403);
      const revoked = await call(as('leadA'), 'POST', `/v1/admin/users/${id}/revoke-tokens`);
      expect(revoked).toEqual({ status: 200, json: { ok: true, revokedTokens: 1 } });
      expect((await call(stolen.token, 'GET', '/v1/sync/pull?since=0')).status).toBe(401);
      // The same from the CLI still works for the first admin (PostgreSQL: beside the running server).
      if (db.kind === 'postgres') {
        const out: string[] = [];
        const fresh2 = await createToken(db, email);
        expect(await runCommand(db, ['token', 'revoke', fresh2.prefix], { out: (l) => out.push(l), err: () => undefined })).toBe(0);
        expect((await call(fresh2.token, 'GET', '/v1/me')).status).toBe(401);
      }
    });

    it('removing a member: a lead removes reviewers and agents of their team; left in no team, their next sync is refused', async () => {
      const email = fresh();
      const { code } = inviteResponseSchema.parse((await invite('leadA', { team: teamId.A, email, role: 'agent' })).json);
      const person = redeemResponseSchema.parse((await redeem(code)).json);
      const remove = (who: Who, team: 'A' | 'B', id: string) => call(as(who), 'DELETE', `/v1/admin/teams/${teamId[team]}/members/${id}`);
      expect((await remove('leadB', 'A', person.me.user.id)).status).toBe(404);
      expect((await remove('revA', 'A', person.me.user.id)).status).toBe(403);
      expect((await remove('leadA', 'A', userId.leadA)).status).toBe(403);
      expect((await remove('leadA', 'B', userId.agentB)).status).toBe(404);
      expect(await remove('leadA', 'A', person.me.user.id)).toEqual({ status: 200, json: { ok: true, revokedTokens: 1 } });
      expect((await call(person.token, 'GET', '/v1/sync/pull?since=0')).status).toBe(401);

      // Someone still in another team keeps their token: lead B still counts on them.
      expect(await remove('leadA', 'A', userId.revAB)).toEqual({ status: 200, json: { ok: true, revokedTokens: 0 } });
      expect((await call(as('revAB'), 'GET', '/v1/me')).json.teams.map((t: { name: string }) => t.name)).toEqual(['B']);
    });
  });
}
