// The bench's Chromium: Debian's binary, a fresh profile, the flags every bench figure is measured with.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureChromium } from '../scripts/system-deps.mjs';
import { median } from './stats.mjs';

/** The bench build (ARVIO_BENCH=1, made by run.mjs): the product build has none of the timeline hooks the bench reads. */
export const EXTENSION = resolve(import.meta.dirname, '../.output/chrome-mv3-bench');
/** How long IndexedDB's files must stay unchanged before a database counts as at rest. */
const QUIET_MS = 2_000;
const SETTLE_LIMIT_MS = 30_000;

/**
 * A browser with the built extension (its id read from the worker) or without; `close` removes the
 * profile (`dir`) too. `locale`: the browser's language, where a bench finds controls by their English names.
 * `extensions`: other builds to load instead (bench/coaching-ab.mjs); `extensionIds` are theirs, by folder.
 */
export async function launchBrowser(withExtension, prefix = 'arvio-bench-', { locale, extensions = [EXTENSION] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: ensureChromium(),
    headless: false,
    viewport: { width: 1400, height: 900 },
    ...(locale ? { locale } : {}),
    args: [
      '--headless=new',
      '--no-sandbox',
      ...(locale ? [`--lang=${locale}`] : []),
      ...(withExtension ? [`--disable-extensions-except=${extensions.join(',')}`, `--load-extension=${extensions.join(',')}`] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const extensionIds = new Map();
    if (withExtension) {
      while (context.serviceWorkers().length < extensions.length) await context.waitForEvent('serviceworker');
      const running = new Set(context.serviceWorkers().map((worker) => new URL(worker.url()).host));
      for (const folder of extensions) {
        const id = unpackedExtensionId(folder);
        if (!running.has(id)) throw new Error(`the extension in ${folder} is not running (id ${id})`);
        extensionIds.set(folder, id);
      }
    }
    return { context, extensionId: extensionIds.get(extensions[0]) ?? null, extensionIds, dir, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Chromium's id of an unpacked extension: the SHA-256 of its absolute path, the first 32 hex digits written as a–p. */
function unpackedExtensionId(folder) {
  const hex = createHash('sha256').update(resolve(folder)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

function newestChange(dir) {
  let newest = 0;
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    try {
      newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
    } catch {
      // A file compacted away between listing and stat: the next look sees what replaced it.
    }
  }
  return newest;
}

/**
 * Waits until IndexedDB is at rest in the profile `dir`: after a large write it goes on flushing and
 * compacting for seconds on the same two cores, and a figure taken meanwhile measures that tail. Done
 * when no file in the profile's IndexedDB directory has changed for QUIET_MS (bounded); returns how
 * long it waited.
 */
export async function settle(dir) {
  const t0 = Date.now();
  if (!dir) {
    await new Promise((r) => setTimeout(r, 5_000));
    return Date.now() - t0;
  }
  const idb = join(dir, 'IndexedDB');
  let last = newestChange(idb);
  let quietSince = Date.now();
  while (Date.now() - quietSince < QUIET_MS && Date.now() - t0 < SETTLE_LIMIT_MS) {
    await new Promise((r) => setTimeout(r, 200));
    const now = newestChange(idb);
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    }
  }
  return Date.now() - t0;
}

/**
 * A page's start-up: navigation → DOMContentLoaded, by when its modules have been loaded and run;
 * a view's reads and rendering come after it. The part of a first render the view's own work does not touch.
 */
export function startupOf(page) {
  return page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventStart);
}

/**
 * The numbers a page reports in a console message starting with `tag` (e.g. `arvio-bench-plan 312.4 330.1`).
 * A bench times a load this way rather than by polling it (waitForFunction, a locator's wait): those
 * inject Playwright's script and run checks inside the very load being timed. Listen before navigating.
 */
export function reportedBy(page, tag, what, timeoutMs = 60_000) {
  const stamps = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      page.off('console', onConsole);
      reject(new Error(`${what} within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onConsole = (message) => {
      const [first, ...rest] = message.text().split(' ');
      if (first !== tag) return;
      clearTimeout(timer);
      page.off('console', onConsole);
      resolve(rest);
    };
    page.on('console', onConsole);
  });
  stamps.catch(() => undefined); // a failed navigation throws first; the timer's rejection is then not the news
  return stamps;
}

/**
 * The same run's floor for a first render: the bench build's empty extension page (one small script, one
 * line of text; bench/empty-page) from navigation to its first contentful paint, median of `runs` fresh loads.
 */
export async function emptyPageFirstPaint(context, extensionId, runs = 9) {
  const page = await context.newPage();
  try {
    const paints = [];
    for (let i = 0; i <= runs; i++) {
      await page.goto('about:blank');
      await page.goto(`chrome-extension://${extensionId}/bench-empty.html`);
      const paint = await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            setTimeout(() => reject(new Error('the empty extension page did not paint within 10 s')), 10_000);
            new PerformanceObserver((list, observer) => {
              const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
              if (!entry) return;
              observer.disconnect();
              resolve(entry.startTime);
            }).observe({ type: 'paint', buffered: true });
          }),
      );
      if (i > 0) paints.push(paint); // the first load warms the process
    }
    return { value: median(paints), runs: paints.length };
  } finally {
    await page.close();
  }
}
