// Sync benchmarks on loopback: initial push of 10,000 reviews (PGlite, PostgreSQL) beside raw INSERTs, a bounded push load test, and the pull of 10,000 reviews in real Chromium beside raw IndexedDB puts.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTENSION, launchBrowser, settle } from './browser.mjs';
import { median } from './stats.mjs';

const root = resolve(import.meta.dirname, '..');
const MIGRATIONS = join(root, 'server/migrations');
const COUNT = 10_000;
const RUNS = 3;
/** Pulls timed (after a warm-up), each beside its own baseline: fresh profiles vary more than the pushes. */
const PULL_RUNS = 5;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))];
};

/** Bundles bench/sync-entry.ts (server + lib/sync) with Vite, as `npm run server:build` does, and imports it. */
export async function loadServerKit() {
  const { build } = await import('vite');
  const outDir = join(root, 'bench/.dist/sync');
  await build({
    root,
    logLevel: 'warn',
    publicDir: false,
    configFile: false,
    build: {
      ssr: join(root, 'bench/sync-entry.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: { output: { entryFileNames: 'sync-kit.mjs', format: 'es' } },
    },
  });
  return import(pathToFileURL(join(outDir, 'sync-kit.mjs')).href);
}

const AGENTS = 50;
const agentOf = (i) => `agent${i % AGENTS}@bench.test`;

/**
 * A team with its staff and the 50 agents the reviews are about: the server takes a review only in a
 * team that both its reviewer and its reviewee belong to (server/src/access.ts). Returns the team's id.
 */
async function seedTeam(kit, db, name, staff) {
  const team = await kit.addTeam(db, name);
  for (const { email, role } of staff) await kit.addUser(db, { email, name: email.split('@')[0], role, teams: [name] });
  for (let i = 0; i < AGENTS; i++) await kit.addUser(db, { email: agentOf(i), name: `Agent ${i}`, role: 'agent', teams: [name] });
  return team.id;
}

/** Realistic reviews (≈ 1 KB each as JSON), one reviewer, 50 agents, in the team they share. */
function makeReviews(kit, count, reviewer, prefix, team) {
  return Array.from({ length: count }, (_, i) =>
    kit.review(`${prefix}-${i}`, reviewer, agentOf(i), {
      team,
      ratings: Array.from({ length: 8 }, (_, c) => ({ criterionId: `c${c}`, value: (i + c) % 4, na: false, comment: c % 3 ? '' : 'Selkeä vastaus, asiakas kiitti.' })),
      feedback: 'Hyvä tervehdys ja selkeä ratkaisu. Seuraavalla kerralla tiivistä lopetus.',
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    }),
  );
}

/** A server with one reviewer and the agents in one team, on an already migrated database. */
async function serve(kit, db, email) {
  const team = await seedTeam(kit, db, 'Bench', [{ email, role: 'reviewer' }]);
  const { token } = await kit.createToken(db, email);
  const server = await kit.startServer(db, { port: 0, hostname: '127.0.0.1' }, { logError: () => undefined });
  return { server, token, team };
}

/** What the extension's first sync does: every change with baseRevision null, in batches of ≤ 200, one after another. */
async function initialSync(kit, url, token, docs) {
  const changes = docs.map((doc) => ({ collection: 'reviews', id: doc.id, baseRevision: null, doc }));
  const t0 = performance.now();
  for (const batch of kit.chunkChanges(changes)) {
    const { results } = await kit.pushBatch(url, token, batch, fetch, undefined, { timeoutMs: 60_000 });
    if (results.some((r) => r.status !== 'accepted')) throw new Error('initial sync: a change was not accepted');
  }
  return performance.now() - t0;
}

/** The same rows straight into `docs` with multi-row INSERTs of 200 rows: the floor of the database itself. */
async function rawInserts(db, docs) {
  const t0 = performance.now();
  for (let start = 0; start < docs.length; start += 200) {
    const rows = docs.slice(start, start + 200);
    const values = [];
    const params = [];
    rows.forEach((doc, i) => {
      const p = i * 7;
      values.push(`('reviews', $${p + 1}, 1, nextval('docs_seq'), $${p + 2}::json, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}::timestamptz)`);
      params.push(doc.id, JSON.stringify(doc), doc.reviewer.id, doc.reviewee.id, doc.deleted, doc.team, new Date().toISOString());
    });
    await db.query(`INSERT INTO docs (collection, id, revision, seq, doc, owner, subject, deleted, team, updated_at) VALUES ${values.join(', ')}`, params);
  }
  return performance.now() - t0;
}

async function benchInitialSync(kit, record, kind, openFresh, budget) {
  const synced = [];
  const raw = [];
  const email = 'reviewer@bench.test';
  for (let run = 0; run <= RUNS; run++) {
    let docs;
    {
      const { db, close } = await openFresh();
      await kit.migrate(db, MIGRATIONS);
      const { server, token, team } = await serve(kit, db, email);
      docs = makeReviews(kit, COUNT, email, `r${run}`, team);
      try {
        const took = await initialSync(kit, server.url, token, docs);
        if (run > 0) synced.push(took); // run 0 warms up
      } finally {
        await server.close();
        await close();
      }
    }
    {
      const { db, close } = await openFresh();
      await kit.migrate(db, MIGRATIONS);
      try {
        const took = await rawInserts(db, docs);
        if (run > 0) raw.push(took);
      } finally {
        await close();
      }
    }
  }
  record({
    name: `sync.initial-push.${kind}.10k-reviews`,
    value: median(synced),
    unit: 'ms',
    stat: 'median',
    runs: synced.length,
    budget,
    baseline: `${kind}.multi-row-insert.same-rows`,
    baselineValue: median(raw),
  });
}

/**
 * 200 clients each pushing a batch of 5 reviews, then pausing `thinkMs` (±50 % jitter) as the
 * extension's debounced sync does, for `durationMs`; p99 push latency, errors and throughput.
 * Clients start spread over one think time (browsers do not sync in lockstep) and the first
 * `warmupMs` are not measured (JIT, connection set-up); the whole test ends after warm-up +
 * duration + at most one request timeout. With thinkMs 0 it becomes a closed-loop saturation test.
 */
async function benchLoad(kit, record, openDb, durationMs, clients = 200, thinkMs = 1000, warmupMs = 5_000) {
  const { db, close } = await openDb();
  await kit.migrate(db, MIGRATIONS);
  const users = 20;
  const emails = Array.from({ length: users }, (_, u) => `load${u}@bench.test`);
  const team = await seedTeam(kit, db, 'Load', emails.map((email) => ({ email, role: 'reviewer' })));
  const tokens = [];
  for (const email of emails) tokens.push({ email, token: (await kit.createToken(db, email)).token });
  const server = await kit.startServer(db, { port: 0, hostname: '127.0.0.1' }, { logError: () => undefined });
  const latencies = [];
  let errors = 0;
  const measureFrom = performance.now() + warmupMs;
  const deadline = measureFrom + durationMs;
  try {
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        const { email, token } = tokens[c % users];
        let n = 0;
        await new Promise((done) => setTimeout(done, thinkMs * Math.random()));
        while (performance.now() < deadline) {
          const docs = Array.from({ length: 5 }, () => kit.review(`load-${c}-${n++}`, email, agentOf(n), { team }));
          const changes = docs.map((doc) => ({ collection: 'reviews', id: doc.id, baseRevision: null, doc }));
          const t0 = performance.now();
          const measured = t0 >= measureFrom;
          try {
            await kit.pushBatch(server.url, token, changes, fetch, undefined, { timeoutMs: 30_000 });
            if (measured) latencies.push(performance.now() - t0);
          } catch {
            errors++; // counted during warm-up too: no error is acceptable
          }
          if (thinkMs > 0) await new Promise((done) => setTimeout(done, thinkMs * (0.5 + Math.random())));
        }
      }),
    );
  } finally {
    await server.close();
    await close();
  }
  const name = `sync.push-load.postgres.${clients}-clients-${Math.round(durationMs / 1000)}s-think${thinkMs}ms`;
  record({ name: `${name}.p99`, value: percentile(latencies, 0.99), unit: 'ms', stat: 'p99', runs: latencies.length, budget: 250 });
  record({ name: `${name}.errors`, value: errors, unit: 'count', stat: 'total', runs: latencies.length + errors, budget: 0 });
  record({ name: `${name}.throughput`, value: latencies.length / (durationMs / 1000), unit: 'pushes/s', stat: 'mean', runs: latencies.length });
}

