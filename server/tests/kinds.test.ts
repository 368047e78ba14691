// The server reads the registry of kinds: its storage constraint and its read grants (SQL and code) follow it.
// @vitest-environment node
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindNames, kindOf, type Opens } from '../../lib/model/kinds';
import { syncChangeSchema, type SyncChange } from '../../lib/model/sync';
import { canRead, parentKind, syncKindsConstraint, visibleSql } from '../src/access';
import { addTeam, addUser, findUserByEmail } from '../src/admin';
import { openPglite, type Db } from '../src/db';
import { migrate } from '../src/migrate';
import { push, Refusal, viewerOf } from '../src/store';
import { review, selfCheck } from './helpers/docs';

let dir = '';
let db: Db;
/** The ids of teams A and B. */
const teams = { A: '', B: '' };
const PEOPLE = ['lead@a.test', 'rev@a.test', 'agent@a.test', 'agent@b.test', 'rev@b.test', 'loner@x.test'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arvio-kinds-'));
  db = await openPglite(dir);
  await migrate(db);
  teams.A = (await addTeam(db, 'A')).id;
  teams.B = (await addTeam(db, 'B')).id;
  await addUser(db, { email: 'lead@a.test', name: 'Lead', role: 'lead', teams: ['A'] });
  await addUser(db, { email: 'rev@a.test', name: 'Rev', role: 'reviewer', teams: ['A'] });
  await addUser(db, { email: 'agent@a.test', name: 'Agent A', role: 'agent', teams: ['A'] });
  await addUser(db, { email: 'agent@b.test', name: 'Agent B', role: 'agent', teams: ['B'] });
  await addUser(db, { email: 'rev@b.test', name: 'Rev B', role: 'reviewer', teams: ['B'] });
  await addUser(db, { email: 'loner@x.test', name: 'Loner', role: 'reviewer', teams: [] });
  // Every kind × owner × subject (or none), straight into storage: the read grants decide alone.
  // Where a kind has them, documents open to nobody, to all or to owners in their group, hang under
  // parents that do the same, fall in groups each owner has some documents in and some not, and name
  // (audience) some of the people and not others.
  const idOf = (owner: string, subject: string | null) => `${owner}>${subject ?? '-'}`;
  const subjects = [null, ...PEOPLE];
  const OPENS: Array<Opens | null> = [null, 'all', 'own'];
  const TEAMS = [teams.A, teams.B, null];
  const rows: unknown[][] = [];
  for (const kind of kindNames) {
    const descriptor = kindOf(kind);
    const parent = parentKind(kind);
    for (const [o, owner] of PEOPLE.entries()) {
      for (const [s, subject] of subjects.entries()) {
        const parentOwner = PEOPLE[(o + s) % PEOPLE.length]!;
        rows.push([
          kind,
          idOf(owner, subject),
          rows.length + 1,
          owner,
          subject,
          parent ? idOf(parentOwner, subjects[(o * 3 + s) % subjects.length]!) : null,
          descriptor.group ? `g${(o + (s % 2)) % 4}` : null,
          descriptor.opens ? OPENS[(o + s) % OPENS.length] : null,
          TEAMS[(o * 2 + s) % TEAMS.length],
          descriptor.audience ? JSON.stringify(PEOPLE.filter((_, p) => (p + o + s) % 3 !== 1)) : null,
          descriptor.series ? `series-${o}` : null,
        ]);
      }
    }
  }
  const column = (i: number) => rows.map((row) => row[i]);
  await db.query(
    `INSERT INTO docs (collection, id, revision, seq, doc, owner, subject, parent, grp, opens, team, audience, series)
     SELECT c, i, 1, s, '{}', o, sub, p, g, op, tm, aud::jsonb, ser
       FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
         AS t(c, i, s, o, sub, p, g, op, tm, aud, ser)`,
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(column),
  );
  // The `used` grant: Team B's agent's own documents were made with one version of a card, Team B's
  // reviewer's with every version of a form's series (a coaching focus names a card so).
  await db.query(
    "INSERT INTO doc_uses (person, used) VALUES ('agent@b.test', 'scorecards:' || $1), ('rev@b.test', 'coachingForms:series-0')",
    [idOf('lead@a.test', 'agent@a.test')],
  );
  // Its team rows: team B's reviews were made with another version of that card, team B's coaching
  // sessions with every version of another form's series (whoever reads those of team B reads them).
  await db.query(
    "INSERT INTO team_uses (team, kind, used) VALUES ($1, 'reviews', 'scorecards:' || $2), ($1, 'coachingSessions', 'coachingForms:series-1')",
    [teams.B, idOf('lead@a.test', null)],
  );
  // Pushes in the tests below take their seqs from the sequence: past the ones used here.
  await db.query("SELECT setval('docs_seq', (SELECT max(seq) FROM docs))");
});

