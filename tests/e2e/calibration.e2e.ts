// Calibration in real Chromium against the real server on PGlite: a lead and three reviewers in four
// profiles score the same demo ticket blind, the facilitator reveals, agrees and clarifies; the lead's
// dashboard shows the session's alpha and downloads every rating in the long-format CSV.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { formatDecimal, translator } from '@/lib/i18n';
import { CALIBRATION_CSV_HEADER } from '@/lib/export/calibration';
import { krippendorffAlpha } from '@/lib/calibration';
import { criterionScore } from '@/lib/scoring';
import { templates } from '@/lib/scorecards/templates';
import type { CalibrationRatings } from '@/lib/model/calibration';
import type { Scorecard } from '@/lib/model/scorecard';
import { startDemoServer } from '../../demo/server.mjs';
import { addTeam, addUser, createToken } from '../../server/src/admin';
import { openPglite, type Db } from '../../server/src/db';
import { migrate } from '../../server/src/migrate';
import { startServer, type RunningServer } from '../../server/src/serve';
import { expectAccessible, freshProfileDir, launchWithExtension, localRows, removeProfile, sidebarFrame, syncNow, toggleButton, type ExtensionBrowser } from './harness';

const LEAD = 'leena@arvio.test';

let dataDir = '';
let db: Db;
let server: RunningServer;
let demo: { url: string; close(): Promise<void> };
const tokens: Record<string, string> = {};
const open: ExtensionBrowser[] = [];

/** The words of each language the test uses: the same story in English and in Finnish. */
const WORDS = {
  en: {
    locale: 'en-US',
    backend: 'Team backend',
    address: 'Backend address',
    token: 'Access token',
    test: 'Test connection',
    save: 'Save and connect',
    saved: 'Saved. Syncing starts now.',
    syncNow: 'Sync now',
    synced: /Everything is synced\./,
    tab: 'Calibration',
    start: 'Calibrate this ticket',
    startSubmit: 'Start session',
    started: 'Session started',
    banner: 'this ticket waits for your blind scoring',
    waiting: 'Calibration waiting',
    scoreNow: 'Score it now',
    submitted: 'You submitted your ratings of this ticket.',
    blind: 'The others’ ratings are shown after the reveal.',
    reveal: 'Reveal the scores to everyone',
    agreeSave: 'Save agreed ratings',
    agreeSaved: 'Agreed ratings saved.',
    clarifyText: 'Clarification (shown to every reviewer under the criterion)',
    clarifySave: 'Save clarification',
    clarification: 'A greeting without the customer’s name is “Partly”.',
    startReview: 'Start review',
    reviewTab: 'Review',
    submittedYes: ': submitted',
    card: 'tpl-chat-en',
    needsBackend: 'Calibration needs the team backend',
    namesShown: 'Show participants who gave which rating after the reveal',
    hideAgent: 'Hide the agent’s name from participants',
    agentLine: 'Agent: Mikko Laine',
    you: 'You',
    participant: /^Participant \d+$/,
  },
  fi: {
    locale: 'fi-FI',
    backend: 'Tiimin palvelin',
    address: 'Palvelimen osoite',
    token: 'Pääsytunnus',
    test: 'Testaa yhteys',
    save: 'Tallenna ja yhdistä',
    saved: 'Tallennettu. Synkronointi alkaa nyt.',
    syncNow: 'Synkronoi nyt',
    synced: /Kaikki on synkronoitu\./,
    tab: 'Kalibrointi',
    start: 'Kalibroi tämä tiketti',
    startSubmit: 'Aloita kalibrointi',
    started: 'Kalibrointi aloitettu',
    banner: 'tämä tiketti odottaa sokkoarviotasi',
    waiting: 'Kalibrointi odottaa',
    scoreNow: 'Arvioi nyt',
    submitted: 'Lähetit arviosi tästä tiketistä.',
    blind: 'Muiden arviot näytetään paljastuksen jälkeen.',
    reveal: 'Paljasta arviot kaikille',
    agreeSave: 'Tallenna sovitut arviot',
    agreeSaved: 'Sovitut arviot tallennettu.',
    clarifyText: 'Tarkennus (näytetään jokaiselle arvioijalle kriteerin alla)',
    clarifySave: 'Tallenna tarkennus',
    clarification: 'Tervehdys ilman asiakkaan nimeä on ”Osittain”.',
    startReview: 'Aloita arviointi',
    reviewTab: 'Arviointi',
    submittedYes: ': lähetetty',
    card: 'tpl-chat-fi',
    needsBackend: 'Kalibrointi tarvitsee tiimin palvelimen',
    namesShown: 'Näytä osallistujille paljastuksen jälkeen, kuka antoi minkäkin arvion',
    hideAgent: 'Piilota asiakaspalvelijan nimi osallistujilta',
    agentLine: 'Asiakaspalvelija: Sara Koskinen',
    you: 'Sinä',
    participant: /^Osallistuja \d+$/,
  },
} as const;
type Words = (typeof WORDS)[keyof typeof WORDS];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'arvio-e2e-calibration-'));
  db = await openPglite(dataDir);
  await migrate(db);
  await addTeam(db, 'Support FI');
  await addUser(db, { email: LEAD, name: 'Leena', role: 'lead', teams: ['Support FI'] });
  for (const lang of ['en', 'fi']) {
    for (const name of ['Aino', 'Ville', 'Sanna']) {
      await addUser(db, { email: `${name.toLowerCase()}.${lang}@arvio.test`, name: `${name} ${lang.toUpperCase()}`, role: 'reviewer', teams: ['Support FI'] });
    }
  }
  for (const { email } of await db.query<{ email: string }>('SELECT email FROM users')) tokens[email] = (await createToken(db, email)).token;
  server = await startServer(db, { port: 0, hostname: '127.0.0.1' }, { logError: () => undefined });
  demo = await startDemoServer({ port: 0 });
}, 180_000);

