// The dashboard's coaching tab: the filters it reads (months, team, agent) are there to change, opened from
// a link too; and a month short of the agent's rhythm says so in words and a mark, not by colour alone.
import { render as preactRender } from 'preact';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { formTemplates, newCoachingSession, periodOf, saveSession } from '@/lib/coaching';
import type { DashboardFilter, FilterOptions } from '@/lib/dashboard';
import { ArvioDb, useDatabase } from '@/lib/db';
import { submitReview } from '@/lib/db/reviews';
import type { CoachingSession } from '@/lib/model/coaching';
import type { Person } from '@/lib/model/review';
import { BACKEND_KEY, docHash } from '@/lib/sync';
import { ROSTER_KEY } from '@/lib/sync/roster-store';
import { CoachingView } from '@/entrypoints/dashboard/CoachingView';
import { AGENT, COACH, OTHER, card, reviewAt } from '../coaching/fixtures';

const THIRD = { id: 'pekka@arvio.test', name: 'Pekka' };

/** The month `back` months before this one, as the view names months (YYYY-MM). */
function monthsAgo(back: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
}
const LAST = monthsAgo(1);
const BEFORE = monthsAgo(2);

function held(id: string, day: string, agent: Person): CoachingSession {
  const at = `${day}T09:00:00.000Z`;
  return { ...newCoachingSession({ id, team: null, coach: COACH, agent, form: formTemplates[1]!, scheduledFor: null, now: new Date(at) }), status: 'held', heldAt: at, period: periodOf(day), focus: [{ scorecardId: card.id, criterionId: card.criteria[0]!.id }] };
}

let database: ArvioDb;
beforeEach(() => {
  database = new ArvioDb(`coaching-tab-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  useDatabase(database);
});
afterEach(async () => {
  cleanup();
  await database.delete();
});

/** A lead of two teams: "Tuki" is Mikko and Liisa, "Myynti" is Pekka. Each agent has a review; Mikko was coached last month. */
async function seed(): Promise<void> {
  const backend = { url: 'https://arvio.example.com', token: 'arv_lead' };
  const member = (p: Person, role: 'agent' | 'lead', teams: string[]) => ({ email: p.id, name: p.name, role, teams });
  const members = [member(AGENT, 'agent', ['Tuki']), member(OTHER, 'agent', ['Tuki']), member(THIRD, 'agent', ['Myynti']), member(COACH, 'lead', ['Tuki', 'Myynti'])];
  await database.settings.bulkPut([
    { key: BACKEND_KEY, value: backend },
    { key: ROSTER_KEY, value: { url: backend.url, tokenHash: docHash(backend.token), fetchedAt: 0, me: members[3], members } },
  ]);
  await database.scorecards.put(card);
  for (const [i, agent] of [AGENT, OTHER, THIRD].entries()) await submitReview(reviewAt(`r${i}`, `${LAST}-10T10:00:00.000Z`, 2, agent), null);
  await saveSession(held('s1', `${LAST}-15`, AGENT), [], null);
}

const rowsShown = () => [...document.querySelectorAll('[data-testid="coaching-view"] tbody tr')].map((tr) => tr.getAttribute('data-agent'));

describe('the dashboard’s coaching tab', () => {
  it('opened from a link, offers the months, the team and the agent (not the filters it ignores); the agent narrows the rows', async () => {
    await seed();
    const app = document.createElement('div');
    app.id = 'app';
    document.body.append(app);
    location.hash = '#coaching';
    try {
      await import('@/entrypoints/dashboard/main');
      const filters = await screen.findByRole('form', { name: 'Filters' });
      await waitFor(() => expect(rowsShown()).toEqual([OTHER.id, AGENT.id, THIRD.id]));
      const f = within(filters);
      expect(f.getByLabelText('From month')).toBeTruthy();
      expect(f.getByLabelText('To month')).toBeTruthy();
      for (const ignored of ['Trend by', 'Reviewer', 'Scorecard', 'Channel', 'Helpdesk']) expect(f.queryByLabelText(ignored)).toBeNull();

      const team = f.getByLabelText('Team') as HTMLSelectElement;
      expect([...team.options].map((o) => o.value)).toEqual(['', 'Myynti', 'Tuki']);
      fireEvent.change(team, { target: { value: 'Tuki' } });
      await waitFor(() => expect(rowsShown()).toEqual([OTHER.id, AGENT.id]));

      const agent = f.getByLabelText('Agent') as HTMLSelectElement;
      expect([...agent.options].map((o) => o.value)).toEqual(['', OTHER.id, AGENT.id]);
      fireEvent.change(agent, { target: { value: AGENT.id } });
      await waitFor(() => expect(rowsShown()).toEqual([AGENT.id]));

      // The months: from last month, two columns (last month and this one).
      fireEvent.change(f.getByLabelText('From month'), { target: { value: LAST } });
      await waitFor(() => expect(screen.getByTestId('coaching-view').querySelectorAll('thead th')).toHaveLength(1 + 2 + 2));
    } finally {
      preactRender(null, app);
      app.remove();
      location.hash = '';
    }
  });
});

describe('a month short of the rhythm', () => {
  const filter: DashboardFilter = { from: BEFORE, to: LAST, granularity: 'month', team: null, agent: null, reviewer: null, scorecard: null, channel: null, helpdesk: null };
  const options: FilterOptions = { teams: [], agents: [{ ...AGENT, count: 1 }], reviewers: [], scorecards: [], channels: [], helpdesks: [] };
  const show = (lang: 'en' | 'fi') =>
    render(
      <I18nProvider fixed={lang}>
        <CoachingView filter={filter} options={options} cards={[card]} />
      </I18nProvider>,
    );

  it('says so in words a screen reader reads, with a mark the note explains; a month on the rhythm does not', async () => {
    await saveSession(held('s1', `${LAST}-15`, AGENT), [], null);
    show('en');
    const row = (await screen.findByRole('rowheader', { name: AGENT.name })).closest('tr')!;
    await waitFor(() => expect(within(row).getAllByRole('cell')[1]!.textContent).toContain('1'));
    const [short, kept] = within(row).getAllByRole('cell');
    // No session the month before last: short of the monthly rhythm.
    expect(within(short!).getByText('below rhythm')).toBeTruthy();
    expect(within(row).getByRole('cell', { name: '0 below rhythm' })).toBe(short);
    expect(short!.querySelector('[aria-hidden="true"]')?.textContent).toBe('▼');
    // Last month's session kept the rhythm.
    expect(within(kept!).queryByText('below rhythm')).toBeNull();
    expect(kept!.textContent).toBe('1');
    expect(within(row).getAllByText('below rhythm')).toHaveLength(1);
    // The note under the table is the mark's key.
    expect(screen.getByText(/A past month is marked when it fell short/).textContent).toMatch(/^▼ A past month is marked/);
  });

  it('in Finnish too', async () => {
    show('fi');
    const row = (await screen.findByRole('rowheader', { name: AGENT.name })).closest('tr')!;
    expect(within(row).getAllByText('alle rytmin')).toHaveLength(2);
  });
});
