// Data protection over real HTTP, against each database: the retention purge and erasing a person,
// both reaching clients as ordinary pulled edits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonymNumber, type CalibrationRatings, type CalibrationSession } from '../../../lib/model/calibration';
import { pullResponseSchema, type SyncChange } from '../../../lib/model/sync';
import { addTeam, addUser, createToken, findUserByEmail } from '../../src/admin';
import type { Db } from '../../src/db';
import { migrate } from '../../src/migrate';
import { erasedId } from '../../src/access';
import { purgeConversationText, scheduleRetention } from '../../src/privacy';
import { startServer, type RunningServer } from '../../src/serve';
import { push } from '../../src/store';
import { calibrationRatings, calibrationSession, review, selfCheck, teamSettings } from './docs';

const ADMIN = 'admin@privacy.test';
const LEAD = 'lead@privacy.test';
const REV = 'rev@privacy.test';
const AGENT = 'agent@privacy.test';
const OTHER = 'other@privacy.test';
/** Reviewers of the team named in calibration sessions the lead starts. */
const PART = 'part@privacy.test';
const FAC = 'fac@privacy.test';
const PEERS = Array.from({ length: 6 }, (_, i) => `peer${i + 1}@privacy.test`);
/** A second lead of the team, who adds a clarification to a session they are not named in. */
const LEAD2 = 'lead2@privacy.test';
const NOW = new Date('2026-12-01T12:00:00.000Z');
const OLD = '2026-03-01T10:00:00.000Z';
const RECENT = '2026-11-20T10:00:00.000Z';

