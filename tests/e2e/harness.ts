// Real Chromium with the built extension, against servers on 127.0.0.1. Shared by every e2e file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { afterEach, expect } from 'vitest';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}

/** A new folder inside the run's temp folder (global-setup.ts removes it at the end, whatever a test left). */
export function freshProfileDir(): string {
  return mkdtempSync(join(process.env.ARVIO_E2E_TMP ?? tmpdir(), 'arvio-e2e-'));
}

export interface LaunchOptions {
  locale?: string;
  /** Another build of the extension than `.output/chrome-mv3` (storage.e2e.ts alters its manifest). */
  extensionDir?: string;
  /** The computer's time zone (IANA), for the whole browser, its service worker included; the machine's by default. */
  timeZone?: string;
}

export async function launchWithExtension(
  userDataDir = freshProfileDir(),
  { locale = 'en-US', extensionDir = EXTENSION_DIR, timeZone }: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    locale,
    ...(timeZone ? { env: { ...process.env, TZ: timeZone } } : {}),
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless=new',
      '--no-sandbox',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--lang=${locale}`,
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    close: () => context.close(),
  };
}

/**
 * The extension's service worker. Polled as well as awaited: the worker can register between a
 * look at serviceWorkers() and the event subscription, and a loaded machine starts it late.
 */
export async function extensionWorker(context: BrowserContext, timeout = 90_000): Promise<Worker> {
  const event = context.waitForEvent('serviceworker', { timeout }).catch(() => null);
  const deadline = Date.now() + timeout;
  for (;;) {
    const [worker] = context.serviceWorkers();
    if (worker) return worker;
    const arrived = await Promise.race([event, new Promise<null>((resolve) => setTimeout(() => resolve(null), 100))]);
    if (arrived) return arrived;
    if (Date.now() > deadline) throw new Error('the extension service worker did not start (is .output/chrome-mv3 built?)');
  }
}

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface BrowserPool {
  /** A browser with the extension, on a fresh profile unless one is given. */
  launch(options?: LaunchOptions, profile?: string): Promise<ExtensionBrowser>;
  /** Closes one now and removes its profile. */
  close(browser: ExtensionBrowser): Promise<void>;
  /** Closes every browser still open and removes their profiles. */
  closeAll(): Promise<void>;
}

/** Browsers launched through it, to close together (see browsersPerTest). */
export function browserPool(): BrowserPool {
  const open = new Set<ExtensionBrowser>();
  const close = async (browser: ExtensionBrowser): Promise<void> => {
    open.delete(browser);
    await browser.close();
    removeProfile(browser.userDataDir);
  };
  return {
    async launch(options, profile = freshProfileDir()) {
      const browser = await launchWithExtension(profile, options);
      open.add(browser);
      return browser;
    },
    close,
    async closeAll() {
      for (const browser of [...open]) await close(browser);
    },
  };
}

/** The browsers a test launches, closed and their profiles removed after each test. Call once at the top of a file. */
export function browsersPerTest(): BrowserPool {
  const pool = browserPool();
  afterEach(() => pool.closeAll());
  return pool;
}

/** The Arvio sidebar frame inside a helpdesk page (it lives in our dock's shadow root). */
export async function sidebarFrame(page: Page, timeout = 5000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/sidebar.html'));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('the Arvio sidebar frame did not appear');
    await page.waitForTimeout(25);
  }
}

/** The dock's toggle button (open shadow root: Playwright's CSS locators pierce it). */
export function toggleButton(page: Page) {
  return page.locator('arvio-dock button.toggle');
}

/** What the keyboard command does, run in the service worker (CDP key events never reach Chrome's accelerators). */
export async function runToggleCommand(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id !== undefined) await api.tabs.sendMessage(tab.id, { type: 'toggle' });
  });
}

/** The extension's local rows of an IndexedDB store, read on one of its pages (its own storage). */
export async function localRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('arvio');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const request = database.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    database.close();
    return rows;
  }, store) as Promise<T[]>;
}

/**
 * Clicks the options page's "Sync now" (named `buttonName` in the page's language) and returns once that
 * sync has run: the button is disabled while the background syncs and enabled again after. Watched by a
 * MutationObserver set before the click, so a sync faster than any poll is not missed. The status line
 * alone cannot tell: "Everything is synced" only says nothing waits to be pushed, before the pull too.
 */
export async function syncNow(page: Page, buttonName: string, timeout = 30_000): Promise<void> {
  const button = page.getByRole('button', { name: buttonName });
  await button.waitFor();
  await button.evaluate(
    (element, timeout) =>
      new Promise<void>((resolve, reject) => {
        const target = element as HTMLButtonElement;
        let started = false;
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`the sync did not finish within ${timeout / 1000} s`));
        }, timeout);
        const observer = new MutationObserver(() => {
          if (target.disabled) started = true;
          else if (started) {
            clearTimeout(timer);
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(target, { attributes: true, childList: true, characterData: true, subtree: true });
        target.click();
      }),
    timeout,
  );
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.2 A/AA rules and its best practices, run on an Arvio page or the sidebar's frame as
 * it is now: no violation. On a helpdesk page, `include` limits the audit to what Arvio put there (the
 * dock, the composer's badge): the host page is not ours to judge. Each violation is named with the
 * elements it found, so a failure says what to fix.
 */
export async function expectAccessible(target: Page | Frame, include?: readonly string[]): Promise<void> {
  // Evaluated over DevTools: an extension page's CSP (rightly) refuses an injected script tag.
  await target.evaluate(AXE_SOURCE);
  const violations = await target.evaluate(async (include) => {
    type Result = { violations: { id: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] };
    const axe = (window as unknown as { axe: { run(context: unknown, options: object): Promise<Result> } }).axe;
    const result = await axe.run(include ? { include: include.map((selector) => [selector]) } : document, {
      iframes: false, // the sidebar's frame is audited on its own (an extension page: axe cannot reach into it)
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')} (${v.nodes[0]?.failureSummary ?? ''})`);
  }, include ?? null);
  expect(violations).toEqual([]);
}
