// Starts a throwaway PostgreSQL cluster on a random loopback port for the test run, and stops it.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

export const INSTALL_HINT =
  'PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with: apt-get install -y postgresql';

/** The newest <root>/<version>/bin (Debian's layout), or PG_BIN when set. */
const DEBIAN_ROOT = '/usr/lib/postgresql';

export function findPostgresBin(root = DEBIAN_ROOT): string | null {
  const fromEnv = process.env.PG_BIN;
  if (root === DEBIAN_ROOT && fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root; then the cluster is owned by and run as `postgres`. */
async function asServerUser(): Promise<{ wrap: (cmd: string, args: string[]) => [string, string[]]; uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return { wrap: (cmd, args) => [cmd, args] };
  const { stdout: uid } = await run('id', ['-u', 'postgres']).catch(() => {
    throw new Error(`running as root needs the "postgres" user to start PostgreSQL. ${INSTALL_HINT}`);
  });
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return {
    wrap: (cmd, args) => ['runuser', ['-u', 'postgres', '--', cmd, ...args]],
    uid: Number(uid.trim()),
    gid: Number(gid.trim()),
  };
}

export async function startPostgres(where: { root?: string } = {}): Promise<TestPostgres> {
  const bin = findPostgresBin(where.root);
  if (!bin) throw new Error(INSTALL_HINT);
  const dir = await mkdtemp(join(tmpdir(), 'arvio-pg-'));
  const user = await asServerUser();
  if (user.uid !== undefined && user.gid !== undefined) await chown(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const exec = async (cmd: string, args: string[]) => {
    const [file, argv] = user.wrap(join(bin, cmd), args);
    return run(file, argv, { cwd: dir });
  };
  // Trust auth is only safe because the server listens on 127.0.0.1 and lives for one test run.
  await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${dir}'`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  await exec('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', join(dir, 'postgres.log'), '-o', options]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await exec('pg_ctl', ['stop', '-m', 'fast', '-w', '-D', data]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
