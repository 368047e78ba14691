// The server over real HTTP on 127.0.0.1 against the embedded default, PGlite, in a temp folder; and its migrations.
// @vitest-environment node
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../lib/model/sync';
import { addUser, findUserByEmail } from '../src/admin';
import { openPglite } from '../src/db';
import { migrate, MIGRATIONS_DIR } from '../src/migrate';
import { kindOf } from '../../lib/model/kinds';
import { pullJson } from '../src/store';
import { calibrationSession, coachingSession, dispute, review, scorecard, selfCheck } from './helpers/docs';
import { serverSuite } from './helpers/suite';

serverSuite('server on PGlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'arvio-pglite-'));
  return { db: await openPglite(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
});

describe('migrations', () => {
  it('keep the documents of a database made before docs were stored as JSON text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'arvio-pglite-'));
    const first = await mkdtemp(join(tmpdir(), 'arvio-migrations-'));
    const db = await openPglite(dir);
    try {
      await copyFile(join(MIGRATIONS_DIR, '001_init.sql'), join(first, '001_init.sql'));
      await migrate(db, first);
      await addUser(db, { email: 'lead@arvio.test', name: 'Lead', role: 'admin', teams: [] });
      const doc = review('old-1', 'rev@arvio.test', 'agent@arvio.test');
      await db.query(`INSERT INTO docs (collection, id, revision, seq, doc, owner, subject) VALUES ('reviews', $1, 1, 1, $2::jsonb, $3, $4)`, [
        doc.id,
        JSON.stringify(doc),
        'rev@arvio.test',
        'agent@arvio.test',
      ]);

      expect(await migrate(db)).toEqual(['002_docs_as_json_text.sql', '003_docs_opening.sql', '004_teams_own_data.sql', '005_invites.sql', '006_docs_received_at.sql', '007_docs_audience.sql', '008_server_secrets.sql', '009_coaching_actions_opened.sql', '010_doc_uses.sql', '011_team_uses.sql']);

      const user = await findUserByEmail(db, 'lead@arvio.test');
      const page = pullResponseSchema.parse(JSON.parse(await pullJson(db, user!, 0, 10)));
      expect(page).toEqual({ docs: [{ collection: 'reviews', id: doc.id, revision: 1, seq: 1, doc }], checkpoint: 1, more: false });
      expect((await db.query(`SELECT pg_typeof(doc)::text AS type FROM docs`))[0]).toEqual({ type: 'json' });
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
      await rm(first, { recursive: true, force: true });
    }
    // Four migrations on a fresh PGlite: about 30 s on a loaded 2-core machine.
  }, 120_000);

  it('give every document stored before teams owned data the team its people share, and tell the clients', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'arvio-pglite-'));
    const before = await mkdtemp(join(tmpdir(), 'arvio-migrations-'));
    const db = await openPglite(dir);
    try {
      for (const file of ['001_init.sql', '002_docs_as_json_text.sql', '003_docs_opening.sql']) await copyFile(join(MIGRATIONS_DIR, file), join(before, file));
      await migrate(db, before);
      // Teams and people as the CLI made them then: one role per person.
      await db.exec(`
        INSERT INTO teams (id, name) VALUES ('t-a', 'A'), ('t-b', 'B');
        INSERT INTO users (id, email, name, role) VALUES ('u-lead', 'lead@old.test', 'Lead', 'lead'), ('u-rev', 'rev@old.test', 'Rev', 'reviewer'),
          ('u-agent', 'agent@old.test', 'Agent', 'agent'), ('u-loner', 'loner@old.test', 'Loner', 'agent'), ('u-admin', 'admin@old.test', 'Admin', 'admin');
        INSERT INTO team_members (team_id, user_id) VALUES ('t-a', 'u-lead'), ('t-a', 'u-rev'), ('t-b', 'u-rev'), ('t-b', 'u-agent'), ('t-a', 'u-admin');`);
      // Documents as clients wrote them then: without a team field.
      const old = <T extends { team: string | null }>({ team: _, ...doc }: T) => doc;
      const rows: Array<[string, string, unknown, string, string | null, string | null]> = [
        ['reviews', 'r-b', old(review('r-b', 'rev@old.test', 'agent@old.test')), 'rev@old.test', 'agent@old.test', null],
        ['reviews', 'r-loner', old(review('r-loner', 'rev@old.test', 'loner@old.test')), 'rev@old.test', 'loner@old.test', null],
        ['selfChecks', 'zendesk:7|agent@old.test', old(selfCheck('7', 'agent@old.test')), 'agent@old.test', null, null],
        ['scorecards', 'card@1', old(scorecard('card', 1)), 'lead@old.test', null, null],
        ['scorecards', 'card@2', old(scorecard('card', 2)), 'rev@old.test', null, null],
        ['disputes', 'agent@old.test|r-b', old(dispute('r-b', 'agent@old.test', 'rev@old.test')), 'agent@old.test', 'rev@old.test', 'r-b'],
      ];
      for (const [i, [collection, id, doc, owner, subject, parent]] of rows.entries()) {
        await db.query('INSERT INTO docs (collection, id, revision, seq, doc, owner, subject, parent) VALUES ($1, $2, 1, $3, $4::json, $5, $6, $7)', [
          collection, id, i + 1, JSON.stringify(doc), owner, subject, parent,
        ]);
      }
      await db.query("SELECT setval('docs_seq', $1)", [rows.length]);

      expect(await migrate(db)).toEqual(['004_teams_own_data.sql', '005_invites.sql', '006_docs_received_at.sql', '007_docs_audience.sql', '008_server_secrets.sql', '009_coaching_actions_opened.sql', '010_doc_uses.sql', '011_team_uses.sql']);

      const stored = await db.query<{ id: string; team: string | null; revision: number; seq: unknown; doc: Record<string, unknown> }>(
        'SELECT id, team, revision, seq, doc FROM docs ORDER BY id',
      );
      const teamOf = Object.fromEntries(stored.map((d) => [d.id, d.team]));
      // The team reviewer and reviewee share; the author's first; a series keeps its first version's; a child its parent's.
      expect(teamOf).toEqual({
        'r-b': 't-b',
        'r-loner': null,
        'zendesk:7|agent@old.test': 't-b',
        'card@1': 't-a',
        'card@2': 't-a',
        'agent@old.test|r-b': 't-b',
      });
      for (const d of stored) {
        // Nothing lost; the document says its team, and a changed one is pulled again (new revision and seq).
        const original = rows.find(([, id]) => id === d.id)![2] as Record<string, unknown>;
        expect(d.doc).toEqual(d.team === null ? original : { ...original, team: d.team });
        expect(d.revision).toBe(d.team === null ? 1 : 2);
        expect(Number(d.seq) > rows.length).toBe(d.team !== null);
      }
      // Roles are per membership now: each took the person's role (an admin in a team leads it).
      const roles = await db.query('SELECT user_id, team_id, role FROM team_members ORDER BY user_id, team_id');
      expect(roles).toEqual([
        { user_id: 'u-admin', team_id: 't-a', role: 'lead' },
        { user_id: 'u-agent', team_id: 't-b', role: 'agent' },
        { user_id: 'u-lead', team_id: 't-a', role: 'lead' },
        { user_id: 'u-rev', team_id: 't-a', role: 'reviewer' },
        { user_id: 'u-rev', team_id: 't-b', role: 'reviewer' },
      ]);
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
      await rm(before, { recursive: true, force: true });
    }
  }, 120_000);

  it('name the people of the calibration sessions stored before audiences were kept, as a push would store them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'arvio-pglite-'));
    const before = await mkdtemp(join(tmpdir(), 'arvio-migrations-'));
    const db = await openPglite(dir);
    try {
      for (const file of ['001_init.sql', '002_docs_as_json_text.sql', '003_docs_opening.sql', '004_teams_own_data.sql', '005_invites.sql', '006_docs_received_at.sql']) {
        await copyFile(join(MIGRATIONS_DIR, file), join(before, file));
      }
      await migrate(db, before);
      const session = calibrationSession('cal-old', 'lead@old.test', 't-a', { facilitator: 'Fac@Old.test', participants: ['rev2@old.test', 'rev1@old.test'] });
      await db.query("INSERT INTO docs (collection, id, revision, seq, doc, owner, team) VALUES ('calibrationSessions', $1, 1, 1, $2::json, $3, 't-a')", [
        session.id,
        JSON.stringify(session),
        'lead@old.test',
      ]);
      expect(await migrate(db)).toEqual(['007_docs_audience.sql', '008_server_secrets.sql', '009_coaching_actions_opened.sql', '010_doc_uses.sql', '011_team_uses.sql']);
      const [row] = await db.query<{ audience: unknown }>("SELECT audience FROM docs WHERE id = 'cal-old'");
      expect(row?.audience).toEqual(kindOf('calibrationSessions').audience!(session));
      expect(row?.audience).toEqual(['fac@old.test', 'rev1@old.test', 'rev2@old.test']);
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
      await rm(before, { recursive: true, force: true });
    }
  }, 120_000);
  it('open the agreed actions of coaching sessions held before sessions opened them to their agent, as a push would store them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'arvio-pglite-'));
    const before = await mkdtemp(join(tmpdir(), 'arvio-migrations-'));
    const db = await openPglite(dir);
    try {
      for (const file of (await readdir(MIGRATIONS_DIR)).filter((f) => f < '009')) await copyFile(join(MIGRATIONS_DIR, file), join(before, file));
      await migrate(db, before);
      const held = coachingSession('cs-held', 'lead@old.test', 'Agent@Old.test', { team: 't-a' });
      const planned = coachingSession('cs-planned', 'lead@old.test', 'agent@old.test', { team: 't-a', status: 'planned', heldAt: null });
      const gone = coachingSession('cs-gone', 'lead@old.test', 'agent@old.test', { team: 't-a', deleted: true });
      for (const [i, session] of [held, planned, gone].entries()) {
        await db.query("INSERT INTO docs (collection, id, revision, seq, doc, owner, subject, team) VALUES ('coachingSessions', $1, 1, $2, $3::json, 'lead@old.test', $4, 't-a')", [
          session.id,
          i + 1,
          JSON.stringify(session),
          session.agent.id.toLowerCase(),
        ]);
      }
      expect(await migrate(db)).toEqual(['009_coaching_actions_opened.sql', '010_doc_uses.sql', '011_team_uses.sql']);
      const rows = await db.query<{ id: string; opens: string | null; audience: unknown }>("SELECT id, opens, audience FROM docs WHERE collection = 'coachingSessions' ORDER BY id");
      const kind = kindOf('coachingSessions');
      expect(rows).toEqual(
        [gone, held, planned].map((session) => ({ id: session.id, opens: kind.opens!(session), audience: kind.audience!(session) })),
      );
      expect(rows.map((r) => r.opens)).toEqual([null, 'all', null]);
      expect(rows[1]!.audience).toEqual(['agent@old.test']);
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
      await rm(before, { recursive: true, force: true });
    }
  }, 120_000);
  // Before the `used` grant's tables, and (a server that already had the people's) before the teams' table.
  it.each([
    ['010', ['010_doc_uses.sql', '011_team_uses.sql']],
    ['011', ['011_team_uses.sql']],
  ])('fill the versions each person\'s and each team\'s documents were made with from the documents stored before migration %s, as a push would record them', async (cutoff, applied) => {
    const dir = await mkdtemp(join(tmpdir(), 'arvio-pglite-'));
    const before = await mkdtemp(join(tmpdir(), 'arvio-migrations-'));
    const db = await openPglite(dir);
    try {
      for (const file of (await readdir(MIGRATIONS_DIR)).filter((f) => f < cutoff)) await copyFile(join(MIGRATIONS_DIR, file), join(before, file));
      await migrate(db, before);
      const docs = [
        { collection: 'reviews', doc: review('r-old', 'rev@old.test', 'agent@old.test', { team: 't-a', scorecardId: 'card-a', scorecardVersion: 2 }) },
        { collection: 'reviews', doc: review('r-gone', 'rev@old.test', 'other@old.test', { team: 't-a', scorecardId: 'card-a', scorecardVersion: 3, deleted: true }) },
        { collection: 'coachingSessions', doc: coachingSession('cs-old', 'lead@old.test', 'agent@old.test', { team: 't-a', focus: [{ scorecardId: 'card-a', criterionId: 'greet' }] }) },
        { collection: 'calibrationSessions', doc: calibrationSession('cal-old', 'lead@old.test', 't-a', { scorecardId: 'card-b', scorecardVersion: 1 }) },
        { collection: 'scorecards', doc: scorecard('card-a', 2, { team: 't-a' }) },
      ];
      for (const [i, { collection, doc }] of docs.entries()) {
        const kind = kindOf(collection as 'reviews');
        await db.query('INSERT INTO docs (collection, id, revision, seq, doc, owner, subject, team, deleted) VALUES ($1, $2, 1, $3, $4::json, $5, $6, $7, $8)', [
          collection,
          kind.syncId(doc as never),
          i + 1,
          JSON.stringify(doc),
          kind.owner(doc as never, 'lead@old.test'),
          kind.subject(doc as never),
          't-a',
          (doc as { deleted?: boolean }).deleted === true,
        ]);
      }
      expect(await migrate(db)).toEqual(applied);
      const rows = await db.query<{ person: string; used: string }>('SELECT person, used FROM doc_uses ORDER BY person, used');
      expect(rows).toEqual([
        { person: 'agent@old.test', used: 'coachingForms:form-1@1' },
        { person: 'agent@old.test', used: 'scorecards:card-a' },
        { person: 'agent@old.test', used: 'scorecards:card-a@2' },
        { person: 'lead@old.test', used: 'coachingForms:form-1@1' },
        { person: 'lead@old.test', used: 'scorecards:card-a' },
        { person: 'lead@old.test', used: 'scorecards:card-b@1' },
        { person: 'rev@old.test', used: 'scorecards:card-a@2' },
      ]);
      // The team's rows, by the kind of the document that used the version (its readers in the team read it: server/src/access.ts).
      expect(await db.query('SELECT team, kind, used FROM team_uses ORDER BY kind, used')).toEqual([
        { team: 't-a', kind: 'calibrationSessions', used: 'scorecards:card-b@1' },
        { team: 't-a', kind: 'coachingSessions', used: 'coachingForms:form-1@1' },
        { team: 't-a', kind: 'coachingSessions', used: 'scorecards:card-a' },
        { team: 't-a', kind: 'reviews', used: 'scorecards:card-a@2' },
      ]);
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
      await rm(before, { recursive: true, force: true });
    }
  }, 120_000);
});
