// The server's runtime packages, pinned to the versions this checkout's lockfile installed: written as the
// package.json of the server's container image (server/Dockerfile), where only these are installed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Every package the bundled server (server/dist/main.mjs) imports; server/tests/deploy.test.ts holds the two equal. */
export const SERVER_RUNTIME_PACKAGES = ['@electric-sql/pglite', '@hono/node-server', 'hono', 'pg', 'zod'];

const root = resolve(import.meta.dirname, '..');

export function serverPackageJson() {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const dependencies = Object.fromEntries(
    SERVER_RUNTIME_PACKAGES.map((name) => {
      const version = lock.packages?.[`node_modules/${name}`]?.version;
      if (!version) throw new Error(`${name} is not in package-lock.json`);
      return [name, version];
    }),
  );
  return { name: 'arvio-server', private: true, type: 'module', dependencies };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node scripts/server-package.mjs <folder>');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'package.json'), `${JSON.stringify(serverPackageJson(), null, 2)}\n`);
}
