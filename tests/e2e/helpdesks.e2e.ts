// Helpdesk coverage in a real browser: Zendesk by page and by API, Zammad, FreeScout, a self-hosted site added at runtime, the generic fallback.
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { EXTENSION_DIR, expectAccessible, launchWithExtension, removeProfile, sidebarFrame, toggleButton, type ExtensionBrowser } from './harness';
import { serveFixture, type FixtureServer } from './fixture-server';

const FIXTURES = 'tests/fixtures/helpdesks';
const json = (path: string): unknown => JSON.parse(readFileSync(`${FIXTURES}/${path}`, 'utf8')) as unknown;

interface ExpectedMessage {
  role: string;
  author: string;
  text: string;
}
const expected = (name: string): { context: { ticketId: string; subject: string }; messages: ExpectedMessage[] } =>
  json(`${name}/expected.json`) as { context: { ticketId: string; subject: string }; messages: ExpectedMessage[] };

let browser: ExtensionBrowser;
const servers: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  if (browser) removeProfile(browser.userDataDir);
});

async function serve(name: string, routes: Record<string, unknown> = {}): Promise<FixtureServer> {
  const server = await serveFixture(name, routes);
  servers.push(server);
  return server;
}

/** A fixture served on another loopback address (127.0.0.2): an origin the manifest's static matches do not cover. */
async function serveOn(host: string, name: string): Promise<{ origin: string; url: string }> {
  const html = readFileSync(`${FIXTURES}/${name}/page.html`, 'utf8');
  const original = new URL(readFileSync(`${FIXTURES}/${name}/url.txt`, 'utf8').trim());
  const server = createServer((req, res) => {
    if ((req.url ?? '/').startsWith('/api/')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not found"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  servers.push({
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
  const origin = `http://${host}:${port}`;
  return { origin, url: `${origin}${original.pathname}${original.search}${original.hash}` };
}

async function openSidebar(page: Page): Promise<Frame> {
  await toggleButton(page).waitFor({ state: 'attached' });
  if ((await toggleButton(page).getAttribute('aria-expanded')) !== 'true') await toggleButton(page).click();
  const frame = await sidebarFrame(page);
  await frame.getByRole('main', { name: 'Arvio' }).waitFor();
  return frame;
}

/** The conversation tab lists exactly these messages, in order, with role, author and text. */
async function expectConversation(frame: Frame, messages: ExpectedMessage[]): Promise<void> {
  await frame.getByRole('tab', { name: /Conversation/ }).click();
  const items = frame.locator('.message-list > li');
  await expect.poll(() => items.count()).toBe(messages.length);
  for (const [index, message] of messages.entries()) {
    const item = items.nth(index);
    expect(await item.locator('.message-text').textContent()).toBe(message.text);
    if (message.author) expect(await item.locator('.message-author').textContent()).toBe(message.author);
  }
  expect(await frame.locator(`.message.role-internal`).count()).toBe(messages.filter((m) => m.role === 'internal').length);
  await expectAccessible(frame);
}

async function optionsPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByRole('heading', { name: /Self-hosted helpdesks/ }).waitFor();
  return page;
}

async function addSite(origin: string, type: string): Promise<Page> {
  const options = await optionsPage();
  await options.getByLabel('Address', { exact: true }).fill(origin);
  await options.getByLabel('Helpdesk', { exact: true }).selectOption(type);
  await options.getByRole('button', { name: 'Add site' }).click();
  await options.getByText(`Added ${origin}.`).waitFor();
  return options;
}

async function registeredSiteScripts(): Promise<string[]> {
  return browser.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    return (await api.scripting.getRegisteredContentScripts()).map((script) => script.id);
  });
}

