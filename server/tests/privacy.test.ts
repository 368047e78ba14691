// Data protection on both databases: PGlite in a temp folder and a PostgreSQL this run starts.
// @vitest-environment node
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPostgres } from '../src/db';
import { startPostgres } from './helpers/postgres';
import { privacySuite } from './helpers/privacySuite';

privacySuite('data protection on PGlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'arvio-privacy-'));
  return { db: await openPglite(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
});

privacySuite('data protection on PostgreSQL', async () => {
  const pg = await startPostgres();
  return { db: await openPostgres(pg.url), cleanup: () => pg.stop() };
});
