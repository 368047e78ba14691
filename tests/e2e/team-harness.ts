// Several browser profiles against one real team server on PGlite (and the demo helpdesk): the people,
// the server, and what a user does to connect a profile and sync it. Shared by the multi-person e2e tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Translate } from '@/lib/i18n';
import type { Rating, Review } from '@/lib/model/review';
import type { Scorecard } from '@/lib/model/scorecard';
import { scoreReview } from '@/lib/scoring';
import { startDemoServer } from '../../demo/server.mjs';
import { addTeam, addUser, createToken } from '../../server/src/admin';
import { openPglite, type Db } from '../../server/src/db';
import { migrate } from '../../server/src/migrate';
import { startServer, type RunningServer } from '../../server/src/serve';
import { browserPool, syncNow, type ExtensionBrowser } from './harness';

export const REVIEWER = 'aino@arvio.test';
export const AGENT = 'mikko@arvio.test';
export const LEAD = 'leena@arvio.test';
export const OTHER_AGENT = 'liisa@arvio.test';

export interface World {
  db: Db;
  server: RunningServer;
  demo: { url: string; close(): Promise<void> };
  tokens: Record<string, string>;
  dir: string;
  /** The server's id of the team everyone is in (documents name it in their `team`). */
  teamId: string;
}

const browsers = browserPool();
let world: World | null = null;

/** Closes the browsers and stops the server after each test (call once at the top of a test file). */
export function closeAfterEach(): void {
  afterEach(async () => {
    await browsers.closeAll();
    if (world) {
      await world.demo.close();
      await world.server.close();
      await world.db.close();
      await rm(world.dir, { recursive: true, force: true });
      world = null;
    }
  });
}

export async function startWorld(): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), 'arvio-e2e-team-'));
  const db = await openPglite(dir);
  await migrate(db);
  const team = await addTeam(db, 'Support FI');
  await addUser(db, { email: REVIEWER, name: 'Aino', role: 'reviewer', teams: ['Support FI'] });
  await addUser(db, { email: AGENT, name: 'Mikko Laine', role: 'agent', teams: ['Support FI'] });
  await addUser(db, { email: LEAD, name: 'Leena', role: 'lead', teams: ['Support FI'] });
  await addUser(db, { email: OTHER_AGENT, name: 'Liisa', role: 'agent', teams: ['Support FI'] });
  const tokens: Record<string, string> = {};
  for (const email of [REVIEWER, AGENT, LEAD]) tokens[email] = (await createToken(db, email)).token;
  const server = await startServer(db, { port: 0, hostname: '127.0.0.1' }, { logError: () => undefined });
  const demo = await startDemoServer({ port: 0 });
  world = { db, server, demo, tokens, dir, teamId: team.id };
  return world;
}

export async function launch(locale: string): Promise<ExtensionBrowser> {
  return browsers.launch({ locale });
}

/** The options page, connected to the backend as `email` and synced. */
export async function connected(b: ExtensionBrowser, w: World, t: Translate, email: string): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  await page.getByRole('heading', { name: t('sync.title') }).waitFor();
  await page.getByLabel(t('sync.url')).fill(w.server.url);
  await page.getByLabel(t('sync.token')).fill(w.tokens[email]!);
  await page.getByRole('button', { name: t('sync.test') }).click();
  await expect.poll(() => page.getByTestId('sync-me').textContent()).toContain(email);
  await page.getByRole('button', { name: t('sync.save') }).click();
  await page.getByText(t('sync.saved')).waitFor();
  await synced(page, t);
  return page;
}

export async function synced(page: Page, t: Translate): Promise<void> {
  await syncNow(page, t('sync.now'));
  await expect.poll(() => page.getByTestId('sync-status-details').textContent(), { timeout: 20_000 }).toContain(t('sync.status.upToDate'));
}


/**
 * The reviewer's review of Mikko on a demo ticket, made `daysAgo` days ago, pushed to the server as the
 * reviewer's Arvio would push it.
 */
export async function pushReview(
  w: World,
  { id, ticketId, card, ratings, daysAgo = 1 }: { id: string; ticketId: string; card: Scorecard; ratings: Rating[]; daysAgo?: number },
): Promise<Review> {
  const at = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const { score, passed, criticalFail } = scoreReview(card, ratings);
  const review: Review = {
    id,
    scorecardId: card.id,
    scorecardVersion: card.version,
    reviewer: { id: REVIEWER, name: 'Aino' },
    reviewee: { id: AGENT, name: 'Mikko Laine' },
    target: { kind: 'conversation' },
    ratings,
    strengths: '',
    developmentAreas: '',
    strengthCriteria: [],
    developmentCriteria: [],
    feedback: '',
    activeMs: 60_000,
    ticket: { helpdesk: 'zendesk', ticketId, url: `${w.demo.url}/agent/tickets/${ticketId}`, subject: 'Chat', channel: 'chat' },
    ticketKey: `zendesk:${ticketId}`,
    channel: 'chat',
    score,
    passed,
    criticalFail,
    createdAt: at,
    updatedAt: at,
    revision: 1,
    deleted: false,
    acknowledgedAt: null,
    team: w.teamId,
  };
  const pushed = await fetch(`${w.server.url}/v1/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${w.tokens[REVIEWER]}`, 'content-type': 'application/json' },
    body: JSON.stringify({ changes: [{ collection: 'reviews', id: review.id, baseRevision: null, doc: review }] }),
  });
  expect(pushed.status).toBe(200);
  return review;
}