afterAll(async () => {
  await demo?.close();
  await server?.close();
  await db?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

afterEach(async () => {
  for (const b of open.splice(0)) {
    await b.close();
    removeProfile(b.userDataDir);
  }
});

async function launch(words: Words, profile = freshProfileDir()): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension(profile, { locale: words.locale });
  open.push(browser);
  return browser;
}

/** Closes a browser but keeps its profile, to start it again later. */
async function closeKeeping(b: ExtensionBrowser): Promise<string> {
  open.splice(open.indexOf(b), 1);
  await b.close();
  return b.userDataDir;
}

async function optionsPage(b: ExtensionBrowser, words: Words): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  await page.getByRole('heading', { name: words.backend }).waitFor();
  return page;
}

async function connect(b: ExtensionBrowser, words: Words, email: string): Promise<Page> {
  const page = await optionsPage(b, words);
  await page.getByLabel(words.address).fill(server.url);
  await page.getByLabel(words.token).fill(tokens[email]!);
  await page.getByRole('button', { name: words.test }).click();
  await expect.poll(() => page.getByTestId('sync-me').textContent()).toContain(email);
  await page.getByRole('button', { name: words.save }).click();
  await page.getByText(words.saved).waitFor();
  await waitSynced(page, words);
  return page;
}

async function waitSynced(page: Page, words: Words): Promise<void> {
  await syncNow(page, words.syncNow);
  await expect.poll(() => page.getByTestId('sync-status-details').textContent(), { timeout: 15_000 }).toMatch(words.synced);
}

async function openTicket(b: ExtensionBrowser, ticketId: string): Promise<{ page: Page; frame: Frame }> {
  const page = await b.context.newPage();
  await page.goto(`${demo.url}/agent/tickets/${ticketId}`);
  await toggleButton(page).waitFor({ state: 'attached' });
  if ((await toggleButton(page).getAttribute('aria-expanded')) !== 'true') await page.locator('body').press('Alt+Shift+A');
  const frame = await sidebarFrame(page);
  await frame.locator('.ticket-id', { hasText: ticketId }).waitFor();
  return { page, frame };
}

