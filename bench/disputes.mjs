// Resolving a dispute in a 100,000-review profile (issue 18: ≤ 50 ms): the dispute, the review's new
// revision, its kept revision and the rollups in one transaction, beside a raw IndexedDB transaction
// that reads and writes the same rows. Runs in the dashboard page of the bench build (bench/dispute-hooks.ts).
import { launchBrowser } from './browser.mjs';
import { median } from './stats.mjs';

const COUNT = Number(process.env.ARVIO_BENCH_REVIEWS ?? 100_000);
const RUNS = 25;

export async function benchDisputes({ record }) {
  const browser = await launchBrowser(true, 'arvio-bench-disputes-');
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
    await page.waitForFunction(() => 'arvioDisputeBench' in globalThis, null, { timeout: 60_000 });
    console.log(`  seeding ${COUNT.toLocaleString('en')} reviews and their rollups…`);
    await page.evaluate(async (count) => {
      const bench = globalThis.arvioDisputeBench;
      const cards = await bench.listScorecards();
      const card = cards.find((c) => c.id === 'tpl-chat-en');
      const db = await new Promise((done) => { const r = indexedDB.open('arvio'); r.onsuccess = () => done(r.result); });
      const filler = 'Asiakasta palveltiin ystävällisesti ja ratkaisu oli selkeä. '.repeat(12);
      const CHUNK = 5000;
      for (let start = 0; start < count; start += CHUNK) {
        await new Promise((done, fail) => {
          const tx = db.transaction('reviews', 'readwrite');
          const store = tx.objectStore('reviews');
          for (let i = start; i < Math.min(count, start + CHUNK); i += 1) {
            const at = new Date(Date.now() - (i % 10) * 86_400_000 - i * 1000).toISOString();
            store.put({
              id: `r${i}`, scorecardId: card.id, scorecardVersion: card.version,
              reviewer: { id: `reviewer-${i % 7}@example.com`, name: 'Reviewer' }, reviewee: { id: `agent-${i % 40}@example.com`, name: 'Agent' },
              target: { kind: 'conversation' },
              ratings: card.criteria.map((c, j) => ({ criterionId: c.id, value: c.critical ? c.levels.length - 1 : (i + j) % c.levels.length, na: false, comment: '' })),
              strengths: filler.slice(0, 300), developmentAreas: filler.slice(0, 200), strengthCriteria: [], developmentCriteria: [], feedback: filler.slice(0, 400), activeMs: 90_000,
              ticket: { helpdesk: 'zendesk', ticketId: String(i % 5000), url: `https://acme.zendesk.com/agent/tickets/${i % 5000}`, subject: 'Laskussa väärä summa', channel: 'chat' },
              ticketKey: `zendesk:${i % 5000}`, channel: 'chat', score: 0.5, passed: false, criticalFail: false,
              createdAt: at, updatedAt: at, revision: 1, deleted: false, acknowledgedAt: null,
            });
          }
          tx.oncomplete = done;
          tx.onerror = () => fail(tx.error);
        });
      }
      db.close();
      await bench.recomputeRollups(bench.db());
    }, COUNT);
    const samples = await page.evaluate(async ({ runs, count }) => {
      const bench = globalThis.arvioDisputeBench;
      const database = bench.db();
      const raw = await new Promise((done) => { const r = indexedDB.open('arvio'); r.onsuccess = () => done(r.result); });
      const resolveMs = [];
      const rawMs = [];
      for (let i = 0; i < runs + 5; i += 1) {
        const review = await database.reviews.get(`r${(i * 3989) % count}`);
        const [first, second] = (await bench.listScorecards()).find((c) => c.id === review.scorecardId).criteria.filter((c) => !c.critical);
        const dispute = await bench.openDispute(
          bench.newDispute({
            review, agent: review.reviewee, wrongAgent: false, reason: '', now: new Date(),
            items: [{ criterionId: first.id, reason: 'I did', proposed: null }, { criterionId: second.id, reason: 'Complete', proposed: null }],
          }),
        );
        const resolved = bench.resolve(dispute, {
          by: review.reviewer, now: new Date(), wholeAccepted: false, comment: '', rightAgent: null,
          answers: [{ outcome: 'accepted', criterionId: first.id, value: first.levels.length - 1, na: false, reason: '' }, { outcome: 'rejected', criterionId: second.id, reason: 'No' }],
        });
        let t0 = performance.now();
        await bench.resolveDispute(resolved, new Date());
        const took = performance.now() - t0;
        // The same rows by hand: read the dispute, the review and its rollup rows; write them, a revision and the outbox.
        const stored = await database.reviews.get(review.id);
        const rollupKeys = (await database.rollups.limit(14).primaryKeys());
        t0 = performance.now();
        await new Promise((done, fail) => {
          const tx = raw.transaction(['disputes', 'reviews', 'reviewRevisions', 'rollups'], 'readwrite');
          const reviews = tx.objectStore('reviews');
          const rollups = tx.objectStore('rollups');
          tx.objectStore('disputes').get(resolved.id);
          reviews.get(review.id);
          const gets = rollupKeys.map((key) => rollups.get(key));
          tx.objectStore('disputes').put({ ...resolved, id: `raw-${resolved.id}` });
          tx.objectStore('reviewRevisions').put({ reviewId: `raw-${review.id}`, revision: 1, review: stored });
          reviews.put({ ...stored, id: `raw-${review.id}` });
          for (const g of gets) g.onsuccess = () => rollups.put({ ...g.result, key: `raw-${g.result.key}` });
          tx.oncomplete = done;
          tx.onerror = () => fail(tx.error);
        });
        if (i >= 5) { resolveMs.push(took); rawMs.push(performance.now() - t0); }
      }
      raw.close();
      return { resolveMs, rawMs };
    }, { runs: RUNS, count: COUNT });
    record({
      name: `disputes.resolve.${COUNT / 1000}k-reviews`, value: median(samples.resolveMs), runs: samples.resolveMs.length, budget: 50,
      baseline: 'idb.tx.same-rows', baselineValue: median(samples.rawMs),
    });
  } finally {
    await browser.close();
  }
}
