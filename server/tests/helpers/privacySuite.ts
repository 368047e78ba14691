// Data protection over real HTTP, against each database: the retention purge and erasing a person,
// both reaching clients as ordinary pulled edits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, type SyncChange } from '../../../lib/model/sync';
import { addTeam, addUser, createToken, findUserByEmail } from '../../src/admin';
import type { Db } from '../../src/db';
import { migrate } from '../../src/migrate';
import { erasedId, purgeConversationText, scheduleRetention } from '../../src/privacy';
import { startServer, type RunningServer } from '../../src/serve';
import { push } from '../../src/store';
import { calibrationSession, review, selfCheck, teamSettings } from './docs';

const ADMIN = 'admin@privacy.test';
const LEAD = 'lead@privacy.test';
const REV = 'rev@privacy.test';
const AGENT = 'agent@privacy.test';
const OTHER = 'other@privacy.test';
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
      for (const [email, role] of [[ADMIN, 'admin'], [LEAD, 'lead'], [REV, 'reviewer'], [AGENT, 'agent'], [OTHER, 'agent']] as const) {
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
  });
}
