// Team settings across browsers against the real server on PGlite: the lead (in Finnish) sets a 3-day
// dispute window and allows one reviewer to start calibration on the administration page, by keyboard;
// the agent's Arvio then refuses, with the reason, to dispute a 5-day-old review (and the server
// refuses it too) while a 1-day-old one can be disputed; the allowed reviewer starts a session from
// the sidebar; a reviewer not allowed is offered no start, in the sidebar or the dashboard.
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { translator } from '@/lib/i18n';
import { templates } from '@/lib/scorecards/templates';
import { maxValue } from '@/lib/scoring';
import type { CalibrationSession } from '../../lib/model/calibration';
import type { Review } from '../../lib/model/review';
import type { TeamSettings } from '../../lib/model/teamSettings';
import * as fixtures from '../../server/tests/helpers/docs';
import { addUser, createToken } from '../../server/src/admin';
import { expectAccessible, sidebarFrame, toggleButton, type ExtensionBrowser } from './harness';
import { AGENT, closeAfterEach, connected, launch, LEAD, pushReview, REVIEWER, startWorld, synced, type World } from './team-harness';

closeAfterEach();

const VILLE = 'ville@arvio.test';
const DAY = 86_400_000;
const en = translator('en');
const fi = translator('fi');
const card = templates.find((c) => c.id === 'tpl-chat-en')!;
const step = (what: string): void => void (process.env.ARVIO_E2E_STEPS && console.log(`team settings: ${what}`));

/** The reviewer's review of Mikko on a demo ticket, made `days` ago and received by the server then (its clock set back). */
async function reviewOfDaysAgo(w: World, ticketId: string, days: number): Promise<Review> {
  const ratings = card.criteria.map((c) => ({ criterionId: c.id, value: maxValue(c), na: false, comment: '' }));
  const review = await pushReview(w, { id: `review-${days}d`, ticketId, card, ratings, daysAgo: days });
  await w.db.query(`UPDATE docs SET received_at = now() - make_interval(days => $1) WHERE collection = 'reviews' AND id = $2`, [days, review.id]);
  return review;
}

/** The sidebar on a demo ticket, open. */
async function sidebarOn(b: ExtensionBrowser, w: World, ticketId: string): Promise<{ page: Page; frame: Frame }> {
  const page = await b.context.newPage();
  await page.goto(`${w.demo.url}/agent/tickets/${ticketId}`);
  await toggleButton(page).waitFor();
  if ((await toggleButton(page).getAttribute('aria-expanded')) !== 'true') await toggleButton(page).click();
  return { page, frame: await sidebarFrame(page) };
}