describe('known helpdesks in the sidebar', () => {
  it('Zendesk: the ticket is read from the page when the API does not answer', async () => {
    const server = await serve('zendesk/email');
    const page = await browser.context.newPage();
    await page.goto(server.url);
    const frame = await openSidebar(page);
    await expect.poll(() => frame.locator('.ticket-subject').textContent()).toBe(expected('zendesk/email').context.subject);
    await expect.poll(() => frame.getByText('read from the page').count()).toBe(1);
    await expectConversation(frame, expected('zendesk/email').messages);
    await page.close();
  });

  it('Zendesk: the same ticket is read from the same-origin API, with the same messages', async () => {
    const server = await serve('zendesk/email', { '/api/v2/tickets/2041/comments.json': json('zendesk/api/comments-2041.json') });
    const page = await browser.context.newPage();
    await page.goto(server.url);
    const frame = await openSidebar(page);
    await expect.poll(() => frame.getByText('read from the helpdesk API').count()).toBe(1);
    await expectConversation(frame, expected('zendesk/email').messages);
    await page.close();
  });

  it('Zendesk API: hostile HTML in a comment becomes text, and nothing in it loads or runs', async () => {
    const answer = json('zendesk/api/comments-2041.json') as { comments: { html_body: string }[] };
    answer.comments[0]!.html_body =
      '<p>Hei, kuvassa virhe.</p><img src="/probe.png" onerror="document.title=\'pwned\'"><script>document.title="pwned"</script><iframe src="/probe-frame"></iframe>';
    const server = await serve('zendesk/email', { '/api/v2/tickets/2041/comments.json': answer });
    const page = await browser.context.newPage();
    await page.goto(server.url);
    const frame = await openSidebar(page);
    await expect.poll(() => frame.getByText('read from the helpdesk API').count()).toBe(1);
    await frame.getByRole('tab', { name: /Conversation/ }).click();
    await expect.poll(() => frame.locator('.message-text').first().textContent()).toBe('Hei, kuvassa virhe.');
    expect(server.requested.filter((path) => path.startsWith('/probe'))).toEqual([]);
    expect(await page.title()).not.toBe('pwned');
    expect(await frame.evaluate(() => document.title)).not.toBe('pwned');
    await page.close();
  });

  it('Zammad classic: the ticket and its internal note and attachments-only message', async () => {
    const server = await serve('zammad/classic-email');
    const page = await browser.context.newPage();
    await page.goto(server.url);
    const frame = await openSidebar(page);
    await expect.poll(() => frame.locator('.ticket-subject').textContent()).toBe(expected('zammad/classic-email').context.subject);
    await expectConversation(frame, expected('zammad/classic-email').messages);
    await page.close();
  });

  it('Zammad: single-page navigation between two open tickets by the hash', async () => {
    const server = await serve('zammad/two-tickets');
    const page = await browser.context.newPage();
    await page.goto(server.url);
    const frame = await openSidebar(page);
    await expect.poll(() => frame.locator('.ticket-id').textContent()).toContain('4720');
    await expectConversation(frame, expected('zammad/two-tickets').messages);
    await page.evaluate(() => {
      window.location.hash = '#ticket/zoom/4711';
    });
    await expect.poll(() => frame.locator('.ticket-id').textContent(), { timeout: 2000 }).toContain('4711');
    await expect.poll(() => frame.locator('.ticket-subject').textContent()).toBe('Tilaus 88213 ei ole saapunut');
    await frame.getByRole('tab', { name: /Conversation/ }).click();
    await expect.poll(() => frame.locator('.message-list > li').count()).toBe(4);
    await page.close();
  });

  it('FreeScout: the conversation, oldest first as the page lists it', async () => {
    const server = await serve('freescout/email');
    const page = await browser.context.newPage();
    await page.goto(server.url);
    const frame = await openSidebar(page);
    await expect.poll(() => frame.locator('.ticket-subject').textContent()).toBe(expected('freescout/email').context.subject);
    await expectConversation(frame, expected('freescout/email').messages);
    await page.close();
  });
});

