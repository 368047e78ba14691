// Reviewing in real Chromium: keyboard-only scoring, autosave across a browser restart, Finnish UI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { startDemoServer } from '../../demo/server.mjs';
import { templates } from '@/lib/scorecards/templates';
import { scoreReview } from '@/lib/scoring';
import type { Rating, Review } from '@/lib/model/review';
import type { Scorecard } from '@/lib/model/scorecard';
import { expectAccessible, freshProfileDir, launchWithExtension, removeProfile, sidebarFrame, toggleButton, type ExtensionBrowser, localRows } from './harness';

let demo: Awaited<ReturnType<typeof startDemoServer>>;

beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(async () => {
  await demo?.close();
});

function card(id: string): Scorecard {
  const found = templates.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
}

/** Criteria in the order the form shows them (by group). */
function inFormOrder(scorecard: Scorecard) {
  return scorecard.groups.flatMap((g) => scorecard.criteria.filter((c) => c.groupId === g.id));
}

/** A varied, deterministic keyboard answer per criterion: some top marks, some lower, one N/A. */
function plannedKey(index: number, levels: number, naAllowed: boolean, critical: boolean): string {
  if (critical) return String(levels); // keep the critical criterion passing
  if (naAllowed && index === 2) return 'n';
  return String(Math.max(1, levels - (index % 3)));
}

function ratingFor(key: string, criterionId: string): Rating {
  return key === 'n'
    ? { criterionId, value: null, na: true, comment: '' }
    : { criterionId, value: Number(key) - 1, na: false, comment: '' };
}

async function setIdentity(browser: ExtensionBrowser, name: string, email: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('#identity-name').fill(name);
  await page.locator('#identity-email').fill(email);
  await page.locator('#identity-email').press('Enter');
  await page.getByRole('status').filter({ hasText: /Saved|Tallennettu/ }).waitFor();
  await page.close();
}

async function storedReviews(browser: ExtensionBrowser): Promise<Review[]> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const rows = await localRows<Review>(page, 'reviews');
  await page.close();
  return rows;
}

/** Opens a ticket and the sidebar with the keyboard shortcut; focus ends up inside the sidebar. */
async function openTicketByKeyboard(browser: ExtensionBrowser, id: string): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(`${demo.url}/agent/tickets/${id}`);
  await toggleButton(page).waitFor({ state: 'attached' });
  if ((await toggleButton(page).getAttribute('aria-expanded')) !== 'true') {
    await page.locator('body').press('Alt+Shift+A');
  }
  const frame = await sidebarFrame(page);
  await frame.locator('.ticket-id', { hasText: id }).waitFor();
  return { page, frame };
}

async function rateByKeyboard(page: Page, frame: Frame, scorecard: Scorecard, count: number, from = 0) {
  const order = inFormOrder(scorecard);
  const keys: [string, string][] = [];
  for (let i = from; i < Math.min(order.length, from + count); i += 1) {
    const criterion = order[i]!;
    const key = plannedKey(i, criterion.levels.length, criterion.naAllowed, criterion.critical !== null);
    // The focused radio group is the criterion's: the form moves focus on after each answer.
    await expect
      .poll(() => frame.evaluate(() => document.activeElement?.closest('[data-criterion]')?.getAttribute('data-criterion')))
      .toBe(criterion.id);
    await page.keyboard.press(key === 'n' ? 'n' : key);
    keys.push([criterion.id, key]);
  }
  return keys;
}

