// The server over real HTTP on 127.0.0.1 against the embedded default, PGlite, in a temp folder; and its migrations.
// @vitest-environment node
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../lib/model/sync';
import { addUser, findUserByEmail } from '../src/admin';
import { openPglite } from '../src/db';
import { migrate, MIGRATIONS_DIR } from '../src/migrate';
import { pullJson } from '../src/store';
import { review } from './helpers/docs';
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

      expect(await migrate(db)).toEqual(['002_docs_as_json_text.sql', '003_docs_opening.sql', '004_invites.sql']);

      const user = await findUserByEmail(db, 'lead@arvio.test');
      const page = pullResponseSchema.parse(JSON.parse(await pullJson(db, user!, 0, 10)));
      expect(page).toEqual({ docs: [{ collection: 'reviews', id: doc.id, revision: 1, seq: 1, doc }], checkpoint: 1, more: false });
      expect((await db.query(`SELECT pg_typeof(doc)::text AS type FROM docs`))[0]).toEqual({ type: 'json' });
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
      await rm(first, { recursive: true, force: true });
    }
  });
});
