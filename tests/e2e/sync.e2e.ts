// Two browser profiles against one real server on 127.0.0.1: a review made in the sidebar reaches the reviewed agent (mapped by the team roster), and no other agent.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { templates } from '@/lib/scorecards/templates';
import { teamEditId } from '@/lib/model/scorecard';
import { startDemoServer } from '../../demo/server.mjs';
import { addTeam, addUser, createToken, findUserByEmail } from '../../server/src/admin';
import { createInvite, redeemInvite, removeMember } from '../../server/src/members';
import { push } from '../../server/src/store';
import { review } from '../../server/tests/helpers/docs';
import { openPglite, type Db } from '../../server/src/db';
import { migrate } from '../../server/src/migrate';
import { startServer, type RunningServer } from '../../server/src/serve';
import type { Review } from '../../lib/model/review';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from '../../lib/export';
import { makeReviews } from '../unit/db/factory';
import { browsersPerTest, expectAccessible, localRows, sidebarFrame, syncNow, toggleButton, type ExtensionBrowser } from './harness';

const REVIEWER = 'aino@arvio.test';
const AGENT = 'mikko@arvio.test';
const OTHER_AGENT = 'liisa@arvio.test';
const LEAD = 'leena@arvio.test';
const SE_LEAD = 'sanna@arvio.test';

let dataDir = '';
let db: Db;
let server: RunningServer;
let demo: { url: string; close(): Promise<void> };
const tokens: Record<string, string> = {};
const browsers = browsersPerTest();

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'arvio-e2e-server-'));
  db = await openPglite(dataDir);
  await migrate(db);
  await addTeam(db, 'Support FI');
  await addTeam(db, 'Support SE');
  await addUser(db, { email: REVIEWER, name: 'Aino', role: 'reviewer', teams: ['Support FI'] });
  // Ticket 102's agent in the demo helpdesk is "Mikko Laine": the roster maps that name to this e-mail.
  await addUser(db, { email: AGENT, name: 'Mikko Laine', role: 'agent', teams: ['Support FI'] });
  await addUser(db, { email: OTHER_AGENT, name: 'Liisa', role: 'agent', teams: ['Support SE'] });
  await addUser(db, { email: LEAD, name: 'Leena', role: 'lead', teams: ['Support FI', 'Support SE'] });
  await addUser(db, { email: SE_LEAD, name: 'Sanna', role: 'lead', teams: ['Support SE'] });
  for (const email of [REVIEWER, AGENT, OTHER_AGENT, LEAD, SE_LEAD]) tokens[email] = (await createToken(db, email)).token;
  server = await startServer(db, { port: 0, hostname: '127.0.0.1' }, { logError: () => undefined });
  demo = await startDemoServer({ port: 0 });
});

