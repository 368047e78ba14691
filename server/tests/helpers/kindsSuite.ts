// The write rules and read grants of calibration, coaching, disputes and ideas, per role, over real
// HTTP: run inside serverSuite (so on PGlite and on PostgreSQL), in a team of its own.
import { beforeAll, describe, expect, it } from 'vitest';
import { agree, reveal } from '../../../lib/calibration/session';
import { calibrationRatingsId } from '../../../lib/model/calibration';
import { coachingSessionSchema } from '../../../lib/model/coaching';
import { kindOf, type DocOf, type KindName } from '../../../lib/model/kinds';
import { pullResponseSchema, pushResponseSchema, type SyncChange } from '../../../lib/model/sync';
import { addTeam, addUser, createToken } from '../../src/admin';
import type { Db } from '../../src/db';
import { push } from '../../src/store';
import * as fixtures from './docs';
import { calibrationSession, idea } from './docs';

interface Answer {
  status: number;
  json: unknown;
  text: string;
}

export interface KindsSuiteContext {
  db(): Db;
  /** An HTTP call with a bearer token (or a name the caller's suite knows). */
  call(bearer: string, method: string, path: string, body?: unknown): Promise<Answer>;
  /** A bearer token of the enclosing suite's people: `lead` leads Team A, `rev2` and `agent2` are of Team B. */
  outsider(who: 'admin' | 'lead' | 'rev2' | 'agent2'): string;
}

const K = {
  lead: 'lead.k@arvio.test',
  rev1: 'rev1.k@arvio.test',
  rev2: 'rev2.k@arvio.test',
  agent1: 'agent1.k@arvio.test',
  agent2: 'agent2.k@arvio.test',
  /** A reviewer of the team named by none of the sessions below (rev4 is named as a facilitator only). */
  rev3: 'rev3.k@arvio.test',
  rev4: 'rev4.k@arvio.test',
} as const;
type Member = keyof typeof K;
type Person = Member | 'leadA' | 'rev2B' | 'agent2B' | 'admin';
const at = (minute: number) => `2026-03-0${3 + Math.floor(minute / 1440)}T${String(Math.floor((minute % 1440) / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`;

