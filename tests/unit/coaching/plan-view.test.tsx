// The coach's plan: rows of text and buttons only (no date-time input or select in each of 50 rows);
// the next session's time and the agent's rhythm in one editor opened from the row, by keyboard.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { acknowledgeSession, formTemplates, getRhythms, newCoachingSession, periodOf, plannedSessions, saveSession } from '@/lib/coaching';
import { ArvioDb, useDatabase } from '@/lib/db';
import { BACKEND_KEY } from '@/lib/db/database';
import { withRhythm } from '@/lib/teamSettings';
import type { Roster } from '@/lib/sync/roster';
import { PlanView } from '@/entrypoints/coaching/PlanView';

/** A coach's planned sessions. */
const plannedBy = async (coachId: string) => (await plannedSessions()).filter((s) => s.coach.id === coachId);

const COACH = { id: 'tiina@arvio.test', name: 'Tiina' };
const AGENTS = [
  { id: 'mikko@arvio.test', name: 'Mikko Laine' },
  { id: 'liisa@arvio.test', name: 'Liisa Koski' },
];
const roster: Roster = { me: { email: COACH.id, name: COACH.name, role: 'lead' }, members: AGENTS.map((a) => ({ email: a.id, name: a.name, role: 'agent' })) };
let database: ArvioDb;