afterAll(async () => {
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the server follows the registry of kinds', () => {
  it('stores documents of the registry kinds only, and keeps its constraint when the registry did not change', async () => {
    await expect(
      db.query("INSERT INTO docs (collection, id, revision, seq, doc, owner) VALUES ('bogus', 'x', 1, nextval('docs_seq'), '{}', 'a@b.c')"),
    ).rejects.toThrow(/docs_collection_check/);
    expect(await db.transaction((tx) => syncKindsConstraint(tx))).toBe(false);
  });

  it('replaces a constraint that lists other kinds (a registry that grew)', async () => {
    await db.exec("ALTER TABLE docs DROP CONSTRAINT docs_collection_check; ALTER TABLE docs ADD CONSTRAINT docs_collection_check CHECK (collection IN ('reviews')) NOT VALID");
    expect(await db.transaction((tx) => syncKindsConstraint(tx))).toBe(true);
    const [row] = await db.query<{ def: string }>("SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'docs_collection_check'");
    for (const kind of kindNames) expect(row!.def).toContain(`'${kind}'`);
  });

  it.each(PEOPLE)('what %s may read is the same in SQL (lists) and in code (single documents)', async (who) => {
    const user = (await findUserByEmail(db, who))!;
    const viewer = await viewerOf(db, user);
    const visible = visibleSql(user, 1);
    const bySql = await db.query<{ collection: string; id: string }>(`SELECT d.collection, d.id FROM docs d WHERE ${visible.sql} ORDER BY 1, 2`, visible.params);
    const all = await db.query<{
      collection: (typeof kindNames)[number];
      id: string;
      team: string | null;
      owner: string;
      subject: string | null;
      parent: string | null;
      grp: string | null;
      opens: Opens | null;
      audience: string[] | null;
      series: string | null;
    }>('SELECT collection, id, team, owner, subject, parent, grp, opens, audience, series FROM docs ORDER BY 1, 2');
    const byCode = all.filter((d) => canRead(viewer, d)).map((d) => ({ collection: d.collection, id: d.id }));
    expect(bySql).toEqual(byCode);
    // Never everything, never nothing: every caller reads their own documents and not all of the others'.
    expect(bySql.length).toBeGreaterThan(0);
    expect(bySql.length).toBeLessThan(all.length);
  });

  it('the `used` grant reads the versions a person\'s documents, and their team\'s they read, were made with, by version or by series, and nothing else of those kinds', async () => {
    const readBy = async (who: string, kind: string) => {
      const user = (await findUserByEmail(db, who))!;
      const visible = visibleSql(user, 2);
      const rows = await db.query<{ id: string; team: string | null; series: string | null }>(
        `SELECT d.id, d.team, d.series FROM docs d WHERE d.collection = $1 AND ${visible.sql} ORDER BY d.id`,
        [kind, ...visible.params],
      );
      return rows.filter((r) => r.team !== null && r.team !== teams.B);
    };
    // Beyond their own team's: exactly the one version their own review used (an agent reads no team's reviews, so not the team's).
    expect((await readBy('agent@b.test', 'scorecards')).map((r) => r.id)).toEqual(['lead@a.test>agent@a.test']);
    // A reviewer of team B reads team B's reviews, so the version they used; and every version of the
    // series their own coaching used and of the one team B's coaching sessions (which they read) used.
    expect((await readBy('rev@b.test', 'scorecards')).map((r) => r.id)).toEqual(['lead@a.test>-']);
    const forms = await readBy('rev@b.test', 'coachingForms');
    expect(forms.length).toBeGreaterThan(2);
    expect(new Set(forms.map((r) => r.series))).toEqual(new Set(['series-0', 'series-1']));
    expect(await readBy('agent@b.test', 'coachingForms')).toEqual([]);
    // Nobody outside team B reads by its rows.
    expect(await readBy('loner@x.test', 'scorecards')).toEqual([]);
  });

  it('the `opened` grant decides for itself: a reviewer reads some of the team’s calibration ratings of others, not all', async () => {
    const user = (await findUserByEmail(db, 'rev@a.test'))!;
    const viewer = await viewerOf(db, user);
    const others = await db.query<{ collection: 'calibrationRatings'; id: string; series: string | null; team: string | null; owner: string; subject: string | null; parent: string | null; grp: string | null; opens: Opens | null; audience: string[] | null }>(
      "SELECT collection, id, series, team, owner, subject, parent, grp, opens, audience FROM docs WHERE collection = 'calibrationRatings' AND owner IN ('lead@a.test', 'agent@a.test')",
    );
    const read = others.filter((d) => canRead(viewer, d));
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThan(others.length);
  });

  describe('writes that must not leak or squat', () => {
    const as = async (who: string) => (await findUserByEmail(db, who))!;
    const refusal = async (who: string, changes: SyncChange[]): Promise<string> => {
      try {
        await push(db, await as(who), changes);
      } catch (error) {
        if (error instanceof Refusal) return error.message;
        throw error;
      }
      throw new Error('the push was accepted');
    };

    it("an agent cannot take the id of another agent's self-check of the same ticket", async () => {
      const victims = selfCheck('squat-1', 'agent@a.test', { team: teams.A });
      // Their own doc under the victim's id: the id names ticket and agent, so the schema refuses it.
      const squat = syncChangeSchema.safeParse({ collection: 'selfChecks', id: victims.id, baseRevision: null, doc: { ...victims, agent: { id: 'agent@b.test', name: 'B' } } });
      expect(squat.success).toBe(false);
      expect(squat.error?.issues.map((i) => i.path.join('.'))).toContain('doc.id');
      // The victim's doc as the victim's, in the squatter's own team or in the victim's: not theirs to write.
      expect(await refusal('agent@b.test', [{ collection: 'selfChecks', id: victims.id, baseRevision: null, doc: { ...victims, team: teams.B } }])).toMatch(/agent they belong to/);
      expect(await refusal('agent@b.test', [{ collection: 'selfChecks', id: victims.id, baseRevision: null, doc: victims }])).toMatch(/not a member of this team/);
      const [own] = await push(db, await as('agent@a.test'), [{ collection: 'selfChecks', id: victims.id, baseRevision: null, doc: victims }]);
      expect(own?.status).toBe('accepted');
    });

    it('a refusal reads the same whether the document exists or not (no existence oracle)', async () => {
      const existing = review('oracle-existing', 'rev@a.test', 'agent@a.test', { team: teams.A });
      await push(db, await as('rev@a.test'), [{ collection: 'reviews', id: existing.id, baseRevision: null, doc: existing }]);
      const overExisting = await refusal('rev@b.test', [{ collection: 'reviews', id: existing.id, baseRevision: 1, doc: { ...existing, feedback: 'taken over' } }]);
      const absent = review('oracle-absent', 'rev@a.test', 'agent@a.test', { team: teams.A });
      const overAbsent = await refusal('rev@b.test', [{ collection: 'reviews', id: absent.id, baseRevision: null, doc: absent }]);
      expect(overExisting).toBe(overAbsent);
    });

    it('the reviewed agent cannot acknowledge a deleted review', async () => {
      const doc = review('ack-deleted', 'rev@a.test', 'agent@a.test', { team: teams.A });
      const reviewer = await as('rev@a.test');
      await push(db, reviewer, [{ collection: 'reviews', id: doc.id, baseRevision: null, doc }]);
      const tombstone = { ...doc, deleted: true, revision: 2 };
      await push(db, reviewer, [{ collection: 'reviews', id: doc.id, baseRevision: 1, doc: tombstone }]);
      expect(
        await refusal('agent@a.test', [{ collection: 'reviews', id: doc.id, baseRevision: 2, doc: { ...tombstone, acknowledgedAt: '2026-07-02T00:00:00.000Z' } }]),
      ).toMatch(/deleted review cannot be acknowledged/);
    });
  });
});
