// Beside the helpdesk, never on top of it: with the sidebar open, the send button and the last message's
// last line are the helpdesk's own, at two screen sizes, on the demo and on two other helpdesks' pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { startDemoServer } from '../../demo/server.mjs';
import { expectAccessible, launchWithExtension, removeProfile, sidebarFrame, toggleButton, type ExtensionBrowser } from './harness';
import { serveFixture, type FixtureServer } from './fixture-server';

let demo: Awaited<ReturnType<typeof startDemoServer>>;
let browser: ExtensionBrowser;
const fixtures: FixtureServer[] = [];

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  for (const fixture of fixtures) await fixture.close();
  await demo?.close();
  if (browser) removeProfile(browser.userDataDir);
});

async function fixtureUrl(name: string): Promise<string> {
  const server = await serveFixture(name);
  fixtures.push(server);
  return server.url;
}

interface Helpdesk {
  name: string;
  url: () => Promise<string>;
  /** The composer's send button and the last message's text, as the helpdesk marks them (the visible one counts). */
  send: string;
  last: string;
  /** What made room: the adapter's main container, or the whole page (the generic fallback). */
  room: 'helpdesk' | 'page';
}

const helpdesks: Helpdesk[] = [
  {
    name: 'the demo helpdesk (Zendesk-shaped)',
    url: async () => `${demo.url}/agent/tickets/102`,
    send: '[data-test-id="submit_button-button"]',
    last: '[data-test-id="omni-log-comment-item"]:last-child [data-test-id="omni-log-message-content"]',
    room: 'helpdesk',
  },
  { name: 'Zammad (classic UI)', url: () => fixtureUrl('zammad/classic-layout'), send: '.js-submit', last: '#article-content-105', room: 'helpdesk' },
  { name: 'Intercom', url: () => fixtureUrl('intercom/chat-layout'), send: '.inbox__composer-send', last: '[data-part-id="6"] .conversation__part__body', room: 'page' },
];

const screens = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

async function openSidebar(page: Page): Promise<Frame> {
  await toggleButton(page).waitFor({ state: 'attached' });
  if ((await toggleButton(page).getAttribute('aria-expanded')) !== 'true') await toggleButton(page).click();
  const frame = await sidebarFrame(page);
  await frame.getByRole('main', { name: 'Arvio' }).waitFor();
  return frame;
}

/**
 * What is at the centre of the send button and of the last message's last line: true where it is the
 * helpdesk's own element (the button itself, a part of the message), false where anything else is.
 */
function whatIsThere(page: Page, send: string, last: string) {
  return page.evaluate(
    ([sendSelector, lastSelector]) => {
      const shown = (selector: string) => [...document.querySelectorAll(selector)].filter((e) => e.getClientRects().length > 0).at(-1);
      const button = shown(sendSelector!);
      const message = shown(lastSelector!);
      if (!button || !message) return { send: false, line: false };
      message.scrollIntoView({ block: 'nearest' });
      const walker = document.createTreeWalker(message, NodeFilter.SHOW_TEXT);
      let text: Node | null = null;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeValue?.trim() && node.parentElement?.getClientRects().length) text = node;
      }
      const range = document.createRange();
      range.selectNodeContents(text ?? message);
      const line = [...range.getClientRects()].at(-1);
      const box = button.getBoundingClientRect();
      const atSend = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      const atLine = line ? document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2) : null;
      return { send: atSend !== null && button.contains(atSend), line: atLine !== null && message.contains(atLine) };
    },
    [send, last],
  );
}

describe('the open sidebar sits beside the helpdesk', () => {
  for (const helpdesk of helpdesks) {
    for (const screen of screens) {
      it(`${helpdesk.name} at ${screen.width}×${screen.height}: the send button and the last message's last line stay the helpdesk's`, async () => {
        const page = await browser.context.newPage();
        await page.setViewportSize(screen);
        await page.goto(await helpdesk.url());
        const frame = await openSidebar(page);
        await expect.poll(() => frame.locator('main.sidebar').getAttribute('data-room')).toBe(helpdesk.room);
        // The sidebar is there, full height, at the right edge, at its default width.
        const dock = await page.locator('arvio-dock iframe').boundingBox();
        expect(dock).toMatchObject({ x: screen.width - 400, width: 400, height: screen.height });
        await expect.poll(() => whatIsThere(page, helpdesk.send, helpdesk.last)).toEqual({ send: true, line: true });
        // Nothing was pushed out sideways either.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        expect(await frame.locator('.layout-notice').count()).toBe(0);
        if (screen === screens[0]) {
          // On every helpdesk, what Arvio puts on the page passes the audit too.
          await expectAccessible(frame);
          await expectAccessible(page, ['arvio-dock']);
        }
        await page.close();
      });
    }
  }

  it('where the page cannot make room, the sidebar ends above the composer and its send button, and says so', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    // A helpdesk that insists on its width: narrowing its main container changes nothing. Styled as the
    // page loads, before Arvio runs (the sidebar may open by itself: earlier tests left it open).
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = '#application { min-width: 1280px; }';
        document.head.append(style);
      });
    });
    await page.goto(`${demo.url}/agent/tickets/102`);
    const frame = await openSidebar(page);
    await frame.getByText('could not make room for Arvio').waitFor();
    await expect.poll(() => whatIsThere(page, '[data-test-id="submit_button-button"]', '[data-test-id="omnicomposer-rich-text-ckeditor"]')).toEqual({
      send: true,
      line: false, // the empty editor has no text: only the send button is asked about here
    });
    const dock = (await page.locator('arvio-dock iframe').boundingBox())!;
    const composer = (await page.locator('.ticket-pane:not([hidden]) [data-test-id="omnicomposer"] [contenteditable]').boundingBox())!;
    expect(dock.y + dock.height).toBeLessThanOrEqual(composer.y + 0.5);
    await expectAccessible(frame);
    await page.close();
  });
});