/** The count on the toolbar icon, as the extension set it. */
async function badge(b: ExtensionBrowser): Promise<string> {
  const [worker] = b.context.serviceWorkers();
  if (!worker) return '';
  type Chrome = { chrome: { action: { getBadgeText(details: object): Promise<string> } } };
  return worker.evaluate(() => (globalThis as unknown as Chrome).chrome.action.getBadgeText({})).catch(() => '');
}

/** What the server sends this user of a session's calibration ratings, asked over HTTP as the extension asks. */
async function ratingsOnServer(email: string, sessionId: string): Promise<{ owner: string; ratings: { criterionId: string; value: number | null }[] }[]> {
  const response = await fetch(`${server.url}/v1/sync/pull?since=0&limit=1000`, { headers: { authorization: `Bearer ${tokens[email]}` } });
  const body = (await response.json()) as {
    docs: { collection: string; doc: { sessionId: string; participant: string; ratings: { criterionId: string; value: number | null }[] } }[];
  };
  return body.docs.filter((d) => d.collection === 'calibrationRatings' && d.doc.sessionId === sessionId).map((d) => ({ owner: d.doc.participant, ratings: d.doc.ratings }));
}

/** Reviewer i's rating of criterion j, as the digit key pressed: mostly the top level, with disagreements. */
const keyOf = (i: number, j: number, levels: number): number => Math.max(1, levels - ((i + j) % 3 === 0 ? i : 0));

function cardOf(id: string): Scorecard {
  const card = templates.find((t) => t.id === id);
  if (!card) throw new Error(`no ${id}`);
  return card;
}

/** Scores every criterion by keyboard in the order shown, then submits with Ctrl+Enter. */
async function scoreBlind(page: Page, frame: Frame, card: Scorecard, i: number, { from = 0, submit = true } = {}): Promise<void> {
  const order = card.groups.flatMap((g) => card.criteria.filter((c) => c.groupId === g.id)).slice(from, submit ? undefined : from + 1);
  for (const criterion of order) {
    await expect
      .poll(() => frame.evaluate(() => document.activeElement?.closest('[data-criterion]')?.getAttribute('data-criterion')))
      .toBe(criterion.id);
    await page.keyboard.press(String(keyOf(i, card.criteria.indexOf(criterion), criterion.levels.length)));
  }
  if (submit) await page.keyboard.press('Control+Enter');
}

/**
 * The session alpha the reveal should show: participants × criteria of the one ticket, each rating (the
 * key pressed, 1-based) as its criterion score by the score formula, interval.
 */
function expectedAlpha(card: Scorecard): number {
  const alpha = krippendorffAlpha([0, 1, 2].map((i) => card.criteria.map((c, j) => criterionScore(c, keyOf(i, j, c.levels.length) - 1))), 'interval');
  if (alpha === null) throw new Error('alpha undefined');
  return alpha;
}

