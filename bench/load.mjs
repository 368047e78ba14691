// Load on the team backend (issue 13): 200 clients, each pushing a review and pulling every few seconds for
// 60 s, against the server run as it is deployed (its own process): on PGlite, on PostgreSQL, and with two
// server processes on one PostgreSQL. Latency of every request (p99, median) and errors, per setup.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadServerKit } from './sync.mjs';

const root = resolve(import.meta.dirname, '..');
/** ARVIO_BENCH_LOAD_CLIENTS changes the count (to see where latency starts to grow); the figure is 200. */
const CLIENTS = Number(process.env.ARVIO_BENCH_LOAD_CLIENTS ?? 200);
const TEAMS = Math.min(20, CLIENTS);
const PERIOD_MS = 3_000;
const WARMUP_MS = 5_000;
const DEBUG = Boolean(process.env.ARVIO_BENCH_LOAD_DEBUG);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] ?? NaN;
};

/** The server bundled as `npm run server:build` makes it, beside a link to the migrations it reads. */
async function buildServer() {
  const { build } = await import('vite');
  const dir = join(root, 'bench/.dist/load');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(root, 'server/migrations'), join(dir, 'migrations'));
  await build({ configFile: join(root, 'server/vite.config.ts'), logLevel: 'warn', build: { outDir: join(dir, 'dist'), sourcemap: false } });
  return join(dir, 'dist/main.mjs');
}

/** ARVIO_BENCH_LOAD_PROFILE=<dir>: each server process writes a CPU profile there (node --cpu-prof) when it stops. */
const PROFILE = process.env.ARVIO_BENCH_LOAD_PROFILE;

