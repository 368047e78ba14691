// The server over real HTTP on 127.0.0.1 against the embedded default, PGlite, in a temp folder.
// @vitest-environment node
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../src/db';
import { serverSuite } from './helpers/suite';

serverSuite('server on PGlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'arvio-pglite-'));
  return { db: await openPglite(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
});