describe('team settings that a lead sets and the server enforces', () => {
  it('a 3-day dispute window and one reviewer allowed to calibrate hold for the agent and the reviewers', async () => {
    const w = await startWorld();
    await addUser(w.db, { email: VILLE, name: 'Ville', role: 'reviewer', teams: ['Support FI'] });
    w.tokens[VILLE] = (await createToken(w.db, VILLE)).token;
    const old = await reviewOfDaysAgo(w, '102', 5);
    await reviewOfDaysAgo(w, '102', 1);

    // The lead, in Finnish, on the administration page: by keyboard.
    const lead = await launch('fi-FI');
    const leadOptions = await connected(lead, w, fi, LEAD);
    const admin = await lead.context.newPage();
    await admin.goto(`chrome-extension://${lead.extensionId}/admin.html`);
    const form = admin.getByRole('form', { name: fi('teamSettings.title') });
    const windowDays = form.getByLabel(fi('teamSettings.window'));
    await expect.poll(() => windowDays.inputValue()).toBe('14');
    await windowDays.focus();
    await admin.keyboard.press('Control+A');
    await admin.keyboard.type('3');
    const starters = form.getByRole('group', { name: fi('teamSettings.starters') });
    expect(await starters.getByRole('checkbox').count()).toBe(2);
    await starters.getByRole('checkbox', { name: new RegExp(REVIEWER.replace('.', '\\.')) }).focus();
    await admin.keyboard.press('Space');
    await windowDays.focus();
    await admin.keyboard.press('Enter');
    await form.getByRole('status').filter({ hasText: fi('teamSettings.saved', { team: 'Support FI' }) }).waitFor();
    await expectAccessible(admin);
    await synced(leadOptions, fi);
    const [settings] = await w.db.query<{ doc: TeamSettings }>("SELECT doc FROM docs WHERE collection = 'teamSettings'");
    expect(settings!.doc).toMatchObject({ team: w.teamId, disputeWindowDays: 3, calibrationStarters: [REVIEWER], updatedBy: { id: LEAD } });

    step('the lead saved the settings');
    // The agent: the 5-day-old review is past the window, with the reason; the 1-day-old one can be disputed.
    const agent = await launch('en-US');
    await connected(agent, w, en, AGENT);
    const { frame: agentFrame } = await sidebarOn(agent, w, '102');
    await agentFrame.getByRole('tab', { name: `${en('tabs.history')} 2` }).click();
    const [reasonStart] = en('teamSettings.windowClosed', { days: 3, date: '\u0000' }).split('\u0000');
    await expect.poll(() => agentFrame.locator('.dispute-closed').allTextContents()).toEqual([expect.stringContaining(reasonStart!)]);
    expect(await agentFrame.getByRole('button', { name: en('disputes.open') }).count()).toBe(1);
    await expectAccessible(agentFrame);
    // The server refuses the old one too, whatever the agent's Arvio would send.
    const forged = fixtures.dispute(old.id, AGENT, REVIEWER, { team: w.teamId, openedAt: new Date(Date.now() - 4 * DAY).toISOString() });
    const refused = await fetch(`${w.server.url}/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.tokens[AGENT]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ changes: [{ collection: 'disputes', id: forged.id, baseRevision: null, doc: forged }] }),
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('window to dispute this review has closed (3 days');
    // Nor is the agent offered a calibration start: an agent's sidebar has no calibration (nor review) tab.
    await agentFrame.locator('#tab-selfcheck').waitFor();
    expect(await agentFrame.getByRole('tab', { name: en('tabs.calibration') }).count()).toBe(0);
    expect(await agentFrame.getByRole('tab', { name: en('tabs.review'), exact: true }).count()).toBe(0);
    expect(await agentFrame.getByRole('button', { name: en('calibration.start.open') }).count()).toBe(0);

    step('the agent was refused');
    // A reviewer the lead did not allow: no start in the sidebar nor in the dashboard.
    const ville = await launch('en-US');
    await connected(ville, w, en, VILLE);
    const { frame: villeFrame } = await sidebarOn(ville, w, '102');
    await villeFrame.getByRole('tab', { name: en('tabs.calibration') }).click();
    await villeFrame.getByRole('heading', { name: en('calibration.waiting.title') }).waitFor();
    expect(await villeFrame.getByRole('button', { name: en('calibration.start.open') }).count()).toBe(0);
    const villeDash = await ville.context.newPage();
    await villeDash.goto(`chrome-extension://${ville.extensionId}/dashboard.html#calibration`);
    await villeDash.getByRole('heading', { name: en('calibration.dash.title') }).waitFor();
    expect(await villeDash.getByText(en('calibration.dash.start')).count()).toBe(0);

    step('the reviewer not allowed has no start');
    // The allowed reviewer starts a session from the sidebar, and the server takes it.
    const aino = await launch('en-US');
    const ainoOptions = await connected(aino, w, en, REVIEWER);
    const ainoDash = await aino.context.newPage();
    await ainoDash.goto(`chrome-extension://${aino.extensionId}/dashboard.html#calibration`);
    await ainoDash.getByText(en('calibration.dash.start')).waitFor();
    const { frame } = await sidebarOn(aino, w, '102');
    await frame.getByRole('tab', { name: en('tabs.calibration') }).click();
    await frame.getByRole('button', { name: en('calibration.start.open') }).click();
    await frame.locator('#cal-card').selectOption(`${card.id}@${card.version}`);
    for (const email of [REVIEWER, VILLE]) await frame.getByRole('checkbox', { name: new RegExp(email.replace('.', '\\.')) }).check();
    await frame.getByRole('button', { name: en('calibration.start.submit') }).click();
    await frame.getByRole('status').filter({ hasText: en('calibration.start.started') }).waitFor();
    await synced(ainoOptions, en);
    const sessions = await w.db.query<{ doc: CalibrationSession }>("SELECT doc FROM docs WHERE collection = 'calibrationSessions'");
    expect(sessions.map((s) => [s.doc.startedBy, s.doc.team, s.doc.participants])).toEqual([[REVIEWER, w.teamId, [REVIEWER, VILLE]]]);
  }, 420_000);
});
