// Arvio in real Firefox: a self-hosted helpdesk added at run time (Firefox asks for its host), and sync with the real team backend.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyInput, Page } from 'puppeteer-core';
import { templates } from '@/lib/scorecards/templates';
import type { Review } from '@/lib/model/review';
import { startDemoServer } from '../../demo/server.mjs';
import { addTeam, addUser, createToken } from '../../server/src/admin';
import { openPglite, type Db } from '../../server/src/db';
import { migrate } from '../../server/src/migrate';
import { startServer, type RunningServer } from '../../server/src/serve';
import {
  chord,
  countOf,
  focusedCriterion,
  launchFirefox,
  openExtensionPage,
  openWithSidebar,
  textOf,
  TOGGLE,
  type FirefoxWithExtension,
} from './harness';

const FIXTURES = 'tests/fixtures/helpdesks';
const REVIEWER = 'aino@arvio.test';
const AGENT = 'mikko@arvio.test';

let firefox: FirefoxWithExtension;
let demo: Awaited<ReturnType<typeof startDemoServer>>;
let dataDir = '';
let db: Db;
let server: RunningServer;
let site: { origin: string; url: string; server: Server };
const tokens: Record<string, string> = {};
let options: Page;

/** A saved Zammad page on 127.0.0.2: an origin the manifest does not name, as a self-hosted helpdesk is. */
async function serveZammadOn(host: string): Promise<typeof site> {
  const html = readFileSync(`${FIXTURES}/zammad/classic-email/page.html`, 'utf8');
  const original = new URL(readFileSync(`${FIXTURES}/zammad/classic-email/url.txt`, 'utf8').trim());
  const http = createServer((req, res) => {
    const api = (req.url ?? '/').startsWith('/api/');
    res.writeHead(api ? 404 : 200, { 'content-type': api ? 'application/json' : 'text/html; charset=utf-8' });
    res.end(api ? '{"error":"not found"}' : html);
  });
  await new Promise<void>((resolve) => http.listen(0, host, resolve));
  const { port } = http.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return { origin, url: `${origin}${original.pathname}${original.search}${original.hash}`, server: http };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(process.env.ARVIO_E2E_TMP ?? tmpdir(), 'arvio-e2e-server-'));
  db = await openPglite(dataDir);
  await migrate(db);
  await addTeam(db, 'Support FI');
  await addUser(db, { email: REVIEWER, name: 'Aino', role: 'reviewer', teams: ['Support FI'] });
  // Ticket 102's agent in the demo helpdesk is "Mikko Laine": the roster maps that name to this e-mail.
  await addUser(db, { email: AGENT, name: 'Mikko Laine', role: 'agent', teams: ['Support FI'] });
  tokens[REVIEWER] = (await createToken(db, REVIEWER)).token;
  // On 127.0.0.1 (plain http is accepted for loopback only), a host the manifest's content-script matches hold already.
  [server, demo, site, firefox] = await Promise.all([
    startServer(db, { port: 0, hostname: '127.0.0.1' }, { logError: () => undefined }),
    startDemoServer(),
    serveZammadOn('127.0.0.2'),
    launchFirefox(),
  ]);
  // The settings, opened as a link in the sidebar would open them (BiDi may not navigate to moz-extension://).
  const { frame } = await openWithSidebar(firefox.browser, `${demo.url}/agent/tickets/101`);
  options = await openExtensionPage(firefox.browser, frame, '/options.html');
  await options.waitForSelector('#site-origin');
});

