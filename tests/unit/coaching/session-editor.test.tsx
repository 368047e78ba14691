// The session page while the coach writes: what is still waiting to be saved is saved when the coach
// leaves the session, and what the agent does meanwhile (acknowledging, marking an action done) shows
// on the open page and is never undone by its next save.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import {
  acknowledgeSession,
  formTemplates,
  getNotes,
  markActionDone,
  newCoachingAction,
  newCoachingSession,
  periodOf,
  saveSession,
} from '@/lib/coaching';
import type { ArvioDb } from '@/lib/db';
import type { CoachingSession } from '@/lib/model/coaching';
import { newDraftFrom, publish } from '@/lib/scorecards';
import type { Roster } from '@/lib/sync';
import { MyCoaching } from '@/entrypoints/coaching/MyCoaching';
import { SessionPage } from '@/entrypoints/coaching/SessionPage';
import { freshDb } from '../db/fresh';
import { AGENT, card, COACH } from './fixtures';

let database: ArvioDb;

beforeEach(() => {
  database = freshDb('session-editor');
});
afterEach(async () => {
  cleanup();
  // What the page started is done before the database closes: a read-write transaction over every table
  // begins only after the transactions before it end.
  await database.transaction('rw', database.tables, async () => undefined);
});

// Held today: its period runs, so the page reads no before/after figures beside what is tested.
const HELD_AT = new Date().toISOString();

async function openHeldSession(): Promise<CoachingSession> {
  const base = newCoachingSession({ id: 'cs-1', team: null, coach: COACH, agent: AGENT, form: formTemplates[1]!, scheduledFor: null, now: new Date(HELD_AT) });
  const session: CoachingSession = { ...base, status: 'held', heldAt: HELD_AT, focus: [{ scorecardId: card.id, criterionId: 'tone' }], period: periodOf(HELD_AT.slice(0, 10)) };
  const action = newCoachingAction(session, { id: 'a1', text: 'Greet by name', assignee: 'agent', due: HELD_AT.slice(0, 10), now: new Date(HELD_AT) });
  await saveSession(session, [action], null);
  render(
    <I18nProvider fixed="en">
      <SessionPage id="cs-1" who={{ me: COACH, roster: null, cards: [card] }} me={COACH} />
    </I18nProvider>,
  );
  await screen.findByRole('textbox', { name: 'Private notes' });
  await evidenceShown();
  return session;
}

/** The page's own first reads done: its evidence shown. */
async function evidenceShown(): Promise<void> {
  await waitFor(() => expect(document.querySelector('[data-testid="evidence"][data-state="ready"]')).not.toBeNull());
}

