// Applies server/migrations/*.sql in name order, once each, in one transaction; then the registry's kinds constraint.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { syncKindsConstraint } from './access';
import type { Db } from './db';
import { fillUses } from './uses';

/** The migrations that made the `used` grant's tables: applying either fills them from the documents stored before. */
const USES = ['010_doc_uses.sql', '011_team_uses.sql'];

/** server/migrations, found from both server/src (tests) and server/dist (the built server). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

export async function migrate(db: Db, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return db.transaction(async (tx) => {
    // Two servers starting on one PostgreSQL must not apply the same migration twice.
    await tx.query('SELECT pg_advisory_xact_lock(4242001)');
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      await tx.exec(await readFile(`${dir}/${file}`, 'utf8'));
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      applied.push(file);
    }
    // Once both tables exist (rows already there stay: the fill inserts what is missing).
    if (applied.some((file) => USES.includes(file))) await fillUses(tx);
    // The kinds a document may be of follow the registry (lib/model/kinds.ts), not a hand-kept list.
    await syncKindsConstraint(tx);
    return applied;
  });
}