afterAll(async () => {
  await demo?.close();
  await server?.close();
  await db?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const launch = (): Promise<ExtensionBrowser> => browsers.launch();

async function optionsPage(b: ExtensionBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Team backend' }).waitFor();
  return page;
}

/** What a user does: address and token, Save (grants the host permission), then the status says synced. */
async function connect(page: Page, email: string): Promise<void> {
  await page.getByLabel('Backend address').fill(server.url);
  await page.getByLabel('Access token').fill(tokens[email]!);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect.poll(() => page.getByTestId('sync-me').textContent()).toContain(email);
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await page.getByText('Saved. Syncing starts now.').waitFor();
  await waitSynced(page);
}

async function waitSynced(page: Page): Promise<void> {
  await syncNow(page, 'Sync now');
  await expect.poll(() => page.getByTestId('sync-status-details').textContent(), { timeout: 15_000 }).toMatch(/Last synced .*Everything is synced\./);
}

/** Opens ticket 102 in the demo helpdesk with the sidebar open. */
async function openTicket(b: ExtensionBrowser, ticketId: string): Promise<{ page: Page; frame: Frame }> {
  const page = await b.context.newPage();
  await page.goto(`${demo.url}/agent/tickets/${ticketId}`);
  await toggleButton(page).waitFor({ state: 'attached' });
  if ((await toggleButton(page).getAttribute('aria-expanded')) !== 'true') await page.locator('body').press('Alt+Shift+A');
  const frame = await sidebarFrame(page);
  await frame.locator('.ticket-id', { hasText: ticketId }).waitFor();
  return { page, frame };
}

/** The review as a reviewer makes it: Start review, every criterion by keyboard (top level), a strength, Ctrl+Enter. */
async function reviewByKeyboard(page: Page, frame: Frame): Promise<void> {
  const card = templates.find((t) => t.id === 'tpl-chat-en');
  if (!card) throw new Error('no tpl-chat-en');
  await expect.poll(() => frame.locator('#scorecard').inputValue()).toBe(`${card.id}@${card.version}`);
  await frame.getByRole('button', { name: 'Start review' }).focus();
  await page.keyboard.press('Enter');
  const order = card.groups.flatMap((g) => card.criteria.filter((c) => c.groupId === g.id));
  for (const criterion of order) {
    await expect
      .poll(() => frame.evaluate(() => document.activeElement?.closest('[data-criterion]')?.getAttribute('data-criterion')))
      .toBe(criterion.id);
    await page.keyboard.press(String(criterion.levels.length));
  }
  await page.keyboard.type('Kiitos selkeästä vastauksesta.');
  await page.keyboard.press('Control+Enter');
  await frame.getByRole('status').filter({ hasText: 'Review saved.' }).waitFor();
}

async function localReviewIds(page: Page): Promise<string[]> {
  return (await localRows<{ id: string }>(page, 'reviews')).map((r) => r.id);
}

/** The sidebar's "Earlier reviews" tab on a ticket settles on `count` (its list loads after the tab shows). */
async function expectEarlierReviews(b: ExtensionBrowser, ticketId: string, count: number): Promise<void> {
  const page = await b.context.newPage();
  await page.goto(`${demo.url}/agent/tickets/${ticketId}`);
  await toggleButton(page).waitFor({ state: 'attached' });
  if ((await toggleButton(page).getAttribute('aria-expanded')) !== 'true') await toggleButton(page).click();
  const frame = await sidebarFrame(page);
  const tab = frame.getByRole('tab', { name: /Earlier reviews/ });
  await tab.waitFor();
  await expect.poll(() => tab.locator('.tab-count').textContent()).toBe(String(count));
  await page.close();
}

describe('team sync in real Chromium', () => {
  it("the reviewer's review appears for the reviewed agent, and not for another agent", async () => {
    const reviewer = await launch();
    const reviewerPage = await optionsPage(reviewer);
    // No name or e-mail in the settings: with a backend the reviewer is the token's account.
    await connect(reviewerPage, REVIEWER);
    const { page, frame } = await openTicket(reviewer, '102');
    // The helpdesk shows "Mikko Laine"; the picker proposes the roster member of that name, by e-mail.
    await expect.poll(() => frame.locator('#reviewee').inputValue(), { timeout: 10_000 }).toBe(AGENT);
    await expect.poll(() => frame.locator('#reviewee option:checked').textContent()).toBe(`Mikko Laine (${AGENT})`);
    await reviewByKeyboard(page, frame);
    await page.close();
    await waitSynced(reviewerPage);
    const stored = await db.query<{ doc: Review }>("SELECT doc FROM docs WHERE collection = 'reviews'");
    expect(stored).toHaveLength(1);
    const doc = stored[0]!.doc;
    expect(doc).toMatchObject({
      reviewee: { id: AGENT, name: 'Mikko Laine' },
      reviewer: { id: REVIEWER, name: 'Aino' },
      ticketKey: 'zendesk:102',
      strengths: 'Kiitos selkeästä vastauksesta.',
    });
    await browsers.close(reviewer);

    const agent = await launch();
    const agentPage = await optionsPage(agent);
    await connect(agentPage, AGENT);
    expect(await localReviewIds(agentPage)).toEqual([doc.id]);
    // And in the sidebar, on the same ticket in the helpdesk.
    await expectEarlierReviews(agent, '102', 1);
    await browsers.close(agent);

    const other = await launch();
    const otherPage = await optionsPage(other);
    await connect(otherPage, OTHER_AGENT);
    expect(await localReviewIds(otherPage)).toEqual([]);
    await expectEarlierReviews(other, '102', 0);
  });

  it("a lead filters the dashboard by the roster's teams: the review is the Finnish team's, none the Swedish team's", async () => {
    // The review of the first test is on the server; the lead of both teams pulls it.
    const lead = await launch();
    const leadPage = await optionsPage(lead);
    await connect(leadPage, LEAD);
    expect(await localReviewIds(leadPage)).toHaveLength(1);
    const page = await lead.context.newPage();
    await page.goto(`chrome-extension://${lead.extensionId}/dashboard.html`);
    const reviews = page.locator('.kpi-reviews dd');
    await expect.poll(() => reviews.textContent()).toBe('1');
    const team = page.getByLabel('Team', { exact: true });
    await expect.poll(() => team.locator('option').allTextContents()).toEqual(['All', 'Support FI', 'Support SE']);
    await team.selectOption('Support SE');
    await expect.poll(() => reviews.textContent()).toBe('0');
    await team.selectOption('Support FI');
    await expect.poll(() => reviews.textContent()).toBe('1');
    // The agent picker lists the chosen team's agents only.
    expect(await page.getByLabel('Agent', { exact: true }).locator('option').allTextContents()).toEqual(['All', 'Mikko Laine']);
  });

  it('a lead connected to the backend imports a JSON file through the dashboard, and the server then holds every imported review', async () => {
    const lead = await launch();
    const leadPage = await optionsPage(lead);
    await connect(leadPage, LEAD);
    // The lead's own reviews from an earlier profile, of an agent of the lead's team.
    const reviews = makeReviews(5, 42).map((r, i) => ({
      ...r,
      id: `imported-${i}`,
      reviewer: { id: LEAD, name: 'Leena' },
      reviewee: { id: AGENT, name: 'Mikko Laine' },
    }));
    const file = join(lead.userDataDir, 'earlier-profile.json');
    await writeFile(
      file,
      JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_FORMAT_VERSION, exportedAt: '2026-07-01T00:00:00.000Z', scorecards: [], selfChecks: [], reviews }),
    );
    const page = await lead.context.newPage();
    await page.goto(`chrome-extension://${lead.extensionId}/dashboard.html`);
    await page.locator('main[data-state="ready"]').waitFor();
    await page.getByRole('tab', { name: /Export and import/ }).click();
    await page.locator('#import-file').setInputFiles(file);
    await expect.poll(() => page.locator('.import-status').textContent(), { timeout: 20_000 }).toMatch(/5 new/);
    await waitSynced(leadPage);
    const stored = await db.query<{ id: string; doc: Review }>("SELECT id, doc FROM docs WHERE collection = 'reviews' AND id LIKE 'imported-%' ORDER BY id");
    expect(stored.map((r) => r.id)).toEqual(reviews.map((r) => r.id));
    for (const [i, row] of stored.entries()) expect(row.doc).toMatchObject({ reviewer: { id: LEAD }, reviewee: { id: AGENT }, score: reviews[i]!.score });
  });

  it('the leads of two teams each edit the same built-in scorecard: both edits reach the server, each its team’s own, and each team reads its own', async () => {
    /**
     * What a lead does in the options page: Edit the built-in e-mail card (a lead of several teams: for
     * `team`), rename its first criterion, Save draft, Publish, Sync now.
     */
    const editBuiltIn = async (email: string, title: string, team?: string): Promise<Page> => {
      const b = await launch();
      const page = await optionsPage(b);
      await connect(page, email);
      const rows = page.locator('tr', { has: page.getByRole('rowheader', { name: /^Written message \(e-mail\)/ }) });
      await rows.getByRole('button', { name: team ? `Edit for ${team}: Written message (e-mail)` : 'Edit Written message (e-mail)' }).click();
      await page.getByRole('textbox', { name: 'Title' }).first().fill(title);
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByRole('status').filter({ hasText: 'Draft saved as version 2.' }).waitFor();
      await page.getByRole('button', { name: 'Back to list' }).click();
      await rows.getByRole('button', { name: team ? `Publish Written message (e-mail) (${team})` : 'Publish Written message (e-mail)' }).click();
      await page.getByRole('status').filter({ hasText: 'version 2 is published' }).waitFor();
      // Everything reached the server, and nothing was refused.
      await waitSynced(page);
      expect(await page.getByTestId('sync-status-details').textContent()).not.toContain('The server refused');
      // A lead of one team: one row for the card, the team's edit standing in the built-in's. A lead of
      // several: the built-in's row stays while another of their teams has no edit of it.
      expect(await page.getByRole('rowheader', { name: /^Written message \(e-mail\)/ }).count()).toBe(team ? 2 : 1);
      return page;
    };
    await editBuiltIn(LEAD, 'Greeting, the Finnish team’s way', 'Support FI');
    await editBuiltIn(SE_LEAD, 'Greeting, the Swedish team’s way');

    const [fi, se] = await Promise.all(['Support FI', 'Support SE'].map(async (name) => (await db.query<{ id: string }>('SELECT id FROM teams WHERE name = $1', [name]))[0]!.id));
    const stored = await db.query<{ id: string; team: string; doc: { criteria: Array<{ title: string }> } }>(
      "SELECT id, team, doc FROM docs WHERE collection = 'scorecards' AND id LIKE 'tpl-email-en%' ORDER BY team",
    );
    expect(stored.map((r) => [r.id, r.team, r.doc.criteria[0]!.title]).sort()).toEqual(
      [
        [`${teamEditId('tpl-email-en', fi!)}@2`, fi, 'Greeting, the Finnish team’s way'],
        [`${teamEditId('tpl-email-en', se!)}@2`, se, 'Greeting, the Swedish team’s way'],
      ].sort(),
    );
    // The Finnish team's reviewer pulls the Finnish team's edit, not the Swedish team's.
    const reviewer = await launch();
    const reviewerPage = await optionsPage(reviewer);
    await connect(reviewerPage, REVIEWER);
    const cards = (await localRows<{ id: string; version: number }>(reviewerPage, 'scorecards')).filter((c) => c.id.startsWith('tpl-email-en')).map((c) => `${c.id}@${c.version}`);
    expect(cards.sort()).toEqual(['tpl-email-en@1', `${teamEditId('tpl-email-en', fi!)}@2`].sort());
  });

  it('a lead of two teams publishes a new scorecard into the second: its lead gets it, the first team does not', async () => {
    const lead = await launch();
    const page = await optionsPage(lead);
    await connect(page, LEAD);
    await page.getByRole('button', { name: 'New scorecard' }).click();
    const editor = page.getByRole('region', { name: /^Edit:/ });
    await editor.getByLabel('Name', { exact: true }).fill('Swedish returns');
    await editor.getByLabel('Title', { exact: true }).fill('Return label sent');
    const team = editor.getByRole('combobox', { name: 'Team' });
    await team.waitFor();
    expect(await team.locator('option').allTextContents()).toEqual(['Support FI', 'Support SE']);
    await team.selectOption({ label: 'Support SE' });
    await editor.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Swedish returns version 1 is published.' }).waitFor();
    await waitSynced(page);
    expect(await page.getByTestId('sync-status-details').textContent()).not.toContain('The server refused');

    const [se] = await db.query<{ id: string }>("SELECT id FROM teams WHERE name = 'Support SE'");
    const [stored] = await db.query<{ id: string; team: string }>("SELECT id, team FROM docs WHERE collection = 'scorecards' AND doc->>'name' = 'Swedish returns'");
    expect(stored?.team).toBe(se!.id);
    const names = async (email: string) => {
      const b = await launch();
      const p = await optionsPage(b);
      await connect(p, email);
      return (await localRows<{ name: string }>(p, 'scorecards')).map((c) => c.name);
    };
    expect(await names(SE_LEAD)).toContain('Swedish returns');
    expect(await names(REVIEWER)).not.toContain('Swedish returns');
  });

  it('a lead of two teams edits a built-in for the second: its lead gets the edit, the first team keeps the built-in', async () => {
    const lead = await launch();
    const page = await optionsPage(lead);
    await connect(page, LEAD);
    // The English chat card (named by its language: the Finnish one is "Chat" too), which neither team
    // has edited: its row starts either team's edit.
    const builtIn = page.locator('tr[data-card-id="tpl-chat-en"]');
    await builtIn.getByRole('button', { name: 'Edit for Support FI: Chat (EN)' }).waitFor();
    await builtIn.getByRole('button', { name: 'Edit for Support SE: Chat (EN)' }).click();
    const editor = page.getByRole('region', { name: /^Edit:/ });
    await editor.getByRole('textbox', { name: 'Title' }).first().fill('Greeting, in Swedish too');
    await editor.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Chat version 2 is published.' }).waitFor();
    await waitSynced(page);
    expect(await page.getByTestId('sync-status-details').textContent()).not.toContain('The server refused');
    // Named by its team in the list; the built-in's row now starts only the Finnish team's edit.
    await page.getByRole('button', { name: 'Edit Chat (Support SE)' }).waitFor();
    expect(await builtIn.getByRole('button', { name: /^Edit for .*: Chat/ }).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))).toEqual(['Edit for Support FI: Chat (EN)']);
    await expectAccessible(page);

    const [se] = await db.query<{ id: string }>("SELECT id FROM teams WHERE name = 'Support SE'");
    const [stored] = await db.query<{ id: string; team: string }>("SELECT id, team FROM docs WHERE collection = 'scorecards' AND id LIKE 'tpl-chat-en~%'");
    expect(stored).toEqual({ id: `${teamEditId('tpl-chat-en', se!.id)}@2`, team: se!.id });
    const chatCards = async (email: string) => {
      const b = await launch();
      const p = await optionsPage(b);
      await connect(p, email);
      return (await localRows<{ id: string; version: number }>(p, 'scorecards')).filter((c) => c.id.startsWith('tpl-chat-en')).map((c) => `${c.id}@${c.version}`).sort();
    };
    expect(await chatCards(SE_LEAD)).toEqual(['tpl-chat-en@1', `${teamEditId('tpl-chat-en', se!.id)}@2`].sort());
    expect(await chatCards(REVIEWER)).toEqual(['tpl-chat-en@1']);
  });

  it("a reviewer's settings show the team's scorecards to preview and print, not to change: its leads keep them", async () => {
    const reviewer = await launch();
    const page = await optionsPage(reviewer);
    await page.getByRole('button', { name: 'Edit Written message (e-mail)' }).waitFor();
    await connect(page, REVIEWER);
    await page.getByText(/kept by your team’s leads/).waitFor();
    await page.getByRole('button', { name: 'Preview Written message (e-mail)' }).waitFor();
    expect(await page.getByRole('button', { name: /^(Edit|Archive|Duplicate|Publish) / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New scorecard' }).count()).toBe(0);
  });

  it("a reviewer who joins a second team gets what the team made before; removed from it, it leaves the browser, and the settings say so", async () => {
    const [fi, se] = await Promise.all(['Support FI', 'Support SE'].map(async (name) => (await db.query<{ id: string }>('SELECT id FROM teams WHERE name = $1', [name]))[0]!.id));
    const seLead = (await findUserByEmail(db, SE_LEAD))!;
    const seReview = review('se-before-joining', SE_LEAD, OTHER_AGENT, { team: se!, ticketKey: 'demo:se-1' });
    await push(db, seLead, [{ collection: 'reviews', id: seReview.id, baseRevision: null, doc: seReview }]);
    // The Finnish team's work after it: the reviewer's checkpoint passes everything of the Swedish team.
    const fiReview = review('fi-after', LEAD, AGENT, { team: fi!, ticketKey: 'demo:fi-1' });
    await push(db, (await findUserByEmail(db, LEAD))!, [{ collection: 'reviews', id: fiReview.id, baseRevision: null, doc: fiReview }]);

    const reviewer = await launch();
    const page = await optionsPage(reviewer);
    await connect(page, REVIEWER);
    const cardNames = async () => (await localRows<{ name: string }>(page, 'scorecards')).map((c) => c.name);
    expect(await cardNames()).not.toContain('Swedish returns');
    expect(await localReviewIds(page)).not.toContain(seReview.id);
    expect(await localReviewIds(page)).toContain(fiReview.id);

    // An admin invites them into the Swedish team (a lead manages only their own teams' accounts); the invite is redeemed.
    const admin = await addUser(db, { email: 'admin@arvio.test', name: 'Admin', role: 'admin', teams: [] });
    const invite = await createInvite(db, admin, { team: se!, email: REVIEWER, name: 'Aino', role: 'reviewer' });
    await redeemInvite(db, invite.code);
    await waitSynced(page);
    await expect.poll(cardNames, { timeout: 15_000 }).toContain('Swedish returns');
    expect(await localReviewIds(page)).toContain(seReview.id);
    expect(await page.getByTestId('sync-access-changed').count()).toBe(0);

    // Removed from the Swedish team: its card and review leave this browser; the Finnish team's stay.
    await removeMember(db, seLead, se!, (await findUserByEmail(db, REVIEWER))!.id);
    await waitSynced(page);
    await expect.poll(cardNames, { timeout: 15_000 }).not.toContain('Swedish returns');
    expect(await localReviewIds(page)).not.toContain(seReview.id);
    expect(await localReviewIds(page)).toContain(fiReview.id);
    expect(await cardNames()).toContain('Written message (e-mail)');
    await expect
      .poll(() => page.getByTestId('sync-access-changed').textContent())
      .toMatch(/^What you may read on the team backend changed \(.+\)\. Items removed from this browser because you may no longer read them: [1-9]\d*\.$/);    // The settings page of a connected reviewer: its scorecards to preview, the backend's status.
    await expectAccessible(page);
    // The sidebar says it too (for a day): its lists may be shorter than they were.
    const { frame } = await openTicket(reviewer, '102');
    await expect
      .poll(() => frame.getByTestId('sync-access-changed').textContent(), { timeout: 10_000 })
      .toMatch(/^What you may read on the team backend changed \(.+\)\. Items removed from this browser because you may no longer read them: [1-9]\d*\.$/);
  });
});
