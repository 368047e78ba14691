// The extension's real sync engine (Dexie outbox, lib/sync) against the real server over HTTP, on PGlite and PostgreSQL, through faults.
// @vitest-environment node
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArvioDb, useDatabase } from '../../lib/db/database';
import { submitReview } from '../../lib/db/reviews';
import { getBackendConfig, saveBackendConfig, type BackendConfig } from '../../lib/sync';
import { importExportText } from '../../lib/transfer';
import type { Review } from '../../lib/model/review';
import type { Scorecard } from '../../lib/model/scorecard';
import { canonicalJson } from '../../lib/model/sync';
import type { FetchLike } from '../../lib/sync/client';
import { readConflicts, resolveConflict, runSync, type SyncOutcome } from '../../lib/sync';
import { readRoster } from '../../lib/sync/roster-store';
import { READ_RULES } from '../src/access';
import { addTeam, addUser, createToken, findUserByEmail, setMember } from '../src/admin';
import { removeMember } from '../src/members';
import { openPglite, openPostgres, type Db } from '../src/db';
import { migrate } from '../src/migrate';
import { startServer, type RunningServer } from '../src/serve';
import { review, scorecard } from './helpers/docs';
import { startPostgres } from './helpers/postgres';
import { faults } from './helpers/simClient';

const REV = 'rev1@arvio.test';
const AGENT = 'agent1@arvio.test';
const OTHER_AGENT = 'agent2@arvio.test';
/** Team B's reviewer. */
const REV_B = 'rev2@arvio.test';
const LEAD = 'lead@arvio.test';

/** One browser profile: its own IndexedDB, reopened on "restart" from the same factory. */
class Profile {
  readonly factory = new IDBFactory();
  db: ArvioDb;
  constructor(
    readonly name: string,
    readonly backend: BackendConfig,
  ) {
    this.db = new ArvioDb(name, { indexedDB: this.factory, IDBKeyRange });
  }
  /** What the sidebar does on submit, in a profile connected to the backend: the review and its outbox row in one transaction. */
  async write(doc: Review): Promise<void> {
    useDatabase(this.db);
    if (!(await getBackendConfig(this.db))) await saveBackendConfig(this.backend, this.db);
    await submitReview(doc, null);
  }
  sync(fetchImpl: FetchLike = fetch, options: Parameters<typeof runSync>[4] = {}): Promise<SyncOutcome> {
    return runSync(this.db, this.backend, fetchImpl, Date.now, { timeoutMs: 2_000, ...options });
  }
  /** The browser closed and opened again: a new connection to the same stored database. */
  async reopen(): Promise<void> {
    this.db.close();
    this.db = new ArvioDb(this.name, { indexedDB: this.factory, IDBKeyRange });
    await this.db.open();
  }
  async reviews(ids: readonly string[]): Promise<Map<string, Review>> {
    const rows = await this.db.reviews.bulkGet([...ids]);
    return new Map(rows.filter((r): r is Review => r !== undefined).map((r) => [r.id, r]));
  }
}

