// The facilitator's agree form: one group per ticket, each choice named with its ticket where the form
// has several; ids unique per panel (the sidebar shows one panel per session on the ticket), and every
// clarification's Retire button named with its criterion.
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AgreePanel } from '@/components/calibration/AgreePanel';
import { I18nProvider } from '@/components/i18n';
import { clarify, reveal } from '@/lib/calibration';
import { formatDateTime } from '@/lib/i18n';
import type { CalibrationSession } from '@/lib/model/calibration';
import { card, now, people, sessionOn } from './fixtures';

afterEach(() => cleanup());

const revealed = (id: string, ticketIds: string[]): CalibrationSession => reveal(sessionOn(id, ticketIds), now);

function Panel({ session, ticketKeys }: { session: CalibrationSession; ticketKeys: readonly string[] }) {
  return (
    <AgreePanel
      session={session}
      card={card}
      ratings={[]}
      ticketKeys={ticketKeys}
      me={people[0]!}
      facilitates
      lead
      nameOf={(email) => email.split('@')[0]!}
      onSave={async () => undefined}
    />
  );
}

/** The ids found twice in the document, and the labels whose `for` does not name a control in their own panel. */
function idsAndStrayLabels(): { duplicates: string[]; stray: string[] } {
  const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
  const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
  const stray = [...document.querySelectorAll<HTMLLabelElement>('label[for]')]
    .filter((label) => {
      const target = document.getElementById(label.htmlFor);
      return !target || target.closest('section.agree') !== label.closest('section.agree');
    })
    .map((label) => `${label.htmlFor}: ${label.textContent}`);
  return { duplicates, stray };
}

describe('the agree form of a two-ticket session (the dashboard’s)', () => {
  it('groups each ticket’s choices under its ticket, and names each choice with its ticket', () => {
    const session = revealed('cal-two', ['101', '102']);
    render(
      <I18nProvider fixed="en">
        <Panel session={session} ticketKeys={session.tickets.map((t) => t.ticketKey)} />
      </I18nProvider>,
    );
    const groups = screen.getAllByRole('group');
    expect(groups).toHaveLength(2);
    expect(screen.getByRole('group', { name: 'Ticket #101' })).toBe(groups[0]);
    expect(screen.getByRole('group', { name: 'Ticket #102' })).toBe(groups[1]);
    // Each choice found by its full name, once in the document (getBy fails on two): the names are distinct.
    for (const [i, id] of ['101', '102'].entries()) {
      const choices = within(groups[i]!).getAllByRole('combobox');
      expect(choices).toHaveLength(card.criteria.length);
      expect(card.criteria.map((c) => screen.getByRole('combobox', { name: `Ticket #${id} Agreed rating of ${c.title}` }))).toEqual(choices);
    }
    expect(screen.queryAllByRole('combobox', { name: /^Agreed rating of / })).toEqual([]);
  });

  it('in the sidebar (one ticket in view) still groups it under its ticket, each choice named by its criterion', () => {
    const session = revealed('cal-two', ['101', '102']);
    render(
      <I18nProvider fixed="en">
        <Panel session={session} ticketKeys={['zendesk:102']} />
      </I18nProvider>,
    );
    const group = screen.getByRole('group', { name: 'Ticket #102' });
    expect(within(group).getByRole('combobox', { name: 'Agreed rating of Tone' })).toBeTruthy();
  });
});

describe('two sessions on the same ticket (two panels in the sidebar)', () => {
  const first = clarify(revealed('cal-1', ['101']), 'greeting', 'Say your name.', people[0]!, new Date('2026-03-09T11:00:00.000Z'));
  const second = clarify(
    clarify(revealed('cal-2', ['101']), 'tone', 'Friendly, not familiar.', people[0]!, new Date('2026-03-09T12:00:00.000Z')),
    'tone',
    'No slang.',
    people[0]!,
    new Date('2026-03-09T13:00:00.000Z'),
  );

  it('have no id twice, and each label names a control of its own panel', () => {
    render(
      <I18nProvider fixed="en">
        <Panel session={first} ticketKeys={['zendesk:101']} />
        <Panel session={second} ticketKeys={['zendesk:101']} />
      </I18nProvider>,
    );
    expect(document.querySelectorAll('section.agree')).toHaveLength(2);
    // Per panel: a choice per criterion, the clarification's criterion and text.
    expect(document.querySelectorAll('label[for]')).toHaveLength(2 * (card.criteria.length + 2));
    expect(idsAndStrayLabels()).toEqual({ duplicates: [], stray: [] });
  });

  it('have no id twice in separate render roots either', () => {
    render(
      <I18nProvider fixed="en">
        <Panel session={first} ticketKeys={['zendesk:101']} />
      </I18nProvider>,
    );
    render(
      <I18nProvider fixed="en">
        <Panel session={second} ticketKeys={['zendesk:101']} />
      </I18nProvider>,
    );
    expect(document.querySelectorAll('section.agree')).toHaveLength(2);
    expect(idsAndStrayLabels()).toEqual({ duplicates: [], stray: [] });
  });

  it('name each Retire button with its clarification’s criterion (and time, for two of one criterion)', () => {
    render(
      <I18nProvider fixed="en">
        <Panel session={first} ticketKeys={['zendesk:101']} />
        <Panel session={second} ticketKeys={['zendesk:101']} />
      </I18nProvider>,
    );
    const at = (iso: string) => formatDateTime('en', iso);
    expect(screen.getAllByRole('button', { name: /^Retire/ })).toHaveLength(3);
    // Each found by its own name, once in the document (getBy fails on two).
    expect(screen.getByRole('button', { name: `Retire the clarification of Greeting and introduction, ${at('2026-03-09T11:00:00.000Z')}` })).toBeTruthy();
    expect(screen.getByRole('button', { name: `Retire the clarification of Tone, ${at('2026-03-09T12:00:00.000Z')}` })).toBeTruthy();
    expect(screen.getByRole('button', { name: `Retire the clarification of Tone, ${at('2026-03-09T13:00:00.000Z')}` })).toBeTruthy();
  });
});
