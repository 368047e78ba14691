// The server as it is deployed: bundled as `npm run server:build` does and run as its own Node process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rm, symlink } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const SERVER = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerBuild {
  main: string;
  remove(): Promise<void>;
}

/**
 * Bundles server/src/main.ts into a folder of its own under server/.data (git-ignored), beside a
 * link to the migrations, so that runs do not overwrite server/dist and node_modules resolve.
 */
export async function buildServer(): Promise<ServerBuild> {
  const { build } = await import('vite');
  const dir = join(SERVER, '.data', `build-${randomUUID().slice(0, 8)}`);
  await mkdir(dir, { recursive: true });
  await symlink(join(SERVER, 'migrations'), join(dir, 'migrations'));
  await build({
    configFile: join(SERVER, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: join(dir, 'dist'), sourcemap: false },
  });
  return { main: join(dir, 'dist', 'main.mjs'), remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface ServerProcess {
  url: string;
  /** Everything it printed on stdout so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts one server process on a free port and resolves with its URL once it says it serves. */
export function startServerProcess(main: string, env: Record<string, string>): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s: ${err}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Arvio server on (http:\/\/\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!,
        output: () => out,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}: ${err}`));
    });
  });
}
