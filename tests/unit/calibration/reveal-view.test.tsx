// The reveal of a whole session: its summary on the first screen, each ticket's ratings in a disclosure
// built when opened, and participants as the server sent them: by name, or "Participant k" for a pseudonym.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { participantLabel, RevealView } from '@/components/calibration/RevealView';
import { newCalibrationRatings, newCalibrationSession, pseudonymAddress, reveal, revealFigures, shownParticipant } from '@/lib/calibration';
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

/** As the server sends the session to b, who may not see names: a and c by the server's numbers (c is 1, a is 3), in number order. */
const number: Record<string, number> = { 'c@arvio.test': 1, 'a@arvio.test': 3 };
const toB = (p: string) => (p === people[1] ? p : pseudonymAddress(number[p]!));
const receivedByB = {
  session: { ...session, participants: ['c@arvio.test', people[1]!, 'a@arvio.test'].map(toB) },
  ratings: ratings.map((r) => ({ ...r, participant: toB(r.participant), id: `${r.sessionId}|${toB(r.participant)}|${r.ticketKey}` })),
};

function shown(me: string): void {
  const { session: held, ratings: heldRatings } = me === people[1] ? receivedByB : { session, ratings };
  const labels = held.participants.map((p) => participantLabel((key, params) => `${key}:${params?.n ?? ''}`, shownParticipant(p), (email) => email.split('@')[0]!));
  render(
    <I18nProvider fixed="en">
      <RevealView session={held} card={card} figures={revealFigures(held, card, heldRatings)} labels={labels} ticketKeys={held.tickets.map((t) => t.ticketKey)} />
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

  it('heads a participant the server sent by pseudonym as "Participant k", k the server’s number, the same in every table', () => {
    shown(people[1]!);
    const headings = (name: string) => within(screen.getByRole('table', { name })).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headings('Ticket #101').slice(1, 4)).toEqual(['calibration.participant:1', 'b', 'calibration.participant:3']);
    const rows = within(screen.getByRole('table', { name: 'Review score per participant' })).getAllByRole('rowheader').map((h) => h.textContent);
    expect(rows.slice(0, 3)).toEqual(['calibration.participant:1', 'b', 'calibration.participant:3']);
    expect(document.body.textContent).not.toMatch(/a@arvio\.test|c@arvio\.test/);
  });

  it('heads everyone by name for whom the server sent names (the facilitator here)', () => {
    shown(people[0]!);
    const headings = within(screen.getByRole('table', { name: 'Ticket #101' })).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headings.slice(1, 4)).toEqual(['a', 'b', 'c']);
  });
});