export function privacySuite(name: string, open: () => Promise<{ db: Db; cleanup: () => Promise<void> }>): void {
  describe(name, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    let server: RunningServer;
    const token: Record<string, string> = {};
    let team = "";

    beforeAll(async () => {
      ({ db, cleanup } = await open());
      await migrate(db);
      team = (await addTeam(db, 'P')).id;
      const reviewers = [PART, FAC, ...PEERS].map((email) => [email, 'reviewer'] as const);
      for (const [email, role] of [[ADMIN, 'admin'], [LEAD, 'lead'], [LEAD2, 'lead'], [REV, 'reviewer'], [AGENT, 'agent'], [OTHER, 'agent'], ...reviewers] as const) {
        await addUser(db, { email, name: email.split('@')[0]!, role, teams: role === 'admin' ? [] : ['P'] });
        token[email] = (await createToken(db, email)).token;
      }
      server = await startServer(db, { port: 0, hostname: '127.0.0.1' }, { logError: () => undefined });
    });

    afterAll(async () => {
      await server?.close();
      await db?.close();
      await cleanup?.();
    });

    const call = async (who: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token[who]}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as any };
    };
    const pull = async (who: string, since: number) => {
      const answer = await call(who, 'GET', `/v1/sync/pull?since=${since}&limit=1000`);
      expect(answer.status).toBe(200);
      return pullResponseSchema.parse(answer.json);
    };
    const store = async (who: string, changes: SyncChange[]) => push(db, (await findUserByEmail(db, who))!, changes);
    const wordy = { strengths: 'Asiakas kertoi tilinumeronsa 123', developmentAreas: 'Lainasi asiakkaan viestiä', feedback: 'Hyvä' };

    it('a purge removes the conversation text of reviews and self-checks older than the retention, keeps the scores, and clients pull it as an edit', async () => {
      const old = review('ret-old', REV, AGENT, { team, ...wordy, createdAt: OLD, score: 0.75, ratings: [{ criterionId: 'greet', value: 2, na: false, comment: 'sanoi "hei"' }] });
      const recent = review('ret-new', REV, AGENT, { team, ...wordy, createdAt: RECENT });
      const check = selfCheck('ret-1', AGENT, { team, createdAt: OLD, draftText: 'Hei, tässä luonnos asiakkaalle' });
      await store(REV, [old, recent].map((doc) => ({ collection: 'reviews', id: doc.id, baseRevision: null, doc })));
      await store(AGENT, [{ collection: 'selfChecks', id: check.id, baseRevision: null, doc: check }]);
      const before = await pull(AGENT, 0);

      expect(await purgeConversationText(db, 6, NOW)).toBe(2);
      const after = await pull(AGENT, before.checkpoint);
      const byId = new Map(after.docs.map((d) => [d.id, d]));
      expect([...byId.keys()].sort()).toEqual([check.id, old.id].sort());
      expect(byId.get(old.id)).toMatchObject({
        revision: 2,
        doc: { strengths: '', developmentAreas: '', feedback: '', score: 0.75, ratings: [{ criterionId: 'greet', value: 2, comment: '' }], ticket: { subject: '' } },
      });
      expect(byId.get(check.id)).toMatchObject({ revision: 2, doc: { draftText: null, hintCounts: check.hintCounts } });
      // The recent review is untouched, and a second purge finds nothing to do.
      expect(await purgeConversationText(db, 6, NOW)).toBe(0);
      const [kept] = await db.query<{ revision: number }>("SELECT revision FROM docs WHERE id = 'ret-new'");
      expect(kept!.revision).toBe(1);
    });

    it('the server runs the purge by itself when a retention is set', async () => {
      const old = review('ret-sched', REV, AGENT, { team, ...wordy, createdAt: '2020-01-01T00:00:00.000Z' });
      await store(REV, [{ collection: 'reviews', id: old.id, baseRevision: null, doc: old }]);
      const lines: string[] = [];
      const stop = scheduleRetention(db, 12, (line) => lines.push(line));
      try {
        await expect.poll(async () => (await db.query<{ doc: { feedback: string } }>("SELECT doc FROM docs WHERE id = 'ret-sched'"))[0]!.doc.feedback).toBe('');
        await expect.poll(() => lines.join('\n')).toMatch(/retention: removed the conversation text of \d+ documents older than 12 months/);
        expect(lines.join('\n')).not.toContain('tilinumeronsa');
      } finally {
        stop();
      }
    });

    it('a purge removes a calibration session’s conversation text too: its tickets’ subjects and the participants’ rating comments; values, agreed ratings and clarifications stay', async () => {
      const [first, second] = [PEERS[0]!, PEERS[1]!];
      const started = calibrationSession('ret-cal', LEAD, team, { participants: [first, second], namesShown: false });
      expect((await store(LEAD, [{ collection: 'calibrationSessions', id: started.id, baseRevision: null, doc: started }]))[0]!.status).toBe('accepted');
      const words = 'Asiakas kertoi tilinumeronsa FI12 3456';
      const firsts = calibrationRatings(started.id, first, 'zendesk:101', { team, ratings: [{ criterionId: 'greet', value: 2, na: false, comment: words }] });
      const seconds = calibrationRatings(started.id, second, 'zendesk:101', { team, ratings: [{ criterionId: 'greet', value: 1, na: false, comment: 'Lainasi asiakasta' }] });
      expect((await store(first, [{ collection: 'calibrationRatings', id: firsts.id, baseRevision: null, doc: firsts }]))[0]!.status).toBe('accepted');
      expect((await store(second, [{ collection: 'calibrationRatings', id: seconds.id, baseRevision: null, doc: seconds }]))[0]!.status).toBe('accepted');
      const clarification = { criterionId: 'greet', text: 'Tervehdys ilman nimeä on "Osittain"', by: LEAD, at: RECENT, retiredAt: null };
      const agreed = { ...started, status: 'closed' as const, revealedAt: RECENT, agreed: [{ ticketKey: 'zendesk:101', criterionId: 'greet', value: 1, na: false }], clarifications: [clarification] };
      expect((await store(LEAD, [{ collection: 'calibrationSessions', id: started.id, baseRevision: 1, doc: agreed }]))[0]!.status).toBe('accepted');
      const before = await pull(second, 0);
      expect(JSON.stringify(before.docs)).toContain(words);

      expect(await purgeConversationText(db, 6, NOW)).toBe(3);
      const after = await pull(second, before.checkpoint);
      const session = after.docs.find((d) => d.id === started.id)?.doc as CalibrationSession | undefined;
      expect(session).toMatchObject({ agreed: agreed.agreed, clarifications: [clarification], status: 'closed' });
      expect(session?.tickets.map((t) => [t.ticket.ticketId, t.ticket.subject])).toEqual([['101', ''], ['102', '']]);
      const ratings = after.docs.flatMap((d) => (d.collection === 'calibrationRatings' && d.doc.sessionId === started.id ? [d.doc as CalibrationRatings] : []));
      expect(ratings.map((d) => d.ratings)).toEqual([
        [{ criterionId: 'greet', value: expect.any(Number), na: false, comment: '' }],
        [{ criterionId: 'greet', value: expect.any(Number), na: false, comment: '' }],
      ]);
      expect(ratings.map((d) => d.ratings[0]!.value).sort()).toEqual([1, 2]);
      expect(JSON.stringify((await pull(LEAD, 0)).docs)).not.toContain(words);
      expect(await purgeConversationText(db, 6, NOW)).toBe(0);
    });

    it('erasing an agent who leaves: reviews of them and their self-checks are deleted, the lead pulls the deletions, their access ends', async () => {
      const about = review('erase-1', REV, AGENT, { ...wordy, team });
      const aboutOther = review('erase-2', REV, OTHER, { ...wordy, team });
      const check = selfCheck('erase-t', AGENT, { team, draftText: 'luonnos' });
      await store(REV, [about, aboutOther].map((doc) => ({ collection: 'reviews', id: doc.id, baseRevision: null, doc })));
      await store(AGENT, [{ collection: 'selfChecks', id: check.id, baseRevision: null, doc: check }]);
      const before = await pull(LEAD, 0);

      expect((await call(LEAD, 'POST', '/v1/admin/erase', { email: AGENT })).status).toBe(403);
      expect((await call(ADMIN, 'POST', '/v1/admin/erase', { email: 'nope' })).status).toBe(400);
      const erased = await call(ADMIN, 'POST', '/v1/admin/erase', { email: AGENT });
      expect(erased.status).toBe(200);
      expect(erased.json.account).toBe(true);
      expect(erased.json.documents).toBeGreaterThanOrEqual(3);

      const after = await pull(LEAD, before.checkpoint);
      const byId = new Map(after.docs.map((d) => [d.id, d]));
      // Tombstones without text, naming them still: what routes the deletion to every client that held it.
      expect(byId.get(about.id)?.doc).toMatchObject({ deleted: true, strengths: '', developmentAreas: '', feedback: '', ticket: { subject: '' } });
      expect(byId.get(check.id)?.doc).toMatchObject({ deleted: true, draftText: null });
      expect(byId.has(aboutOther.id)).toBe(false);
      // Nothing left standing names them.
      const standing = (await pull(LEAD, 0)).docs.filter((d) => d.doc.deleted !== true);
      expect(standing.length).toBeGreaterThan(0);
      expect(JSON.stringify(standing)).not.toContain(AGENT);
      expect((await call(AGENT, 'GET', '/v1/me')).status).toBe(401);
      expect((await findUserByEmail(db, AGENT))?.name).toBe('');
      // Nor which scorecard versions they were reviewed with (the `used` grant's rows).
      expect(await db.query('SELECT used FROM doc_uses WHERE person = $1', [AGENT.toLowerCase()])).toEqual([]);
      expect(await db.query('SELECT used FROM doc_uses WHERE person = $1', [REV.toLowerCase()])).not.toEqual([]);
    });

    it('erasing a reviewer keeps their reviews of others, with the reviewer anonymised', async () => {
      const theirs = review('erase-3', REV, OTHER, { ...wordy, team });
      await store(REV, [{ collection: 'reviews', id: theirs.id, baseRevision: null, doc: theirs }]);
      const erased = await call(ADMIN, 'POST', '/v1/admin/erase', { email: REV });
      expect(erased.status).toBe(200);
      const page = await pull(OTHER, 0);
      const kept = page.docs.find((d) => d.id === theirs.id);
      expect(kept?.doc).toMatchObject({ deleted: false, strengths: wordy.strengths, reviewer: { id: erasedId(REV), name: '' }, reviewee: { id: OTHER } });
      expect(JSON.stringify(page.docs)).not.toContain(REV);
    });

    const sessionAs = async (who: string, id: string) => (await pull(who, 0)).docs.find((d) => d.id === id)?.doc as Record<string, any> | undefined;

    it('erasing a reviewer named only as a participant of a lead’s calibration session replaces them there; the others keep their names and pseudonyms', async () => {
      const participants = [LEAD, PART, ...PEERS];
      const started = calibrationSession('erase-part', LEAD, team, { participants, namesShown: false });
      const own = review('erase-part-review', LEAD, OTHER, { ...wordy, team });
      const first = await store(LEAD, [
        { collection: 'calibrationSessions', id: started.id, baseRevision: null, doc: started },
        { collection: 'reviews', id: own.id, baseRevision: null, doc: own },
      ]);
      expect(first.map((r) => r.status)).toEqual(['accepted', 'accepted']);
      // Closed, with what the session agreed and each participant's alignment (the values tell them apart).
      const closed = {
        ...started,
        status: 'closed' as const,
        revealedAt: RECENT,
        agreed: [{ ticketKey: 'zendesk:101', criterionId: 'greet', value: 2, na: false }],
        clarifications: [{ criterionId: 'greet', text: 'A greeting without the name is Partly', by: LEAD, at: RECENT, retiredAt: null }],
        alignments: participants.map((participant, i) => ({ participant, alignment: (i + 1) / 10, rated: 2 })),
      };
      expect((await store(LEAD, [{ collection: 'calibrationSessions', id: closed.id, baseRevision: 1, doc: closed }]))[0]!.status).toBe('accepted');
      // A participant who may not see names: the others by pseudonym.
      const peerBefore = await sessionAs(PEERS[0]!, closed.id);
      expect(peerBefore?.participants.filter((p: string) => pseudonymNumber(p) !== null)).toHaveLength(participants.length - 1);

      const erased = await call(ADMIN, 'POST', '/v1/admin/erase', { email: PART });
      expect(erased.status).toBe(200);
      expect(erased.json.documents).toBe(1);

      const stand = erasedId(PART);
      const lead = await pull(LEAD, 0);
      expect(JSON.stringify(lead.docs)).not.toContain(PART);
      const kept = lead.docs.find((d) => d.id === closed.id);
      expect(kept).toMatchObject({
        revision: 3,
        doc: {
          ...closed,
          participants: participants.map((p) => (p === PART ? stand : p)),
          alignments: closed.alignments.map((a) => (a.participant === PART ? { ...a, participant: stand } : a)),
        },
      });
      // The lead's own: unchanged, and still theirs.
      expect(lead.docs.find((d) => d.id === own.id)).toMatchObject({ revision: 1, doc: own });
      expect((await call(LEAD, 'GET', '/v1/me')).status).toBe(200);
      // Nobody's pseudonym moves: the stand-in has the erased participant's number.
      const peerAfter = await sessionAs(PEERS[0]!, closed.id);
      expect(peerAfter?.participants).toEqual(peerBefore?.participants);
      expect(peerAfter?.alignments).toEqual(peerBefore?.alignments);
    });

    it('erasing a calibration session’s facilitator, and a lead who only wrote a clarification in it, replaces both there', async () => {
      const started = calibrationSession('erase-fac', LEAD, team, { facilitator: FAC, participants: [LEAD, ...PEERS.slice(0, 2)] });
      expect((await store(LEAD, [{ collection: 'calibrationSessions', id: started.id, baseRevision: null, doc: started }]))[0]!.status).toBe('accepted');
      const byFac = { criterionId: 'greet', text: 'Greet by name', by: FAC, at: RECENT, retiredAt: null };
      const byLead2 = { criterionId: 'close', text: 'Close with the next step', by: LEAD2, at: RECENT, retiredAt: null };
      const revealed = { ...started, status: 'revealed' as const, revealedAt: RECENT, clarifications: [byFac] };
      expect((await store(FAC, [{ collection: 'calibrationSessions', id: started.id, baseRevision: 1, doc: revealed }]))[0]!.status).toBe('accepted');
      const clarified = { ...revealed, clarifications: [byFac, byLead2] };
      expect((await store(LEAD2, [{ collection: 'calibrationSessions', id: started.id, baseRevision: 2, doc: clarified }]))[0]!.status).toBe('accepted');

      for (const who of [FAC, LEAD2]) expect((await call(ADMIN, 'POST', '/v1/admin/erase', { email: who })).json.documents).toBe(1);
      const kept = await sessionAs(LEAD, started.id);
      expect(kept).toEqual({
        ...clarified,
        facilitator: erasedId(FAC),
        clarifications: [{ ...byFac, by: erasedId(FAC) }, { ...byLead2, by: erasedId(LEAD2) }],
      });
    });

    it('erasing a reviewer who rated in a calibration session deletes their ratings: the lead, and a participant who knows them by pseudonym, pull the tombstone without ratings or comments', async () => {
      const [rater, other] = [PEERS[2]!, PEERS[3]!];
      const started = calibrationSession('erase-rated', LEAD, team, { participants: [rater, other, PEERS[5]!], namesShown: false });
      expect((await store(LEAD, [{ collection: 'calibrationSessions', id: started.id, baseRevision: null, doc: started }]))[0]!.status).toBe('accepted');
      const words = 'Asiakas kertoi henkilötunnuksensa 010101-123N';
      const theirs = calibrationRatings(started.id, rater, 'zendesk:101', { team, ratings: [{ criterionId: 'greet', value: 2, na: false, comment: words }] });
      const others = calibrationRatings(started.id, other, 'zendesk:101', { team, ratings: [{ criterionId: 'greet', value: 1, na: false, comment: 'Tervehti nimellä' }] });
      expect((await store(rater, [{ collection: 'calibrationRatings', id: theirs.id, baseRevision: null, doc: theirs }]))[0]!.status).toBe('accepted');
      expect((await store(other, [{ collection: 'calibrationRatings', id: others.id, baseRevision: null, doc: others }]))[0]!.status).toBe('accepted');
      const revealed = { ...started, status: 'revealed' as const, revealedAt: RECENT };
      expect((await store(LEAD, [{ collection: 'calibrationSessions', id: started.id, baseRevision: 1, doc: revealed }]))[0]!.status).toBe('accepted');
      // And in a session still blind: ratings nobody but the rater reads yet, stored before ratings had `deleted`.
      const blind = calibrationSession('erase-rated-blind', LEAD, team, { participants: [rater, other] });
      const { deleted: _, ...blindRatings } = calibrationRatings(blind.id, rater, 'zendesk:102', { team, ratings: [{ criterionId: 'greet', value: 0, na: false, comment: words }] });
      expect((await store(LEAD, [{ collection: 'calibrationSessions', id: blind.id, baseRevision: null, doc: blind }]))[0]!.status).toBe('accepted');
      const stored = await store(rater, [{ collection: 'calibrationRatings', id: blindRatings.id, baseRevision: null, doc: blindRatings as CalibrationRatings }]);
      expect(stored[0]!.status).toBe('accepted');
      // Before: the lead (the facilitator) holds the ratings by name; the other participant by pseudonym, with the comment.
      const leadBefore = await pull(LEAD, 0);
      expect(leadBefore.docs.find((d) => d.id === theirs.id)?.doc).toEqual(theirs);
      const otherBefore = await pull(other, 0);
      const held = otherBefore.docs.find((d) => d.collection === 'calibrationRatings' && d.doc.sessionId === started.id && d.doc.participant !== other);
      expect(pseudonymNumber(String(held?.doc.participant))).not.toBeNull();
      expect(JSON.stringify(held?.doc)).toContain(words);

      const erased = await call(ADMIN, 'POST', '/v1/admin/erase', { email: rater });
      expect(erased.status).toBe(200);
      // Their ratings in both sessions, both sessions, and the earlier one that named them.
      expect(erased.json.documents).toBe(5);
      const [blindStored] = await db.query<{ revision: number; deleted: boolean; doc: unknown }>(
        "SELECT revision, deleted, doc::text AS doc FROM docs WHERE collection = 'calibrationRatings' AND id = $1",
        [blindRatings.id],
      );
      expect(blindStored).toMatchObject({ revision: 2, deleted: true });
      expect(String(blindStored?.doc)).not.toContain(words);

      const after = await pull(LEAD, leadBefore.checkpoint);
      expect(after.docs.find((d) => d.id === theirs.id)).toMatchObject({ revision: 2, doc: { ...theirs, ratings: [], deleted: true } });
      expect(after.docs.find((d) => d.id === started.id)?.doc).toMatchObject({ participants: [erasedId(rater), other, PEERS[5]] });
      const lead = await pull(LEAD, 0);
      expect(JSON.stringify(lead.docs)).not.toContain(words);
      expect(lead.docs.find((d) => d.id === others.id)).toMatchObject({ revision: 1, doc: others });
      // The other participant pulls it under the id they hold it by: the same pseudonym, now the stand-in's.
      const otherAfter = await pull(other, otherBefore.checkpoint);
      expect(otherAfter.docs.find((d) => d.id === held?.id)).toMatchObject({ revision: 2, doc: { participant: held?.doc.participant, ratings: [], deleted: true } });
      expect(JSON.stringify((await pull(other, 0)).docs)).not.toContain(words);
      // Nobody is told the erased reviewer submitted anything.
      const submitted = await call(LEAD, 'GET', `/v1/calibration/${started.id}/submitted`);
      expect(submitted.json).toEqual({
        submitted: [
          { participant: erasedId(rater), tickets: [] },
          { participant: other, tickets: ['zendesk:101'] },
          { participant: PEERS[5], tickets: [] },
        ],
      });
      const [row] = await db.query<{ deleted: boolean }>('SELECT deleted FROM docs WHERE collection = $1 AND id = $2', ['calibrationRatings', theirs.id]);
      expect(row?.deleted).toBe(true);
    });

    it('erasing a lead keeps the team’s calibration session (its clarifications) and settings, with the lead anonymised', async () => {
      const session = calibrationSession('erase-cal', LEAD, team, {
        participants: [LEAD],
        clarifications: [{ criterionId: 'greet', text: 'A greeting without the name is Partly', by: LEAD, at: RECENT, retiredAt: null }],
      });
      const settings = teamSettings(team, LEAD, { disputeWindowDays: 21 });
      const results = await store(LEAD, [
        { collection: 'calibrationSessions', id: session.id, baseRevision: null, doc: session },
        { collection: 'teamSettings', id: settings.id, baseRevision: null, doc: settings },
      ]);
      expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
      expect((await call(ADMIN, 'POST', '/v1/admin/erase', { email: LEAD })).status).toBe(200);
      const page = await pull(ADMIN, 0);
      const kept = page.docs.find((d) => d.id === session.id)?.doc;
      expect(kept).toMatchObject({ deleted: false, startedBy: erasedId(LEAD), clarifications: [{ text: 'A greeting without the name is Partly', by: erasedId(LEAD) }] });
      expect(page.docs.find((d) => d.id === settings.id)?.doc).toMatchObject({ disputeWindowDays: 21, updatedBy: { id: erasedId(LEAD), name: '' } });
      expect(JSON.stringify(page.docs)).not.toContain(LEAD);
    });

    it('erasing an agent with a coaching rhythm and a reviewer allowed to start calibration replaces both in the team’s settings', async () => {
      const starter = PEERS[4]!;
      const stored = (await pull(ADMIN, 0)).docs.find((d) => d.collection === 'teamSettings');
      const settings = teamSettings(team, ADMIN, { calibrationStarters: [starter], coachingRhythms: [{ agent: OTHER, days: 14 }] });
      expect((await store(ADMIN, [{ collection: 'teamSettings', id: settings.id, baseRevision: stored ? stored.revision : null, doc: settings }]))[0]!.status).toBe('accepted');
      for (const who of [OTHER, starter]) expect((await call(ADMIN, 'POST', '/v1/admin/erase', { email: who })).status).toBe(200);
      const kept = (await pull(ADMIN, 0)).docs.find((d) => d.id === settings.id)?.doc;
      expect(kept).toMatchObject({ calibrationStarters: [erasedId(starter)], coachingRhythms: [{ agent: erasedId(OTHER), days: 14 }] });
      expect(JSON.stringify(kept)).not.toContain(OTHER);
    });
  });
}
