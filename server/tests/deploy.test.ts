// The deployment files hold together without a Docker engine: server/compose.yaml parsed and checked
// against server/Dockerfile, the server's settings and the packages the built server imports.
// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { SERVER_RUNTIME_PACKAGES, serverPackageJson } from '../../scripts/server-package.mjs';
import { buildServer } from './helpers/builtServer';

const SERVER = resolve(import.meta.dirname, '..');
const ROOT = resolve(SERVER, '..');

const composeSchema = z.object({
  services: z.object({
    db: z.object({
      image: z.string().regex(/^postgres:\d+/),
      environment: z.record(z.string(), z.string()),
      volumes: z.array(z.string()),
      healthcheck: z.object({ test: z.array(z.string()) }),
    }),
    server: z.object({
      build: z.object({ context: z.string(), dockerfile: z.string() }),
      environment: z.record(z.string(), z.string()),
      depends_on: z.object({ db: z.object({ condition: z.literal('service_healthy') }) }),
      ports: z.array(z.string()),
    }),
  }),
  volumes: z.record(z.string(), z.unknown()),
});

const compose = composeSchema.parse(parse(readFileSync(join(SERVER, 'compose.yaml'), 'utf8')));
const context = resolve(SERVER, compose.services.server.build.context);
const dockerfilePath = join(context, compose.services.server.build.dockerfile);
const dockerfile = readFileSync(dockerfilePath, 'utf8');
const serverSources = readdirSync(join(SERVER, 'src'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(SERVER, 'src', f), 'utf8'))
  .join('\n');

describe('server/compose.yaml and server/Dockerfile', () => {
  it('builds the server from the repository with its own Dockerfile', () => {
    expect(context).toBe(ROOT);
    expect(existsSync(dockerfilePath)).toBe(true);
    // Every file the image copies from the build context exists.
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.trim().split(/\s+/));
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) expect(existsSync(join(ROOT, source)), source).toBe(true);
    // It runs what `npm run server:build` makes.
    expect(readFileSync(join(SERVER, 'vite.config.ts'), 'utf8')).toContain("entryFileNames: 'main.mjs'");
    expect(dockerfile).toMatch(/^CMD \["node", "server\/dist\/main\.mjs"\]$/m);
  });

  it('runs the server on the PostgreSQL service, once it is healthy, with the password from the environment', () => {
    const db = compose.services.db;
    const server = compose.services.server;
    const url = new URL(server.environment.DATABASE_URL!.replace(/\$\{[^}]+\}/, 'secret'));
    expect(url.protocol).toBe('postgres:');
    expect(url.hostname).toBe('db');
    expect(url.username).toBe(db.environment.POSTGRES_USER);
    expect(url.pathname).toBe(`/${db.environment.POSTGRES_DB}`);
    // No password written in the file: both take it from the operator's environment, and refuse to start without it.
    expect(db.environment.POSTGRES_PASSWORD).toMatch(/^\$\{ARVIO_DB_PASSWORD:\?[^}]+\}$/);
    expect(server.environment.DATABASE_URL).toContain('${ARVIO_DB_PASSWORD:?');
    expect(db.healthcheck.test.join(' ')).toContain('pg_isready');
    // The database lives in a named volume.
    const [volume] = db.volumes[0]!.split(':');
    expect(Object.keys(compose.volumes)).toContain(volume);
  });

  it("sets only settings the server reads, listens where the image says, and publishes that port on loopback only", () => {
    const env = compose.services.server.environment;
    for (const key of Object.keys(env)) expect(serverSources, key).toContain(key);
    expect(env.HOST).toBe('0.0.0.0');
    expect(dockerfile).toContain(`EXPOSE ${env.PORT}`);
    expect(compose.services.server.ports).toEqual([`127.0.0.1:${env.PORT}:${env.PORT}`]);
  });

  it('installs in the image every package the built server imports, at the lockfile versions', async () => {
    const built = await buildServer();
    try {
      const bundle = readFileSync(built.main, 'utf8');
      // Import statements (at a line's start, so text that merely says "from ..." is no import) and dynamic imports.
      const statements = [...bundle.matchAll(/^\s*(?:import|export)\s+(?:[\w*{}\s,$]+\s+from\s+)?["']([^"'.][^"']*)["']/gm)];
      const dynamic = [...bundle.matchAll(/\bimport\(\s*["']([^"'.][^"']*)["']\s*\)/g)];
      const specifiers = [...statements, ...dynamic].map((m) => m[1]!);
      const packages = new Set(
        specifiers.filter((s) => !s.startsWith('node:')).map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!)),
      );
      expect(packages.size).toBeGreaterThan(0);
      expect([...packages].sort()).toEqual([...SERVER_RUNTIME_PACKAGES].sort());
      const pinned = serverPackageJson().dependencies as Record<string, string>;
      for (const name of SERVER_RUNTIME_PACKAGES) expect(pinned[name]).toMatch(/^\d+\.\d+\.\d+/);
    } finally {
      await built.remove();
    }
  }, 120_000);
});