export function kindsSuite(ctx: KindsSuiteContext): void {
  describe('calibration, coaching, disputes and ideas: who may write and read them', () => {
    const token = {} as Record<Person, string>;
    let team = '';
    let otherTeam = '';
    let teamB = '';
    let n = 0;
    const uid = (prefix: string) => `${prefix}-${++n}-${Math.random().toString(36).slice(2, 8)}`;

    beforeAll(async () => {
      const db = ctx.db();
      team = (await addTeam(db, 'Team K')).id;
      otherTeam = String((await db.query<{ id: string }>("SELECT id FROM teams WHERE name = 'Team A'"))[0]!.id);
      teamB = String((await db.query<{ id: string }>("SELECT id FROM teams WHERE name = 'Team B'"))[0]!.id);
      const roles: Record<Member, string> = { lead: 'lead', rev1: 'reviewer', rev2: 'reviewer', agent1: 'agent', agent2: 'agent', rev3: 'reviewer', rev4: 'reviewer' };
      for (const [who, role] of Object.entries(roles) as Array<[Member, string]>) {
        await addUser(db, { email: K[who], name: who, role, teams: ['Team K'] });
        token[who] = (await createToken(db, K[who])).token;
      }
      token.leadA = ctx.outsider('lead');
      token.rev2B = ctx.outsider('rev2');
      token.agent2B = ctx.outsider('agent2');
      token.admin = ctx.outsider('admin');
    });

    // The fixtures, in Team K unless a test says otherwise.
    const calibrationRatings = (...[sessionId, participant, ticketKey, over]: Parameters<typeof fixtures.calibrationRatings>) =>
      fixtures.calibrationRatings(sessionId, participant, ticketKey, { team, ...over });
    const coachingForm = (id: string, version: number) => fixtures.coachingForm(id, version, { team });
    const coachingSession = (...[id, coach, agent, over]: Parameters<typeof fixtures.coachingSession>) => fixtures.coachingSession(id, coach, agent, { team, ...over });
    const coachingAction = (...[id, sessionId, coach, agent]: Parameters<typeof fixtures.coachingAction>) => fixtures.coachingAction(id, sessionId, coach, agent, { team });
    const coachingNotes = (...[sessionId, coach, agent]: Parameters<typeof fixtures.coachingNotes>) => fixtures.coachingNotes(sessionId, coach, agent, { team });
    const dispute = (...[reviewId, agent, reviewer, over]: Parameters<typeof fixtures.dispute>) => fixtures.dispute(reviewId, agent, reviewer, { team, ...over });
    const review = (...[id, reviewer, reviewee, over]: Parameters<typeof fixtures.review>) => fixtures.review(id, reviewer, reviewee, { team, ...over });

    const change = <C extends KindName>(collection: C, doc: DocOf<C>, baseRevision: number | null = null): SyncChange =>
      ({ collection, id: kindOf(collection).syncId(doc), baseRevision, doc }) as SyncChange;
    const lastSeq = async () => Number((await ctx.db().query<{ s: unknown }>('SELECT coalesce(max(seq), 0) AS s FROM docs'))[0]!.s);

    async function accepted(who: Person, changes: SyncChange[]): Promise<number[]> {
      const answer = await ctx.call(token[who], 'POST', '/v1/sync/push', { changes });
      expect(answer.status, answer.text).toBe(200);
      const results = pushResponseSchema.parse(answer.json).results;
      expect(results.map((r) => r.status)).toEqual(changes.map(() => 'accepted'));
      return results.map((r) => (r.status === 'accepted' ? r.revision : 0));
    }

    /** Refused with 403 (409: a field nobody may change) naming why (`because` is a part of the reason); nothing stored. */
    async function refused(who: Person, changes: SyncChange[], because: string | RegExp, status: 403 | 409 = 403): Promise<void> {
      const before = await lastSeq();
      const answer = await ctx.call(token[who], 'POST', '/v1/sync/push', { changes });
      expect(answer.status, answer.text).toBe(status);
      expect(answer.text).toMatch(because);
      expect(await lastSeq()).toBe(before);
    }

    /** The ids of the docs of one kind the person pulls after `since`. */
    async function pulled(who: Person, collection: KindName, since: number): Promise<string[]> {
      const ids: string[] = [];
      for (let checkpoint = since; ; ) {
        const answer = await ctx.call(token[who], 'GET', `/v1/sync/pull?since=${checkpoint}&limit=500`);
        expect(answer.status, answer.text).toBe(200);
        const page = pullResponseSchema.parse(answer.json);
        ids.push(...page.docs.filter((d) => d.collection === collection).map((d) => d.id));
        checkpoint = page.checkpoint;
        if (!page.more) return ids;
      }
    }

    async function readers(collection: KindName, id: string, since: number, people: readonly Person[]): Promise<Person[]> {
      const out: Person[] = [];
      for (const who of people) if ((await pulled(who, collection, since)).includes(id)) out.push(who);
      return out;
    }
    const EVERYONE: Person[] = ['lead', 'rev1', 'rev2', 'agent1', 'agent2', 'leadA', 'rev2B', 'agent2B'];

    describe('calibration', () => {
      const session = (over: Parameters<typeof calibrationSession>[3] = {}) =>
        calibrationSession(uid('cal'), K.lead, team, { participants: [K.lead, K.rev1, K.rev2], ...over });

      it('the participants’ alignments go to the session’s people and the leads; a reviewer of the team outside the session gets it without them', async () => {
        const since = await lastSeq();
        const doc = session({ participants: [K.lead, K.rev1] });
        await accepted('lead', [change('calibrationSessions', doc)]);
        const revealed = { ...doc, status: 'revealed' as const, revealedAt: at(10), updatedAt: at(10) };
        await accepted('lead', [change('calibrationSessions', revealed, 1)]);
        const alignments = [
          { participant: K.lead, alignment: 1, rated: 2 },
          { participant: K.rev1, alignment: 0, rated: 2 },
        ];
        const agreed = { ...revealed, agreed: [{ ticketKey: 'zendesk:101', criterionId: 'greet', value: 2, na: false }], alignments, updatedAt: at(11) };
        await accepted('lead', [change('calibrationSessions', agreed, 2)]);
        const sessionAs = async (who: Person) => {
          const answer = await ctx.call(token[who], 'GET', `/v1/sync/pull?since=${since}&limit=500`);
          return pullResponseSchema.parse(answer.json).docs.find((d) => d.id === doc.id)?.doc as Record<string, unknown> | undefined;
        };
        expect(await sessionAs('rev2')).toMatchObject({ agreed: agreed.agreed, alignments: [] });
        for (const who of ['lead', 'rev1', 'admin'] as const) expect(await sessionAs(who), who).toMatchObject({ alignments });
      });

      it('a cancelled session stays cancelled', async () => {
        const doc = session();
        await accepted('lead', [change('calibrationSessions', doc)]);
        const cancelled = { ...doc, status: 'cancelled' as const, updatedAt: at(10) };
        await accepted('lead', [change('calibrationSessions', cancelled, 1)]);
        await refused('lead', [change('calibrationSessions', { ...cancelled, status: 'open' as const, updatedAt: at(11) }, 2)], 'stays cancelled');
      });

      it('clarifications are signed by their writer, keep their text, and only a lead retires one', async () => {
        const doc = session({ facilitator: K.rev1 });
        await accepted('lead', [change('calibrationSessions', doc)]);
        const revealed = { ...doc, status: 'revealed' as const, revealedAt: at(10), updatedAt: at(10) };
        await accepted('rev1', [change('calibrationSessions', revealed, 1)]);
        const clarification = { criterionId: 'greet', text: 'A greeting without the name is Partly', by: K.rev1, at: at(11), retiredAt: null };
        // The facilitator may not sign one in another's name.
        await refused('rev1', [change('calibrationSessions', { ...revealed, clarifications: [{ ...clarification, by: K.lead }], updatedAt: at(11) }, 2)], 'signed by its writer');
        const clarified = { ...revealed, clarifications: [clarification], updatedAt: at(11) };
        await accepted('rev1', [change('calibrationSessions', clarified, 2)]);
        await refused('rev1', [change('calibrationSessions', { ...clarified, clarifications: [{ ...clarification, text: 'Changed' }], updatedAt: at(12) }, 3)], 'keeps its text');
        await refused('rev1', [change('calibrationSessions', { ...clarified, clarifications: [], updatedAt: at(12) }, 3)], 'a saved clarification stays');
        await refused('rev1', [change('calibrationSessions', { ...clarified, clarifications: [{ ...clarification, retiredAt: at(12) }], updatedAt: at(12) }, 3)], 'only a lead retires');
        await accepted('lead', [change('calibrationSessions', { ...clarified, clarifications: [{ ...clarification, retiredAt: at(12) }], updatedAt: at(12) }, 3)]);
      });

      it('a lead starts a session for the team: its reviewers and leads read it; agents and other teams do not', async () => {
        const since = await lastSeq();
        const doc = session();
        await accepted('lead', [change('calibrationSessions', doc)]);
        expect(await readers('calibrationSessions', doc.id, since, EVERYONE)).toEqual(['lead', 'rev1', 'rev2']);
        // A reviewer starts one when the lead allows it in the team's settings; another reviewer does not.
        await accepted('lead', [change('teamSettings', fixtures.teamSettings(team, K.lead, { calibrationStarters: [K.rev1] }))]);
        await accepted('rev1', [change('calibrationSessions', session({ startedBy: K.rev1, facilitator: K.rev1 }))]);
        await refused('rev2', [change('calibrationSessions', session({ startedBy: K.rev2, facilitator: K.rev2 }))], 'a reviewer its lead allows');
      });

      it('refuses sessions from agents, in another’s name, for another team, with outsiders, or already revealed', async () => {
        await refused('agent1', [change('calibrationSessions', session({ startedBy: K.agent1 }))], 'agents do not run calibration');
        await refused('rev1', [change('calibrationSessions', session())], 'own name');
        await refused('lead', [change('calibrationSessions', session({ team: otherTeam }))], 'one of your teams');
        await refused('lead', [change('calibrationSessions', session({ participants: [K.lead, 'rev2@arvio.test'] }))], 'rev2@arvio.test is not a member');
        await refused('lead', [change('calibrationSessions', session({ status: 'revealed', revealedAt: at(1) }))], 'starts open');
      });

      it('a participant neither sets the session up nor reveals it; the facilitator reveals, for good', async () => {
        const doc = session({ facilitator: K.rev1 });
        await accepted('lead', [change('calibrationSessions', doc)]);
        await refused('rev2', [change('calibrationSessions', { ...doc, deadline: at(2000) }, 1)], 'only the starter or a lead');
        await refused('rev2', [change('calibrationSessions', { ...doc, status: 'revealed', revealedAt: at(5) }, 1)], 'only the facilitator or a lead');
        const revealed = { ...doc, status: 'revealed' as const, revealedAt: at(5) };
        await accepted('rev1', [change('calibrationSessions', revealed, 1)]);
        await refused('rev1', [change('calibrationSessions', { ...revealed, deadline: at(2000) }, 2)], 'only the starter or a lead');
        await refused('lead', [change('calibrationSessions', { ...revealed, tickets: revealed.tickets.slice(0, 1) }, 2)], 'after the reveal');
        await refused('rev1', [change('calibrationSessions', { ...revealed, status: 'open', revealedAt: null }, 2)], 'cannot be taken back');
        const agreed = { ...revealed, status: 'closed' as const, agreed: [{ ticketKey: 'zendesk:101', criterionId: 'greet', value: 1, na: false }] };
        await accepted('rev1', [change('calibrationSessions', agreed, 2)]);
      });

      it('blind until the facilitator reveals: nobody reads another participant’s ratings, then every participant does — from where they left off', async () => {
        const doc = session();
        await accepted('lead', [change('calibrationSessions', doc)]);
        const since = await lastSeq();
        const rev1 = calibrationRatings(doc.id, K.rev1);
        await accepted('rev1', [change('calibrationRatings', rev1)]);
        const rev2 = calibrationRatings(doc.id, K.rev2);
        await accepted('rev2', [change('calibrationRatings', rev2)]);
        // Before the reveal a participant may still change their mind.
        const rev1b = { ...rev1, ratings: [{ criterionId: 'greet', value: 0, na: false, comment: 'no name' }], updatedAt: at(3) };
        await accepted('rev1', [change('calibrationRatings', rev1b, 1)]);
        expect(await readers('calibrationRatings', rev1.id, since, EVERYONE)).toEqual(['rev1']);
        expect(await readers('calibrationRatings', rev2.id, since, EVERYONE)).toEqual(['rev2']);
        const checkpoint = await lastSeq();

        await accepted('lead', [change('calibrationSessions', { ...doc, status: 'revealed', revealedAt: at(10) }, 1)]);
        // Pulling on from their checkpoints, participants and the lead now get the ratings they could not read before.
        expect(await readers('calibrationRatings', rev1.id, checkpoint, EVERYONE)).toEqual(['lead', 'rev1', 'rev2']);
        expect(await readers('calibrationRatings', rev2.id, checkpoint, EVERYONE)).toEqual(['lead', 'rev1', 'rev2']);
        await refused('rev1', [change('calibrationRatings', { ...rev1b, updatedAt: at(11) }, 2)], 'no longer takes ratings');
        await refused('lead', [change('calibrationRatings', calibrationRatings(doc.id, K.lead))], 'no longer takes ratings');
      });

      it('after-own-submit: a participant reads the others’ ratings of a ticket once they submitted their own of it', async () => {
        const doc = session({ revealMode: 'after-own-submit' });
        await accepted('lead', [change('calibrationSessions', doc)]);
        const rev1 = calibrationRatings(doc.id, K.rev1, 'zendesk:101');
        await accepted('rev1', [change('calibrationRatings', rev1)]);
        const checkpoint = await lastSeq();
        await accepted('rev2', [change('calibrationRatings', calibrationRatings(doc.id, K.rev2, 'zendesk:102'))]);
        expect(await pulled('rev2', 'calibrationRatings', checkpoint)).not.toContain(rev1.id);
        const rev2 = calibrationRatings(doc.id, K.rev2, 'zendesk:101');
        await accepted('rev2', [change('calibrationRatings', rev2)]);
        expect(await pulled('rev2', 'calibrationRatings', checkpoint)).toContain(rev1.id);
        expect(await pulled('rev1', 'calibrationRatings', checkpoint)).toContain(rev2.id);
        // The lead has not rated this ticket and the session is not revealed: still blind.
        expect(await pulled('lead', 'calibrationRatings', 0)).not.toContain(rev1.id);
        await refused('rev2', [change('calibrationRatings', { ...rev2, ratings: [], updatedAt: at(4) }, 1)], 'final');
      });

      it('after-own-submit: the reveal mode stays once ratings may have been shown, so ratings already submitted stay final', async () => {
        const doc = session({ facilitator: K.rev1, revealMode: 'after-own-submit' });
        await accepted('lead', [change('calibrationSessions', doc)]);
        const rev1 = calibrationRatings(doc.id, K.rev1, 'zendesk:101');
        await accepted('rev1', [change('calibrationRatings', rev1)]);
        await accepted('rev2', [change('calibrationRatings', calibrationRatings(doc.id, K.rev2, 'zendesk:101'))]);
        expect(await pulled('rev1', 'calibrationRatings', 0)).toContain(calibrationRatingsId(doc.id, K.rev2, 'zendesk:101'));
        const changedMind = change('calibrationRatings', { ...rev1, ratings: [{ criterionId: 'greet', value: 0, na: false, comment: 'after seeing rev2' }], updatedAt: at(4) }, 1);
        await refused('rev1', [changedMind], 'final');
        // Switching to the facilitator's reveal would make rev1's ratings changeable again: refused, for the facilitator and a lead alike.
        const switched = { ...doc, revealMode: 'facilitator-reveals' as const, updatedAt: at(5) };
        await refused('rev1', [change('calibrationSessions', switched, 1)], '(revealMode)', 409);
        await refused('lead', [change('calibrationSessions', switched, 1)], '(revealMode)', 409);
        await refused('rev1', [change('calibrationSessions', { ...switched, status: 'revealed', revealedAt: at(6) }, 1)], '(revealMode)', 409);
        await refused('rev1', [changedMind], 'final');
        // The reveal itself, the mode kept, is the facilitator's as ever.
        await accepted('rev1', [change('calibrationSessions', { ...doc, status: 'revealed', revealedAt: at(6), updatedAt: at(6) }, 1)]);
      });

      it('before the reveal the facilitator may still let each see the others’ ratings after submitting; never after it', async () => {
        const doc = session({ facilitator: K.rev1 });
        await accepted('lead', [change('calibrationSessions', doc)]);
        await accepted('rev2', [change('calibrationRatings', calibrationRatings(doc.id, K.rev2))]);
        const own = { ...doc, revealMode: 'after-own-submit' as const, updatedAt: at(5) };
        await accepted('rev1', [change('calibrationSessions', own, 1)]);
        await refused('rev1', [change('calibrationSessions', { ...own, revealMode: 'facilitator-reveals', updatedAt: at(6) }, 2)], '(revealMode)', 409);

        const other = session({ facilitator: K.rev1 });
        await accepted('lead', [change('calibrationSessions', other)]);
        const revealed = reveal(other, new Date(at(10)));
        await accepted('rev1', [change('calibrationSessions', revealed, 1)]);
        await refused('rev1', [change('calibrationSessions', { ...revealed, revealMode: 'after-own-submit', updatedAt: at(11) }, 2)], '(revealMode)', 409);
      });

      it('agreed ratings and alignments wait for the reveal: participants still scoring blind read the session', async () => {
        const doc = session({ facilitator: K.rev1 });
        await accepted('lead', [change('calibrationSessions', doc)]);
        const rev2 = calibrationRatings(doc.id, K.rev2);
        await accepted('rev2', [change('calibrationRatings', rev2)]);
        const since = await lastSeq();
        // The extension's own agree() on a session not revealed: it stays open, with the facilitator's view in it.
        const early = agree(doc, fixtures.scorecard('card-1', 1), [rev2], [{ ticketKey: 'zendesk:101', criterionId: 'greet', value: 0, na: false }], new Date(at(5)));
        expect(early.status).toBe('open');
        await refused('rev1', [change('calibrationSessions', early, 1)], '(agreed, alignments)');
        await refused('lead', [change('calibrationSessions', { ...doc, agreed: early.agreed, updatedAt: at(5) }, 1)], '(agreed)');
        await refused('rev1', [change('calibrationSessions', { ...doc, alignments: early.alignments, updatedAt: at(5) }, 1)], '(alignments)');
        expect(await pulled('rev2', 'calibrationSessions', since)).toEqual([]);
      });

      it('the extension’s own flow is accepted: reveal, agree in parts, closed once all is agreed — in two pushes or in one', async () => {
        const card = fixtures.scorecard('card-1', 1);
        const agreedOn = (ticketKey: string, value: number) => [{ ticketKey, criterionId: 'greet', value, na: false }];
        for (const revealMode of ['facilitator-reveals', 'after-own-submit'] as const) {
          const doc = session({ facilitator: K.rev1, revealMode });
          await accepted('lead', [change('calibrationSessions', doc)]);
          const ratings = [calibrationRatings(doc.id, K.rev1, 'zendesk:101'), calibrationRatings(doc.id, K.rev2, 'zendesk:101'), calibrationRatings(doc.id, K.rev2, 'zendesk:102')];
          for (const r of ratings) await accepted(r.participant === K.rev1 ? 'rev1' : 'rev2', [change('calibrationRatings', r)]);
          const revealed = reveal(doc, new Date(at(10)));
          await accepted('rev1', [change('calibrationSessions', revealed, 1)]);
          const part = agree(revealed, card, ratings, agreedOn('zendesk:101', 1), new Date(at(11)));
          expect(part.status).toBe('revealed');
          expect(part.alignments.length).toBeGreaterThan(0);
          await accepted('rev1', [change('calibrationSessions', part, 2)]);
          const closed = agree(part, card, ratings, agreedOn('zendesk:102', 0), new Date(at(12)));
          expect(closed.status).toBe('closed');
          await accepted('rev1', [change('calibrationSessions', closed, 3)]);
        }
        // Revealed and agreed on this computer before the push: one change, the reveal in it.
        const doc = session({ facilitator: K.rev1 });
        await accepted('lead', [change('calibrationSessions', doc)]);
        const ratings = [calibrationRatings(doc.id, K.rev2, 'zendesk:101')];
        await accepted('rev2', [change('calibrationRatings', ratings[0]!)]);
        await accepted('rev1', [change('calibrationSessions', agree(reveal(doc, new Date(at(10))), card, ratings, agreedOn('zendesk:101', 1), new Date(at(11))), 1)]);
      });

      it('only participants rate, in their own name, a ticket of the session, once submitted', async () => {
        const doc = session({ participants: [K.lead, K.rev1] });
        await accepted('lead', [change('calibrationSessions', doc)]);
        await refused('agent1', [change('calibrationRatings', calibrationRatings(doc.id, K.rev1))], 'only by their participant');
        await refused('rev1', [change('calibrationRatings', calibrationRatings(doc.id, K.lead))], 'only by their participant');
        await refused('rev2', [change('calibrationRatings', calibrationRatings(doc.id, K.rev2))], 'not a participant');
        // An outsider: not of the session's team; in their own team, the session is not theirs to see.
        await refused('rev2B', [change('calibrationRatings', calibrationRatings(doc.id, 'rev2@arvio.test'))], 'not a member of this team');
        await refused('rev2B', [change('calibrationRatings', calibrationRatings(doc.id, 'rev2@arvio.test', 'zendesk:101', { team: teamB }))], 'no such calibration session');
        await refused('rev1', [change('calibrationRatings', calibrationRatings(doc.id, K.rev1, 'zendesk:999'))], 'not part of the session');
        await refused('rev1', [change('calibrationRatings', calibrationRatings(doc.id, K.rev1, 'zendesk:101', { submittedAt: null }))], 'only submitted');
        // Deleted only by erasing the participant (the server's own edit), never sent deleted by them.
        await refused('rev1', [change('calibrationRatings', calibrationRatings(doc.id, K.rev1, 'zendesk:101', { deleted: true }))], 'not deleted');
      });

      it('a participant cannot withdraw submitted ratings by deleting them, before the reveal or after it', async () => {
        const doc = session({ participants: [K.rev1, K.rev2] });
        await accepted('lead', [change('calibrationSessions', doc)]);
        const rev1 = calibrationRatings(doc.id, K.rev1);
        await accepted('rev1', [change('calibrationRatings', rev1)]);
        // Still open, with the facilitator revealing: rev1 may change them, not delete them.
        await accepted('rev1', [change('calibrationRatings', { ...rev1, ratings: [{ criterionId: 'greet', value: 2, na: false, comment: '' }], updatedAt: at(2) }, 1)]);
        await refused('rev1', [change('calibrationRatings', { ...rev1, ratings: [], deleted: true, updatedAt: at(3) }, 2)], 'not deleted');
        await accepted('lead', [change('calibrationSessions', reveal(doc, new Date(at(4))), 1)]);
        await refused('rev1', [change('calibrationRatings', { ...rev1, ratings: [], deleted: true, updatedAt: at(5) }, 2)], /not deleted|no longer takes ratings/);
        expect(await pulled('lead', 'calibrationRatings', 0)).toContain(rev1.id);
      });

      it('before the reveal the server says only who submitted which ticket — to those who may read the session, never a rating', async () => {
        const doc = session({ participants: [K.rev1, K.rev2], facilitator: K.rev2 });
        await accepted('lead', [change('calibrationSessions', doc)]);
        await accepted('rev1', [change('calibrationRatings', calibrationRatings(doc.id, K.rev1, 'zendesk:102'))]);
        const submitted = async (who: Person) => ctx.call(token[who], 'GET', `/v1/calibration/${doc.id}/submitted`);
        const expected = { submitted: [{ participant: K.rev1, tickets: ['zendesk:102'] }, { participant: K.rev2, tickets: [] }] };
        for (const who of ['lead', 'rev1', 'rev2'] as const) {
          const answer = await submitted(who);
          expect(answer.status, `${who}: ${answer.text}`).toBe(200);
          expect(answer.json).toEqual(expected);
          expect(answer.text).not.toContain('ratings');
        }
        // Nobody but rev1 receives the ratings themselves, the facilitator and the lead included.
        expect(await readers('calibrationRatings', `${doc.id}|${K.rev1}|zendesk:102`, 0, EVERYONE)).toEqual(['rev1']);
        // Agents and other teams are told nothing, not even that the session exists.
        for (const who of ['agent1', 'agent2', 'leadA', 'rev2B', 'agent2B'] as const) expect((await submitted(who)).status, who).toBe(404);
        // Ratings the server deleted (erasing their participant does) are not submitted.
        const server = { id: 'system', email: 'system@arvio.invalid', name: 'Arvio', role: 'admin' } as const;
        const gone = calibrationRatings(doc.id, K.rev1, 'zendesk:102', { ratings: [], deleted: true });
        const [deleted] = await push(ctx.db(), server, [change('calibrationRatings', gone, 1)], { asServer: true });
        expect(deleted?.status).toBe('accepted');
        expect((await submitted('rev2')).json).toEqual({ submitted: [{ participant: K.rev1, tickets: [] }, { participant: K.rev2, tickets: [] }] });
        expect((await ctx.call(token.lead, 'GET', '/v1/calibration/no-such-session/submitted')).status).toBe(404);
        const bad = await ctx.call(token.lead, 'GET', '/v1/calibration/a%7Cb/submitted');
        expect(bad.status).toBe(400);
        expect(bad.text).toContain('id');
      });
    });

    describe('calibration ratings reach the session’s own people only: its participants and facilitator, the team’s leads', () => {
      // Everyone who could ask: the participants rev1 and rev2, the facilitator rev4, the team's lead, a
      // reviewer of the team the session does not name (rev3), its agents, another team's lead and people, an admin.
      const ASKERS: Person[] = ['admin', 'lead', 'rev1', 'rev2', 'rev3', 'rev4', 'agent1', 'agent2', 'leadA', 'rev2B', 'agent2B'];
      const OWN_PEOPLE: Person[] = ['admin', 'lead', 'rev1', 'rev2', 'rev4'];
      const named = (over: Parameters<typeof calibrationSession>[3] = {}) =>
        calibrationSession(uid('cal'), K.lead, team, { participants: [K.rev1, K.rev2], facilitator: K.rev4, ...over });
      /** Who gets an answer from GET /v1/calibration/:id/submitted (everyone else: 404, as for no session). */
      async function told(id: string): Promise<Person[]> {
        const out: Person[] = [];
        for (const who of ASKERS) {
          const answer = await ctx.call(token[who], 'GET', `/v1/calibration/${id}/submitted`);
          expect([200, 404], `${who}: ${answer.text}`).toContain(answer.status);
          if (answer.status === 200) {
            expect(answer.text).not.toContain('ratings');
            out.push(who);
          }
        }
        return out;
      }

      it('facilitator reveals: before, only the author reads a rating; after, the participants, the facilitator and the leads — never another reviewer of the team, an agent or another team', async () => {
        const doc = named();
        await accepted('lead', [change('calibrationSessions', doc)]);
        const since = await lastSeq();
        const rev1 = calibrationRatings(doc.id, K.rev1);
        await accepted('rev1', [change('calibrationRatings', rev1)]);
        await accepted('rev2', [change('calibrationRatings', calibrationRatings(doc.id, K.rev2))]);
        // Before the reveal only its author: an admin too reads it as a lead of the team would (not yet).
        expect(await readers('calibrationRatings', rev1.id, since, ASKERS)).toEqual(['rev1']);
        expect(await told(doc.id)).toEqual(OWN_PEOPLE);

        const checkpoint = await lastSeq();
        await accepted('rev4', [change('calibrationSessions', { ...doc, status: 'revealed', revealedAt: at(10) }, 1)]);
        expect(await readers('calibrationRatings', rev1.id, checkpoint, ASKERS)).toEqual(OWN_PEOPLE);
        // From the start too: nothing reaches the others by another way.
        expect(await readers('calibrationRatings', rev1.id, 0, ASKERS)).toEqual(OWN_PEOPLE);
        expect(await told(doc.id)).toEqual(OWN_PEOPLE);
        // The session itself stays the team's (its clarifications are shown in everyone's reviews).
        expect(await readers('calibrationSessions', doc.id, since, ASKERS)).toEqual(['admin', 'lead', 'rev1', 'rev2', 'rev3', 'rev4']);
      });

      it('after own submit: a participant reads a ticket’s ratings once they submitted theirs; the facilitator and the leads at the reveal; the others never', async () => {
        const doc = named({ revealMode: 'after-own-submit' });
        await accepted('lead', [change('calibrationSessions', doc)]);
        const rev1 = calibrationRatings(doc.id, K.rev1, 'zendesk:101');
        await accepted('rev1', [change('calibrationRatings', rev1)]);
        expect(await readers('calibrationRatings', rev1.id, 0, ASKERS)).toEqual(['rev1']);
        await accepted('rev2', [change('calibrationRatings', calibrationRatings(doc.id, K.rev2, 'zendesk:101'))]);
        expect(await readers('calibrationRatings', rev1.id, 0, ASKERS)).toEqual(['rev1', 'rev2']);
        expect(await told(doc.id)).toEqual(OWN_PEOPLE);

        const checkpoint = await lastSeq();
        await accepted('lead', [change('calibrationSessions', { ...doc, status: 'revealed', revealedAt: at(10) }, 1)]);
        expect(await readers('calibrationRatings', rev1.id, checkpoint, ASKERS)).toEqual(OWN_PEOPLE);
        expect(await told(doc.id)).toEqual(OWN_PEOPLE);
      });

      it('a reviewer the session does not name cannot join in to read: their ratings are refused, and nothing opens to them', async () => {
        const doc = named({ revealMode: 'after-own-submit' });
        await accepted('lead', [change('calibrationSessions', doc)]);
        const rev1 = calibrationRatings(doc.id, K.rev1, 'zendesk:101');
        await accepted('rev1', [change('calibrationRatings', rev1)]);
        await refused('rev3', [change('calibrationRatings', calibrationRatings(doc.id, K.rev3, 'zendesk:101'))], 'not a participant');
        // An agent named as a participant by mistake still reads nothing of the others'.
        const withAgent = named({ participants: [K.rev1, K.agent1] });
        await accepted('lead', [change('calibrationSessions', withAgent)]);
        await accepted('rev1', [change('calibrationRatings', calibrationRatings(withAgent.id, K.rev1))]);
        await accepted('lead', [change('calibrationSessions', { ...withAgent, status: 'revealed', revealedAt: at(10) }, 1)]);
        expect(await readers('calibrationRatings', `${withAgent.id}|${K.rev1}|zendesk:101`, 0, ASKERS)).toEqual(['admin', 'lead', 'rev1', 'rev4']);
        expect(await told(withAgent.id)).toEqual(['admin', 'lead', 'rev1', 'rev4']);
      });
    });

    describe('coaching', () => {
      const held = (over: Parameters<typeof coachingSession>[3] = {}) => coachingSession(uid('cs'), K.lead, K.agent1, { team, ...over });

      it('a coach holds a session with an agent: the agent and the team read it; other agents and teams do not', async () => {
        const since = await lastSeq();
        const doc = held();
        await accepted('lead', [change('coachingSessions', doc)]);
        expect(await readers('coachingSessions', doc.id, since, EVERYONE)).toEqual(['lead', 'rev1', 'rev2', 'agent1']);
      });

      it('a reviewer of the team reads a session for its focus only: the talk (answers, evidence, the agent’s comment and acknowledgement, the schedule) goes to the coach, the agent and the leads', async () => {
        const since = await lastSeq();
        const doc = held({
          answers: [{ fieldId: 'challenges', value: 'Tired this month' }],
          evidence: [{ kind: 'review', reviewId: 'r-1' }],
          focus: [{ scorecardId: 'card-1', criterionId: 'tone' }],
        });
        await accepted('lead', [change('coachingSessions', doc)]);
        await accepted('agent1', [change('coachingSessions', { ...doc, acknowledgedAt: at(30), agentComment: 'Thanks!', updatedAt: at(30) }, 1)]);
        const sessionAs = async (who: Person) => {
          const answer = await ctx.call(token[who], 'GET', `/v1/sync/pull?since=${since}&limit=500`);
          return pullResponseSchema.parse(answer.json).docs.find((d) => d.id === doc.id)?.doc as Record<string, unknown> | undefined;
        };
        for (const who of ['rev1', 'rev2'] as const) {
          const seen = await sessionAs(who);
          expect(seen, who).toMatchObject({ focus: doc.focus, period: doc.period, heldAt: doc.heldAt, answers: [], evidence: [], agentComment: '', acknowledgedAt: null, scheduledFor: null });
          expect(JSON.stringify(seen)).not.toContain('Tired this month');
        }
        for (const who of ['lead', 'agent1', 'admin'] as const) {
          expect(await sessionAs(who), who).toMatchObject({ answers: doc.answers, evidence: doc.evidence, agentComment: 'Thanks!', acknowledgedAt: at(30), scheduledFor: doc.scheduledFor });
        }
      });

      it('a session not held yet has no focus for the team’s reviewers: they are not sent it; the coach, the agent and the leads are', async () => {
        const since = await lastSeq();
        const planned = held({ status: 'planned', heldAt: null, focus: [], period: null, answers: [], evidence: [] });
        await accepted('lead', [change('coachingSessions', planned)]);
        expect(await readers('coachingSessions', planned.id, since, EVERYONE)).toEqual(['lead', 'agent1']);
      });

      it('a session being prepared reaches its agent as its schedule only: the coach’s answers, evidence, focus and period reach the agent when it is held', async () => {
        const since = await lastSeq();
        const preparation = {
          answers: [{ fieldId: 'challenges', value: 'Still drafting this' }],
          evidence: [{ kind: 'review' as const, reviewId: 'r-1' }],
          focus: [{ scorecardId: 'card-1', criterionId: 'tone' }],
          period: { start: '2026-03-02', end: '2026-03-29' },
        };
        const planned = held({ status: 'planned', heldAt: null, ...preparation });
        await accepted('lead', [change('coachingSessions', planned)]);
        const sessionAs = async (who: Person) => {
          const answer = await ctx.call(token[who], 'GET', `/v1/sync/pull?since=${since}&limit=500`);
          return pullResponseSchema.parse(answer.json).docs.find((d) => d.id === planned.id)?.doc as Record<string, unknown> | undefined;
        };
        const seen = await sessionAs('agent1');
        expect(seen).toMatchObject({ status: 'planned', scheduledFor: planned.scheduledFor, formId: planned.formId, answers: [], evidence: [], focus: [], period: null });
        expect(JSON.stringify(seen)).not.toContain('Still drafting this');
        // What is sent is a session the agent's profile accepts as it is.
        expect(coachingSessionSchema.safeParse(seen).success).toBe(true);
        for (const who of ['lead', 'admin'] as const) expect(await sessionAs(who), who).toMatchObject(preparation);
        // Cancelled before it was held: still nothing of the preparation.
        await accepted('lead', [change('coachingSessions', { ...planned, status: 'cancelled', updatedAt: at(20) }, 1)]);
        expect(await sessionAs('agent1')).toMatchObject({ status: 'cancelled', answers: [], evidence: [], focus: [], period: null });
        // Held: the agent has the whole talk.
        const heldDoc = { ...planned, status: 'held' as const, heldAt: at(30), updatedAt: at(30) };
        await accepted('lead', [change('coachingSessions', heldDoc, 2)]);
        expect(await sessionAs('agent1')).toMatchObject({ status: 'held', ...preparation });
      });

      it('only leads of the agent’s team coach, in their own name, and nobody acknowledges for the agent', async () => {
        await refused('rev1', [change('coachingSessions', coachingSession(uid('cs'), K.rev1, K.agent1))], 'only coaches');
        // In lead A's own team the agent is no member; in the agent's team lead A is none.
        await refused('leadA', [change('coachingSessions', coachingSession(uid('cs'), 'lead@arvio.test', K.agent1, { team: otherTeam }))], `${K.agent1} is not a member of this team`);
        await refused('leadA', [change('coachingSessions', coachingSession(uid('cs'), 'lead@arvio.test', K.agent1))], 'not a member of this team');
        await refused('lead', [change('coachingSessions', held({ coach: { id: 'lead@arvio.test', name: 'A' } }))], 'own name');
        await refused('lead', [change('coachingSessions', held({ team: otherTeam }))], 'one of your teams');
        await refused('lead', [change('coachingSessions', held({ acknowledgedAt: at(1) }))], 'agent’s to give');
      });

      it('the agent acknowledges with a comment and changes nothing else; the coach cannot change the acknowledgement', async () => {
        const doc = held();
        await accepted('lead', [change('coachingSessions', doc)]);
        const ack = { ...doc, acknowledgedAt: at(30), agentComment: 'Thanks!', updatedAt: at(30) };
        // Not theirs to read: refused in the words a new document would get (no existence oracle).
        await refused('agent2', [change('coachingSessions', ack, 1)], 'only coaches (leads) write coaching sessions');
        await refused('agent1', [change('coachingSessions', { ...ack, focus: [{ scorecardId: 'card-1', criterionId: 'tone' }] }, 1)], 'only acknowledges');
        await accepted('agent1', [change('coachingSessions', ack, 1)]);
        await refused('lead', [change('coachingSessions', { ...ack, agentComment: 'Thanks, great coach!' }, 2)], 'agent’s to give');
        await accepted('lead', [change('coachingSessions', { ...ack, evidence: [] }, 2)]);
      });

      it('only the coach or a lead of the team edits the form content: another team’s lead, a reviewer and the agent are refused', async () => {
        const doc = held();
        await accepted('lead', [change('coachingSessions', doc)]);
        const edited = { ...doc, answers: [{ fieldId: 'successes', value: 'Rewritten' }], updatedAt: at(40) };
        await refused('leadA', [change('coachingSessions', edited, 1)], 'not a member of this team');
        await refused('rev1', [change('coachingSessions', edited, 1)], 'only coaches (leads) write coaching sessions');
        await refused('agent1', [change('coachingSessions', edited, 1)], 'only acknowledges');
        await accepted('lead', [change('coachingSessions', edited, 1)]);
      });

      it('agreed actions: the agent receives them once the session is held, and marks theirs done in their own name; other agents and reviewers never see them', async () => {
        // Written while the session is being prepared: the coach's draft, which the agent never receives.
        const doc = held({ status: 'planned', heldAt: null });
        await accepted('lead', [change('coachingSessions', doc)]);
        const since = await lastSeq();
        const action = coachingAction(uid('act'), doc.id, K.lead, K.agent1);
        await accepted('lead', [change('coachingActions', action)]);
        expect(await readers('coachingActions', action.id, since, EVERYONE)).toEqual(['lead']);
        // Not theirs yet: refused in the words a document that does not exist would get.
        await refused('agent1', [change('coachingActions', { ...action, status: 'done', doneAt: at(50), doneBy: { id: K.agent1, name: 'agent1' } }, 1)], 'no such coaching session');
        // Held: the agent pulls the action as it was written, with no new write of it.
        await accepted('lead', [change('coachingSessions', { ...doc, status: 'held', heldAt: at(55), updatedAt: at(55) }, 1)]);
        expect(await readers('coachingActions', action.id, since, EVERYONE)).toEqual(['lead', 'agent1']);
        const [stored] = await ctx.db().query<{ revision: number }>("SELECT revision FROM docs WHERE collection = 'coachingActions' AND id = $1", [action.id]);
        expect(Number(stored!.revision)).toBe(1);
        const done = { ...action, status: 'done' as const, doneAt: at(60), doneBy: { id: K.agent1, name: 'agent1' }, doneComment: 'Every chat this week' };
        await refused('agent1', [change('coachingActions', { ...done, doneBy: { id: K.lead, name: 'lead' } }, 1)], 'own name');
        await refused('agent1', [change('coachingActions', { ...done, due: '2026-04-30' }, 1)], 'only marks an action done');
        await accepted('agent1', [change('coachingActions', done, 1)]);
        await refused('agent1', [change('coachingActions', coachingAction(uid('act'), doc.id, K.lead, K.agent1))], 'only coaches');
        await refused('lead', [change('coachingActions', coachingAction(uid('act'), doc.id, K.lead, K.agent2))], 'session’s coach and agent');
        await refused('lead', [change('coachingActions', coachingAction(uid('act'), 'no-such-session', K.lead, K.agent1))], 'no such coaching session');
      });

      it('private notes: the coach and the team’s lead read them; the agent never receives them', async () => {
        const doc = held();
        await accepted('lead', [change('coachingSessions', doc)]);
        const since = await lastSeq();
        await refused('agent1', [change('coachingNotes', coachingNotes(doc.id, K.agent1, K.agent1))], 'coach’s');
        await refused('leadA', [change('coachingNotes', coachingNotes(doc.id, 'lead@arvio.test', K.agent1))], 'not a member of this team');
        await refused('leadA', [change('coachingNotes', fixtures.coachingNotes(doc.id, 'lead@arvio.test', 'agent1@arvio.test', { team: otherTeam }))], 'no such coaching session');
        const notes = coachingNotes(doc.id, K.lead, K.agent1);
        await accepted('lead', [change('coachingNotes', notes)]);
        expect(await readers('coachingNotes', notes.sessionId, since, EVERYONE)).toEqual(['lead']);
        expect(await pulled('agent1', 'coachingNotes', 0)).toEqual([]);
        await refused('agent1', [change('coachingNotes', { ...notes, text: '' }, 1)], 'private coaching notes are the coach’s');
        await refused('lead', [change('coachingNotes', coachingNotes(doc.id, K.lead, K.agent2), 1)], 'session’s agent');
      });

      it('forms are published by leads for their team (read by its members), organisation-wide by admins (read by everyone), and immutable once published', async () => {
        const since = await lastSeq();
        const form = coachingForm(uid('form'), 1);
        await refused('rev1', [change('coachingForms', form)], 'only leads');
        await accepted('lead', [change('coachingForms', form)]);
        expect(await readers('coachingForms', `${form.id}@1`, since, EVERYONE)).toEqual(['lead', 'rev1', 'rev2', 'agent1', 'agent2']);
        const orgWide = fixtures.coachingForm(uid('form'), 1);
        await refused('lead', [change('coachingForms', orgWide)], 'only admins');
        const byAdmin = await ctx.call(ctx.outsider('admin'), 'POST', '/v1/sync/push', { changes: [change('coachingForms', orgWide)] });
        expect(byAdmin.status, byAdmin.text).toBe(200);
        expect(await readers('coachingForms', `${orgWide.id}@1`, since, EVERYONE)).toEqual(EVERYONE);
        const answer = await ctx.call(token.lead, 'POST', '/v1/sync/push', { changes: [change('coachingForms', { ...form, name: 'Renamed' }, 1)] });
        expect(answer.status).toBe(409);
      });
    });

    describe('disputes', () => {
      async function reviewed(): Promise<ReturnType<typeof review>> {
        const doc = review(uid('r'), K.rev1, K.agent1);
        await accepted('rev1', [change('reviews', doc)]);
        return doc;
      }
      const resolution = (by: string, outcome: 'accepted' | 'rejected') => ({
        status: outcome,
        resolution: {
          by: { id: by, name: by },
          at: at(120),
          comment: '',
          rightAgent: null,
          items:
            outcome === 'accepted'
              ? [{ outcome: 'accepted' as const, criterionId: 'greet', value: 1, na: false, reason: '' }]
              : [{ outcome: 'rejected' as const, criterionId: 'greet', reason: 'The name was missing' }],
        },
      });

      it('the reviewed agent disputes their review: the reviewer and the team’s lead read it; nobody else', async () => {
        const r = await reviewed();
        const since = await lastSeq();
        const doc = dispute(r.id, K.agent1, K.rev1);
        await accepted('agent1', [change('disputes', doc)]);
        expect(await readers('disputes', doc.id, since, EVERYONE)).toEqual(['lead', 'rev1', 'agent1']);
      });

      it('nobody disputes someone else’s review, or in someone else’s name, or names another reviewer', async () => {
        const r = await reviewed();
        await refused('agent2', [change('disputes', dispute(r.id, K.agent2, K.rev1))], 'no such review');
        await refused('rev2', [change('disputes', dispute(r.id, K.rev2, K.rev1))], 'only the reviewed agent');
        await refused('rev1', [change('disputes', dispute(r.id, K.rev1, K.rev1))], 'only the reviewed agent');
        await refused('lead', [change('disputes', dispute(r.id, K.agent1, K.rev1))], 'own name');
        await refused('agent1', [change('disputes', dispute(r.id, K.agent1, K.rev2))], 'review’s reviewer');
        await refused('agent1', [change('disputes', dispute('no-such-review', K.agent1, K.rev1))], 'no such review');
      });

      it('the agent cannot resolve their own dispute; the reviewer resolves in their own name; then only a lead changes it', async () => {
        const r = await reviewed();
        const doc = dispute(r.id, K.agent1, K.rev1);
        await accepted('agent1', [change('disputes', doc)]);
        await refused('agent1', [change('disputes', { ...doc, ...resolution(K.agent1, 'accepted') }, 1)], 'nobody resolves their own dispute');
        // The dispute and its review are not rev2's to read: refused as if neither existed.
        await refused('rev2', [change('disputes', { ...doc, ...resolution(K.rev2, 'rejected') }, 1)], 'no such review');
        await refused('rev1', [change('disputes', { ...doc, ...resolution(K.lead, 'rejected') }, 1)], 'own name');
        await refused('rev1', [change('disputes', { ...doc, reason: 'I withdraw' }, 1)], 'disputing agent’s');
        const resolved = { ...doc, ...resolution(K.rev1, 'rejected'), updatedAt: at(121) };
        await accepted('rev1', [change('disputes', resolved, 1)]);
        await refused('agent1', [change('disputes', { ...resolved, deleted: true }, 2)], 'only by a lead');
        await refused('rev1', [change('disputes', { ...resolved, ...resolution(K.rev1, 'accepted') }, 2)], 'only by a lead');
        const reopened = { ...resolved, status: 'open' as const, resolution: null, reopenedAt: at(200) };
        await accepted('lead', [change('disputes', reopened, 2)]);
        // Open again: the agent may add to their reasons.
        await accepted('agent1', [change('disputes', { ...reopened, items: [{ ...doc.items[0]!, reason: 'See the first message again' }] }, 3)]);
      });

      /** A review rated 0 on "greet", disputed by agent1: the server holds both. */
      async function disputedZero(): Promise<{ r: ReturnType<typeof review>; doc: ReturnType<typeof dispute> }> {
        const r = review(uid('r'), K.rev1, K.agent1, { ratings: [{ criterionId: 'greet', value: 0, na: false, comment: 'No greeting' }], score: 0, passed: false });
        await accepted('rev1', [change('reviews', r)]);
        const doc = dispute(r.id, K.agent1, K.rev1);
        await accepted('agent1', [change('disputes', doc)]);
        return { r, doc };
      }
      /** The review's revision that applies `d` (greet → 1). */
      const applied = (r: ReturnType<typeof review>, d: { id: string }) => ({
        ...r,
        ratings: [{ criterionId: 'greet', value: 1, na: false, comment: 'No greeting' }],
        score: 1,
        passed: true,
        revision: 2,
        updatedAt: at(130),
        dispute: d.id,
      });

      it('a lead resolves a dispute of a reviewer’s review and applies it to the review in the same push; the agent pulls both', async () => {
        const { r, doc } = await disputedZero();
        const since = await lastSeq();
        const resolved = { ...doc, ...resolution(K.lead, 'accepted'), updatedAt: at(130) };
        await accepted('lead', [change('disputes', resolved, 1), change('reviews', applied(r, doc), 1)]);
        const stored = await ctx.db().query<{ doc: { score: number; dispute: string; reviewer: { id: string } } }>(
          "SELECT doc FROM docs WHERE collection = 'reviews' AND id = $1",
          [r.id],
        );
        expect(stored[0]!.doc).toMatchObject({ score: 1, dispute: doc.id, reviewer: { id: K.rev1 } });
        expect(await pulled('agent1', 'reviews', since)).toContain(r.id);
      });

      it('a lead’s revision of a review without a resolved dispute, or beyond what it accepted, is refused', async () => {
        const { r, doc } = await disputedZero();
        // Naming an open dispute, or none.
        await refused('lead', [change('reviews', applied(r, doc), 1)], 'only an accepted dispute');
        await refused('lead', [change('reviews', { ...applied(r, doc), dispute: null }, 1)], 'reviewers write only their own reviews');
        // Resolved as rejected: nothing to apply.
        const rejected = { ...doc, ...resolution(K.lead, 'rejected'), updatedAt: at(130) };
        await refused('lead', [change('disputes', rejected, 1), change('reviews', applied(r, doc), 1)], 'only an accepted dispute');
        const resolved = { ...doc, ...resolution(K.lead, 'accepted'), updatedAt: at(130) };
        // More than the accepted rating, or another field.
        await refused('lead', [change('disputes', resolved, 1), change('reviews', { ...applied(r, doc), feedback: 'Rewritten by the lead' }, 1)], 'only its ratings');
        await refused(
          'lead',
          [change('disputes', resolved, 1), change('reviews', { ...applied(r, doc), ratings: [{ criterionId: 'greet', value: 2, na: false, comment: '' }] }, 1)],
          'takes only the rating the dispute accepted',
        );
        await refused('lead', [change('disputes', resolved, 1), change('reviews', { ...applied(r, doc), reviewee: { id: K.agent2, name: 'agent2' } }, 1)], 'right agent');
      });

      it('nobody but the reviewer and the lead who resolved it applies a dispute: not the agent, not another reviewer, not a lead of another team', async () => {
        const { r, doc } = await disputedZero();
        const resolved = { ...doc, ...resolution(K.rev1, 'accepted'), updatedAt: at(130) };
        // The agent forges the resolution and its revision: refused (their own dispute).
        await refused('agent1', [change('disputes', { ...resolved, ...resolution(K.agent1, 'accepted') }, 1), change('reviews', applied(r, doc), 1)], 'nobody resolves their own dispute');
        await refused('agent1', [change('reviews', applied(r, doc), 1)], 'may only acknowledge');
        await accepted('rev1', [change('disputes', resolved, 1)]);
        // The reviewer resolved it; a lead did not: the lead may not apply the reviewer's resolution.
        await refused('lead', [change('reviews', applied(r, doc), 1)], 'the one who resolved it');
        await refused('rev2', [change('reviews', applied(r, doc), 1)], 'reviewers write only their own reviews');
        await refused('leadA', [change('reviews', applied(r, doc), 1)], /reviewers write only their own reviews|you may not write|not a member of this team/);
        await accepted('rev1', [change('reviews', applied(r, doc), 1)]);
      });

      it('a wrong-agent dispute accepted by a lead moves the review to the agent it names', async () => {
        const r = review(uid('r'), K.rev1, K.agent1);
        await accepted('rev1', [change('reviews', r)]);
        const doc = dispute(r.id, K.agent1, K.rev1, { wrongAgent: true, items: [], reason: 'That chat was agent2’s' });
        await accepted('agent1', [change('disputes', doc)]);
        const since = await lastSeq();
        const resolved = {
          ...doc,
          status: 'accepted' as const,
          resolution: { by: { id: K.lead, name: 'lead' }, at: at(140), comment: 'Yes', rightAgent: { id: K.agent2, name: 'agent2' }, items: [] },
          updatedAt: at(140),
        };
        const moved = { ...r, reviewee: { id: K.agent2, name: 'agent2' }, revision: 2, updatedAt: at(140), dispute: doc.id };
        await accepted('lead', [change('disputes', resolved, 1), change('reviews', moved, 1)]);
        expect(await pulled('agent2', 'reviews', since)).toContain(r.id);
      });
    });

    describe('ideas and obstacles', () => {
      it('private to the submitter and the leads until a lead shares it with the team, with a reply', async () => {
        const since = await lastSeq();
        const doc = idea(uid('idea'), K.agent1, team);
        await accepted('agent1', [change('ideas', doc)]);
        expect(await readers('ideas', doc.id, since, EVERYONE)).toEqual(['lead', 'agent1']);
        const reply = { by: { id: K.lead, name: 'lead' }, at: at(300), text: 'Updated the macro', status: 'done' as const };
        const answered = { ...doc, status: 'done' as const, replies: [reply], shared: true, updatedAt: at(300) };
        await refused('agent2', [change('ideas', answered, 1)], 'an idea is submitted in your own name');
        await accepted('lead', [change('ideas', answered, 1)]);
        expect(await readers('ideas', doc.id, since, EVERYONE)).toEqual(['lead', 'rev1', 'rev2', 'agent1', 'agent2']);
        await refused('agent2', [change('ideas', { ...answered, status: 'wontDo', replies: [reply, { ...reply, by: { id: K.agent2, name: 'a' }, status: 'wontDo' }] }, 2)], 'only a lead');
        await refused('agent1', [change('ideas', { ...answered, title: 'Renamed' }, 2)], 'after triage');
        await refused('lead', [change('ideas', { ...answered, status: 'considering', replies: [] }, 2)], 'replies are kept');
        await refused('lead', [change('ideas', { ...answered, replies: [reply, { ...reply, by: { id: K.rev1, name: 'r' } }] }, 2)], 'own name');
      });

      it('an idea is sent in one’s own name, to one’s own team, new and unanswered', async () => {
        await refused('agent1', [change('ideas', idea(uid('idea'), K.agent2, team))], 'own name');
        await refused('agent1', [change('ideas', idea(uid('idea'), K.agent1, otherTeam))], 'one of your teams');
        await refused('agent1', [change('ideas', idea(uid('idea'), K.agent1, team, { shared: true }))], 'starts new');
      });
    });
  });
}