/** `namesShown`: whether the lead lets the participants see who gave which rating (the English story hides them). */
async function story(lang: 'en' | 'fi', namesShown: boolean): Promise<void> {
  const words = WORDS[lang];
  const step = (what: string): void => void (process.env.ARVIO_E2E_STEPS && console.log(`${lang}: ${what}`));
  const card = cardOf(words.card);
  const reviewers = ['aino', 'ville', 'sanna'].map((name) => `${name}.${lang}@arvio.test`);
  const ticket = lang === 'en' ? '102' : '103';

  // The lead starts a session on the ticket in view, with the three reviewers.
  const lead = await launch(words);
  const leadOptions = await connect(lead, words, LEAD);
  const { frame: leadFrame } = await openTicket(lead, ticket);
  await leadFrame.getByRole('tab', { name: words.tab }).click();
  await leadFrame.getByRole('button', { name: words.start }).click();
  await leadFrame.locator('#cal-card').selectOption(`${card.id}@${card.version}`);
  for (const email of reviewers) await leadFrame.getByRole('checkbox', { name: new RegExp(email.replace('.', '\\.')) }).check();
  await leadFrame.getByRole('checkbox', { name: words.namesShown }).setChecked(namesShown);
  // The agent's name: hidden from the participants (the default) in the English story, shown in the Finnish one.
  const hideAgent = lang === 'en';
  expect(await leadFrame.getByRole('checkbox', { name: words.hideAgent }).isChecked()).toBe(true);
  await leadFrame.getByRole('checkbox', { name: words.hideAgent }).setChecked(hideAgent);
  await expectAccessible(leadFrame);
  await leadFrame.getByRole('button', { name: words.startSubmit }).click();
  await leadFrame.getByRole('status').filter({ hasText: words.started }).waitFor();
  await waitSynced(leadOptions, words);
  const sessions = await db.query<{ id: string }>("SELECT id FROM docs WHERE collection = 'calibrationSessions' AND doc::jsonb->>'scorecardId' = $1", [card.id]);
  expect(sessions).toHaveLength(1);
  const sessionId = sessions[0]!.id;

  step('session started');
  // Each reviewer sees it waiting, scores blind by keyboard, and sees nobody's ratings before submitting.
  const profiles: string[] = [];
  const firstCriterion = card.groups.flatMap((g) => card.criteria.filter((c) => c.groupId === g.id))[0]!;
  for (const [i, email] of reviewers.entries()) {
    let b = await launch(words);
    let options = await connect(b, words, email);
    await expect.poll(() => badge(b), { timeout: 15_000 }).toBe('1');
    let { page, frame } = await openTicket(b, ticket);
    await frame.getByText(words.banner).waitFor();
    await frame.getByRole('button', { name: words.scoreNow }).click();
    if (i === 0) {
      // The first reviewer rates one criterion and closes the browser: the blind scoring was autosaved in
      // the profile (and nothing sent), and after a restart it opens where it was left.
      await scoreBlind(page, frame, card, i, { submit: false });
      const rated = async () => (await localRows<CalibrationRatings>(options, 'calibrationRatings')).find((r) => r.participant === email)?.ratings.find((x) => x.criterionId === firstCriterion.id)?.value ?? null;
      await expect.poll(rated, { timeout: 10_000 }).toBe(keyOf(i, card.criteria.indexOf(firstCriterion), firstCriterion.levels.length) - 1);
      expect((await localRows<CalibrationRatings>(options, 'calibrationRatings')).find((r) => r.participant === email)?.submittedAt).toBeNull();
      b = await launch(words, await closeKeeping(b));
      options = await optionsPage(b, words);
      ({ page, frame } = await openTicket(b, ticket));
      await frame.getByText(words.banner).waitFor();
      await frame.getByRole('button', { name: words.scoreNow }).click();
      const kept = frame.locator(`[data-criterion="${firstCriterion.id}"] [role="radio"][aria-checked="true"]`);
      await kept.waitFor({ timeout: 10_000 });
      expect(await frame.locator(`[data-criterion="${firstCriterion.id}"] [role="radio"]`).evaluateAll((radios) => radios.findIndex((r) => r.getAttribute('aria-checked') === 'true'))).toBe(
        keyOf(i, card.criteria.indexOf(firstCriterion), firstCriterion.levels.length) - 1,
      );
      expect((await ratingsOnServer(email, sessionId)).length).toBe(0);
    }
    await frame.getByRole('heading', { name: words.waiting }).waitFor();
    expect(await frame.locator('.reveal').count()).toBe(0);
    await frame.getByText(words.blind).waitFor();
    if (i === 1) await expectAccessible(frame);
    if (hideAgent) expect(await frame.getByTestId('calibration-agent').count()).toBe(0);
    else expect(await frame.getByTestId('calibration-agent').textContent()).toBe(words.agentLine);
    // The server answers nothing of the others' ratings either.
    expect((await ratingsOnServer(email, sessionId)).filter((r) => r.owner !== email)).toEqual([]);
    await scoreBlind(page, frame, card, i, { from: i === 0 ? 1 : 0 });
    await frame.getByText(words.submitted).waitFor();
    await waitSynced(options, words);
    await expect.poll(() => badge(b)).toBe('');
    expect((await ratingsOnServer(email, sessionId)).map((r) => r.owner)).toEqual([email]);
    step(`reviewer ${i} submitted`);
    profiles.push(await closeKeeping(b));
  }
  // Before the reveal the lead reads no one's ratings from the server, only who has submitted.
  expect(await ratingsOnServer(LEAD, sessionId)).toEqual([]);
  await leadFrame.getByRole('tab', { name: words.reviewTab, exact: true }).click();
  await leadFrame.getByRole('tab', { name: words.tab }).click();
  for (const name of ['Aino', 'Ville', 'Sanna']) await leadFrame.getByText(`${name} ${lang.toUpperCase()}${words.submittedYes}`).waitFor();
  expect(await leadFrame.locator('.reveal').count()).toBe(0);

  // The facilitator reveals: the side-by-side view's alpha is krippendorffAlpha of the same ratings.
  await leadFrame.getByRole('button', { name: words.reveal }).click();
  await waitSynced(leadOptions, words);
  await waitSynced(leadOptions, words);
  const alpha = expectedAlpha(card);
  const shown = leadFrame.getByTestId('session-alpha');
  await expect.poll(() => shown.textContent(), { timeout: 15_000 }).toContain(formatDecimal(lang, alpha, 3));
  expect(Number(await shown.getAttribute('data-alpha'))).toBeCloseTo(alpha, 10);
  expect(await leadFrame.locator('.reveal-table').first().locator('tbody tr').count()).toBe(card.criteria.length);

  step('revealed');
  // The lead agrees on the first criterion and clarifies it.
  const first = card.criteria[0]!;
  await leadFrame.getByLabel(translator(lang)('calibration.agree.choose', { criterion: first.title }), { exact: true }).selectOption(String(first.levels.length - 2));
  await leadFrame.getByRole('button', { name: words.agreeSave }).click();
  await leadFrame.getByRole('status').filter({ hasText: words.agreeSaved }).waitFor();
  await leadFrame.getByLabel(words.clarifyText).fill(words.clarification);
  await leadFrame.getByRole('button', { name: words.clarifySave }).click();
  await leadFrame.locator('.clarifications').getByText(words.clarification).waitFor();
  await expectAccessible(leadFrame);
  await waitSynced(leadOptions, words);

  step('agreed');
  // The dashboard's Calibration view: the session with the same alpha, and the CSV in long format with
  // every rating as given and the agreed one.
  const t = translator(lang);
  const [stored] = await db.query<{ doc: { title: string } }>("SELECT doc FROM docs WHERE collection = 'calibrationSessions' AND id = $1", [sessionId]);
  const dash = await lead.context.newPage();
  await dash.goto(`chrome-extension://${lead.extensionId}/dashboard.html#calibration`);
  const sessionRow = dash.locator('table.calibration-sessions tbody tr', { has: dash.getByRole('button', { name: t('calibration.dash.open', { title: stored!.doc.title }) }) });
  await expect.poll(() => sessionRow.locator('td').last().textContent(), { timeout: 15_000 }).toContain(formatDecimal(lang, alpha, 3));
  // Charts beside their numbers: alpha per criterion by month, and (the lead's) each reviewer's alignment.
  for (const title of [t('calibration.dash.byMonth'), t('calibration.dash.alignment')]) {
    await dash.getByRole('img', { name: t('dashboard.chart.label', { title }) }).locator('canvas').waitFor();
  }
  await expectAccessible(dash);
  const [file] = await Promise.all([dash.waitForEvent('download'), dash.getByRole('button', { name: t('calibration.dash.export') }).click()]);
  const lines = (await readFile((await file.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
  const delimiter = lang === 'fi' ? ';' : ',';
  expect(lines[0]!.split(delimiter)).toEqual([...CALIBRATION_CSV_HEADER]);
  const rows = lines.slice(1).filter((line) => line.startsWith(`${sessionId}${delimiter}`));
  expect(rows).toHaveLength(card.criteria.length * reviewers.length);
  for (const [i, email] of reviewers.entries()) {
    card.criteria.forEach((criterion, j) => {
      const row = rows.find((line) => line.includes(`${delimiter}${criterion.id}${delimiter}`) && line.includes(`${delimiter}${email}${delimiter}`));
      expect(row, `${email} ${criterion.id}`).toBeDefined();
      // The rating as the level's position (the key pressed), and the agreed one of the first criterion.
      const cells = row!.split(delimiter);
      expect(cells.at(-2)).toBe(String(keyOf(i, j, criterion.levels.length)));
      expect(cells.at(-1)).toBe(criterion.id === first.id ? String(first.levels.length - 1) : '');
    });
  }
  await dash.close();
  // Each reviewer, back in their browser, sees the same figures side by side.
  for (const profile of profiles) {
    const b = await launch(words, profile);
    const options = await optionsPage(b, words);
    await waitSynced(options, words);
    const { frame } = await openTicket(b, ticket);
    await frame.getByRole('tab', { name: words.tab }).click();
    const theirs = frame.getByTestId('session-alpha');
    await expect.poll(() => theirs.getAttribute('data-alpha'), { timeout: 15_000 }).not.toBeNull();
    expect(Number(await theirs.getAttribute('data-alpha'))).toBeCloseTo(alpha, 10);
    // Each participant's row: themself, and the others by name — or, names hidden, only as "Participant k",
    // with no other reviewer's name or address anywhere on the screen or in what their Arvio holds.
    const rows = await frame.locator('table.reveal-scores tbody th').allTextContents();
    const others = reviewers.filter((r) => r !== reviewers[profiles.indexOf(profile)]);
    const namesOf = (emails: string[]) => emails.map((e) => `${e.split('.')[0]![0]!.toUpperCase()}${e.split('.')[0]!.slice(1)} ${lang.toUpperCase()}`);
    expect(rows.filter((r) => r === words.you), rows.join(' | ')).toHaveLength(1);
    if (namesShown) {
      expect(rows).toEqual(expect.arrayContaining(namesOf(others)));
    } else {
      expect(rows.filter((r) => words.participant.test(r))).toHaveLength(2);
      const text = (await frame.locator('.calibration-session').first().textContent()) ?? '';
      for (const name of [...namesOf(others), ...others]) expect(text).not.toContain(name);
      // What the profile holds, read on an extension page (the extension's own storage).
      const held = JSON.stringify([await localRows(options, 'calibrationSessions'), await localRows(options, 'calibrationRatings')]);
      expect(held).toContain('@pseudonymous.invalid');
      for (const email of others) expect(held).not.toContain(email);
    }
    if (profile === profiles[0]) {
      // A later ordinary review with the same scorecard shows the clarification under the criterion.
      await frame.getByRole('tab', { name: words.reviewTab, exact: true }).click();
      await frame.locator('#scorecard').selectOption(`${card.id}@${card.version}`);
      await frame.getByRole('button', { name: words.startReview }).click();
      await frame.locator(`[data-criterion="${first.id}"] .clarification`, { hasText: words.clarification }).waitFor();
      await expectAccessible(frame);
    }
    await b.close();
    open.splice(open.indexOf(b), 1);
  }
  for (const profile of profiles) removeProfile(profile);
}

describe('calibration in real Chromium with the team backend', () => {
  it('three reviewers score a demo ticket blind, the lead reveals, agrees and clarifies; a later review shows the clarification', async () => {
    await story('en', false);
  }, 600_000);

  it('the same in Finnish', async () => {
    await story('fi', true);
  }, 600_000);

  it('without a backend the sidebar explains that calibration needs the team backend', async () => {
    const b = await launch(WORDS.en);
    const { frame } = await openTicket(b, '101');
    await frame.getByRole('tab', { name: 'Calibration' }).click();
    await frame.getByRole('heading', { name: WORDS.en.needsBackend }).waitFor();
    expect(await frame.getByRole('button', { name: 'Open settings' }).count()).toBe(1);
    await expectAccessible(frame);
  });
});
