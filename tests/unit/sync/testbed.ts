// The sync tests' testbed: an in-memory server that keeps the protocol's rules, and a fresh database for every test.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { ArvioDb, useDatabase } from '@/lib/db';
import { BACKEND_KEY } from '@/lib/db/database';
import { recomputeRollups } from '@/lib/db/rollups';
import { canonicalJson, pushRequestSchema, READ_RULES_HEADER, type SyncCollection, type TeamRosterResponse } from '@/lib/model/sync';
import type { BackendConfig, FetchLike } from '@/lib/sync';
import { review } from '../../../server/tests/helpers/docs';

export const BACKEND: BackendConfig = { url: 'https://arvio.example.com', token: 'arv_test' };

/** The server's rules in memory: equal doc → accepted as is; stale base → conflict; else a new revision. */
export class FakeServer {
  docs = new Map<string, { collection: SyncCollection; id: string; revision: number; seq: number; doc: Record<string, unknown> }>();
  seq = 0;
  pushes = 0;
  refuse: (doc: Record<string, unknown>) => boolean = () => false;
  /** Runs before a push is answered (e.g. the user edits meanwhile). */
  duringPush: () => Promise<void> = async () => undefined;
  /** The user's roster (`GET /v1/team/members`): who they are and their role in each team; none by default. */
  roster: TeamRosterResponse | null = null;
  /** The read rules the roster's answer says (READ_RULES_HEADER); none by default, as an older server. */
  rules: string | null = null;
  /** What the user may read, as the pull sends it: a doc, another shape of it, or null (not sent). */
  sentAs: (doc: Record<string, unknown>, collection: SyncCollection) => Record<string, unknown> | null = (doc) => doc;

  put(collection: SyncCollection, id: string, doc: Record<string, unknown>): void {
    const key = `${collection}:${id}`;
    const revision = (this.docs.get(key)?.revision ?? 0) + 1;
    this.docs.set(key, { collection, id, revision, seq: ++this.seq, doc });
  }

  fetch: FetchLike = async (url, init) => {
    const path = new URL(url).pathname;
    if (path === '/v1/sync/push') {
      this.pushes++;
      const body = pushRequestSchema.parse(JSON.parse(String(init.body)));
      // As the server refuses: the first refused change named, nothing of the batch saved.
      const refused = body.changes.findIndex((c) => this.refuse(c.doc as Record<string, unknown>));
      if (refused >= 0) return refusal(403, 'forbidden', `changes.${refused}`, 'not yours');
      await this.duringPush();
      const results = body.changes.map((c) => {
        const key = `${c.collection}:${c.id}`;
        const current = this.docs.get(key);
        if (current && canonicalJson(current.doc) === canonicalJson(c.doc)) {
          return { id: c.id, collection: c.collection, status: 'accepted', revision: current.revision, seq: current.seq };
        }
        if (current && c.baseRevision !== current.revision) {
          return { id: c.id, collection: c.collection, status: 'conflict', current: { revision: current.revision, seq: current.seq, doc: current.doc } };
        }
        this.put(c.collection, c.id, c.doc as Record<string, unknown>);
        const stored = this.docs.get(key)!;
        return { id: c.id, collection: c.collection, status: 'accepted', revision: stored.revision, seq: stored.seq };
      });
      return Response.json({ results });
    }
    if (path === '/v1/sync/pull') {
      const query = new URL(url).searchParams;
      const since = Number(query.get('since'));
      const limit = Number(query.get('limit'));
      const after = [...this.docs.values()]
        .filter((d) => d.seq > since)
        .flatMap((d) => {
          const doc = this.sentAs(d.doc, d.collection);
          return doc === null ? [] : [{ ...d, doc }];
        })
        .sort((a, b) => a.seq - b.seq);
      const docs = after.slice(0, limit);
      return Response.json({ docs, checkpoint: docs.at(-1)?.seq ?? since, more: after.length > limit });
    }
    if (path === '/v1/team/members' && this.roster) return Response.json(this.roster, { headers: this.rules === null ? {} : { [READ_RULES_HEADER]: this.rules } });
    return new Response('{}', { status: 404 });
  };
}

/** The server's own answer refusing a change (server/src/app.ts): its code, the change's path, its reason. */
export function refusal(status: 400 | 403 | 409, error: string, path: string, message: string): Response {
  return Response.json({ error, message: `${path}: ${message}; nothing in this batch was saved`, issues: [{ path, message }] }, { status });
}

let opened = 0;

/**
 * `it` with a fresh profile database (also the one the lib/db functions use) and an empty server.
 * The database is set up for every test, used or not: submitReview and friends write to it.
 */
export const it = test
  .extend('database', { auto: true }, async ({}, { onCleanup }) => {
    const database = new ArvioDb(`sync-${++opened}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    useDatabase(database);
    // Connected to the test's backend, as a profile that syncs is: only then are writes queued for it.
    await database.settings.put({ key: BACKEND_KEY, value: BACKEND });
    onCleanup(() => database.close());
    return database;
  })
  .extend('server', async () => new FakeServer());

/** A review written by this profile's reviewer, in their team. */
export const mine = (id: string, over = {}) => review(id, 'rev1@arvio.test', 'agent1@arvio.test', { team: 'team-a', ...over });

/** Rollup rows as stored, sums rounded: incremental and rebuilt rows compare equal. */
export async function rollupRows(database: ArvioDb): Promise<unknown[]> {
  const rows = await database.rollups.toArray();
  return rows.map((r) => ({ ...r, sum: Math.round(r.sum * 1e9) / 1e9 + 0 }));
}

/** The dashboard's rollups as kept incrementally equal the ones rebuilt from the reviews. */
export async function expectRollupsRebuilt(database: ArvioDb): Promise<void> {
  const kept = await rollupRows(database);
  await recomputeRollups(database);
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(await rollupRows(database));
}
