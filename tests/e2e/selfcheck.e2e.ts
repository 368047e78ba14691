// The agent's pre-send self-check in real Chromium: hints by the composer, privately, and beside a later review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoServer } from '../../demo/server.mjs';
import { expectAccessible, launchWithExtension, removeProfile, sidebarFrame, toggleButton, type ExtensionBrowser } from './harness';

let demo: Awaited<ReturnType<typeof startDemoServer>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  if (browser) removeProfile(browser.userDataDir);
});

async function setIdentity(name: string, email: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('#identity-name').fill(name);
  await page.locator('#identity-email').fill(email);
  await page.locator('#identity-email').press('Enter');
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await page.close();
}

const badgeCount = (page: Page) => page.locator('arvio-badge').getAttribute('data-count', { timeout: 1000 }).catch(() => null);
const composer = (page: Page) => page.locator('[data-test-id="ticket-pane"]:not([hidden]) [data-test-id="omnicomposer-rich-text-ckeditor"], [data-side-conversations-anchor-id]:not([hidden]) [data-test-id="omnicomposer-rich-text-ckeditor"]').first();

describe('self-check before sending', () => {
  it('hints follow the draft, clear when it is fixed, stay private, and sit beside the reviewer’s scores later', async () => {
    await setIdentity('Aino Virtanen', 'aino@example.com');
    const page = await browser.context.newPage();
    await page.goto(`${demo.url}/agent/tickets/101`);
    await toggleButton(page).waitFor({ state: 'attached' });

    // From here on nothing may leave the browser: every request is recorded.
    const requests: string[] = [];
    browser.context.on('request', (request) => {
      if (!request.url().startsWith('chrome-extension://')) requests.push(request.url());
    });

    const editor = composer(page);
    await editor.click();
    await page.keyboard.type('moi, KUTEN JO KERROIN lasku on korjattu!!!');
    await expect.poll(() => badgeCount(page), { timeout: 3000 }).not.toBeNull();
    await expect.poll(async () => Number(await badgeCount(page)), { timeout: 3000 }).toBeGreaterThanOrEqual(3);

    // The badge opens the sidebar on the self-check, listing each hint with its criterion.
    await page.locator('arvio-badge').click();
    const frame = await sidebarFrame(page);
    await frame.getByRole('tab', { name: /Self-check/, selected: true }).waitFor();
    const hints = frame.locator('.hints > li');
    await expect.poll(() => frame.locator('.hints > li[data-check="blame"]').count()).toBe(1);
    expect(await frame.locator('.hints > li[data-check="shouting"]').count()).toBeGreaterThan(0);
    expect(await frame.locator('.hints > li[data-check="closing"]').count()).toBe(1);
    expect(await frame.locator('.hints > li[data-check="blame"] q').textContent()).toBe('KUTEN JO KERROIN');
    const before = Number(await badgeCount(page));
    expect(await hints.count()).toBe(before);
    // The self-assessment is pre-marked as the hints allow: blaming and shouting is the lowest tone,
    // a missing closing the lowest closing, never a flattering level.
    const premarked = (id: string) =>
      frame.locator(`.selfcheck [data-criterion="${id}"] [role="radio"]`).evaluateAll((radios) => radios.findIndex((r) => r.getAttribute('aria-checked') === 'true'));
    expect(await premarked('tone')).toBe(0);
    expect(await premarked('closing')).toBe(0);
    await expectAccessible(frame);
    await expectAccessible(page, ['arvio-dock', 'arvio-badge']);

    // Fixing the text clears them.
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('Hei Matti,');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('korjasin laskun, ja uusi lasku lähtee sinulle huomenna.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ystävällisin terveisin');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Aino');
    await expect.poll(() => badgeCount(page), { timeout: 3000 }).toBe('0');
    await expect.poll(() => hints.count()).toBe(0);
    await frame.getByText('No hints: the reply looks good on every automatic check.').waitFor();

    // The agent rates a self-checkable criterion (the checks pre-marked it); it is saved privately.
    const tone = frame.locator('.selfcheck [data-criterion="tone"] [role="radio"]');
    await tone.nth(1).click();
    await frame.getByRole('status').filter({ hasText: 'Self-check saved on this computer.' }).waitFor();

    // An internal note is not checked: the badge goes away.
    await page.locator('[data-test-id="omnichannel-channel-switcher-button"]:visible').click();
    await page.locator('[data-test-id="omnichannel-channel-switcher-menuitem-internal"]:visible').click();
    await expect.poll(() => page.locator('arvio-badge').count(), { timeout: 3000 }).toBe(0);

    expect(requests).toEqual([]);

    // Later a reviewer reviews the same ticket and agent: the self-assessment stands beside each score.
    await setIdentity('Tiina Tarkastaja', 'tiina@example.com');
    await frame.getByRole('tab', { name: 'Review', exact: true }).click();
    await expect.poll(() => frame.locator('#reviewee').inputValue()).toBe('Aino Virtanen');
    await frame.getByRole('button', { name: 'Start review' }).click();
    expect(await frame.locator('.selfcheck').count()).toBe(0); // the review form is shown now
    const selfRated = frame.locator('[data-criterion="tone"] .self-rated');
    await expect.poll(() => selfRated.textContent()).toMatch(/^Agent's self-check: /);
    // Audited scrolled to the end, where the sticky submit bar sits in its own place and covers no criterion.
    await frame.locator('.body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
    await expectAccessible(frame);
    await page.close();
  });

  it('follows the team’s settings: a check turned off gives no hints, a team phrase does', async () => {
    await setIdentity('Aino Virtanen', 'aino@example.com');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const form = options.locator('form', { has: options.getByRole('heading', { name: 'Self-check of replies' }) });
    await form.getByLabel('A closing at the end').uncheck();
    await form.locator('#phrases-fi').fill('ei kuulu meille');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await options.close();

    const page = await browser.context.newPage();
    await page.goto(`${demo.url}/agent/tickets/103`);
    await toggleButton(page).waitFor({ state: 'attached' });
    await composer(page).click();
    await page.keyboard.type('Hei Liisa, tämä asia ei kuulu meille.');
    await page.locator('arvio-badge').click();
    const frame = await sidebarFrame(page);
    await frame.getByRole('tab', { name: /Self-check/, selected: true }).waitFor();
    await expect.poll(() => frame.locator('.hints > li[data-check="blame"]').count()).toBe(1);
    expect(await frame.locator('.hints > li[data-check="blame"] q').textContent()).toBe('ei kuulu meille');
    expect(await frame.locator('.hints > li[data-check="closing"]').count()).toBe(0);
    await page.close();
  });
});