/** Options page: address + token, Save (grants the host permission by the click), then wait for the first, empty sync. */
async function connectProfile(page, url, token) {
  await page.getByLabel('Backend address').fill(url);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await page.getByText('Saved. Syncing starts now.').waitFor({ timeout: 30_000 });
  for (let i = 0; i < 300; i++) {
    const text = (await page.getByTestId('sync-status-details').textContent().catch(() => '')) ?? '';
    if (/Last synced .*Everything is synced\./.test(text)) return;
    await page.waitForTimeout(100);
  }
  throw new Error('the first sync did not finish');
}

/** Reviews in the profile's own database, read from the page (raw IndexedDB, no extension code). */
async function storedReviews(page) {
  return page.evaluate(async () => {
    const arvio = await new Promise((resolve, reject) => {
      const request = indexedDB.open('arvio');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!arvio.objectStoreNames.contains('reviews')) return 0;
      return await new Promise((resolve, reject) => {
        const request = arvio.transaction('reviews').objectStore('reviews').count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      arvio.close();
    }
  });
}

/**
 * Pull of 10,000 reviews into a fresh profile, in real Chromium: the engine's pull run by the
 * background (`syncNow` through the database service, timed from the options page) from the real
 * server over HTTP, beside raw IndexedDB puts of the same docs, as pulled, into a scratch database
 * whose store copies the profile's own reviews store (key path and every index, read from it), in one
 * transaction, in the same page. Each is timed with IndexedDB at rest (settle): the baseline not while
 * the pull's writes are still being compacted. A fresh browser profile per run; run 0 warms up.
 */
export async function benchSyncPull({ record, runs = Number(process.env.ARVIO_BENCH_PULL_RUNS ?? PULL_RUNS), count = COUNT }) {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) {
    console.log('sync pull bench skipped: build the bench extension first (ARVIO_BENCH=1 npx wxt build, as run.mjs does)');
    return;
  }
  const kit = await loadServerKit();
  const pg = await kit.startPostgres();
  const pulled = [];
  const raw = [];
  try {
    for (let run = 0; run <= runs; run++) {
      const db = await kit.openPostgres(pg.url);
      await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      await kit.migrate(db, MIGRATIONS);
      const writer = 'writer@bench.test';
      const reader = 'lead@bench.test';
      const team = await seedTeam(kit, db, 'Pull', [
        { email: writer, role: 'reviewer' },
        { email: reader, role: 'lead' },
      ]);
      const writerToken = (await kit.createToken(db, writer)).token;
      const readerToken = (await kit.createToken(db, reader)).token;
      const server = await kit.startServer(db, { port: 0, hostname: '127.0.0.1' }, { logError: () => undefined });
      const browser = await launchBrowser(true, 'arvio-bench-pull-', { locale: 'en-US' });
      try {
        const page = await browser.context.newPage();
        await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
        await page.getByRole('heading', { name: 'Team backend' }).waitFor();
        await connectProfile(page, server.url, readerToken);
        await initialSync(kit, server.url, writerToken, makeReviews(kit, count, writer, `pull${run}`, team));
        // The whole pull is the measured one: no alarm-driven sync took a part of it meanwhile.
        const before = await storedReviews(page);
        if (before !== 0) throw new Error(`${before} reviews were pulled before the measured sync`);
        await settle(browser.dir);
        const took = await page.evaluate(async () => {
          const t0 = performance.now();
          const reply = await chrome.runtime.sendMessage({ type: 'arvio-db', op: 'syncNow', args: [] });
          const ms = performance.now() - t0;
          if (!reply?.ok) throw new Error(`syncNow failed: ${reply?.error}`);
          if (reply.value?.lastError) throw new Error(`the sync failed: ${JSON.stringify(reply.value.lastError)}`);
          return ms;
        });
        // The baseline, in the same page: the docs as pulled, raw puts into a scratch database with the
        // same store, timed once IndexedDB is at rest again (not while it still compacts the pull).
        await page.evaluate(async (expected) => {
          const open = (name, version, upgrade) =>
            new Promise((resolve, reject) => {
              const request = version ? indexedDB.open(name, version) : indexedDB.open(name);
              if (upgrade) request.onupgradeneeded = () => upgrade(request.result);
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            });
          const arvio = await open('arvio');
          const source = arvio.transaction('reviews').objectStore('reviews');
          const shape = {
            keyPath: source.keyPath,
            indexes: [...source.indexNames].map((name) => {
              const index = source.index(name);
              return { name, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
            }),
          };
          const docs = await new Promise((resolve, reject) => {
            const request = source.getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          arvio.close();
          if (docs.length !== expected) throw new Error(`pulled ${docs.length} reviews, expected ${expected}`);
          if (shape.indexes.length < 3) throw new Error(`the reviews store has only ${shape.indexes.length} indexes`);
          const scratch = await open(`scratch-${Date.now()}`, 1, (database) => {
            const store = database.createObjectStore('reviews', { keyPath: shape.keyPath });
            for (const { name, keyPath, unique, multiEntry } of shape.indexes) store.createIndex(name, keyPath, { unique, multiEntry });
          });
          globalThis.arvioBaseline = { scratch, docs };
        }, count);
        await settle(browser.dir);
        const baseline = await page.evaluate(async () => {
          const { scratch, docs } = globalThis.arvioBaseline;
          const t0 = performance.now();
          await new Promise((resolve, reject) => {
            const tx = scratch.transaction('reviews', 'readwrite');
            const store = tx.objectStore('reviews');
            for (const doc of docs) store.put(doc);
            tx.oncomplete = resolve;
            tx.onerror = () => reject(tx.error);
          });
          const ms = performance.now() - t0;
          scratch.close();
          delete globalThis.arvioBaseline;
          return ms;
        });
        if (run > 0) {
          pulled.push(took);
          raw.push(baseline);
        }
      } finally {
        await browser.close();
        await server.close();
        await db.close();
      }
    }
  } finally {
    await pg.stop();
  }
  record({
    name: `sync.pull.chromium.${count / 1000}k-reviews`,
    value: median(pulled),
    unit: 'ms',
    stat: 'median',
    runs: pulled.length,
    baseline: 'indexeddb.raw-put.same-rows-same-indexes',
    baselineValue: median(raw),
    // zod validates every pulled doc (no compiled fast path any more): the budget allows for it.
    ratioBudget: 1.8,
  });
}

/**
 * `record(obj)` takes BENCH.md entries. Runs the push benches (initial push on PGlite and PostgreSQL,
 * the load test) and `benchSyncPull`; ARVIO_BENCH_SYNC=pull (or push) runs one part only, and
 * `pull: false` leaves the pull out. Options: `loadSeconds` (default 60, or ARVIO_BENCH_LOAD_SECONDS),
 * `clients` (default 200), `thinkMs` between a client's pushes (default 1000, or ARVIO_BENCH_THINK_MS);
 * pull runs: ARVIO_BENCH_PULL_RUNS (default 5). Everything listens on 127.0.0.1 only.
 */
export async function benchSync({
  record,
  loadSeconds = Number(process.env.ARVIO_BENCH_LOAD_SECONDS ?? 60),
  clients = 200,
  thinkMs = Number(process.env.ARVIO_BENCH_THINK_MS ?? 1000),
  pull = true,
}) {
  const only = process.env.ARVIO_BENCH_SYNC;
  if (only !== 'pull') await benchSyncPush({ record, loadSeconds, clients, thinkMs });
  // The pull into a fresh profile, in real Chromium (needs the built extension, as `npm run bench` makes).
  if (pull && only !== 'push') await benchSyncPull({ record });
}

async function benchSyncPush({ record, loadSeconds, clients, thinkMs }) {
  const kit = await loadServerKit();

  await benchInitialSync(kit, record, 'pglite', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'arvio-bench-pglite-'));
    const db = await kit.openPglite(dir);
    return { db, close: async () => { await db.close(); await rm(dir, { recursive: true, force: true }); } };
  }, 10_000);

  const pg = await kit.startPostgres();
  try {
    let n = 0;
    const admin = await kit.openPostgres(pg.url, 1);
    const freshDatabase = async () => {
      const name = `bench_${++n}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const db = await kit.openPostgres(pg.url.replace(/\/postgres$/, `/${name}`));
      return { db, close: async () => { await db.close(); await admin.query(`DROP DATABASE ${name}`); } };
    };
    await benchInitialSync(kit, record, 'postgres', freshDatabase, 5_000);
    await benchLoad(kit, record, freshDatabase, loadSeconds * 1000, clients, thinkMs);
    await admin.close();
  } finally {
    await pg.stop();
  }
}

// `node bench/sync.mjs [loadSeconds]` runs it alone and prints the figures; `node bench/sync.mjs pull` only the Chromium pull.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const print = (entry) => console.log(JSON.stringify(entry));
  if (process.argv[2] === 'pull') {
    await benchSyncPull({ record: print });
  } else {
    const seconds = Number(process.argv[2] ?? process.env.ARVIO_BENCH_LOAD_SECONDS ?? 60);
    await benchSync({ record: print, loadSeconds: seconds });
  }
}