describe('the sidebar’s width and rail', () => {
  it('widens by the arrow keys and by dragging, is remembered for the site, and collapses to a rail with the hint count and the score', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${demo.url}/agent/tickets/101`);
    let frame = await openSidebar(page);
    const width = async () => (await page.locator('arvio-dock iframe').boundingBox())?.width;
    const handle = frame.getByRole('separator', { name: 'Sidebar width' });
    await expect.poll(() => handle.getAttribute('aria-valuenow')).toBe('400');
    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(width).toBe(440);
    await expect.poll(() => handle.getAttribute('aria-valuenow')).toBe('440');

    // Dragged 60 px to the left by the grip on the sidebar's left edge.
    const grip = (await handle.boundingBox())!;
    await page.mouse.move(grip.x + grip.width / 2, grip.y + 200);
    await page.mouse.down();
    for (let step = 1; step <= 6; step += 1) await page.mouse.move(grip.x + grip.width / 2 - step * 10, grip.y + 200);
    await page.mouse.up();
    await expect.poll(width).toBe(500);

    // Remembered for this helpdesk site.
    await page.reload();
    frame = await openSidebar(page);
    await expect.poll(width).toBe(500);

    // Some work to show (after the first-run card): a review started by a digit, and a reply with hints.
    await frame.getByLabel('Your name').fill('Tiina Tarkastaja');
    await frame.getByLabel('Your e-mail').fill('tiina@example.com');
    await frame.getByRole('button', { name: 'Save and continue' }).click();
    await frame.getByRole('button', { name: 'Start review' }).waitFor();
    await page.locator('.ticket-pane:not([hidden]) [contenteditable="true"]').click();
    await page.keyboard.type('KUTEN SANOIN, se on teidän vikanne!!!');
    await expect.poll(() => page.locator('arvio-badge').getAttribute('data-count')).not.toBeNull();
    // Back into the sidebar (a click on its ticket line): the keyboard lands on Start review, and a digit starts it.
    await frame.locator('.ticket-subject').click();
    await expect.poll(() => frame.evaluate(() => document.activeElement?.textContent)).toBe('Start review');
    await page.keyboard.press('2');
    await expect.poll(() => frame.locator('.score-value').getAttribute('data-score')).not.toBe('');
    const score = await frame.locator('.score-value').getAttribute('data-score');

    await frame.getByRole('button', { name: 'Collapse Arvio to a narrow rail' }).click();
    await expect.poll(width).toBe(48);
    // The rail shows the hint count the page's badge shows (read together: the count follows the draft as it is checked).
    const counts = async () => ({ badge: await page.locator('arvio-badge').getAttribute('data-count'), rail: await frame.locator('.rail-hints').textContent() });
    await expect.poll(async () => { const c = await counts(); return c.rail === c.badge; }).toBe(true);
    expect(Number((await counts()).badge)).toBeGreaterThan(0);
    await expect.poll(() => frame.locator('.rail-score').getAttribute('data-score')).toBe(score);
    await expectAccessible(frame);
    // The rail sits beside the helpdesk too.
    await expect.poll(() => whatIsThere(page, '[data-test-id="submit_button-button"]', '[data-test-id="omni-log-comment-item"]:last-child [data-test-id="omni-log-message-content"]')).toEqual({ send: true, line: true });

    await frame.getByRole('button', { name: 'Expand Arvio' }).click();
    await expect.poll(width).toBe(500);
    await page.close();
  });
});

describe('the denser layout on small screens', () => {
  it('at 1280×720 in Finnish the tabs stay on one line (each named in full on hover) and the 12-criterion card needs far less scrolling than at 1920×1080', async () => {
    const finnish = await launchWithExtension(undefined, { locale: 'fi-FI' });
    try {
      const heights: Record<string, { form: number; visible: number; tabRows: number; tabsFit: boolean; tabsTitled: boolean }> = {};
      for (const screen of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
        const page = await finnish.context.newPage();
        await page.setViewportSize(screen);
        await page.goto(`${demo.url}/agent/tickets/103`);
        const frame = await openSidebar(page);
        await frame.locator('.first-run, .review.start, form.review-form').first().waitFor();
        if (await frame.locator('.first-run').count()) {
          await frame.getByLabel('Nimesi').fill('Tiina Tarkastaja');
          await frame.getByLabel('Sähköpostiosoitteesi').fill('tiina@example.com');
          await frame.getByRole('button', { name: 'Tallenna ja jatka' }).click();
        }
        const start = frame.getByRole('button', { name: 'Aloita arviointi' });
        const form = frame.locator('form.review-form');
        if (!(await form.count())) await start.click();
        await form.waitFor();
        await expect.poll(() => frame.locator('[data-criterion]').count()).toBe(12);
        heights[screen.width] = await frame.evaluate(() => {
          const form = document.querySelector('form.review-form')!;
          const body = document.querySelector('.body')!.getBoundingClientRect();
          const criteria = [...document.querySelectorAll('[data-criterion]')];
          const tabs = [...document.querySelectorAll('[role="tab"]')];
          const list = document.querySelector('[role="tablist"]')!;
          return {
            form: form.getBoundingClientRect().height,
            visible: criteria.filter((c) => c.getBoundingClientRect().bottom <= body.bottom).length,
            tabRows: new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top))).size,
            tabsFit: list.scrollWidth <= list.clientWidth,
            // A tab the narrow sidebar shortens (an ellipsis) still shows its whole name on hover (its count is never shortened).
            tabsTitled: tabs.every((t) => t.getAttribute('title') === t.querySelector('.tab-label')!.textContent),
          };
        });
        await page.close();
      }
      const [wide, small] = [heights[1920]!, heights[1280]!];
      expect(small.tabRows).toBe(1);
      expect(small.tabsFit).toBe(true);
      expect(wide.tabRows).toBe(1);
      expect(wide.tabsFit).toBe(true);
      expect(small.tabsTitled && wide.tabsTitled).toBe(true);
      // The same card at the same sidebar width: far shorter, so much more of it is on screen at once.
      expect(small.form).toBeLessThan(wide.form * 0.65);
      expect(small.visible).toBeGreaterThanOrEqual(6);
    } finally {
      await finnish.close();
      removeProfile(finnish.userDataDir);
    }
  });
});

describe('the tabs at the default width', () => {
  it('with the longest name chosen, the others share the room: short names stay whole, only long ones shorten, and every count shows', async () => {
    // A profile of its own: the sidebar at its default width (the one above remembers the width it was given).
    const fresh = await launchWithExtension();
    try {
      const page = await fresh.context.newPage();
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`${demo.url}/agent/tickets/102`);
      const frame = await openSidebar(page);
      await frame.locator('.first-run').waitFor();
      await frame.getByLabel('Your name').fill('Tiina Tarkastaja');
      await frame.getByLabel('Your e-mail').fill('tiina@example.com');
      await frame.getByRole('button', { name: 'Save and continue' }).click();
      await frame.getByRole('tab', { name: 'Calibration' }).click();
      // The conversation's 14 messages, read from the helpdesk: its count is part of the tab's name.
      await frame.getByRole('tab', { name: 'Conversation 14' }).waitFor();
      const tabs = await frame.evaluate(() =>
        [...document.querySelectorAll('[role="tab"]')].map((tab) => {
          const label = tab.querySelector<HTMLElement>('.tab-label')!;
          const count = tab.querySelector('.tab-count');
          return {
            label: label.textContent,
            whole: label.scrollWidth <= label.clientWidth,
            countShown: count === null || count.getBoundingClientRect().right <= tab.getBoundingClientRect().right,
          };
        }),
      );
      expect(tabs.map((tab) => tab.label)).toEqual(['Review', 'Self-check', 'Conversation', 'Earlier reviews', 'Calibration', 'Ideas']);
      expect(tabs.filter((tab) => tab.whole).map((tab) => tab.label)).toEqual(expect.arrayContaining(['Review', 'Calibration', 'Ideas']));
      expect(tabs.filter((tab) => !tab.whole).length).toBeGreaterThan(0);
      expect(tabs.every((tab) => tab.countShown)).toBe(true);
      expect(await frame.evaluate(() => document.querySelector('[role="tablist"]')!.scrollWidth <= document.querySelector('[role="tablist"]')!.clientWidth)).toBe(true);
    } finally {
      await fresh.close();
      removeProfile(fresh.userDataDir);
    }
  });
});
