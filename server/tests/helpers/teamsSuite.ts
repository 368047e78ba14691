// Issue 13's verified attacks on team isolation, each over real HTTP as the attacker made it: run
// inside serverSuite (PGlite and PostgreSQL), with two teams of its own (X and Y), a reviewer in both
// and one in none.
import { beforeAll, describe, expect, it } from 'vitest';
import { kindOf, type DocOf, type KindName } from '../../../lib/model/kinds';
import { pullResponseSchema, pushResponseSchema, type SyncChange } from '../../../lib/model/sync';
import { newDraftFrom, publish } from '../../../lib/scorecards';
import { templates } from '../../../lib/scorecards/templates';
import { addTeam, addUser, createToken } from '../../src/admin';
import type { Db } from '../../src/db';
import { review, scorecard, selfCheck } from './docs';

interface Answer {
  status: number;
  json: unknown;
  text: string;
}

export interface TeamsSuiteContext {
  db(): Db;
  call(bearer: string, method: string, path: string, body?: unknown): Promise<Answer>;
}

const P = {
  leadX: 'lead.x@arvio.test',
  revX: 'rev.x@arvio.test',
  agentX: 'agent.x@arvio.test',
  agentX2: 'agent2.x@arvio.test',
  leadY: 'lead.y@arvio.test',
  agentY: 'agent.y@arvio.test',
  revXY: 'rev.xy@arvio.test',
  revNone: 'rev.none@arvio.test',
} as const;
type Person = keyof typeof P;