describe('the session page', () => {
  it('saves the notes still waiting when the coach leaves the session at once', async () => {
    await openHeldSession();
    fireEvent.input(screen.getByRole('textbox', { name: 'Private notes' }), { target: { value: 'Tired this month' } });
    // Away before the autosave's pause is over: another view unmounts the page.
    cleanup();
    await waitFor(async () => expect((await getNotes('cs-1'))?.text).toBe('Tired this month'));
  });

  it('shows the agent’s acknowledgement and done action as they arrive, and its next save keeps them', async () => {
    await openHeldSession();
    await acknowledgeSession('cs-1', 'Thanks', new Date(Date.parse(HELD_AT) + 60_000));
    await markActionDone('a1', AGENT, 'Every call', new Date(Date.parse(HELD_AT) + 60_000));
    await screen.findByText(/Acknowledged by the agent/);
    await waitFor(() => expect(document.querySelector('[data-action="a1"]')?.textContent).toContain('Done'));

    fireEvent.input(screen.getByRole('textbox', { name: 'Private notes' }), { target: { value: 'Good month' } });
    await waitFor(async () => expect((await getNotes('cs-1'))?.text).toBe('Good month'));
    expect(await database.coachingSessions.get('cs-1')).toMatchObject({ acknowledgedAt: new Date(Date.parse(HELD_AT) + 60_000).toISOString(), agentComment: 'Thanks' });
    expect(await database.coachingActions.get('a1')).toMatchObject({ status: 'done', doneComment: 'Every call' });
  });

  it('writes the private notes only when they change, not with every autosave of the rest', async () => {
    await openHeldSession();
    fireEvent.input(screen.getByRole('textbox', { name: 'Private notes' }), { target: { value: 'Tired this month' } });
    await waitFor(async () => expect((await getNotes('cs-1'))?.text).toBe('Tired this month'));
    const written = (await getNotes('cs-1'))!.updatedAt;
    fireEvent.input(screen.getByRole('textbox', { name: 'Action 1' }), { target: { value: 'Greet every customer by name' } });
    await waitFor(async () => expect((await database.coachingActions.get('a1'))?.text).toBe('Greet every customer by name'));
    expect((await getNotes('cs-1'))!.updatedAt).toBe(written);
  });

  it('offers a team’s edit of a built-in for the focus in the built-in’s place, with the criteria of a focus set on the built-in', async () => {
    const ours = publish(newDraftFrom(card, new Date(), 'team-a'), new Date(), 'team-a');
    const base = newCoachingSession({ id: 'cs-3', team: null, coach: COACH, agent: AGENT, form: formTemplates[1]!, scheduledFor: null, now: new Date() });
    await saveSession({ ...base, focus: [{ scorecardId: card.id, criterionId: 'tone' }] }, [], null);
    render(
      <I18nProvider fixed="en">
        <SessionPage id="cs-3" who={{ me: COACH, roster: null, cards: [card, ours] }} me={COACH} />
      </I18nProvider>,
    );
    const picker = (await screen.findByRole('combobox', { name: 'Scorecard' })) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.value)).toEqual([ours.id]);
    expect(picker.value).toBe(ours.id);
    expect(screen.getByRole('group', { name: 'Criteria' }).querySelectorAll('input[type="checkbox"]')).toHaveLength(ours.criteria.length);
    await evidenceShown();
  });

  it('keeps the period length chosen while preparing, so holding the session later uses it', async () => {
    const planned = newCoachingSession({ id: 'cs-2', team: null, coach: COACH, agent: AGENT, form: formTemplates[1]!, scheduledFor: null, now: new Date() });
    await saveSession(planned, [], null);
    const show = () =>
      render(
        <I18nProvider fixed="en">
          <SessionPage id="cs-2" who={{ me: COACH, roster: null, cards: [card] }} me={COACH} />
        </I18nProvider>,
      );
    show();
    fireEvent.change(await screen.findByRole('combobox', { name: 'Length' }), { target: { value: '2' } });
    await waitFor(async () => expect((await database.coachingSessions.get('cs-2'))?.period).toEqual(periodOf(new Date().toISOString().slice(0, 10), 2)));
    cleanup();
    show();
    expect(((await screen.findByRole('combobox', { name: 'Length' })) as HTMLSelectElement).value).toBe('2');
    await evidenceShown();
  });
});

describe('the comment on an action done', () => {
  it('is quoted the way the reader’s language quotes: ”…” for a Finnish coach, “…” in English', async () => {
    const earlier = new Date(Date.parse(HELD_AT) - 14 * 86_400_000).toISOString();
    const before = newCoachingSession({ id: 'cs-0', team: null, coach: COACH, agent: AGENT, form: formTemplates[0]!, scheduledFor: null, now: new Date(earlier) });
    const focus = [{ scorecardId: card.id, criterionId: 'tone' }];
    const held = { ...before, status: 'held' as const, heldAt: earlier, focus, period: periodOf(earlier.slice(0, 10)) };
    await saveSession(held, [newCoachingAction(held, { id: 'a0', text: 'Tervehdi nimellä', assignee: 'agent', due: earlier.slice(0, 10), now: new Date(earlier) })], null);
    await markActionDone('a0', AGENT, 'Joka puhelussa', new Date(earlier));
    const now = newCoachingSession({ id: 'cs-1', team: null, coach: COACH, agent: AGENT, form: formTemplates[0]!, scheduledFor: null, now: new Date(HELD_AT) });
    await saveSession({ ...now, status: 'held', heldAt: HELD_AT, focus, period: periodOf(HELD_AT.slice(0, 10)) }, [], null);
    const previous = async (lang: 'en' | 'fi') => {
      cleanup();
      render(
        <I18nProvider fixed={lang}>
          <SessionPage id="cs-1" who={{ me: COACH, roster: null, cards: [card] }} me={COACH} />
        </I18nProvider>,
      );
      await evidenceShown();
      return (await screen.findByTestId('previous-actions')).textContent;
    };
    expect(await previous('fi')).toContain(' · ”Joka puhelussa”');
    expect(await previous('en')).toContain(' · “Joka puhelussa”');

    // The agent's own list of actions quotes it the same way.
    const roster: Roster = { me: { email: AGENT.id, name: AGENT.name, role: 'agent' }, members: [] };
    const mine = async (lang: 'en' | 'fi') => {
      cleanup();
      render(
        <I18nProvider fixed={lang}>
          <MyCoaching who={{ me: AGENT, roster, cards: [card] }} />
        </I18nProvider>,
      );
      return (await screen.findByTestId('my-actions')).textContent;
    };
    expect(await mine('fi')).toContain(' · ”Joka puhelussa”');
    expect(await mine('en')).toContain(' · “Joka puhelussa”');
  });
});
