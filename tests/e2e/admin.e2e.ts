// Team administration without a terminal, in two Chromium profiles against the real server on PGlite:
// a lead invites an agent from the admin page, the agent's Arvio redeems the invite link and syncs,
// and once the lead removes them from the team the agent's next sync is refused.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addTeam, addUser, createToken, findUserByEmail } from '../../server/src/admin';
import { openPglite, type Db } from '../../server/src/db';
import { migrate } from '../../server/src/migrate';
import { startServer, type RunningServer } from '../../server/src/serve';
import { push } from '../../server/src/store';
import { review } from '../../server/tests/helpers/docs';
import { browsersPerTest, expectAccessible, localRows, syncNow, type ExtensionBrowser } from './harness';

const LEAD = 'leena@arvio.test';
const NEWCOMER = 'noora@arvio.test';

let dataDir = '';
let db: Db;
let server: RunningServer;
let leadToken = '';
const browsers = browsersPerTest();

let teamId = '';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'arvio-e2e-admin-'));
  db = await openPglite(dataDir);
  await migrate(db);
  teamId = (await addTeam(db, 'Support FI')).id;
  await addUser(db, { email: LEAD, name: 'Leena', role: 'lead', teams: ['Support FI'] });
  leadToken = (await createToken(db, LEAD)).token;
  server = await startServer(db, { port: 0, hostname: '127.0.0.1' }, { logError: () => undefined });
});

afterAll(async () => {
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

async function syncedNow(page: Page): Promise<void> {
  await syncNow(page, 'Sync now');
  await expect.poll(() => page.getByTestId('sync-status-details').textContent(), { timeout: 15_000 }).toMatch(/Last synced .*Everything is synced\./);
}

async function localReviewIds(page: Page): Promise<string[]> {
  return (await localRows<{ id: string }>(page, 'reviews')).map((r) => r.id);
}

describe('team administration in real Chromium', () => {
  it('a lead invites an agent, the agent joins with the link and syncs; removed from the team, their next sync is refused', { timeout: 240_000 }, async () => {
    const lead = await launch();
    const leadOptions = await optionsPage(lead);
    await leadOptions.getByLabel('Backend address').fill(server.url);
    await leadOptions.getByLabel('Access token').fill(leadToken);
    await leadOptions.getByRole('button', { name: 'Save and connect' }).click();
    await syncedNow(leadOptions);

    // The admin page, reached from the settings, by keyboard.
    await leadOptions.getByRole('link', { name: 'Team administration' }).click();
    const admin = leadOptions;
    await admin.getByRole('heading', { name: 'Team Support FI' }).waitFor();
    await admin.getByLabel('E-mail').fill(NEWCOMER);
    await admin.getByLabel('Name (optional)').fill('Noora');
    await admin.getByLabel('Role', { exact: true }).selectOption('agent');
    await admin.getByLabel('Name (optional)').press('Enter');
    const linkField = admin.getByLabel(`Invite link for ${NEWCOMER}`);
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/invite#arvinv_`));
    await admin.getByText(`${NEWCOMER} · agent`).waitFor();
    await expectAccessible(admin);

    // The newcomer's own browser: no token copied, only the link.
    const agent = await launch();
    const agentOptions = await optionsPage(agent);
    await agentOptions.getByText('I have an invite').click();
    await agentOptions.getByLabel('Invite link').fill(link);
    await agentOptions.getByRole('button', { name: 'Join the team' }).click();
    await agentOptions.getByText(`Joined as Noora (${NEWCOMER}). Syncing starts now.`).waitFor();
    await syncedNow(agentOptions);

    // A review about them reaches their Arvio.
    const leadUser = (await findUserByEmail(db, LEAD))!;
    const doc = review('admin-e2e-1', LEAD, NEWCOMER, { team: teamId });
    await push(db, leadUser, [{ collection: 'reviews', id: doc.id, baseRevision: null, doc }]);
    // "Everything is synced" may still show from the sync before, so wait for the review itself.
    await agentOptions.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => localReviewIds(agentOptions), { timeout: 15_000 }).toEqual([doc.id]);

    // The same link does not work twice.
    const other = await launch();
    const otherOptions = await optionsPage(other);
    await otherOptions.getByText('I have an invite').click();
    await otherOptions.getByLabel('Invite link').fill(link);
    await otherOptions.getByRole('button', { name: 'Join the team' }).click();
    await otherOptions.getByText('This invite was used already, cancelled or has expired. Ask for a new one.').waitFor();

    // The lead removes them (confirming the question); they were in no other team, so their access ends.
    await admin.getByRole('button', { name: 'Refresh' }).click();
    const row = admin.locator(`tr[data-member="${NEWCOMER}"]`);
    await expect.poll(() => row.locator('td').nth(3).textContent()).toBe('1');
    admin.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Remove Noora from Support FI' }).click();
    await admin.getByText('Noora removed from Support FI; in no team now, so their access was revoked too.').waitFor();
    await expect.poll(() => row.count()).toBe(0);

    await agentOptions.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => agentOptions.getByTestId('sync-error').textContent(), { timeout: 15_000 })
      .toContain('The server did not accept your token.');
  });

  it('a reviewer opening the admin page is told only admins and leads administer teams', async () => {
    await addUser(db, { email: 'riku@arvio.test', name: 'Riku', role: 'reviewer', teams: ['Support FI'] });
    const b = await launch();
    const page = await optionsPage(b);
    await page.getByLabel('Backend address').fill(server.url);
    await page.getByLabel('Access token').fill((await createToken(db, 'riku@arvio.test')).token);
    await page.getByRole('button', { name: 'Save and connect' }).click();
    await syncedNow(page);
    await page.goto(`chrome-extension://${b.extensionId}/admin.html`);
    await page.getByText('Only admins and team leads administer teams.').waitFor();
    expect(await page.getByRole('button', { name: 'Create invite' }).count()).toBe(0);
  });
});
