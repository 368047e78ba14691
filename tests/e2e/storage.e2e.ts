// Storage that stays, in real Chromium: a full storage refuses the review that does not fit, says so, and keeps every review saved before.
//
// What Chromium does with a DevTools quota override (Storage.overrideQuotaForOrigin), found here:
// - It does not bind an extension that has `unlimitedStorage` (the shipped build): IndexedDB asks the
//   quota manager for the space left, and for an unlimited origin that answer is "no limit" before any
//   override is looked at, though DevTools reports the override as active. The first test shows it.
//   Such an extension meets a full storage only when the disk itself is full; Chromium then aborts the
//   commit with the same QuotaExceededError, which is the error path the second test drives.
// - It binds the same extension without the permission, but only once IndexedDB asks the quota
//   manager again (see outlastQuotaCache). So the second test runs a copy of the built extension
//   whose manifest lacks `unlimitedStorage`; the code is the same.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { startDemoServer } from '../../demo/server.mjs';
import type { Review, ReviewDraft } from '@/lib/model/review';
import type { TicketRef } from '@/lib/model/ticket';
import { newDraft, rate, toReview } from '@/lib/review';
import { templates } from '@/lib/scorecards/templates';
import { EXTENSION_DIR, expectAccessible, freshProfileDir, launchWithExtension, removeProfile, sidebarFrame, toggleButton, type ExtensionBrowser, localRows } from './harness';

let demo: Awaited<ReturnType<typeof startDemoServer>>;

beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(async () => {
  await demo?.close();
});

const card = templates.find((t) => t.id === 'tpl-chat-en')!;
const reviewer = { id: 'tiina@example.com', name: 'Tiina Tarkastaja' };
const reviewee = { id: 'Mikko Laine', name: 'Mikko Laine' };

/** The built extension as it would be without `unlimitedStorage`: the code is the same, byte for byte. */
function buildWithoutUnlimitedStorage(): string {
  const dir = join(freshProfileDir(), 'extension');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { permissions: string[] };
  expect(manifest.permissions).toContain('unlimitedStorage');
  manifest.permissions = manifest.permissions.filter((p) => p !== 'unlimitedStorage');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

/**
 * A submitted review of another ticket, `padding` characters of incompressible text in its free-text
 * fields (each holds at most 20 000): earlier work that fills the storage.
 */
function earlierReview(n: number, padding: number): Review {
  const ticket: TicketRef = { helpdesk: 'zendesk', ticketId: String(5000 + n), url: `${demo.url}/agent/tickets/${5000 + n}`, subject: `Earlier ${n}`, channel: 'chat' };
  const text = randomBytes(Math.ceil((padding * 3) / 4)).toString('base64').slice(0, padding);
  let draft: ReviewDraft = newDraft(ticket, { kind: 'conversation' }, card, reviewee, new Date());
  for (const criterion of card.criteria) draft = rate(draft, criterion.id, { value: criterion.levels.length - 1 });
  const third = Math.ceil(text.length / 3);
  draft = { ...draft, strengths: text.slice(0, third), developmentAreas: text.slice(third, 2 * third), feedback: text.slice(2 * third) };
  return toReview(draft, card, reviewer, reviewee, `earlier-${n}`, new Date(), null, null);
}

type Reply = { ok: true } | { ok: false; error: string; quota: boolean };

/** Through the database service, as the sidebar saves a review. */
async function submitThroughService(page: Page, review: Review): Promise<Reply> {
  return page.evaluate((r) => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    return api.runtime.sendMessage({ type: 'arvio-db', op: 'submitReview', args: [r, null] }) as Promise<Reply>;
  }, review);
}

/**
 * Earlier reviews, each through the service, until one is refused for a full storage; then smaller
 * ones until even a review with no text left is refused. Returns what was saved. `limitBytes`: a
 * storage the override does not bind would never fill; stop there.
 */
async function fillWithReviews(page: Page, limitBytes: number): Promise<{ saved: Review[]; bytes: number; refusedFull: boolean }> {
  const saved: Review[] = [];
  let bytes = 0;
  for (const padding of [60_000, 15_000, 4_000, 1_000, 0]) {
    for (;;) {
      if (bytes > limitBytes) return { saved, bytes, refusedFull: false };
      const review = earlierReview(saved.length, padding);
      const reply = await submitThroughService(page, review);
      if (!reply.ok) {
        if (!reply.quota) throw new Error(`a write failed for another reason than a full storage: ${reply.error}`);
        break;
      }
      saved.push(review);
      bytes += padding;
    }
  }
  return { saved, bytes, refusedFull: true };
}

/** A page of the extension that runs none of Arvio's code: the DevTools session lives here, and the test reads the database from it. */
async function devtoolsOnExtension(browser: ExtensionBrowser): Promise<{ page: Page; cdp: CDPSession; origin: string }> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/_locales/en/messages.json`);
  return { page, cdp: await browser.context.newCDPSession(page), origin: `chrome-extension://${browser.extensionId}` };
}

/**
 * IndexedDB keeps the space the quota manager last granted for up to 30 s (kBucketSpaceCacheTimeLimit
 * in Chromium's IndexedDB BucketContext), and the extension's worker has had the database open since
 * install. Stopping the worker does not help: Chromium starts it again within IndexedDB's 2 s close
 * grace. So the test waits that long once; every quota check after that sees the override.
 */
async function outlastQuotaCache(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 31_000));
}

async function setIdentity(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('#identity-name').fill(reviewer.name);
  await page.locator('#identity-email').fill(reviewer.id);
  await page.locator('#identity-email').press('Enter');
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await page.close();
}

