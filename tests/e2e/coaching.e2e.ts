// Coaching end to end: a coach and an agent in two Chromium profiles against the real server on PGlite.
// The coach schedules (the .ics is parsed), prepares a session from the agent's reviews, pins evidence,
// sets focus and actions, holds it; the agent sees it in My coaching, marks an action done and
// acknowledges, and the self-check shows the focus first while writing; the coach's plan and the next
// session follow, the agents' coaching rhythms are the team's (set by either lead; an agent gets their own), and the dashboard's before/after of a finished period matches the score formula.
// In English and in Finnish.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formTemplates, MIN_REVIEWS, newCoachingSession, periodOf } from '@/lib/coaching';
import { formatDay, formatMonth, formatPercent, translator, type MessageKey } from '@/lib/i18n';
import type { CoachingAction, CoachingNotes, CoachingSession } from '@/lib/model/coaching';
import type { Review } from '@/lib/model/review';
import { teamSettingsId, type TeamSettings } from '@/lib/model/teamSettings';
import { withRhythm } from '@/lib/teamSettings';
import { templates } from '@/lib/scorecards/templates';
import { criterionScore, qualityScore } from '@/lib/scoring';
import { startDemoServer } from '../../demo/server.mjs';
import { addTeam, addUser, createToken, findUserByEmail } from '../../server/src/admin';
import { openPglite, type Db } from '../../server/src/db';
import { migrate } from '../../server/src/migrate';
import { startServer, type RunningServer } from '../../server/src/serve';
import { push } from '../../server/src/store';
import { makeReview, rng } from '../unit/db/factory';
import { expectAccessible, freshProfileDir, launchWithExtension, localRows, removeProfile, sidebarFrame, syncNow, toggleButton, type ExtensionBrowser } from './harness';

let dataDir = '';
let db: Db;
let server: RunningServer;
let demo: { url: string; close(): Promise<void> };
const tokens: Record<string, string> = {};
const open: ExtensionBrowser[] = [];
const people = (lang: 'en' | 'fi') => ({
  coach: `tiina.${lang}@arvio.test`,
  agent: `mikko.${lang}@arvio.test`,
  coached: `liisa.${lang}@arvio.test`,
  /** The team's other lead, who set Liisa's rhythm. */
  lead: `leena.${lang}@arvio.test`,
});

/** Each language's team id (its reviews belong to it). */
let teamIds: Partial<Record<'en' | 'fi', string>> = {};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'arvio-e2e-coaching-'));
  teamIds = {};
  db = await openPglite(dataDir);
  await migrate(db);
  for (const lang of ['en', 'fi'] as const) {
    const { coach, agent } = people(lang);
    teamIds[lang] = (await addTeam(db, `Support ${lang}`)).id;
    await addUser(db, { email: coach, name: 'Tiina', role: 'lead', teams: [`Support ${lang}`] });
    await addUser(db, { email: agent, name: 'Mikko Laine', role: 'agent', teams: [`Support ${lang}`] });
    await addUser(db, { email: people(lang).coached, name: 'Liisa Koski', role: 'agent', teams: [`Support ${lang}`] });
    await addUser(db, { email: people(lang).lead, name: 'Leena', role: 'lead', teams: [`Support ${lang}`] });
    for (const email of [coach, agent]) tokens[email] = (await createToken(db, email)).token;
  }
  server = await startServer(db, { port: 0, hostname: '127.0.0.1' }, { logError: () => undefined });
  demo = await startDemoServer({ port: 0 });
  // Four users with hashed tokens and a migrated PGlite: slow when the machine's cores are shared.
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