function startProcess(main, env) {
  const child = spawn(process.execPath, [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${resolve(PROFILE)}`] : []), main], { env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  return new Promise((resolvePromise, reject) => {
    child.stdout.on('data', (c) => {
      out += c;
      const match = /Arvio server on (http:\/\/\S+)/.exec(out);
      if (match) resolvePromise({ url: match[1], stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', done), child.kill('SIGTERM')))) });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
}

/** 20 teams of 10 reviewers, one client each; a client reviews the next member of its team (the first, from the last). */
async function seed(kit, db) {
  await kit.migrate(db, join(root, 'server/migrations'));
  const clients = [];
  const teams = [];
  for (let t = 0; t < TEAMS; t++) teams.push(await kit.addTeam(db, `Load ${t}`));
  for (let c = 0; c < CLIENTS; c++) {
    const team = teams[c % TEAMS];
    const email = `load${c}@bench.test`;
    await kit.addUser(db, { email, name: `Load ${c}`, role: 'reviewer', teams: [team.name] });
    // The review goes in the team both share, as the extension's documentTeam puts it (lib/sync/roster.ts).
    clients.push({ email, team: team.id, token: (await kit.createToken(db, email)).token, mate: `load${c + TEAMS < CLIENTS ? c + TEAMS : c % TEAMS}@bench.test` });
  }
  return clients;
}

/** Every client: push one review, pull to the end, wait about PERIOD_MS; for `durationMs` after the warm-up. */
async function drive(kit, clients, urls, durationMs) {
  const latencies = { push: [], pull: [] };
  /** With ARVIO_BENCH_LOAD_DEBUG: [kind, 5-second window, ms] of every request, printed per window at the end. */
  const timeline = [];
  /** Errors by endpoint and kind ("push 403", "pull timeout"): warm-up included, no error is acceptable. */
  const errors = new Map();
  const fault = (kind, what, detail) => {
    const key = `${kind} ${what}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
    if (DEBUG) console.error(key, detail);
  };
  const measureFrom = performance.now() + WARMUP_MS;
  const deadline = measureFrom + durationMs;
  const timed = async (kind, request) => {
    const t0 = performance.now();
    try {
      const answer = await request();
      if (t0 >= measureFrom) latencies[kind].push(performance.now() - t0);
      if (DEBUG) timeline.push([kind, Math.floor((t0 - measureFrom) / 5000), performance.now() - t0]);
      return answer;
    } catch (error) {
      fault(kind, error?.status ?? error?.kind ?? 'error', error?.message ?? String(error));
      return null;
    }
  };
  await Promise.all(
    clients.map(async (client, c) => {
      const url = urls[c % urls.length];
      let checkpoint = 0;
      let n = 0;
      await new Promise((done) => setTimeout(done, PERIOD_MS * Math.random()));
      while (performance.now() < deadline) {
        const doc = kit.review(`load-${c}-${n++}`, client.email, client.mate, { team: client.team });
        const pushed = await timed('push', () => kit.pushBatch(url, client.token, [{ collection: 'reviews', id: doc.id, baseRevision: null, doc }], fetch, undefined, { timeoutMs: 30_000 }));
        if (pushed && pushed.results[0]?.status !== 'accepted') fault('push', pushed.results[0]?.status ?? 'no result', doc.id);
        for (;;) {
          const page = await timed('pull', () => kit.pullSince(url, client.token, checkpoint, 200, fetch, undefined, { timeoutMs: 30_000 }));
          if (!page) break;
          checkpoint = page.checkpoint;
          if (!page.more) break;
        }
        await new Promise((done) => setTimeout(done, PERIOD_MS * (0.5 + Math.random())));
      }
    }),
  );
  if (DEBUG) {
    for (const window of [...new Set(timeline.map(([, w]) => w))].sort((a, b) => a - b)) {
      const line = ['push', 'pull'].map((kind) => {
        const ms = timeline.filter(([k, w]) => k === kind && w === window).map(([, , v]) => v);
        return `${kind} ${ms.length} median ${Math.round(percentile(ms, 0.5))} p99 ${Math.round(percentile(ms, 0.99))}`;
      });
      console.error(`${window * 5}s: ${line.join(' · ')}`);
    }
  }
  return { latencies, errors };
}

function report(record, name, budget, { latencies, errors }, durationMs) {
  const all = [...latencies.push, ...latencies.pull];
  record({ name: `${name}.p99`, value: percentile(all, 0.99), unit: 'ms', stat: 'p99', runs: all.length, budget });
  record({ name: `${name}.push.p99`, value: percentile(latencies.push, 0.99), unit: 'ms', stat: 'p99', runs: latencies.push.length, budget });
  record({ name: `${name}.pull.p99`, value: percentile(latencies.pull, 0.99), unit: 'ms', stat: 'p99', runs: latencies.pull.length, budget });
  record({ name: `${name}.median`, value: percentile(all, 0.5), unit: 'ms', stat: 'median', runs: all.length });
  const total = [...errors.values()].reduce((a, b) => a + b, 0);
  // Which endpoint failed and how (an HTTP status, or the client's kind: timeout, offline…), e.g. "push 403: 12".
  const named = [...errors].map(([key, count]) => `${key}: ${count}`).join(', ');
  record({ name: `${name}.errors`, value: total, unit: 'count', stat: 'total', runs: all.length + total, budget: 0, ...(named ? { note: named } : {}) });
  record({ name: `${name}.throughput`, value: all.length / (durationMs / 1000), unit: 'requests/s', stat: 'mean', runs: all.length });
}

/**
 * `record(obj)` takes BENCH.md entries. `seconds` (default 60, or ARVIO_BENCH_LOAD_SECONDS) per setup;
 * ARVIO_BENCH_LOAD=pglite|postgres|postgres-2 runs one setup. Budgets (issue 13): p99 ≤ 500 ms on
 * PGlite, ≤ 250 ms on PostgreSQL; 0 errors. The load generator shares the machine's cores with the servers.
 */
export async function benchLoad({ record, seconds = Number(process.env.ARVIO_BENCH_LOAD_SECONDS ?? 60) }) {
  const only = process.env.ARVIO_BENCH_LOAD;
  const durationMs = seconds * 1000;
  const [kit, main] = await Promise.all([loadServerKit(), buildServer()]);
  const name = (setup) => `load.${setup}.${CLIENTS}-clients-push-pull-every-${PERIOD_MS / 1000}s-${seconds}s`;

  if (!only || only === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'arvio-load-pglite-'));
    try {
      const db = await kit.openPglite(dir);
      const clients = await seed(kit, db);
      await db.close();
      const server = await startProcess(main, { ARVIO_DATA_DIR: dir });
      try {
        report(record, name('pglite'), 500, await drive(kit, clients, [server.url], durationMs), durationMs);
      } finally {
        await server.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  if (!only || only.startsWith('postgres')) {
    const pg = await kit.startPostgres();
    try {
      for (const processes of only === 'postgres' ? [1] : only === 'postgres-2' ? [2] : [1, 2]) {
        const admin = await kit.openPostgres(pg.url, 1);
        const database = `load_${processes}`;
        await admin.query(`CREATE DATABASE ${database}`);
        await admin.close();
        const url = pg.url.replace(/\/postgres$/, `/${database}`);
        const db = await kit.openPostgres(url);
        const clients = await seed(kit, db);
        await db.close();
        const servers = await Promise.all(Array.from({ length: processes }, () => startProcess(main, { DATABASE_URL: url })));
        try {
          const setup = processes === 1 ? 'postgres' : `postgres-${processes}-processes`;
          report(record, name(setup), 250, await drive(kit, clients, servers.map((s) => s.url), durationMs), durationMs);
        } finally {
          await Promise.all(servers.map((s) => s.stop()));
        }
      }
    } finally {
      await pg.stop();
    }
  }
}

// `node bench/load.mjs [seconds]` runs it alone and prints the figures.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchLoad({ record: (entry) => console.log(JSON.stringify(entry)), seconds: Number(process.argv[2] ?? process.env.ARVIO_BENCH_LOAD_SECONDS ?? 60) });
}
