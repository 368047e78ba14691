// Helpdesk adapter benchmarks in plain Chromium: extraction of a 300-message ticket per adapter and detection on an ordinary page, each beside a same-run DOM floor.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { median } from './stats.mjs';

const root = resolve(import.meta.dirname, '..');
const FIXTURES = join(root, 'tests/fixtures/helpdesks');
const MESSAGES = 300;
const WARMUP = 5;
const RUNS = 25;
const DETECT_SAMPLES = 15;

/** The ticket fixture each adapter is grown from (both Zammad UIs; the generic fallback's picked region). */
const TICKETS = [
  ['zendesk', 'email'],
  ['freshdesk', 'mint-ticket'],
  ['intercom', 'chat-grouped'],
  ['helpscout', 'conversation'],
  ['front', 'email-with-comment'],
  ['freescout', 'email'],
  ['osticket', 'ticket'],
  ['zammad', 'classic-email'],
  ['zammad', 'desktop'],
  ['generic', 'plain-page'],
];

/** Where the content script runs on a page that is no helpdesk: it matches every localhost page. */
const ORDINARY_URL = 'http://localhost:3000/blog/2025/03/laadukas-asiakaspalvelu?utm_source=news#comments';


/** Bundles bench/adapters-entry.ts into one script a plain page can load (minified, as the content script ships). */
async function bundle() {
  const { build } = await import('vite');
  const outDir = join(root, 'bench/.dist/adapters');
  await build({
    root,
    logLevel: 'warn',
    publicDir: false,
    configFile: false,
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: join(root, 'bench/adapters-entry.ts'), name: 'ArvioAdapters', formats: ['iife'], fileName: () => 'adapters.js' },
    },
  });
  return readFileSync(join(outDir, 'adapters.js'), 'utf8');
}

/**
 * A blank page, cross-origin isolated: Chromium then gives performance.now() 5 µs steps instead of
 * 100 µs, which the sub-millisecond floors need.
 */
async function serveBlank() {
  const server = createServer((req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end('<!doctype html><meta charset="utf-8"><title>bench</title><body></body>');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((done) => server.close(done)) };
}


/** Records one figure per adapter and two for detection, through run.mjs's `record`. */
export async function benchAdapters({ record }) {
  const script = await bundle();
  const server = await serveBlank();
  const browser = await launchBrowser(false, 'arvio-bench-adapters-');
  try {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.addScriptTag({ content: script });
    if (!(await page.evaluate(() => crossOriginIsolated))) console.warn('⚠ the bench page is not cross-origin isolated: timer steps are 100 µs');

    for (const [site, variant] of TICKETS) {
      const dir = join(FIXTURES, site, variant);
      const key = `${site}/${variant}`;
      const html = readFileSync(join(dir, 'page.html'), 'utf8');
      const href = readFileSync(join(dir, 'url.txt'), 'utf8').trim();
      const expectedCount = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')).messages.length;
      // Each ticket in a fresh page, so one adapter's garbage does not land on the next one's clock.
      await page.reload();
      await page.addScriptTag({ content: script });
      const built = await page.evaluate(
        ([k, s, h, u, n, target]) => window.ArvioAdapters.buildTicket(k, s, h, u, n, target),
        [key, site, html, href, expectedCount, MESSAGES],
      );
      if (built.messages !== MESSAGES) throw new Error(`${key}: ${built.messages} messages, not ${MESSAGES}`);
      const { work, floor } = await page.evaluate(([k, w, r]) => window.ArvioAdapters.timeTicket(k, w, r), [key, WARMUP, RUNS]);
      record({
        name: `extract.${site}.${variant}.${MESSAGES}-messages`,
        value: median(work),
        runs: work.length,
        budget: 10,
        baseline: `dom.querySelectorAll+textContent.${site}.${variant}.same-items`,
        baselineValue: median(floor),
      });
    }

    // The API paths, which real Zendesk and Zammad take first: the answer's bodies are HTML to make text of.
    for (const [kind, file] of [['zendesk', 'zendesk/api/comments-2041.json'], ['zammad', 'zammad/api/by_ticket-4711.json']]) {
      await page.reload();
      await page.addScriptTag({ content: script });
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      const api = await page.evaluate(([k, t, n, w, r]) => window.ArvioAdapters.timeApi(k, t, n, w, r), [kind, text, MESSAGES, WARMUP, RUNS]);
      if (api.messages !== MESSAGES) throw new Error(`${kind} API: ${api.messages} messages, not ${MESSAGES}`);
      record({
        name: `extract.${kind}.api.${MESSAGES}-messages`,
        value: median(api.work),
        runs: api.work.length,
        budget: 10,
        baseline: `json.parse.${kind}.same-answer`,
        baselineValue: median(api.floor),
      });
    }

    await page.reload();
    await page.addScriptTag({ content: script });
    await page.evaluate(() => window.ArvioAdapters.buildOrdinaryPage());
    const detect = await page.evaluate(([u, n]) => window.ArvioAdapters.timeDetect(u, n), [ORDINARY_URL, DETECT_SAMPLES]);
    // In µs (budget 1 ms = 1000 µs): results.json keeps three decimals, which would round these to 0.
    const us = (times) => median(times) * 1000;
    const floor = { unit: 'µs', budget: 1000, baseline: 'dom.querySelectorAll-every-element.same-page', baselineValue: us(detect.floor.times) };
    record({ name: 'detect.non-matching-page', value: us(detect.pick.times), runs: detect.pick.times.length, ...floor });
    // Every adapter's markers queried, as if each one's URL test had passed: the most detection can cost here.
    record({ name: 'detect.non-matching-page.every-marker', value: us(detect.everyMarker.times), runs: detect.everyMarker.times.length, ...floor });
  } finally {
    await browser.close();
    await server.close();
  }
}