export function teamsSuite(ctx: TeamsSuiteContext): void {
  describe('teams own data: the attacks of issue 13, over HTTP', () => {
    const token = {} as Record<Person, string>;
    const team = { X: '', Y: '' };
    let n = 0;
    const uid = (prefix: string) => `${prefix}-${++n}-${Math.random().toString(36).slice(2, 8)}`;

    beforeAll(async () => {
      const db = ctx.db();
      team.X = (await addTeam(db, 'Team X')).id;
      team.Y = (await addTeam(db, 'Team Y')).id;
      const people: Record<Person, [role: string, teams: string[]]> = {
        leadX: ['lead', ['Team X']],
        revX: ['reviewer', ['Team X']],
        agentX: ['agent', ['Team X']],
        agentX2: ['agent', ['Team X']],
        leadY: ['lead', ['Team Y']],
        agentY: ['agent', ['Team Y']],
        revXY: ['reviewer', ['Team X', 'Team Y']],
        revNone: ['reviewer', []],
      };
      for (const [who, [role, teams]] of Object.entries(people) as Array<[Person, [string, string[]]]>) {
        await addUser(db, { email: P[who], name: who, role, teams });
        token[who] = (await createToken(db, P[who])).token;
      }
    });

    const change = <C extends KindName>(collection: C, doc: DocOf<C>, baseRevision: number | null = null): SyncChange =>
      ({ collection, id: kindOf(collection).syncId(doc), baseRevision, doc }) as SyncChange;
    const push = (who: Person, changes: SyncChange[]) => ctx.call(token[who], 'POST', '/v1/sync/push', { changes });
    async function ids(who: Person): Promise<string[]> {
      const out: string[] = [];
      for (let since = 0; ; ) {
        const answer = await ctx.call(token[who], 'GET', `/v1/sync/pull?since=${since}&limit=1000`);
        expect(answer.status, answer.text).toBe(200);
        const page = pullResponseSchema.parse(answer.json);
        out.push(...page.docs.map((d) => d.id));
        since = page.checkpoint;
        if (!page.more) return out;
      }
    }
    async function accepted(who: Person, changes: SyncChange[]): Promise<void> {
      const answer = await push(who, changes);
      expect(answer.status, answer.text).toBe(200);
      expect(pushResponseSchema.parse(answer.json).results.map((r) => r.status)).toEqual(changes.map(() => 'accepted'));
    }
    async function refused(who: Person, changes: SyncChange[], because: RegExp): Promise<void> {
      const answer = await push(who, changes);
      expect(answer.status, answer.text).toBe(403);
      expect(answer.text).toMatch(because);
    }

    it('1. a reviewer cannot inject a review of another team’s agent, in any team or none; a reviewer in no team reviews nobody', async () => {
      const about = (reviewer: string, over: Partial<DocOf<'reviews'>>) => review(uid('inject'), reviewer, P.agentY, over);
      const attempts: Array<[Person, DocOf<'reviews'>]> = [
        ['revX', about(P.revX, { team: team.Y })],
        ['revX', about(P.revX, { team: team.X })],
        ['revX', about(P.revX, { team: null })],
        ['revNone', about(P.revNone, { team: team.Y })],
        ['revNone', about(P.revNone, { team: null })],
      ];
      for (const [who, doc] of attempts) await refused(who, [change('reviews', doc)], /not a member|one of your teams/);
      // Nothing reached the agent or their lead.
      for (const who of ['agentY', 'leadY'] as const) {
        const seen = await ids(who);
        for (const [, doc] of attempts) expect(seen, who).not.toContain(doc.id);
      }
      // Their own team's reviewer still reviews them.
      await accepted('revXY', [change('reviews', review(uid('own'), P.revXY, P.agentY, { team: team.Y }))]);
    });

    it('2. one team cannot publish into another team’s scorecard series; the owning team’s next version goes through', async () => {
      const id = uid('card-y');
      const v1 = scorecard(id, 1, { team: team.Y, passMark: 80 });
      expect((await ctx.call(token.leadY, 'PUT', '/v1/scorecards', { scorecard: v1 })).status).toBe(201);
      // Team X does not even see team Y's cards.
      expect(JSON.stringify((await ctx.call(token.leadX, 'GET', '/v1/scorecards')).json)).not.toContain(id);
      const hijack = scorecard(id, 2, { team: team.X, passMark: 0 });
      const inX = await ctx.call(token.leadX, 'PUT', '/v1/scorecards', { scorecard: hijack });
      expect(inX.status, inX.text).toBe(403);
      expect(inX.text).toMatch(/series belongs to another team/);
      const inY = await ctx.call(token.leadX, 'PUT', '/v1/scorecards', { scorecard: { ...hijack, team: team.Y } });
      expect(inY.status, inY.text).toBe(403);
      const own = await ctx.call(token.leadY, 'PUT', '/v1/scorecards', { scorecard: scorecard(id, 2, { team: team.Y, passMark: 85 }) });
      expect(own.status, own.text).toBe(201);
      const cards = (await ctx.call(token.agentY, 'GET', '/v1/scorecards')).json as { scorecards: Array<{ id: string; doc: { passMark: number } }> };
      expect(cards.scorecards.find((c) => c.id === `${id}@2`)?.doc.passMark).toBe(85);
    });

    it('2b. two teams’ leads each edit the same built-in scorecard: each edit is its team’s own series, both go through, and each team reads its own only', async () => {
      const builtIn = templates.find((t) => t.id === 'tpl-call-en')!;
      const at = new Date('2026-03-01T09:00:00.000Z');
      // What each lead's options page does: the edit (in a profile that publishes into the lead's team), then Publish.
      const edited = (lead: 'X' | 'Y', passMark: number) => ({ ...publish(newDraftFrom(builtIn, at, team[lead]), at, team[lead]), passMark });
      const x = edited('X', 70);
      const y = edited('Y', 90);
      await accepted('leadX', [change('scorecards', x)]);
      await accepted('leadY', [change('scorecards', y)]);
      const cardsOf = async (who: Person) =>
        ((await ctx.call(token[who], 'GET', '/v1/scorecards')).json as { scorecards: Array<{ id: string; doc: { passMark: number } }> }).scorecards.filter((c) => c.id.startsWith(builtIn.id));
      expect((await cardsOf('agentX')).map((c) => [c.id, c.doc.passMark])).toEqual([[`${x.id}@2`, 70]]);
      expect((await cardsOf('agentY')).map((c) => [c.id, c.doc.passMark])).toEqual([[`${y.id}@2`, 90]]);
      // Each team's next version stays in its own series.
      await accepted('leadY', [change('scorecards', { ...publish(newDraftFrom(y, at, team.Y), at, team.Y), passMark: 95 })]);
      expect((await cardsOf('leadX')).map((c) => c.id)).toEqual([`${x.id}@2`]);
    });

    it('3. a review a reviewer of two teams writes in one team is read by that team, never by members of the other only', async () => {
      const doc = review(uid('multi'), P.revXY, P.agentY, { team: team.Y });
      await accepted('revXY', [change('reviews', doc)]);
      for (const who of ['leadY', 'agentY', 'revXY'] as const) expect(await ids(who), who).toContain(doc.id);
      for (const who of ['leadX', 'revX', 'agentX'] as const) expect(await ids(who), who).not.toContain(doc.id);
      const exported = await ctx.call(token.leadX, 'GET', '/v1/export/reviews?format=json');
      expect(exported.status).toBe(200);
      expect(exported.text).not.toContain(doc.id);
    });

    it('6. an agent cannot squat the self-check id another agent’s self-check of the same ticket will have', async () => {
      const victims = selfCheck(uid('ticket'), P.agentX, { team: team.X });
      // Under the victim's id, as the squatter: the id names the agent, so the schema refuses it ...
      const asSelf = await push('agentX2', [change('selfChecks', { ...victims, agent: { id: P.agentX2, name: 'agentX2' } })]);
      expect(asSelf.status, asSelf.text).toBe(400);
      // ... and in the victim's name, the server does.
      await refused('agentX2', [change('selfChecks', victims)], /agent they belong to/);
      await accepted('agentX', [change('selfChecks', victims)]);
    });
  });
}
