// Only Arvio docks its sidebar: a page that frames sidebar.html itself (any address, any fragment, even the
// dock's own session) gets no reviews and no ticket, just where Arvio opens; the real dock beside it works.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { startDemoServer } from '../../demo/server.mjs';
import { tickets } from '../../demo/tickets.mjs';
import { newDraft, rate, toReview } from '@/lib/review';
import { templates } from '@/lib/scorecards/templates';
import type { TicketRef } from '@/lib/model/ticket';
import { launchWithExtension, removeProfile, sidebarFrame, toggleButton, type ExtensionBrowser } from './harness';

let demo: Awaited<ReturnType<typeof startDemoServer>>;
let browser: ExtensionBrowser;

const UNDOCKED = 'Arvio opens from the helpdesk page';
const GUESS = '6f2c1d0e-1111-4a4a-9b9b-000000000001';
const t101 = tickets.find((t) => t.id === '101')!;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launchWithExtension();
  // An earlier review of ticket 101, saved through the service by the options page (a top-level page: served as before).
  const card = templates.find((t) => t.id === 'tpl-chat-en')!;
  const ticket: TicketRef = { helpdesk: 'zendesk', ticketId: '101', url: `${demo.url}/agent/tickets/101`, subject: t101.subject, channel: 'email' };
  let draft = newDraft(ticket, { kind: 'conversation' }, card, { id: 'Aino Virtanen', name: 'Aino Virtanen' }, new Date());
  for (const criterion of card.criteria) draft = rate(draft, criterion.id, { value: criterion.levels.length - 1 });
  draft = { ...draft, strengths: 'Selkeä vastaus laskusta' };
  const review = toReview(draft, card, { id: 'tiina@example.com', name: 'Tiina' }, { id: 'Aino Virtanen', name: 'Aino Virtanen' }, 'docking-1', new Date(), null, null);
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  expect(await callService(options, 'submitReview', [review, null])).toMatchObject({ ok: true });
  await options.close();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  if (browser) removeProfile(browser.userDataDir);
});

type Reply = { ok: boolean; value?: unknown; refused?: boolean };

/** A call of the background's database service, as the sidebar makes it (chrome.runtime.sendMessage). */
function callService(where: Page | Frame, op: string, args: unknown[]): Promise<Reply> {
  return where.evaluate(
    ([name, values]) => {
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      return api.runtime.sendMessage({ type: 'arvio-db', op: name, args: values }) as Promise<Reply>;
    },
    [op, args] as const,
  );
}

/** The frame inside the page's own iframe `#id` (not the dock's). */
async function framed(page: Page, id: string): Promise<Frame> {
  const handle = await page.locator(`#${id}`).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no frame in #${id}`);
  return frame;
}

/** What a frame the page made itself shows and gets: the text, no ticket, no reviews, every service call refused. */
async function expectNothingServed(frame: Frame): Promise<void> {
  await frame.getByRole('heading', { name: UNDOCKED }).waitFor();
  expect(await frame.getByRole('main', { name: 'Arvio' }).textContent()).not.toContain(t101.subject);
  expect(await frame.locator('.ticket-subject, .sync-line, [role="tab"], form').count()).toBe(0);
  expect(await callService(frame, 'reviewsOfTicket', ['zendesk:101'])).toMatchObject({ ok: false, refused: true });
  expect(await callService(frame, 'getSettings', [])).toMatchObject({ ok: false, refused: true });
}

describe('a sidebar that Arvio did not dock', () => {
  it('shows a page’s own frame of chrome-extension://…/sidebar.html no data, with or without a guessed session', async () => {
    // Chromium frames the sidebar only by its per-session dynamic URL (use_dynamic_url); a page that learnt
    // it (from any page the dock was on: it is the same for the whole browser session) frames it itself.
    const leaked = await browser.worker.evaluate(() => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.runtime.getURL('/sidebar.html'));
    const fixed = `chrome-extension://${browser.extensionId}/sidebar.html`;
    expect(leaked).not.toBe(fixed);
    // A page on 127.0.0.1 that is no helpdesk: the content script docks nothing there.
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const frames = { fixed: `${fixed}#${GUESS}`, bare: leaked, guessed: `${leaked}#${GUESS}` };
      res.end(`<!doctype html><title>Free prizes</title>${Object.entries(frames).map(([id, src]) => `<iframe id="${id}" src="${src}"></iframe>`).join('')}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/prizes`);
    for (const id of ['bare', 'guessed']) await expectNothingServed(await framed(page, id));
    // By the extension id, Chromium does not load the sidebar at all.
    const fixedFrame = await framed(page, 'fixed');
    await expect.poll(() => fixedFrame.url()).not.toBe('about:blank');
    expect(fixedFrame.url()).not.toContain('sidebar.html');
    expect(await fixedFrame.getByRole('main', { name: 'Arvio' }).count()).toBe(0);
    await page.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });

  it('gives the helpdesk page’s own copies of the dock’s frame nothing, while the dock beside them works', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.url}/agent/tickets/101`);
    await toggleButton(page).click();
    const dock = await sidebarFrame(page);
    await expect.poll(() => dock.locator('.ticket-subject').textContent()).toBe(t101.subject);
    // The page's script reads the dock frame's address (its dynamic URL in Chromium, and the session) and frames it
    // again: bare, with a guessed session, and with the dock's own.
    const copies = await page.evaluate((guess) => {
      const src = document.querySelector('arvio-dock')?.shadowRoot?.querySelector('iframe')?.src ?? '';
      const bare = src.replace(/#.*$/, '');
      const make = (id: string, url: string): void => {
        const frame = document.createElement('iframe');
        frame.id = id;
        frame.src = url;
        document.body.append(frame);
      };
      make('bare', bare);
      make('guessed', `${bare}#${guess}`);
      make('stolen', src);
      return src;
    }, GUESS);
    // The session as newSessionId makes it: 32 hex digits.
    expect(copies).toMatch(/\/sidebar\.html#[0-9a-f]{32}$/);
    for (const id of ['bare', 'guessed', 'stolen']) await expectNothingServed(await framed(page, id));
    // The dock is served as before: its ticket, the earlier review, a fresh service answer.
    expect(await dock.locator('.ticket-subject').textContent()).toBe(t101.subject);
    const reviews = await callService(dock, 'reviewsOfTicket', ['zendesk:101']);
    expect(reviews).toMatchObject({ ok: true });
    expect((reviews.value as Array<{ id: string }>).map((r) => r.id)).toEqual(['docking-1']);
    await page.close();
  });
});