/** The agent's reviews of the last three weeks, by the coach, on the chat card of the language: on the server. */
async function seedReviews(lang: 'en' | 'fi'): Promise<Review[]> {
  const { coach, agent } = people(lang);
  const card = templates.find((t) => t.id === `tpl-chat-${lang}`)!;
  const random = rng(lang === 'en' ? 7 : 8);
  const reviews = Array.from({ length: 6 }, (_, i) => ({
    ...makeReview({ id: `coached-${lang}-${i}`, random, card, createdAt: new Date(Date.now() - (i * 3 + 1) * 86_400_000).toISOString() }),
    reviewer: { id: coach, name: 'Tiina' },
    reviewee: { id: agent, name: 'Mikko Laine' },
    team: teamIds[lang]!,
  }));
  const user = (await findUserByEmail(db, coach))!;
  const results = await push(db, user, reviews.map((doc) => ({ collection: 'reviews' as const, id: doc.id, baseRevision: null, doc })));
  expect(results.map((r) => r.status)).toEqual(reviews.map(() => 'accepted'));
  return reviews;
}

/**
 * A finished coaching period of a second agent, Liisa: a session held 120 days ago with "tone" in focus
 * for four weeks, and her reviews in the four weeks before it and during and after it (on the server).
 * Returns each side's expected figure by the score formula: the mean of the criterion's scores and the
 * ratings it rests on.
 */
async function seedFinishedPeriod(lang: 'en' | 'fi'): Promise<{ session: CoachingSession; before: { mean: number; count: number }; after: { mean: number; count: number } }> {
  const { coach, coached } = people(lang);
  const card = templates.find((t) => t.id === `tpl-chat-${lang}`)!;
  const tone = card.criteria.find((c) => c.id === 'tone')!;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const start = day(-120);
  const at = `${start}T09:00:00.000Z`;
  const session: CoachingSession = {
    ...newCoachingSession({ id: `cs-finished-${lang}`, team: teamIds[lang]!, coach: { id: coach, name: 'Tiina' }, agent: { id: coached, name: 'Liisa Koski' }, form: formTemplates[lang === 'fi' ? 0 : 1]!, scheduledFor: null, now: new Date(at) }),
    status: 'held',
    heldAt: at,
    focus: [{ scorecardId: card.id, criterionId: 'tone' }],
    period: periodOf(start, 4),
  };
  const random = rng(lang === 'en' ? 17 : 18);
  const reviewOn = (id: string, offset: number): Review => ({
    ...makeReview({ id, random, card, createdAt: `${day(-120 + offset)}T10:00:00.000Z` }),
    reviewer: { id: coach, name: 'Tiina' },
    reviewee: { id: coached, name: 'Liisa Koski' },
    team: teamIds[lang]!,
  });
  const before = [-25, -20, -15, -10, -5].map((offset, i) => reviewOn(`before-${lang}-${i}`, offset));
  const after = [2, 8, 14, 20, 30, 40].map((offset, i) => reviewOn(`after-${lang}-${i}`, offset));
  const user = (await findUserByEmail(db, coach))!;
  const results = await push(db, user, [
    { collection: 'coachingSessions' as const, id: session.id, baseRevision: null, doc: session },
    ...[...before, ...after].map((doc) => ({ collection: 'reviews' as const, id: doc.id, baseRevision: null, doc })),
  ]);
  expect(results.map((r) => r.status)).toEqual(results.map(() => 'accepted'));
  const figure = (reviews: Review[]) => {
    const scores = reviews.flatMap((r) => r.ratings.filter((x) => x.criterionId === 'tone' && !x.na && x.value !== null).map((x) => criterionScore(tone, x.value!)!));
    return { mean: scores.reduce((a, b) => a + b, 0) / scores.length, count: scores.length };
  };
  return { session, before: figure(before), after: figure(after) };
}

/** The team's other lead has set Liisa's coaching rhythm to every two months (in the team's settings, on the server). */
async function seedRhythm(lang: 'en' | 'fi'): Promise<void> {
  const { lead, coached } = people(lang);
  const settings = withRhythm(undefined, teamIds[lang]!, coached, 60, { id: lead, name: 'Leena' }, new Date());
  const results = await push(db, (await findUserByEmail(db, lead))!, [{ collection: 'teamSettings' as const, id: settings.id, baseRevision: null, doc: settings }]);
  expect(results.map((r) => r.status)).toEqual(['accepted']);
}