function extensionSyncSuite(label: string, open: () => Promise<{ db: Db; cleanup: () => Promise<void> }>): void {
  describe(label, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    let server: RunningServer;
    let closedUrl = '';
    const tokens: Record<string, string> = {};
    let n = 0;
    const team = { A: '', B: '' };
    const uid = (prefix: string) => `${prefix}-${++n}-${Math.random().toString(36).slice(2, 8)}`;
    /** A fresh browser profile signed in as the reviewer. */
    const profile = (who: string) => new Profile(uid(`profile-${who}`), { url: server.url, token: tokens[REV]! });

    beforeAll(async () => {
      ({ db, cleanup } = await open());
      await migrate(db);
      team.A = (await addTeam(db, 'Team A')).id;
      team.B = (await addTeam(db, 'Team B')).id;
      for (const [email, role, teams] of [
        [REV, 'reviewer', ['Team A']],
        [REV_B, 'reviewer', ['Team B']],
        [AGENT, 'agent', ['Team A']],
        [OTHER_AGENT, 'agent', ['Team B']],
        [LEAD, 'lead', ['Team A']],
      ] as const) {
        await addUser(db, { email, name: email.split('@')[0]!, role, teams: [...teams] });
        tokens[email] = (await createToken(db, email)).token;
      }
      server = await startServer(db, { port: 0, hostname: '127.0.0.1' }, { logError: () => undefined });
      const port = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const address = probe.address();
          probe.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
        });
      });
      closedUrl = `http://127.0.0.1:${port}`;
    });

    afterAll(async () => {
      await server?.close();
      await db?.close();
      await cleanup?.();
    });

    const newReviews = (count: number, prefix: string, over: Partial<Review> = {}) =>
      Array.from({ length: count }, () => review(uid(prefix), REV, AGENT, { team: team.A, ...over }));

    async function serverDocs(ids: readonly string[]): Promise<Map<string, { revision: number; doc: unknown }>> {
      const rows = await db.query<{ id: string; revision: unknown; doc: unknown }>(
        "SELECT id, revision, doc FROM docs WHERE collection = 'reviews' AND id = ANY($1::text[])",
        [ids],
      );
      return new Map(rows.map((r) => [r.id, { revision: Number(r.revision), doc: r.doc }]));
    }

    /** The acceptance rule: client and server hold exactly the same reviews, none lost, none duplicated. */
    async function expectSame(client: Profile, ids: readonly string[], revision = 1): Promise<void> {
      const [local, remote] = [await client.reviews(ids), await serverDocs(ids)];
      expect(await client.db.outbox.count()).toBe(0);
      expect(local.size).toBe(ids.length);
      expect(remote.size).toBe(ids.length);
      for (const id of ids) {
        expect(canonicalJson(remote.get(id)?.doc)).toBe(canonicalJson(local.get(id)));
        // Each change stored once: a retried push never makes a second revision.
        expect(remote.get(id)?.revision).toBe(revision);
      }
    }

    describe('faults, each ending with the same reviews on both sides', () => {
      it.each([
        ['the server is down for the first pushes, then up', () => faults.down(2, closedUrl, server.url), 'offline', 2],
        ['HTTP 500 and 503 answers', () => faults.status([500, 503]), 'server', 2],
        ['a timeout', () => faults.hang(1), 'timeout', 1],
      ] as const)('%s', async (_label, makeFetch, kind, failures) => {
        const client = profile('rev');
        const docs = newReviews(30, 'fault');
        for (const doc of docs) await client.write(doc);
        const fetchImpl = makeFetch();
        for (let i = 0; i < failures; i++) {
          const failed = await client.sync(fetchImpl, { timeoutMs: 300 });
          expect(failed.result).toBe('failed');
          expect(failed.status.lastError?.kind).toBe(kind);
          expect(failed.status).toMatchObject({ attempt: i + 1, pendingCount: 30 });
          expect(failed.status.nextAttemptAt).toBeGreaterThan(failed.status.lastError!.at - 1);
        }
        const ok = await client.sync(fetchImpl);
        expect(ok).toMatchObject({ result: 'ok', pushed: 30 });
        expect(ok.status).toMatchObject({ attempt: 0, lastError: null, pendingCount: 0 });
        await expectSame(client, docs.map((d) => d.id));
      });

      it('the connection reset after the server committed, with an edit made before the retry', async () => {
        const client = profile('rev');
        const docs = newReviews(20, 'lost');
        for (const doc of docs) await client.write(doc);
        expect((await client.sync(faults.lostAnswer(1))).status.lastError?.kind).toBe('offline');
        expect((await serverDocs(docs.map((d) => d.id))).size).toBe(20); // committed, unseen
        await client.write({ ...docs[0]!, feedback: 'edited after the lost answer', revision: 1 });

        const ok = await client.sync();

        expect(ok).toMatchObject({ result: 'ok', conflicts: 0 });
        await expectSame(client, docs.slice(1).map((d) => d.id));
        await expectSame(client, [docs[0]!.id], 2);
      });

      it('the browser closed in the middle of a sync and reopened', async () => {
        const client = profile('rev');
        const docs = newReviews(450, 'closed');
        for (const doc of docs) await client.write(doc);
        const closing = new AbortController();
        let pushes = 0;
        // The second push reaches the server and commits; the browser is gone before the answer is read.
        const dying: FetchLike = async (url, init) => {
          const answer = await fetch(url, init);
          if (url.includes('/push') && ++pushes === 2) {
            closing.abort();
            throw new DOMException('The user aborted a request.', 'AbortError');
          }
          return answer;
        };
        const stopped = await client.sync(dying, { signal: closing.signal });
        expect(stopped.result).toBe('failed');
        expect(stopped.status.lastError?.kind).toBe('aborted');
        expect(await client.db.outbox.count()).toBe(250);

        await client.reopen();
        const ok = await client.sync();

        expect(ok).toMatchObject({ result: 'ok', conflicts: 0 });
        await expectSame(client, docs.map((d) => d.id));
      });
    });

    it('two clients edit the same review: the conflict is shown, nothing is lost, both end equal', async () => {
      const a = profile('rev');
      const b = profile('rev');
      const [one, two] = newReviews(2, 'shared', { feedback: 'original' });
      const ids = [one!.id, two!.id];
      await a.write(one!);
      await a.write(two!);
      await a.sync();
      expect((await b.sync()).pulled).toBeGreaterThanOrEqual(2);
      expect((await b.reviews(ids)).size).toBe(2);

      // Both edit offline, then sync: A first.
      await a.write({ ...one!, feedback: 'A says', updatedAt: '2026-03-03T10:00:00.000Z' });
      await a.write({ ...two!, feedback: 'A says', updatedAt: '2026-03-03T10:00:00.000Z' });
      await b.write({ ...one!, feedback: 'B says', updatedAt: '2026-03-03T11:00:00.000Z' });
      await b.write({ ...two!, feedback: 'B says', updatedAt: '2026-03-03T11:00:00.000Z' });
      expect((await a.sync()).pushed).toBe(2);
      const seen = await b.sync();

      expect(seen.conflicts).toBe(2);
      const conflicts = await readConflicts(b.db);
      expect(conflicts.map((c) => [c.id, c.mine.feedback, c.theirs.feedback]).sort()).toEqual(
        ids.map((id) => [id, 'B says', 'A says']).sort(),
      );
      // Neither side overwritten.
      expect([...(await b.reviews(ids)).values()].map((r) => r.feedback)).toEqual(['B says', 'B says']);
      expect([...(await serverDocs(ids)).values()].map((r) => (r.doc as Review).feedback)).toEqual(['A says', 'A says']);

      // B keeps its own words on one and takes A's on the other.
      await resolveConflict(b.db, 'reviews', one!.id, 'mine');
      await resolveConflict(b.db, 'reviews', two!.id, 'theirs');
      expect(await b.sync()).toMatchObject({ result: 'ok', pushed: 1, conflicts: 0 });
      expect(await a.sync()).toMatchObject({ result: 'ok', conflicts: 0 });

      expect((await a.reviews([one!.id])).get(one!.id)?.feedback).toBe('B says');
      expect((await a.reviews([two!.id])).get(two!.id)?.feedback).toBe('A says');
      await expectSame(a, [one!.id], 3);
      await expectSame(b, [one!.id], 3);
      await expectSame(a, [two!.id], 2);
      await expectSame(b, [two!.id], 2);
      expect(await readConflicts(a.db)).toEqual([]);
      expect(await readConflicts(b.db)).toEqual([]);
    });

    it('the reviewed agent receives the review about them, and another agent does not', async () => {
      const reviewer = profile('rev');
      const [about] = newReviews(1, 'about-agent1');
      // Team B's agent is reviewed by Team B's reviewer.
      const reviewerB = new Profile(uid('rev-b'), { url: server.url, token: tokens[REV_B]! });
      const elsewhere = review(uid('about-agent2'), REV_B, OTHER_AGENT, { team: team.B });
      await reviewer.write(about!);
      await reviewerB.write(elsewhere);
      await reviewer.sync();
      await reviewerB.sync();

      const agent = new Profile(uid('agent1'), { url: server.url, token: tokens[AGENT]! });
      const other = new Profile(uid('agent2'), { url: server.url, token: tokens[OTHER_AGENT]! });
      await agent.sync();
      await other.sync();

      expect([...(await agent.reviews([about!.id, elsewhere.id])).keys()]).toEqual([about!.id]);
      expect([...(await other.reviews([about!.id, elsewhere.id])).keys()]).toEqual([elsewhere.id]);
      // An agent may not author reviews: the refused change is set aside with the reason, kept locally.
      await agent.write(review(uid('forged'), AGENT, AGENT));
      const refused = await agent.sync();
      expect(refused).toMatchObject({ result: 'ok', refused: 1 });
      expect(refused.status.refused[0]?.reason).toMatch(/agent may not write reviews/);
    });

    it('reviews the server refuses (a NUL byte, 570 KB) are set aside with the reason, the rest of their batch arrives, and they are not sent again until edited', async () => {
      const client = profile('rev');
      const good = newReviews(6, 'batch-good');
      const [nul] = newReviews(1, 'batch-nul', { reviewee: { id: `${AGENT}\u0000`, name: 'agent1' } });
      const [huge] = newReviews(1, 'batch-huge', {
        ratings: Array.from({ length: 100 }, (_, i) => ({ criterionId: `c${i}`, value: 1, na: false, comment: 'sana '.repeat(1000) })),
      });
      // One batch, the refused ones in the middle of it.
      for (const doc of [good[0]!, nul!, good[1]!, good[2]!, huge!, good[3]!, good[4]!, good[5]!]) await client.write(doc);
      const pushed: string[][] = [];
      const watching: FetchLike = (url, init) => {
        if (url.includes('/push')) pushed.push((JSON.parse(String(init.body)) as { changes: Array<{ id: string }> }).changes.map((c) => c.id));
        return fetch(url, init);
      };

      const first = await client.sync(watching);

      expect(first).toMatchObject({ result: 'ok', pushed: 6, refused: 2 });
      expect(pushed[0]).toHaveLength(8);
      expect(first.status.refused).toEqual([
        { collection: 'reviews', id: nul!.id, reason: expect.stringMatching(/^HTTP 400: changes\.0\.doc\.reviewee\.id: must not contain the NUL character/) },
        { collection: 'reviews', id: huge!.id, reason: expect.stringMatching(/^HTTP 400: changes\.0\.doc: the document is \d+ bytes of JSON; at most 262144/) },
      ]);
      await expectSame(client, good.map((d) => d.id));
      expect((await serverDocs([nul!.id, huge!.id])).size).toBe(0);
      // Kept on this computer, as written.
      expect((await client.reviews([nul!.id, huge!.id])).size).toBe(2);

      pushed.length = 0;
      const second = await client.sync(watching);
      expect(second).toMatchObject({ result: 'ok', pushed: 0, refused: 0 });
      expect(pushed).toEqual([]);
      expect(second.status.refused.map((r) => r.id)).toEqual([nul!.id, huge!.id]);

      // The reviewer corrects the reviewee: the review goes, and the status stops naming it.
      await client.write({ ...nul!, reviewee: { id: AGENT, name: 'agent1' } });
      const third = await client.sync(watching);
      expect(third).toMatchObject({ result: 'ok', pushed: 1, refused: 0 });
      expect(third.status.refused.map((r) => r.id)).toEqual([huge!.id]);
      expect((await serverDocs([nul!.id])).get(nul!.id)?.revision).toBe(1);
    });

    it('a lead downloads the team’s JSON export from the server and imports it into a fresh profile: the same reviews, and their scorecard', async () => {
      const reviewer = profile('rev');
      const written = newReviews(3, 'exported');
      for (const doc of written) await reviewer.write(doc);
      expect(await reviewer.sync()).toMatchObject({ result: 'ok', pushed: 3 });
      const card: Scorecard = scorecard('card-1', 1, { team: team.A });
      const published = await fetch(`${server.url}/v1/scorecards`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${tokens[LEAD]}`, 'content-type': 'application/json' },
        body: JSON.stringify({ scorecard: card }),
      });
      expect(published.status).toBeLessThan(300);

      const answer = await fetch(`${server.url}/v1/export/reviews?format=json`, { headers: { authorization: `Bearer ${tokens[LEAD]}` } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toContain('application/json');
      const file = await answer.text();

      const lead = new Profile(uid('lead'), { url: server.url, token: tokens[LEAD]! });
      const imported = await importExportText(file, { database: lead.db });

      // What the server holds for the lead: every review of Team A (the export leaves tombstones out).
      const held = await db.query<{ id: string; doc: unknown }>("SELECT id, doc FROM docs WHERE collection = 'reviews' AND team = $1 AND NOT deleted ORDER BY id", [team.A]);
      expect(held.map((r) => r.id)).toEqual(expect.arrayContaining(written.map((d) => d.id)));
      expect(imported).toEqual({ ok: true, summary: { reviews: { added: held.length, updated: 0, unchanged: 0 }, selfChecks: 0, scorecards: 1 } });
      const local = new Map((await lead.db.reviews.toArray()).map((r) => [r.id, canonicalJson(r)]));
      expect(local).toEqual(new Map(held.map((r) => [r.id, canonicalJson(r.doc)])));
      expect(await lead.db.scorecards.toArray()).toEqual([card]);
    });

    it('each sync caches the team roster for the configured backend: the agent only themself, the reviewer their team', async () => {
      const agent = new Profile(uid('agent1'), { url: server.url, token: tokens[AGENT]! });
      const reviewer = profile('rev');
      for (const p of [agent, reviewer]) {
        await p.db.settings.put({ key: 'sync.backend', value: p.backend });
        expect(await readRoster(p.db)).toBeNull();
        await p.sync();
      }
      expect(await readRoster(agent.db)).toMatchObject({ me: { email: AGENT, role: 'agent' }, members: [{ email: AGENT }], rules: READ_RULES });
      // The profile records the access it was pulled under, the server's read rules with it.
      expect((await agent.db.settings.get('sync.access'))?.value).toMatch(new RegExp(` rules=${READ_RULES}$`));
      const team = await readRoster(reviewer.db);
      expect(team?.me.email).toBe(REV);
      expect(team?.members.map((m) => m.email)).toContain(AGENT);
      expect(team?.members.map((m) => m.email)).not.toContain(OTHER_AGENT);
      // Another token (another person) on the same server does not reuse the cached roster.
      await reviewer.db.settings.put({ key: 'sync.backend', value: { ...reviewer.backend, token: tokens[AGENT]! } });
      expect(await readRoster(reviewer.db)).toBeNull();
    });

    it('a reviewer and an agent who moved to another team get, on a new computer, the scorecard version their reviews were made with, and not its other versions', async () => {
      const [mover, moved] = [`${uid('mover')}@arvio.test`, `${uid('moved')}@arvio.test`];
      for (const [email, role] of [[mover, 'reviewer'], [moved, 'agent']] as const) {
        await addUser(db, { email, name: email.split('@')[0]!, role, teams: ['Team A'] });
        tokens[email] = (await createToken(db, email)).token;
      }
      const cardId = uid('card-a');
      for (const version of [1, 2]) {
        const published = await fetch(`${server.url}/v1/scorecards`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${tokens[LEAD]}`, 'content-type': 'application/json' },
          body: JSON.stringify({ scorecard: scorecard(cardId, version, { team: team.A }) }),
        });
        expect(published.status).toBeLessThan(300);
      }
      const written = review(uid('made-with-v1'), mover, moved, { team: team.A, scorecardId: cardId, scorecardVersion: 1 });
      const before = new Profile(uid('mover-before'), { url: server.url, token: tokens[mover]! });
      await before.write(written);
      expect(await before.sync()).toMatchObject({ result: 'ok', pushed: 1 });

      // Both move to Team B: a lead of Team A takes them out of it.
      const lead = (await findUserByEmail(db, LEAD))!;
      for (const [email, role] of [[mover, 'reviewer'], [moved, 'agent']] as const) {
        await setMember(db, { email, team: 'Team B', role });
        await removeMember(db, lead, team.A, (await findUserByEmail(db, email))!.id);
      }

      const versionsOf = async (who: Profile) => (await who.db.scorecards.where('id').equals(cardId).toArray()).map((card) => card.version);
      for (const email of [mover, moved]) {
        const fresh = new Profile(uid('new-computer'), { url: server.url, token: tokens[email]! });
        expect(await fresh.sync()).toMatchObject({ result: 'ok' });
        expect([...(await fresh.reviews([written.id])).keys()]).toEqual([written.id]);
        expect(await versionsOf(fresh)).toEqual([1]);
      }
      // Team B's own reviewer, who never was in Team A, reads neither.
      const elsewhere = new Profile(uid('rev-b'), { url: server.url, token: tokens[REV_B]! });
      await elsewhere.sync();
      expect((await elsewhere.reviews([written.id])).size).toBe(0);
      expect(await versionsOf(elsewhere)).toEqual([]);
    });

    it('an agent reviewed with another team’s scorecard, and the team’s reviewers and leads, get that version with the review, though their profiles had pulled past it', async () => {
      const cardId = uid('card-of-a');
      const published = await fetch(`${server.url}/v1/scorecards`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${tokens[LEAD]}`, 'content-type': 'application/json' },
        body: JSON.stringify({ scorecard: scorecard(cardId, 1, { team: team.A }) }),
      });
      expect(published.status).toBeLessThan(300);
      // Team B's agent, synced past Team A's card (which they may not read): a review of them written after it.
      const reviewerB = new Profile(uid('rev-b'), { url: server.url, token: tokens[REV_B]! });
      // Made with a card of its own team's (not stored here): Team A's card-1 is not Team B's to name.
      const later = review(uid('after-the-card'), REV_B, OTHER_AGENT, { team: team.B, scorecardId: uid('card-of-b') });
      await reviewerB.write(later);
      expect(await reviewerB.sync()).toMatchObject({ result: 'ok', pushed: 1 });
      const agent = new Profile(uid('agent2'), { url: server.url, token: tokens[OTHER_AGENT]! });
      expect(await agent.sync()).toMatchObject({ result: 'ok' });
      expect([...(await agent.reviews([later.id])).keys()]).toEqual([later.id]);
      expect(await agent.db.scorecards.where('id').equals(cardId).count()).toBe(0);

      // The lead, now of both teams, reviews them in Team B with Team A's card.
      await setMember(db, { email: LEAD, team: 'Team B', role: 'lead' });
      const lead = new Profile(uid('lead-ab'), { url: server.url, token: tokens[LEAD]! });
      const written = review(uid('cross-card'), LEAD, OTHER_AGENT, { team: team.B, scorecardId: cardId, scorecardVersion: 1 });
      await lead.write(written);
      expect(await lead.sync()).toMatchObject({ result: 'ok', pushed: 1 });

      const versionsOf = async (who: Profile) => (await who.db.scorecards.where('id').equals(cardId).toArray()).map((card) => card.version);
      expect(await agent.sync()).toMatchObject({ result: 'ok' });
      expect([...(await agent.reviews([written.id])).keys()]).toEqual([written.id]);
      expect(await versionsOf(agent)).toEqual([1]);

      // Whoever reads Team B's reviews reads the card version they were made with, so the review whole:
      // Team B's reviewer, whose profile had pulled past the card too, and a lead of Team B only.
      expect(await reviewerB.sync()).toMatchObject({ result: 'ok' });
      expect([...(await reviewerB.reviews([written.id])).keys()]).toEqual([written.id]);
      expect(await versionsOf(reviewerB)).toEqual([1]);
      const [leadB, agentB, outsider] = [`${uid('lead-b')}@arvio.test`, `${uid('agent-b')}@arvio.test`, `${uid('outsider')}@arvio.test`];
      for (const [email, role, teams] of [[leadB, 'lead', ['Team B']], [agentB, 'agent', ['Team B']], [outsider, 'reviewer', []]] as const) {
        await addUser(db, { email, name: email.split('@')[0]!, role, teams: [...teams] });
        tokens[email] = (await createToken(db, email)).token;
      }
      const leadOfB = new Profile(uid('lead-b'), { url: server.url, token: tokens[leadB]! });
      expect(await leadOfB.sync()).toMatchObject({ result: 'ok' });
      expect([...(await leadOfB.reviews([written.id])).keys()]).toEqual([written.id]);
      expect(await versionsOf(leadOfB)).toEqual([1]);
      // Not Team B's other agent (who reads only reviews of themself), nor someone of no team.
      for (const email of [agentB, outsider]) {
        const other = new Profile(uid('not-reading'), { url: server.url, token: tokens[email]! });
        expect(await other.sync()).toMatchObject({ result: 'ok' });
        expect((await other.reviews([written.id])).size).toBe(0);
        expect(await versionsOf(other)).toEqual([]);
      }
    });
  });
}

extensionSyncSuite('extension sync on PGlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'arvio-ext-sync-'));
  return { db: await openPglite(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
});

extensionSyncSuite('extension sync on PostgreSQL', async () => {
  const pg = await startPostgres();
  return { db: await openPostgres(pg.url), cleanup: () => pg.stop() };
});