describe('a self-hosted Zammad added at runtime', () => {
  it('gets the content script once the site is added in the options, and loses it when removed', async () => {
    const site = await serveOn('127.0.0.2', 'zammad/classic-email');
    // Before: nothing of Arvio on a host the manifest does not list.
    const before = await browser.context.newPage();
    await before.goto(site.url);
    await before.waitForTimeout(500);
    expect(await toggleButton(before).count()).toBe(0);
    await before.close();

    // The user grants the host in Chrome's own extension settings (Details → Site access → On specific
    // sites → Add), which is what chrome://extensions calls; permissions.request() then resolves at once.
    // Headless Chromium cannot show the permission prompt (README design notes).
    const settings = await browser.context.newPage();
    await settings.goto('chrome://extensions');
    const granted = await settings.evaluate(async ([id]) => {
      const api = (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome;
      await api.developerPrivate.addHostPermission(id!, 'http://127.0.0.2/*');
      return true;
    }, [browser.extensionId]);
    expect(granted).toBe(true);
    await settings.close();

    const options = await addSite(site.origin, 'zammad');
    await expect.poll(registeredSiteScripts).toContain('arvio-site:http://127.0.0.2/*');

    const page = await browser.context.newPage();
    await page.goto(site.url);
    const frame = await openSidebar(page);
    await expect.poll(() => frame.locator('.ticket-subject').textContent()).toBe(expected('zammad/classic-email').context.subject);
    await expectConversation(frame, expected('zammad/classic-email').messages);
    await page.close();

    await options.getByRole('button', { name: `Remove ${site.origin}` }).click();
    await options.getByText(`Removed ${site.origin}.`).waitFor();
    await expect.poll(registeredSiteScripts).not.toContain('arvio-site:http://127.0.0.2/*');
    const held = await options.evaluate(() =>
      (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.permissions.contains({ origins: ['http://127.0.0.2/*'] }),
    );
    expect(held).toBe(false);
    const after = await browser.context.newPage();
    await after.goto(site.url);
    await after.waitForTimeout(500);
    expect(await toggleButton(after).count()).toBe(0);
    await after.close();
    await options.close();
  });
});

describe('the generic fallback on a plain page', () => {
  it('reviews the selected text with the page address as the ticket, then reads the picked region', async () => {
    const server = await serve('generic/plain-page');
    const origin = new URL(server.url).origin;
    const options = await addSite(origin, 'generic');
    await options.close();

    const page = await browser.context.newPage();
    await page.goto(server.url);
    const frame = await openSidebar(page);
    await frame.getByRole('heading', { name: 'Pick what to review on this page' }).waitFor();
    expect(await frame.locator('.ticket-id').textContent()).toContain(server.url);

    // Selection → a manual review target.
    await page.evaluate(() => {
      const target = document.querySelectorAll('#thread article')[1]!;
      const range = document.createRange();
      range.selectNodeContents(target);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
    await frame.getByRole('button', { name: 'Review the selected text' }).click();
    await expect.poll(() => frame.getByText('entered by hand').count()).toBe(1);
    await expectConversation(frame, [{ role: 'agent', author: '', text: 'Tuki: Pahoittelut! Lähetimme uuden paketin tänään.' }]);

    // Pick the region: the sidebar steps aside, the hovered region is outlined, a click picks it.
    await frame.getByRole('button', { name: /Pick (the conversation|again)/ }).click();
    await page.locator('arvio-picker').waitFor({ state: 'attached' });
    await expectAccessible(page, ['arvio-picker']);
    const box = (await page.locator('#thread').boundingBox())!;
    await page.mouse.move(box.x + 6, box.y + 6);
    await page.mouse.click(box.x + 6, box.y + 6);
    await expect.poll(() => page.locator('arvio-picker').count()).toBe(0);
    await expect.poll(() => frame.getByText('read from the page').count()).toBe(1);
    const plain = expected('generic/plain-page').messages;
    await expectConversation(frame, plain);

    // Remembered for the site: a reload reads the same region without asking.
    await page.reload();
    const again = await openSidebar(page);
    await expectConversation(again, plain);
    await page.close();
  });
});

describe('diagnostics when a ticket shows no messages', () => {
  it('shows what matched and saves an anonymised snapshot of the page', async () => {
    const server = await serve('zendesk/hostile-empty');
    const page = await browser.context.newPage();
    await page.goto(server.url);
    const frame = await openSidebar(page);
    await frame.getByText('Ticket found, but no messages could be read').waitFor();
    await expect.poll(() => frame.locator('.diagnostics code').allTextContents()).toContain('messages: 0');
    await frame.getByRole('button', { name: 'Report this page' }).click();
    await frame.getByRole('link', { name: 'Download the snapshot' }).waitFor();
    await page.close();

    const options = await optionsPage();
    const report = options.getByRole('list', { name: 'Reported pages' }).locator('li');
    await expect.poll(() => report.count()).toBe(1);
    expect(await report.first().textContent()).toContain(new URL(server.url).pathname);
    await options.close();
  });
});

describe('what the helpdesk page loads', () => {
  it('is at most 25 KB gzipped with every adapter', () => {
    const file = `${EXTENSION_DIR}/content-scripts/helpdesk.js`;
    expect(statSync(file).size).toBeGreaterThan(0);
    expect(gzipSync(readFileSync(file)).length).toBeLessThanOrEqual(25 * 1024);
  });

  it('neither the content script nor the framed sidebar carries the database: lib folders’ unused modules stay out of a build', () => {
    // Both import lib/ through its folders' index.ts; package.json's sideEffects lets the bundler drop
    // what a page does not use, Dexie with it (the sidebar reaches the database by message).
    const html = readFileSync(`${EXTENSION_DIR}/sidebar.html`, 'utf8');
    const chunks = [...html.matchAll(/(?:src|href)="\/(chunks\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(chunks.length).toBeGreaterThan(0);
    const withDatabase = [...chunks, 'content-scripts/helpdesk.js'].filter((chunk) => readFileSync(`${EXTENSION_DIR}/${chunk}`, 'utf8').includes('indexedDB'));
    expect(withDatabase).toEqual([]);
    // The check can fail: the dashboard's start-up does carry it.
    const dashboard = readFileSync(`${EXTENSION_DIR}/dashboard.html`, 'utf8');
    const dashboardChunks = [...dashboard.matchAll(/(?:src|href)="\/(chunks\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(dashboardChunks.some((chunk) => readFileSync(`${EXTENSION_DIR}/${chunk}`, 'utf8').includes('indexedDB'))).toBe(true);
  });
});