describe('reviewing a ticket in the sidebar', () => {
  it('a reviewer scores a chat using only the keyboard and submits; the stored review has the right score and reviewee', async () => {
    const browser = await launchWithExtension();
    try {
      await setIdentity(browser, 'Tiina Tarkastaja', 'tiina@example.com');
      const { page, frame } = await openTicketByKeyboard(browser, '102');
      const scorecard = card('tpl-chat-en');
      await expect.poll(() => frame.locator('#reviewee').inputValue()).toBe('Mikko Laine');
      await expect.poll(() => frame.locator('#scorecard').inputValue()).toBe(`${scorecard.id}@${scorecard.version}`);
      await frame.getByRole('button', { name: 'Start review' }).focus();
      await page.keyboard.press('Enter');

      const keys = await rateByKeyboard(page, frame, scorecard, scorecard.criteria.length);
      const ratings = keys.map(([id, key]) => ratingFor(key, id));
      const expected = scoreReview(scorecard, ratings);
      expect(expected.complete).toBe(true);
      // The running score is what the formula says.
      await expect.poll(() => frame.locator('.score-value').getAttribute('data-score')).toBe(String(expected.score));
      // In a Windows high-contrast theme (forced colors) the chosen level still stands out from the others.
      await page.emulateMedia({ forcedColors: 'active' });
      const levels = frame.locator(`[data-criterion="${keys[0]![0]}"] [role="radio"]`);
      const look = () =>
        levels.evaluateAll((radios) => radios.map((r) => `${r.getAttribute('aria-checked')} ${getComputedStyle(r).backgroundColor} ${getComputedStyle(r).color}`));
      await expect.poll(async () => new Set((await look()).filter((l) => l.startsWith('false')).map((l) => l.slice(6))).size).toBe(1);
      const [checked] = (await look()).filter((l) => l.startsWith('true')).map((l) => l.slice(5));
      expect((await look()).filter((l) => l.startsWith('false')).map((l) => l.slice(6))).not.toContain(checked);
      await page.emulateMedia({ forcedColors: 'none' });

      await page.keyboard.type('Clear steps, friendly tone.');
      await page.keyboard.press('Control+Enter');
      await frame.getByRole('status').filter({ hasText: 'Review saved.' }).waitFor();

      const [review, ...others] = await storedReviews(browser);
      expect(others).toEqual([]);
      expect(review).toMatchObject({
        reviewee: { id: 'Mikko Laine', name: 'Mikko Laine' },
        reviewer: { id: 'tiina@example.com', name: 'Tiina Tarkastaja' },
        ticketKey: 'zendesk:102',
        channel: 'chat',
        scorecardId: scorecard.id,
        scorecardVersion: scorecard.version,
        target: { kind: 'conversation' },
        strengths: 'Clear steps, friendly tone.',
        score: expected.score,
        passed: expected.passed,
        criticalFail: false,
        revision: 1,
        deleted: false,
      });
      expect(review!.ratings.filter((r) => r.na || r.value !== null)).toHaveLength(scorecard.criteria.length);
      expect(review!.activeMs).toBeGreaterThan(0);

      // The ticket's history lists it.
      await frame.getByRole('tab', { name: 'Earlier reviews 1' }).click();
      await expect.poll(() => frame.locator('.history-item').count()).toBe(1);
      await page.close();
    } finally {
      await browser.close();
      removeProfile(browser.userDataDir);
    }
  });

  it('a half-filled review survives a browser restart and is completed after it', async () => {
    const profile = freshProfileDir();
    const scorecard = card('tpl-chat-en');
    let first: [string, string][] = [];
    let browser = await launchWithExtension(profile);
    try {
      await setIdentity(browser, 'Tiina Tarkastaja', 'tiina@example.com');
      const { page, frame } = await openTicketByKeyboard(browser, '103');
      // Ticket 103 is Finnish, but the UI is English: the English chat card is proposed; choose it explicitly.
      await frame.locator('#scorecard').selectOption(`${scorecard.id}@${scorecard.version}`);
      await frame.getByRole('button', { name: 'Start review' }).click();
      first = await rateByKeyboard(page, frame, scorecard, 4);
      await frame.locator('#strengths').fill('Hyvä alku');
      // Autosave is immediate; give the last write its round trip to the worker before the hard stop.
      await page.waitForTimeout(300);
    } finally {
      await browser.close();
    }

    browser = await launchWithExtension(profile);
    try {
      const { page, frame } = await openTicketByKeyboard(browser, '103');
      for (const [id, key] of first) {
        const group = frame.locator(`[data-criterion="${id}"] [role="radiogroup"]`);
        const checked = group.locator('[role="radio"][aria-checked="true"]');
        await expect.poll(() => checked.getAttribute('data-option')).toBe(key === 'n' ? 'na' : String(Number(key) - 1));
      }
      expect(await frame.locator('#strengths').inputValue()).toBe('Hyvä alku');
      // Continue where it was left: focus the next criterion and answer the rest.
      const order = inFormOrder(scorecard);
      await frame.locator(`[data-criterion="${order[4]!.id}"] [role="radio"]`).first().focus();
      const rest = await rateByKeyboard(page, frame, scorecard, order.length - 4, 4);
      await page.keyboard.press('Control+Enter');
      await frame.getByRole('status').filter({ hasText: 'Review saved.' }).waitFor();
      const [review] = await storedReviews(browser);
      const expected = scoreReview(scorecard, [...first, ...rest].map(([id, key]) => ratingFor(key, id)));
      expect(review).toMatchObject({ score: expected.score, reviewee: { name: 'Sara Koskinen' }, strengths: 'Hyvä alku' });
      await page.close();
    } finally {
      await browser.close();
      removeProfile(profile);
    }
  });

  it('from opening the sidebar to a submitted 12-criterion review takes 15 keystrokes, with agent and scorecard proposed', async () => {
    const browser = await launchWithExtension();
    try {
      await setIdentity(browser, 'Tiina Tarkastaja', 'tiina@example.com');
      const page = await browser.context.newPage();
      await page.goto(`${demo.url}/agent/tickets/102`);
      await toggleButton(page).waitFor({ state: 'attached' });
      expect(await toggleButton(page).getAttribute('aria-expanded')).toBe('false');
      await page.locator('#main_panes').click({ position: { x: 5, y: 5 } });
      const scorecard = card('tpl-chat-en');
      const order = inFormOrder(scorecard);
      expect(order).toHaveLength(12);
      // Every key the reviewer presses is counted; what the test waits for in between is not a key.
      let keystrokes = 0;
      const press = async (key: string): Promise<void> => {
        keystrokes += 1;
        await page.keyboard.press(key);
      };

      await press('Alt+Shift+A');
      const frame = await sidebarFrame(page);
      // The keyboard is on Start review, with the ticket's agent and the chat card proposed.
      await expect.poll(() => frame.evaluate(() => document.activeElement?.textContent)).toBe('Start review');
      expect(await frame.locator('#reviewee').inputValue()).toBe('Mikko Laine');
      expect(await frame.locator('#scorecard').inputValue()).toBe(`${scorecard.id}@${scorecard.version}`);
      await press('Enter');
      const keys: [string, string][] = [];
      for (const [index, criterion] of order.entries()) {
        await expect
          .poll(() => frame.evaluate(() => document.activeElement?.closest('[data-criterion]')?.getAttribute('data-criterion')))
          .toBe(criterion.id);
        // The focused level is in sight, not under the sticky submit bar (once the bar has taken its new height).
        await expect
          .poll(() =>
            frame.evaluate(() => {
              const focused = document.activeElement!.getBoundingClientRect();
              const bar = document.querySelector('.submit-bar')!.getBoundingClientRect();
              return focused.top >= 0 && focused.bottom <= bar.top;
            }),
          )
          .toBe(true);
        const key = String(Math.max(1, criterion.levels.length - (index % 2)));
        await press(key);
        keys.push([criterion.id, key]);
      }
      await press('Control+Enter');
      await frame.getByRole('status').filter({ hasText: 'Review saved.' }).waitFor();
      expect(keystrokes).toBe(15);

      const [review, ...others] = await storedReviews(browser);
      expect(others).toEqual([]);
      const expected = scoreReview(scorecard, keys.map(([id, key]) => ratingFor(key, id)));
      expect(review).toMatchObject({
        reviewee: { name: 'Mikko Laine' },
        reviewer: { id: 'tiina@example.com' },
        scorecardId: scorecard.id,
        score: expected.score,
      });
      expect(review!.ratings.filter((r) => r.value !== null)).toHaveLength(12);
      await page.close();
    } finally {
      await browser.close();
      removeProfile(browser.userDataDir);
    }
  });

  it('a new reviewer is asked for name and e-mail before any work, by keyboard, and a digit then starts the review', async () => {
    const browser = await launchWithExtension();
    try {
      const { page, frame } = await openTicketByKeyboard(browser, '102');
      // The first-run card, not the scorecard: nothing can be scored before the review could be submitted.
      await frame.getByRole('heading', { name: 'Before your first review' }).waitFor();
      expect(await frame.locator('#scorecard').count()).toBe(0);
      await expect.poll(() => frame.evaluate(() => document.activeElement?.id)).toBe('first-run-name');
      // A bad address is said, and nothing is saved.
      await page.keyboard.type('Tiina Tarkastaja');
      await page.keyboard.press('Tab');
      await page.keyboard.type('tiina@');
      await page.keyboard.press('Enter');
      await frame.getByRole('alert').filter({ hasText: 'valid e-mail' }).waitFor();
      await expectAccessible(frame);
      await page.keyboard.type('example.com');
      await page.keyboard.press('Enter');

      // Then the proposals, with the keyboard on Start review; the digit rates the first criterion and starts.
      const scorecard = card('tpl-chat-en');
      const [first, second] = inFormOrder(scorecard);
      await expect.poll(() => frame.evaluate(() => document.activeElement?.textContent)).toBe('Start review');
      await page.keyboard.press('3');
      const checked = frame.locator(`[data-criterion="${first!.id}"] [role="radio"][aria-checked="true"]`);
      await expect.poll(() => checked.getAttribute('data-option')).toBe(String(first!.levels[2]!.value));
      await expect
        .poll(() => frame.evaluate(() => document.activeElement?.closest('[data-criterion]')?.getAttribute('data-criterion')))
        .toBe(second!.id);
      await expectAccessible(frame);
      // The name and e-mail are the reviewer's settings now.
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await expect.poll(() => options.locator('#identity-email').inputValue()).toBe('tiina@example.com');
      expect(await options.locator('#identity-name').inputValue()).toBe('Tiina Tarkastaja');
      await options.close();
      await page.close();
    } finally {
      await browser.close();
      removeProfile(browser.userDataDir);
    }
  });

  it('the same flow in Finnish: the Finnish card is proposed and the UI speaks Finnish', async () => {
    const browser = await launchWithExtension(freshProfileDir(), { locale: 'fi-FI' });
    try {
      await setIdentity(browser, 'Tiina Tarkastaja', 'tiina@example.com');
      const { page, frame } = await openTicketByKeyboard(browser, '103');
      const scorecard = card('tpl-chat-fi');
      await expect.poll(() => frame.locator('#scorecard').inputValue()).toBe(`${scorecard.id}@${scorecard.version}`);
      await frame.getByRole('button', { name: 'Aloita arviointi' }).focus();
      await page.keyboard.press('Enter');
      const keys = await rateByKeyboard(page, frame, scorecard, scorecard.criteria.length);
      const expected = scoreReview(scorecard, keys.map(([id, key]) => ratingFor(key, id)));
      await page.keyboard.press('Control+Enter');
      await frame.getByRole('status').filter({ hasText: 'Arviointi tallennettu.' }).waitFor();
      const [review] = await storedReviews(browser);
      expect(review).toMatchObject({ score: expected.score, scorecardId: 'tpl-chat-fi', reviewee: { name: 'Sara Koskinen' } });
      await frame.getByRole('tab', { name: 'Aiemmat 1' }).click();
      // Percentages in Finnish format (decimal comma, space before %).
      const shown = await frame.locator('.history-head strong').textContent();
      expect(shown).toBe(new Intl.NumberFormat('fi', { style: 'percent', maximumFractionDigits: 1 }).format(expected.score ?? 0));
      await expectAccessible(frame);
      await page.close();
    } finally {
      await browser.close();
      removeProfile(browser.userDataDir);
    }
  });
});