async function launch(locale: string): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension(freshProfileDir(), { locale });
  open.push(browser);
  return browser;
}

/** Settings → Team backend: address and token, test, save; then synced. */
async function connect(b: ExtensionBrowser, email: string, t: ReturnType<typeof translator>): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  await page.getByLabel(t('sync.url')).fill(server.url);
  await page.getByLabel(t('sync.token')).fill(tokens[email]!);
  await page.getByRole('button', { name: t('sync.test') }).click();
  await expect.poll(() => page.getByTestId('sync-me').textContent()).toContain(email);
  await page.getByRole('button', { name: t('sync.save') }).click();
  await page.getByText(t('sync.saved')).waitFor();
  await waitSynced(page, t);
  return page;
}

async function waitSynced(page: Page, t: ReturnType<typeof translator>): Promise<void> {
  await syncNow(page, t('sync.now'));
  await expect.poll(() => page.getByTestId('sync-status-details').textContent(), { timeout: 20_000 }).toContain(t('sync.status.upToDate'));
}

async function serverDocs<T>(collection: string, where = ''): Promise<T[]> {
  return (await db.query<{ doc: T }>(`SELECT doc FROM docs WHERE collection = $1 ${where} ORDER BY id`, [collection])).map((r) => r.doc);
}

async function story(lang: 'en' | 'fi', locale: string): Promise<void> {
  const t = translator(lang);
  const k = (key: string, params?: Record<string, string | number>) => t(key as MessageKey, params);
  const { coach, agent } = people(lang);
  const card = templates.find((c) => c.id === `tpl-chat-${lang}`)!;
  const title = (id: string) => card.criteria.find((c) => c.id === id)!.title;
  const reviews = await seedReviews(lang);
  const finished = await seedFinishedPeriod(lang);
  await seedRhythm(lang);

  // The coach: the plan lists the agent; a session is scheduled and lands in a calendar.
  const coachBrowser = await launch(locale);
  const coachOptions = await connect(coachBrowser, coach, t);
  const plan = await coachBrowser.context.newPage();
  await plan.goto(`chrome-extension://${coachBrowser.extensionId}/coaching.html#plan`);
  const row = plan.locator(`tr[data-agent="${agent}"]`);
  await row.waitFor();
  expect(await row.getByTestId('next-due').textContent()).toContain(formatDay(lang, new Date().toISOString().slice(0, 10), true));
  // By keyboard: the row's button opens the plan's one scheduling editor with the time focused; the focus returns after scheduling.
  const openEditor = row.getByRole('button', { name: k('coaching.plan.openEditorFor', { name: 'Mikko Laine' }) });
  await openEditor.focus();
  await plan.keyboard.press('Enter');
  const scheduling = plan.getByRole('form', { name: k('coaching.plan.editorTitle', { name: 'Mikko Laine' }) });
  const when = scheduling.getByLabel(k('coaching.plan.when', { name: 'Mikko Laine' }));
  await expect.poll(() => when.evaluate((input) => input === document.activeElement)).toBe(true);
  await expectAccessible(plan);
  // The rhythm another lead of the team set is this coach's too; this coach sets Mikko's, for the team.
  const liisaRow = plan.locator(`tr[data-agent="${people(lang).coached}"]`);
  expect(await liisaRow.textContent()).toContain(k('coaching.rhythm.60'));
  await scheduling.getByLabel(k('coaching.plan.rhythmOf', { name: 'Mikko Laine' })).selectOption('14');
  await expect.poll(() => row.textContent()).toContain(k('coaching.rhythm.14'));
  await when.fill('2027-01-15T09:30');
  await scheduling.getByRole('button', { name: k('coaching.plan.scheduleFor', { name: 'Mikko Laine' }) }).press('Enter');
  await scheduling.waitFor({ state: 'detached' });
  await expect.poll(() => openEditor.evaluate((button) => button === document.activeElement)).toBe(true);
  const icsButton = row.getByRole('button', { name: k('coaching.plan.ics', { name: 'Mikko Laine' }) });
  await icsButton.waitFor();
  const [download] = await Promise.all([plan.waitForEvent('download'), icsButton.click()]);
  const ics = await readFile((await download.path())!, 'utf8');
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
  expect(event.summary).toBe(k('coaching.ics.summary', { agent: 'Mikko Laine', coach: 'Tiina' }));
  expect(event.startDate.toJSDate().getTime()).toBe(await plan.evaluate(() => new Date('2027-01-15T09:30').getTime()));
  expect(event.organizer).toBe(`mailto:${coach}`);
  expect(event.attendees.map((a) => a.getFirstValue())).toEqual([`mailto:${agent}`]);

  // Preparing: the evidence since the last session is the score formula over the agent's reviews.
  await row.getByRole('button', { name: k('coaching.plan.prepareFor', { name: 'Mikko Laine' }) }).click();
  const session = plan;
  await session.locator('[data-testid="evidence"][data-state="ready"]').waitFor({ timeout: 15_000 });
  const scored = reviews.filter((r) => r.score !== null);
  const expected = qualityScore({ scored: scored.length, sum: scored.reduce((s, r) => s + r.score!, 0) })!;
  expect(await session.getByTestId('evidence-score').textContent()).toBe(formatPercent(lang, expected));
  expect(await session.locator('.evidence-review').count()).toBe(6);
  await session.getByText(k('coaching.previous.none')).waitFor();

  const pinned = [reviews[0]!, reviews[1]!];
  for (const r of pinned) await session.getByRole('button', { name: k('coaching.evidence.pinReview', { id: r.ticket.ticketId }) }).click();
  await session.getByRole('checkbox', { name: title('tone'), exact: true }).check();
  await session.getByRole('checkbox', { name: title('name'), exact: true }).check();
  const form = formTemplates.find((f) => f.language === lang)!;
  const successes = form.sections.flatMap((s) => s.fields).find((f) => f.id === 'successes')!;
  await session.getByLabel(successes.label, { exact: true }).fill('Calm with an angry customer');
  await session.getByRole('button', { name: k('coaching.actions.add') }).click();
  await session.getByRole('button', { name: k('coaching.actions.add') }).click();
  await session.getByLabel(k('coaching.actions.text', { n: 1 }), { exact: true }).fill('Greet every customer by name');
  await session.getByLabel(k('coaching.actions.text', { n: 2 }), { exact: true }).fill('Read the tone guide');
  await session.getByRole('textbox', { name: k('coaching.notes.title') }).fill('Private: tired this month');
  await expectAccessible(session);
  await session.getByRole('button', { name: k('coaching.session.hold') }).click();
  await session.getByRole('button', { name: k('coaching.session.saveHeld') }).waitFor();
  await expect.poll(() => session.getByRole('status').textContent()).toContain(k('coaching.session.saved', { at: '' }).trim());
  // "Saved" may still show an earlier autosave (the pins) while the held session waits for its save
  // (debounced): sync until the server has the held one.
  await expect
    .poll(
      async () => {
        await waitSynced(coachOptions, t);
        return (await serverDocs<CoachingSession>('coachingSessions', `AND owner = '${coach}'`))[0]?.status;
      },
      { timeout: 60_000 },
    )
    .toBe('held');
  const [held] = await serverDocs<CoachingSession>('coachingSessions', `AND owner = '${coach}'`);
  expect(held).toMatchObject({
    status: 'held',
    scheduledFor: new Date(event.startDate.toJSDate()).toISOString(),
    focus: [
      { scorecardId: card.id, criterionId: 'tone' },
      { scorecardId: card.id, criterionId: 'name' },
    ],
    evidence: pinned.map((r) => ({ kind: 'review', reviewId: r.id })),
    answers: [{ fieldId: 'successes', value: 'Calm with an angry customer' }],
  });
  const [settings] = await serverDocs<TeamSettings>('teamSettings', `AND id = '${teamSettingsId(teamIds[lang]!)}'`);
  expect(settings?.coachingRhythms).toEqual([
    { agent: people(lang).coached, days: 60 },
    { agent, days: 14 },
  ]);
  const actions = await serverDocs<CoachingAction>('coachingActions', `AND owner = '${coach}'`);
  expect(actions.map((a) => a.text).sort()).toEqual(['Greet every customer by name', 'Read the tone guide']);
  expect((await serverDocs<CoachingNotes>('coachingNotes', `AND owner = '${coach}'`)).map((n) => n.text)).toEqual(['Private: tired this month']);

  // The agent: My coaching shows the session and the actions; one is done, the session acknowledged.
  const agentBrowser = await launch(locale);
  // Without the team backend there is nothing of the coach's to show, and the page says why.
  const before = await agentBrowser.context.newPage();
  await before.goto(`chrome-extension://${agentBrowser.extensionId}/coaching.html#mine`);
  expect(await before.getByTestId('needs-backend').textContent()).toBe(k('coaching.mine.needsBackend'));
  await expectAccessible(before);
  await before.close();
  const agentOptions = await connect(agentBrowser, agent, t);
  const mine = await agentBrowser.context.newPage();
  // The page's own link (the dashboard's "Coaching") opens an agent's own coaching: no plan or forms of a coach.
  await mine.goto(`chrome-extension://${agentBrowser.extensionId}/coaching.html`);
  const views = mine.getByRole('navigation', { name: k('coaching.views') }).getByRole('link');
  await expect.poll(() => views.allTextContents(), { timeout: 10_000 }).toEqual([k('coaching.view.mine')]);
  const myActions = mine.getByTestId('my-actions').locator('li');
  await expect.poll(() => myActions.count(), { timeout: 15_000 }).toBe(2);
  const until = held!.period!.end;
  expect(await mine.getByTestId('focus').textContent()).toBe(k('coaching.focus.until', { day: formatDay(lang, until), criteria: `${title('tone')}, ${title('name')}` }));
  // The pinned review shows once the agent's Arvio has read it too, which may come after the actions.
  await expect.poll(() => mine.locator('[data-session] li').filter({ hasText: pinned[0]!.ticket.ticketId }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  // The team's coaching is its leads': the agent's dashboard has no coaching tab, even when asked for by link.
  const agentDash = await agentBrowser.context.newPage();
  await agentDash.goto(`chrome-extension://${agentBrowser.extensionId}/dashboard.html#coaching`);
  const tabs = agentDash.getByRole('tablist', { name: t('dashboard.view.label') });
  await agentDash.locator('nav[role="tablist"][aria-busy="false"]').waitFor();
  expect(await tabs.getByRole('tab').allTextContents()).not.toContain(k('dashboard.view.coaching'));
  expect(await tabs.getByRole('tab', { selected: true }).textContent()).toBe(t('dashboard.view.team'));
  expect(await agentDash.getByTestId('coaching-view').count()).toBe(0);
  // The header's way to the coaching page is named for where it leads, apart from the tabs: the agent's own coaching.
  expect(await agentDash.getByRole('banner').getByRole('link', { name: k('coaching.view.mine') }).getAttribute('href')).toBe('/coaching.html#mine');
  await agentDash.close();
  // The coach's private notes never reached this profile, nor another agent's coaching rhythm.
  expect(await localRows(mine, 'coachingNotes')).toEqual([]);
  expect((await localRows<TeamSettings>(mine, 'teamSettings')).map((s) => s.coachingRhythms)).toEqual([[{ agent, days: 14 }]]);
  expect(await mine.getByText('Private: tired this month').count()).toBe(0);
  await mine.getByLabel(k('coaching.mine.doneComment', { text: 'Greet every customer by name' })).fill('Every chat this week');
  await mine.getByRole('button', { name: k('coaching.mine.markDoneOf', { text: 'Greet every customer by name' }) }).click();
  await expect.poll(() => mine.locator('[data-testid="my-actions"] li[data-status="done"]').count()).toBe(1);
  await mine.getByLabel(k('coaching.mine.ackComment')).fill('Thanks!');
  await mine.getByRole('button', { name: k('coaching.mine.acknowledge') }).click();
  await mine.locator('.acknowledged').waitFor();
  await expectAccessible(mine);
  await waitSynced(agentOptions, t);
  // The agent's printable copy: the form, the focus and the actions on one page, no private notes. A real
  // talk leaves every field of the form answered, at some length: the coach's later edit of the held session
  // (on the server) writes them in, and the agent's profile syncs it.
  const longAnswers: Record<string, string> = {
    coachExpects: 'Answer every chat within two minutes, greet the customer by name and close each chat by checking that the question was really solved. Ask me when a case goes past what you can promise.',
    agentExpects: 'A short check-in every Monday, two of my chats reviewed each week with concrete examples, and help with the refund rules, which change often and which I still look up for almost every case.',
    inContact: 'I greet the customer by name, repeat the question in my own words before answering, and tell what happens next and when, so that nobody has to write again to ask whether anything is going on.',
    successes: 'Calm with an angry customer: the delivery had failed twice, I apologised once, explained the new date and the compensation clearly, and the customer thanked me at the end and gave five stars.',
    challenges: 'Long chats with several questions at once: I lose track and answer only the first one. Evenings with three chats open at a time are hard, and I sometimes copy a template that does not quite fit.',
    actionsNote: 'Greeting by name in every chat from now on; the tone guide read by the end of next week; the coach checks the refund templates with the product team and sends the new ones before the next talk.',
    followUp: 'Next talk in two weeks on Monday morning, 30 minutes. Before it the coach reviews four of my chats, two of them with several questions, and we go through them together with my self-checks.',
  };
  const answers = form.sections
    .flatMap((s) => s.fields)
    .map((f) => ({
      fieldId: f.id,
      value: f.kind === 'text' ? (longAnswers[f.id] ?? longAnswers.challenges!) : f.kind === 'number' ? 82 : f.kind === 'yesNo' ? true : f.options[1]!.id,
    }));
  const [stored] = await db.query<{ doc: CoachingSession; revision: number }>('SELECT doc, revision FROM docs WHERE collection = $1 AND id = $2', ['coachingSessions', held!.id]);
  const edited = { ...stored!.doc, answers, updatedAt: new Date().toISOString() };
  const edit = await push(db, (await findUserByEmail(db, coach))!, [{ collection: 'coachingSessions' as const, id: held!.id, baseRevision: stored!.revision, doc: edited }]);
  expect(edit.map((r) => r.status)).toEqual(['accepted']);
  await waitSynced(agentOptions, t);
  const printed = await agentBrowser.context.newPage();
  await printed.goto(`chrome-extension://${agentBrowser.extensionId}/coaching.html#print/${encodeURIComponent(held!.id)}`);
  await printed.getByRole('heading', { name: k('coaching.print.heading', { agent: 'Mikko Laine' }) }).waitFor();
  await printed.getByText(longAnswers.followUp!).waitFor();
  const sheet = (await printed.locator('main').textContent()) ?? '';
  const onSheet = ['Greet every customer by name', 'Read the tone guide', `${title('tone')}, ${title('name')}`, 'Thanks!', ...Object.values(longAnswers)];
  for (const text of onSheet) expect(sheet).toContain(text);
  expect(sheet).not.toContain('Private');
  await expectAccessible(printed);
  // Printed as Chromium prints it (A4, the page's own @page margins): one page.
  const pdf = await printed.pdf({ format: 'A4' });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);

  // While writing a reply: the self-check shows the focus first.
  const ticket = await agentBrowser.context.newPage();
  await ticket.goto(`${demo.url}/agent/tickets/102`);
  await toggleButton(ticket).waitFor();
  const editor = ticket.locator('[data-test-id="ticket-pane"]:not([hidden]) [data-test-id="omnicomposer-rich-text-ckeditor"]').first();
  await editor.click();
  await ticket.keyboard.type('hello, the app works again now');
  await expect.poll(() => ticket.locator('arvio-badge').getAttribute('data-count', { timeout: 1000 }).catch(() => null), { timeout: 5000 }).not.toBeNull();
  await ticket.locator('arvio-badge').click();
  const frame = await sidebarFrame(ticket);
  // An agent's sidebar is for their own replies: no review form or calibration (the server takes neither from them).
  const sidebarTabs = frame.getByRole('tablist', { name: k('tabs.label') }).getByRole('tab');
  await expect.poll(() => sidebarTabs.count(), { timeout: 10_000 }).toBe(4);
  expect(await frame.getByRole('tab', { selected: true }).getAttribute('id')).toBe('tab-selfcheck');
  expect((await sidebarTabs.evaluateAll((tabs) => tabs.map((tab) => tab.id))).sort()).toEqual(['tab-conversation', 'tab-history', 'tab-ideas', 'tab-selfcheck']);
  const focusLine = frame.getByTestId('coaching-focus');
  await expect.poll(() => focusLine.textContent(), { timeout: 10_000 }).toBe(k('coaching.sidebar.focus', { day: formatDay(lang, until), criteria: `${title('tone')}, ${title('name')}` }));
  const checklist = frame.locator('.selfcheck fieldset .criterion');
  expect(await checklist.nth(0).getAttribute('data-criterion')).toBe('name');
  expect(await checklist.nth(1).getAttribute('data-criterion')).toBe('tone');
  expect(await checklist.nth(0).getAttribute('data-focus')).toBe('true');
  expect(await checklist.nth(2).getAttribute('data-focus')).toBeNull();
  expect(await frame.locator('.hints > li').first().getAttribute('data-focus')).toBe('true');
  // The composer badge tells a hint touches the focus (the customer's name is not used).
  await expect.poll(async () => Number(await ticket.locator('arvio-badge').getAttribute('data-focus', { timeout: 1000 }).catch(() => '0')), { timeout: 10_000 }).toBeGreaterThan(0);
  await expectAccessible(frame);
  await expectAccessible(ticket, ['arvio-dock', 'arvio-badge']);

  // The coach: the plan shows one open action, the acknowledgement is in, and the next session opens with the previous actions.
  await waitSynced(coachOptions, t);
  await plan.goto(`chrome-extension://${coachBrowser.extensionId}/coaching.html#plan`);
  await expect.poll(() => plan.locator(`tr[data-agent="${agent}"]`).getByTestId('open-actions').textContent()).toContain(k('coaching.plan.openActions', { count: 1 }));
  const [acknowledged] = await serverDocs<CoachingSession>('coachingSessions', `AND owner = '${coach}'`);
  expect(acknowledged).toMatchObject({ agentComment: 'Thanks!' });
  expect(acknowledged!.acknowledgedAt).not.toBeNull();
  // …and the coach sees it: the plan says so, and the held session opens from the row with the agent's comment.
  const lastHeld = plan.locator(`tr[data-agent="${agent}"]`).getByTestId('last-held');
  expect(await lastHeld.textContent()).toContain(k('coaching.plan.acknowledged'));
  expect(await lastHeld.textContent()).not.toContain(k('coaching.plan.notAcknowledged'));
  await lastHeld.getByRole('link').click();
  await expect.poll(() => plan.locator(`article.session[data-session="${held!.id}"]`).textContent(), { timeout: 10_000 }).toContain('Thanks!');
  await plan.goto(`chrome-extension://${coachBrowser.extensionId}/coaching.html#plan`);
  await plan.locator(`tr[data-agent="${agent}"]`).getByRole('button', { name: k('coaching.plan.prepareFor', { name: 'Mikko Laine' }) }).click();
  const previous = plan.getByTestId('previous-actions');
  await previous.waitFor({ timeout: 15_000 });
  expect(await previous.locator('li[data-status="done"]').textContent()).toContain('Every chat this week');
  expect(await previous.locator('li[data-status="open"]').textContent()).toContain('Read the tone guide');

  // A review of the agent during the period: the review form marks the focus criteria.
  const review = await coachBrowser.context.newPage();
  await review.goto(`${demo.url}/agent/tickets/102`);
  await toggleButton(review).waitFor();
  if ((await toggleButton(review).getAttribute('aria-expanded')) !== 'true') await toggleButton(review).click();
  const reviewFrame = await sidebarFrame(review);
  await expect.poll(() => reviewFrame.locator('#reviewee').inputValue(), { timeout: 10_000 }).toBe(agent);
  await reviewFrame.getByRole('button', { name: t('review.start') }).click();
  await expect
    .poll(() => reviewFrame.getByTestId('reviewee-focus').textContent(), { timeout: 10_000 })
    .toBe(k('coaching.sidebar.reviewFocus', { name: 'Mikko Laine', day: formatDay(lang, until), criteria: `${title('tone')}, ${title('name')}` }));
  expect(await reviewFrame.locator('.criterion[data-focus]').evaluateAll((els) => els.map((e) => e.getAttribute('data-criterion')))).toEqual(['name', 'tone']);
  await expectAccessible(reviewFrame);

  // The dashboard's coaching view: one session held this month; of the actions whose day has come (the one
  // done; the other is not due yet), one done by its date.
  const dashboard = await coachBrowser.context.newPage();
  await dashboard.goto(`chrome-extension://${coachBrowser.extensionId}/dashboard.html#coaching`);
  const dashRow = dashboard.getByTestId('coaching-view').locator(`tr[data-agent="${agent}"]`);
  await dashRow.waitFor({ timeout: 15_000 });
  // Beside the Coaching tab (these figures), the header's link says where it leads: the coach's plan.
  expect(await dashboard.getByRole('banner').getByRole('link', { name: k('coaching.view.plan') }).getAttribute('href')).toBe('/coaching.html#plan');
  expect(await dashboard.getByRole('banner').getByRole('link', { name: k('dashboard.view.coaching'), exact: true }).count()).toBe(0);
  const cells = await dashRow.locator('td').allTextContents();
  expect(cells.slice(-3)).toEqual(['1', k('dashboard.coaching.ofActions', { done: 1, count: 1 }), '0']);
  // Months named as everywhere else in the dashboard ("Dec 2026", "joulu 2026"), this one last.
  const headers = await dashboard.getByTestId('coaching-view').locator('table').first().locator('thead th').allTextContents();
  expect(headers.at(-3)).toBe(formatMonth(lang, new Date().toISOString().slice(0, 7)));
  // Did it work? Liisa's finished period: the focus criterion before vs during and after it, by the score formula.
  const outcome = dashboard.getByRole('region', {
    name: k('dashboard.coaching.outcome', { name: 'Liisa Koski', from: formatDay(lang, finished.session.period!.start, true), to: formatDay(lang, finished.session.period!.end, true) }),
  });
  const side = (s: { mean: number; count: number }) => `${formatPercent(lang, s.mean)} (${k('coaching.ratings', { count: s.count })})`;
  expect(finished.before.count).toBeGreaterThanOrEqual(MIN_REVIEWS);
  expect(finished.after.count).toBeGreaterThanOrEqual(MIN_REVIEWS);
  expect(await outcome.locator('tr[data-criterion="tone"] td').allTextContents()).toEqual([side(finished.before), side(finished.after)]);
  await expectAccessible(dashboard);

  // The coaching forms and their editor.
  await plan.goto(`chrome-extension://${coachBrowser.extensionId}/coaching.html#forms`);
  await plan.getByRole('heading', { name: k('coaching.forms.title') }).waitFor();
  await expectAccessible(plan);
  await plan.getByRole('button', { name: k('coaching.forms.editOf', { name: form.name }) }).click();
  await plan.locator('#editor-title').waitFor();
  await expectAccessible(plan);
}

describe('coaching that closes the loop, coach and agent against the team backend', () => {
  it('in English', async () => {
    await story('en', 'en-US');
  });

  it('in Finnish', async () => {
    await story('fi', 'fi-FI');
  });
});