/** Ticket #102 in the demo helpdesk with the sidebar open. */
async function openTicket102(browser: ExtensionBrowser): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(`${demo.url}/agent/tickets/102`);
  await toggleButton(page).waitFor({ state: 'attached' });
  if ((await toggleButton(page).getAttribute('aria-expanded')) !== 'true') await toggleButton(page).click();
  const frame = await sidebarFrame(page);
  await frame.locator('.ticket-id', { hasText: '102' }).waitFor();
  return { page, frame };
}

/** Every criterion of ticket #102 rated and a strength written: the draft is saved, the review not yet. */
async function rateTicket102(browser: ExtensionBrowser): Promise<{ page: Page; frame: Frame }> {
  const { page, frame } = await openTicket102(browser);
  await expect.poll(() => frame.locator('#scorecard').inputValue()).toBe(`${card.id}@${card.version}`);
  await frame.getByRole('button', { name: 'Start review' }).click();
  for (const criterion of card.criteria) {
    await frame.locator(`[data-criterion="${criterion.id}"] [role="radio"][data-option="${criterion.levels.length - 1}"]`).click();
  }
  await frame.locator('#strengths').fill('Clear steps, friendly tone.');
  return { page, frame };
}

describe('storage that stays', () => {
  it('the shipped build has unlimitedStorage: the options page says the data is kept safe, and Chromium lets it write past an active 2 MB quota override', async () => {
    const browser = await launchWithExtension();
    try {
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      const facts = options.getByTestId('storage-status');
      await expect.poll(() => facts.getAttribute('data-protection')).toBe('unlimited');
      expect(await facts.textContent()).toContain("Kept safe: the browser does not clear Arvio's data to free up space");
      await options.close();

      const { page, cdp, origin } = await devtoolsOnExtension(browser);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 2_000_000 });
      expect(await cdp.send('Storage.getUsageAndQuota', { origin })).toMatchObject({ quota: 2_000_000, overrideActive: true });
      await outlastQuotaCache();
      // Twice the override's quota goes in without a refusal.
      const { saved, bytes, refusedFull } = await fillWithReviews(page, 4_000_000);
      expect(refusedFull).toBe(false);
      expect(bytes).toBeGreaterThan(4_000_000);
      expect((await localRows<Review>(page, 'reviews')).length).toBe(saved.length);
    } finally {
      await browser.close();
      removeProfile(browser.userDataDir);
    }
  });

  it("a review that no longer fits is refused with a message naming ticket #102; every review saved before is still there, and it saves once there is room", async () => {
    const browser = await launchWithExtension(freshProfileDir(), { extensionDir: buildWithoutUnlimitedStorage() });
    try {
      await setIdentity(browser);
      const rated = await rateTicket102(browser);
      const { page, cdp, origin } = await devtoolsOnExtension(browser);
      // Autosave has stored the whole draft; the reviewer leaves the ticket for now.
      await expect
        .poll(async () => (await localRows<ReviewDraft>(page, 'reviewDrafts')).map((d) => d.strengths))
        .toEqual(['Clear steps, friendly tone.']);
      await rated.page.close();

      // Meanwhile the storage fills up with earlier work until a review is refused.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 3_000_000 });
      await outlastQuotaCache();
      const { saved, bytes, refusedFull } = await fillWithReviews(page, 8_000_000);
      expect(refusedFull).toBe(true);
      // Refused where the override says, not later: the earlier reviews' text alone stays under it.
      expect(bytes).toBeGreaterThan(1_000_000);
      expect(bytes).toBeLessThan(3_000_000);

      // (a) Back on the ticket, the reviewer submits and is told exactly what was not saved, and why.
      const { frame } = await openTicket102(browser);
      await frame.getByRole('button', { name: 'Submit review' }).click();
      const alert = frame.getByRole('alert');
      await expect
        .poll(() => alert.textContent())
        .toBe(
          "Your review of ticket #102 was not saved: the browser's storage for Arvio is full. Everything saved before is still there. Free up disk space on this computer, then try again.",
        );
      // The form keeps the ratings, and its draft is still stored.
      expect(await frame.locator('#strengths').inputValue()).toBe('Clear steps, friendly tone.');
      await frame.locator('.body').evaluate((body) => body.scrollTo(0, body.scrollHeight)); // the submit bar in its own place
      await expectAccessible(frame);
      const drafts = await localRows<ReviewDraft>(page, 'reviewDrafts');
      expect(drafts.map((d) => d.ticketKey)).toEqual(['zendesk:102']);

      // (b) Every review saved before is there, unchanged; the refused one is not.
      const byId = (a: Review, b: Review) => a.id.localeCompare(b.id);
      const stored = await localRows<Review>(page, 'reviews');
      expect(stored.sort(byId)).toEqual(saved.map((r) => ({ ...r, revision: 1 })).sort(byId));

      // Room again (the override lifted, as freed disk space would): the same submit goes through.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await frame.getByRole('button', { name: 'Submit review' }).click();
      await frame.getByRole('status').filter({ hasText: 'Review saved.' }).waitFor();
      const after = await localRows<Review>(page, 'reviews');
      expect(after.length).toBe(saved.length + 1);
      expect(after.find((r) => r.ticketKey === 'zendesk:102')).toMatchObject({ strengths: 'Clear steps, friendly tone.', reviewer, reviewee });
      expect(await localRows<ReviewDraft>(page, 'reviewDrafts')).toEqual([]);
    } finally {
      await browser.close();
      removeProfile(browser.userDataDir);
    }
  });
});