beforeEach(() => {
  database = new ArvioDb(`plan-view-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  useDatabase(database);
});
afterEach(async () => {
  cleanup();
  await database.delete();
});

function showPlan(shown: Roster = roster): void {
  render(
    <I18nProvider fixed="en">
      <PlanView who={{ me: COACH, roster: shown, cards: [] }} me={COACH} />
    </I18nProvider>,
  );
}

describe('the coaching plan', () => {
  it('lists each agent with text and buttons only; scheduling opens one editor, focused, and gives the focus back', async () => {
    showPlan();
    const row = (await screen.findByText('Mikko Laine')).closest('tr')!;
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    // No input or select in any row: they are what made 50 rows slow to lay out.
    for (const r of rows) expect(r.querySelectorAll('input, select, textarea')).toHaveLength(0);
    expect(within(row).getByText('Monthly')).toBeTruthy();

    const open = within(row).getByRole('button', { name: 'Schedule a session or set the rhythm for Mikko Laine' });
    fireEvent.click(open);
    const editor = screen.getByRole('form', { name: 'Next session with Mikko Laine' });
    expect(open.getAttribute('aria-expanded')).toBe('true');
    const when = within(editor).getByLabelText('Time of the next session with Mikko Laine');
    await waitFor(() => expect(document.activeElement).toBe(when));
    // One editor in the whole plan.
    expect(document.querySelectorAll('input[type="datetime-local"]')).toHaveLength(1);

    fireEvent.change(within(editor).getByLabelText('Coaching rhythm of Mikko Laine'), { target: { value: '14' } });
    await waitFor(async () => expect(await getRhythms()).toEqual({ 'mikko@arvio.test': 14 }));
    await waitFor(() => expect(within(row).getByText('Every 2 weeks')).toBeTruthy());

    fireEvent.input(when, { target: { value: '2027-01-15T09:30' } });
    fireEvent.submit(editor);
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(document.activeElement).toBe(open);
    const planned = await plannedBy(COACH.id);
    expect(planned.map((s) => [s.agent.id, s.scheduledFor])).toEqual([['mikko@arvio.test', new Date('2027-01-15T09:30').toISOString()]]);
    expect(await within(row).findByRole('button', { name: 'Calendar file for Mikko Laine' })).toBeTruthy();
  });

  it('closes the editor with Escape without scheduling anything', async () => {
    showPlan();
    const row = (await screen.findByText('Liisa Koski')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Schedule a session or set the rhythm for Liisa Koski' }));
    const editor = screen.getByRole('form', { name: 'Next session with Liisa Koski' });
    fireEvent.keyDown(within(editor).getByLabelText('Time of the next session with Liisa Koski'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(await plannedBy(COACH.id)).toEqual([]);
  });

  it('takes the coach back to each agent’s last held session, and says whether the agent has acknowledged it', async () => {
    const held = (id: string, agent: (typeof AGENTS)[number]) => ({
      ...newCoachingSession({ id, team: null, coach: COACH, agent, form: formTemplates[1]!, scheduledFor: null, now: new Date('2026-11-02T09:00:00.000Z') }),
      status: 'held' as const,
      heldAt: '2026-11-02T09:00:00.000Z',
      focus: [{ scorecardId: 'tpl-chat-en', criterionId: 'tone' }],
      period: periodOf('2026-11-02'),
    });
    await saveSession(held('cs-mikko', AGENTS[0]!), [], null);
    await saveSession(held('cs-liisa', AGENTS[1]!), [], null);
    await acknowledgeSession('cs-mikko', '', new Date('2026-11-03T08:00:00.000Z'));
    showPlan();
    const link = await screen.findByRole('link', { name: 'Open the last session with Mikko Laine, 2 Nov 2026' });
    expect(link.getAttribute('href')).toBe('#session/cs-mikko');
    const mikko = link.closest('tr')!;
    expect(within(mikko).getByTestId('last-held').textContent).toMatch(/^2 Nov 2026acknowledged$/);
    const liisa = screen.getByRole('link', { name: 'Open the last session with Liisa Koski, 2 Nov 2026' }).closest('tr')!;
    expect(within(liisa).getByTestId('last-held').textContent).toContain('not acknowledged yet');
  });

  it('counts the agent’s last session whoever held it, and names the coach when it was another', async () => {
    const other = { id: 'leena@arvio.test', name: 'Leena' };
    const heldBy = (id: string, coach: typeof COACH, agent: (typeof AGENTS)[number], day: string) => ({
      ...newCoachingSession({ id, team: null, coach, agent, form: formTemplates[1]!, scheduledFor: null, now: new Date(`${day}T09:00:00.000Z`) }),
      status: 'held' as const,
      heldAt: `${day}T09:00:00.000Z`,
      focus: [{ scorecardId: 'tpl-chat-en', criterionId: 'tone' }],
      period: periodOf(day),
    });
    await saveSession(heldBy('cs-mine', COACH, AGENTS[0]!, '2026-10-01'), [], null);
    await saveSession(heldBy('cs-theirs', other, AGENTS[0]!, '2026-11-02'), [], null);
    // Leena has also scheduled the next one: this coach sees it and its day, not a day by the rhythm.
    await saveSession(newCoachingSession({ id: 'cs-next', team: null, coach: other, agent: AGENTS[0]!, form: formTemplates[1]!, scheduledFor: '2027-01-11T09:00:00.000Z', now: new Date('2026-11-03T09:00:00.000Z') }), [], null);
    showPlan();
    const link = await screen.findByRole('link', { name: 'Open the last session with Mikko Laine, 2 Nov 2026' });
    expect(link.closest('td')!.textContent).toContain('held by Leena');
    expect(within(link.closest('tr')!).getByTestId('next-due').textContent).toBe('11 Jan 2027 · scheduled by Leena');
    // Preparing a session of this coach's own does not take over Leena's.
    fireEvent.click(within(link.closest('tr')!).getByRole('button', { name: 'Prepare session with Mikko Laine' }));
    await waitFor(async () => expect((await plannedBy(COACH.id)).map((s) => s.agent.id)).toEqual([AGENTS[0]!.id]));
    expect((await plannedBy(other.id)).map((s) => s.id)).toEqual(['cs-next']);
  });

  it('with a team backend, keeps the rhythm in the team’s settings (synced, every lead of the team reads it), not in the profile', async () => {
    await database.settings.put({ key: BACKEND_KEY, value: { url: 'https://arvio.example.com', token: 'arv_test' } });
    const teamRoster: Roster = {
      me: { email: COACH.id, name: COACH.name, role: 'lead' },
      members: AGENTS.map((a) => ({ email: a.id, name: a.name, role: 'agent', teams: ['Finland'] })),
      teams: [{ id: 't-fi', name: 'Finland', role: 'lead' }],
    };
    // What another lead of the team set, as pulled; and a rhythm this profile kept before it had a backend.
    await database.teamSettings.put(withRhythm(undefined, 't-fi', 'liisa@arvio.test', 60, { id: 'leena@arvio.test', name: 'Leena' }, new Date('2026-11-01T08:00:00.000Z')));
    await database.settings.put({ key: 'coaching.rhythm', value: { 'mikko@arvio.test': 21 } });
    showPlan(teamRoster);
    const liisa = (await screen.findByText('Liisa Koski')).closest('tr')!;
    expect(within(liisa).getByText('Every 2 months')).toBeTruthy();
    const mikko = screen.getByText('Mikko Laine').closest('tr')!;
    expect(within(mikko).getByText('Every 3 weeks')).toBeTruthy();

    fireEvent.click(within(mikko).getByRole('button', { name: 'Schedule a session or set the rhythm for Mikko Laine' }));
    const editor = screen.getByRole('form', { name: 'Next session with Mikko Laine' });
    fireEvent.change(within(editor).getByLabelText('Coaching rhythm of Mikko Laine'), { target: { value: '14' } });
    await waitFor(() => expect(within(mikko).getByText('Every 2 weeks')).toBeTruthy());
    const settings = await database.teamSettings.get('settings|t-fi');
    expect(settings?.coachingRhythms).toEqual([
      { agent: 'liisa@arvio.test', days: 60 },
      { agent: 'mikko@arvio.test', days: 14 },
    ]);
    expect(settings?.updatedBy).toEqual(COACH);
    expect((await database.outbox.toArray()).map((r) => [r.collection, r.docId])).toEqual([['teamSettings', 'settings|t-fi']]);
    // The profile's own rhythm went with it: back to monthly is monthly, not the old 3 weeks showing through.
    expect((await database.settings.get('coaching.rhythm'))?.value).toEqual({});
    fireEvent.change(within(editor).getByLabelText('Coaching rhythm of Mikko Laine'), { target: { value: '30' } });
    await waitFor(() => expect(within(mikko).getByText('Monthly')).toBeTruthy());
    expect(await getRhythms()).toEqual({ 'liisa@arvio.test': 60 });
  });
});
