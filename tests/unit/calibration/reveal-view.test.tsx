// The reveal of a whole session: its summary on the first screen, each ticket's ratings in a disclosure
// built when opened, and participants named only as the facilitator chose.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { participantLabel, RevealView } from '@/components/calibration/RevealView';
import { newCalibrationRatings, newCalibrationSession, reveal, revealFigures, shownParticipants } from '@/lib/calibration';
import { templates } from '@/lib/scorecards/templates';

afterEach(() => cleanup());

const card = templates.find((t) => t.id === 'tpl-chat-en')!;
const people = ['a@arvio.test', 'b@arvio.test', 'c@arvio.test'];
const now = new Date('2026-03-09T10:00:00.000Z');
const started = newCalibrationSession(
  {
    id: 'cal-view',
    team: 'team-a',
    title: 'March',
    startedBy: people[0]!,
    facilitator: people[0]!,
    card,
    tickets: ['101', '102', '103'].map((ticketId) => ({ helpdesk: 'zendesk', ticketId, url: '', subject: '', channel: 'chat' as const })),
    participants: people,
    deadline: now,
    hideAgent: true,
    namesShown: false,
    revealMode: 'facilitator-reveals',
  },
  now,
);
const session = reveal(started, now);
const ratings = people.flatMap((p, pi) =>
  session.tickets.map(({ ticketKey }) => {
    const doc = newCalibrationRatings(session, p, ticketKey, card, now);
    return { ...doc, submittedAt: now.toISOString(), ratings: doc.ratings.map((r) => ({ ...r, value: pi % 2 })) };
  }),
);

function shown(me: string): void {
  const labels = shownParticipants(session, { me, lead: false }).map((p) => participantLabel((key, params) => `${key}:${params?.n ?? ''}`, p, (email) => email.split('@')[0]!));
  render(
    <I18nProvider fixed="en">
      <RevealView session={session} card={card} figures={revealFigures(session, card, ratings)} labels={labels} ticketKeys={session.tickets.map((t) => t.ticketKey)} />
    </I18nProvider>,
  );
}

describe('the reveal of a whole session', () => {
  it('shows the session summary and the first ticket; the others’ tables are built when their disclosure opens', async () => {
    shown(people[0]!);
    expect(screen.getByTestId('session-alpha')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Agreement per criterion' })).getAllByRole('row')).toHaveLength(1 + card.criteria.length);
    // Each participant's review score per ticket, and the agreed ratings' row.
    const scores = screen.getByRole('table', { name: 'Review score per participant' });
    expect(within(scores).getAllByRole('row')).toHaveLength(1 + people.length + 1);
    expect(within(scores).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Reviewer', 'Ticket #101', 'Ticket #102', 'Ticket #103']);
    expect(screen.getByRole('table', { name: 'Ticket #101' })).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Ticket #103' })).toBeNull();
    const toggle = screen.getByText('Ticket #103: ratings side by side');
    expect(toggle.tagName).toBe('SUMMARY');
    // The browser opens a <details> from its summary by mouse or keyboard and fires "toggle".
    const details = toggle.closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(within(await screen.findByRole('table', { name: 'Ticket #103' })).getAllByRole('row')).toHaveLength(1 + card.criteria.length + 1);
    expect(screen.queryByRole('table', { name: 'Ticket #102' })).toBeNull();
  });

  it('heads a hidden participant by their position in the session, the same in every table', () => {
    shown(people[1]!);
    const headings = (name: string) => within(screen.getByRole('table', { name })).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headings('Ticket #101').slice(1, 4)).toEqual(['calibration.participant:1', 'b', 'calibration.participant:3']);
    const rows = within(screen.getByRole('table', { name: 'Review score per participant' })).getAllByRole('rowheader').map((h) => h.textContent);
    expect(rows.slice(0, 3)).toEqual(['calibration.participant:1', 'b', 'calibration.participant:3']);
    expect(document.body.textContent).not.toContain('c@arvio.test');
  });
});
