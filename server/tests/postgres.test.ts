// The server over real HTTP on 127.0.0.1 against a PostgreSQL server this test run starts itself.
// @vitest-environment node
import { openPostgres } from '../src/db';
import { describe, expect, it } from 'vitest';
import { INSTALL_HINT, startPostgres } from './helpers/postgres';
import { serverSuite } from './helpers/suite';

// Fails (never skips) without PostgreSQL: startPostgres throws with the apt-get hint.
serverSuite('server on PostgreSQL', async () => {
  const pg = await startPostgres();
  return { db: await openPostgres(pg.url), cleanup: () => pg.stop() };
});

describe('the PostgreSQL helper', () => {
  it('fails with the apt-get hint when the binaries are missing', async () => {
    await expect(startPostgres({ root: '/nonexistent/postgresql' })).rejects.toThrow(INSTALL_HINT);
    expect(INSTALL_HINT).toContain('apt-get install -y postgresql');
  });
});
