// Real Firefox with the built extension (.output/firefox-mv3), over WebDriver BiDi with puppeteer-core. Shared by every Firefox e2e file.
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');

export interface FirefoxWithExtension {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    defaultViewport: { width: 1400, height: 900 },
    extraPrefsFirefox: {
      // permissions.request() shows a doorhanger in the browser's own UI, which WebDriver cannot reach.
      // With prompts off Firefox grants a request as if the user had pressed Allow — still only inside a
      // user gesture and only for what the manifest declares optional (Firefox's own tests do the same).
      'extensions.webextOptionalPermissionPrompts': false,
      'intl.locale.requested': 'en-US',
      'intl.accept_languages': 'en-US',
    },
  });
  // A temporary add-on, as about:debugging loads one.
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return { browser, close: () => browser.close() };
}

/** The dock's toggle (an open shadow root: `>>>` pierces it). */
export const TOGGLE = 'arvio-dock >>> button.toggle';

export async function toggleState(page: Page): Promise<string | null> {
  return page.$eval(TOGGLE, (button) => button.getAttribute('aria-expanded')).catch(() => null);
}

/**
 * The Arvio sidebar frame in a helpdesk page. Puppeteer reports a moz-extension frame's URL as
 * about:blank, so each frame is asked where it is.
 */
export async function sidebarFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.includes('/sidebar.html')) return frame;
    }
    if (Date.now() > deadline) throw new Error('the Arvio sidebar frame did not appear');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens a helpdesk page and, unless it is open already, the sidebar by its toggle; waits for it to render. */
export async function openWithSidebar(browser: Browser, url: string): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector(TOGGLE);
  if ((await toggleState(page)) !== 'true') await page.click(TOGGLE);
  await page.waitForFunction(
    (host) => document.querySelector(host)?.shadowRoot?.querySelector('button.toggle')?.getAttribute('aria-expanded') === 'true',
    {},
    'arvio-dock',
  );
  const frame = await sidebarFrame(page);
  await frame.waitForSelector('main.sidebar');
  return { page, frame };
}

export function textOf(frame: Frame | Page, selector: string): Promise<string | null> {
  return frame.$eval(selector, (element) => element.textContent).catch(() => null);
}

export function countOf(frame: Frame | Page, selector: string): Promise<number> {
  return frame.$$eval(selector, (elements) => elements.length).catch(() => -1);
}

/** Keys held together, pressed in order and released in reverse (puppeteer has no "Alt+Shift+A"). */
export async function chord(page: Page, keys: Parameters<Page['keyboard']['down']>[0][]): Promise<void> {
  for (const key of keys) await page.keyboard.down(key);
  for (const key of [...keys].reverse()) await page.keyboard.up(key);
}

/** Where the keyboard is inside a frame: the `data-criterion` of the focused element's criterion. */
export function focusedCriterion(frame: Frame): Promise<string | null> {
  return frame.evaluate(() => document.activeElement?.closest('[data-criterion]')?.getAttribute('data-criterion') ?? null);
}

/**
 * A tab the extension opened itself (BiDi may not navigate a tab to moz-extension:// URLs, and
 * puppeteer reports such a tab's URL as about:blank: each tab is asked where it is).
 */
export async function extensionTab(browser: Browser, path: string, timeout = 10_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && new URL(href).pathname === path) return page;
    }
    if (Date.now() > deadline) throw new Error(`the extension did not open ${path}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An extension page opened the way a link in the sidebar would (extension pages may open their own pages). */
export async function openExtensionPage(browser: Browser, from: Frame, path: string): Promise<Page> {
  await from.evaluate((p) => void window.open(new URL(p, location.href).href, '_blank'), path);
  return extensionTab(browser, path);
}