afterAll(async () => {
  await firefox?.close();
  await demo?.close();
  await server?.close();
  await new Promise((resolve) => (site ? site.server.close(resolve) : resolve(undefined)));
  site?.server.closeAllConnections();
  await db?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** What the extension holds, asked in its own page. */
function holds(origin: string): Promise<boolean> {
  return options.evaluate(
    (pattern) => (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser.permissions.contains({ origins: [pattern] }),
    `${origin}/*`,
  );
}

const notice = (page: Page, section: string) =>
  page.$eval(`section[aria-labelledby="${section}"] [role="status"]`, (status) => status.textContent ?? '').catch(() => '');

describe('Firefox: self-hosted sites and the team backend', () => {
  it('adding a self-hosted site asks for its origin, gets it, and Arvio then runs there', async () => {
    const before = await firefox.browser.newPage();
    await before.goto(site.url);
    await new Promise((r) => setTimeout(r, 500));
    expect(await countOf(before, 'arvio-dock')).toBe(0);
    await before.close();
    expect(await holds('http://127.0.0.2')).toBe(false);

    await options.bringToFront();
    await options.type('#site-origin', site.origin);
    await options.select('#site-type', 'zammad');
    // A real click: Firefox takes permissions.request() only within a user gesture.
    await options.click('section[aria-labelledby="sites-title"] button[type="submit"]');
    await expect.poll(() => notice(options, 'sites-title'), { timeout: 10_000 }).toContain(`Added ${site.origin}.`);
    expect(await holds('http://127.0.0.2')).toBe(true);

    const { page, frame } = await openWithSidebar(firefox.browser, site.url);
    const expected = JSON.parse(readFileSync(`${FIXTURES}/zammad/classic-email/expected.json`, 'utf8')) as {
      context: { subject: string };
      messages: { text: string }[];
    };
    await expect.poll(() => textOf(frame, '.ticket-subject')).toBe(expected.context.subject);
    await frame.click('#tab-conversation');
    await expect.poll(() => countOf(frame, '.message-list > li')).toBe(expected.messages.length);
    await page.close();
  });

  it('syncs with the real team backend: a review made in the sidebar is pushed to the server, and the sidebar says so', async () => {
    await options.bringToFront();
    await options.type('#sync-url', server.url);
    await options.type('#sync-token', tokens[REVIEWER]!);
    await options.click('section[aria-labelledby="sync-title"] button[type="submit"]');
    await expect.poll(() => notice(options, 'sync-title'), { timeout: 10_000 }).toContain('Saved. Syncing starts now.');
    await expect
      .poll(() => textOf(options, '[data-testid="sync-status-details"]'), { timeout: 20_000 })
      .toMatch(/Last synced .*Everything is synced\./);

    const { page, frame } = await openWithSidebar(firefox.browser, `${demo.url}/agent/tickets/102`);
    await page.bringToFront();
    // The pulled roster names the helpdesk's "Mikko Laine" by e-mail; the reviewer is the token's account.
    await expect.poll(() => frame.$eval('#reviewee', (s) => (s as HTMLSelectElement).value).catch(() => null), { timeout: 10_000 }).toBe(AGENT);
    const card = templates.find((t) => t.id === 'tpl-chat-en');
    if (!card) throw new Error('no tpl-chat-en');
    await expect.poll(() => frame.$eval('#scorecard', (s) => (s as HTMLSelectElement).value).catch(() => null)).toBe(`${card.id}@${card.version}`);
    await frame.focus('::-p-text(Start review)');
    await page.keyboard.press('Enter');
    for (const criterion of card.groups.flatMap((g) => card.criteria.filter((c) => c.groupId === g.id))) {
      await expect.poll(() => focusedCriterion(frame)).toBe(criterion.id);
      await page.keyboard.press(String(criterion.levels.length) as KeyInput);
    }
    await page.keyboard.type('Kiitos selkeästä vastauksesta.');
    await chord(page, ['Control', 'Enter']);
    await frame.waitForSelector('::-p-text(Review saved.)');

    // The background syncs soon after a change: the server receives the review, and the sidebar's status
    // line then says so. (The line already read "Synced" from the options page's first sync, so it is
    // only proof once the server holds the review.)
    const reviewsOnServer = () => db.query<{ doc: Review }>("SELECT doc FROM docs WHERE collection = 'reviews'");
    await expect.poll(async () => (await reviewsOnServer()).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => textOf(frame, '[data-testid="sync-status"]'), { timeout: 10_000 }).toMatch(/^Synced /);
    const stored = await reviewsOnServer();
    expect(stored[0]!.doc).toMatchObject({
      reviewee: { id: AGENT, name: 'Mikko Laine' },
      reviewer: { id: REVIEWER, name: 'Aino' },
      ticketKey: 'zendesk:102',
      strengths: 'Kiitos selkeästä vastauksesta.',
    });
    expect(await countOf(page, TOGGLE)).toBe(1);
    await page.close();
  });
});
