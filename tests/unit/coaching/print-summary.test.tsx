// The printable summary of a held session (the agent's copy): every answer of the form, the focus, the
// actions and the agent's acknowledgement with their comment, in the blocks the print layout (style.css)
// lays out on one A4 page; never the coach's private notes, even in the coach's own profile, where they are.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { ensureBuiltInForms, formTemplates, getNotes, newCoachingAction, newCoachingNotes, newCoachingSession, periodOf, saveSession } from '@/lib/coaching';
import type { CoachingSession } from '@/lib/model/coaching';
import { PrintSummary } from '@/entrypoints/coaching/PrintSummary';
import { answerText } from '@/entrypoints/coaching/FormAnswers';
import { translator } from '@/lib/i18n';
import { freshDb } from '../db/fresh';
import { AGENT, card, COACH } from './fixtures';

beforeEach(() => {
  freshDb('print-summary');
});
afterEach(cleanup);

const HELD_AT = '2026-03-02T09:00:00.000Z';
const form = formTemplates[1]!;
const fields = form.sections.flatMap((s) => s.fields);
const answerOf = (id: string) => `The answer to ${id}, written at length as a coaching talk leaves it.`;

async function printHeldSession(): Promise<void> {
  await ensureBuiltInForms();
  const base = newCoachingSession({ id: 'cs-1', team: null, coach: COACH, agent: AGENT, form, scheduledFor: null, now: new Date(HELD_AT) });
  const session: CoachingSession = {
    ...base,
    status: 'held',
    heldAt: HELD_AT,
    focus: [
      { scorecardId: card.id, criterionId: 'tone' },
      { scorecardId: card.id, criterionId: 'name' },
    ],
    period: periodOf(HELD_AT.slice(0, 10)),
    answers: fields.map((f) => ({
      fieldId: f.id,
      value: f.kind === 'text' ? answerOf(f.id) : f.kind === 'number' ? 82 : f.kind === 'yesNo' ? true : f.kind === 'choice' ? f.options[0]!.id : null,
    })),
    acknowledgedAt: '2026-03-03T10:00:00.000Z',
    agentComment: 'Thanks, a clear plan',
  };
  const actions = ['Greet every customer by name', 'Read the tone guide', 'Check the refund templates'].map((text, i) =>
    newCoachingAction(session, { id: `a${i}`, text, assignee: i === 2 ? 'coach' : 'agent', due: '2026-03-16', now: new Date(HELD_AT) }),
  );
  await saveSession(session, actions, newCoachingNotes(session, 'Private: tired this month', new Date(HELD_AT)));
  // In this profile: the coach's.
  expect((await getNotes('cs-1'))?.text).toBe('Private: tired this month');
  render(
    <I18nProvider fixed="en">
      <PrintSummary id="cs-1" who={{ me: COACH, roster: null, cards: [card] }} />
    </I18nProvider>,
  );
  await screen.findByRole('heading', { name: 'Coaching summary: Mikko Laine' });
}

describe('the printable summary', () => {
  it('shows every answer, the focus, the actions and the agent’s comment, and never the private notes', async () => {
    await printHeldSession();
    const sheet = document.querySelector('main.print-summary')!;
    const text = sheet.textContent ?? '';
    for (const f of fields.filter((f) => f.kind === 'text')) expect(text).toContain(`${f.label}: ${answerOf(f.id)}`);
    expect(text).toContain('Quality score: 82 %');
    expect(text).toContain('Your focus until');
    expect(text).toContain(`${card.criteria.find((c) => c.id === 'tone')!.title}, ${card.criteria.find((c) => c.id === 'name')!.title}`);
    expect([...sheet.querySelectorAll('.actions li')].map((li) => li.textContent?.split(' · ')[0])).toEqual([
      'Greet every customer by name',
      'Read the tone guide',
      'Check the refund templates',
    ]);
    expect(sheet.querySelector('.acknowledged')?.textContent).toContain('The agent’s comment: Thanks, a clear plan');
    expect(text).not.toContain('Private');
    expect(text).not.toContain('tired this month');
  });

  it('puts the form’s sections in the block the print layout sets in columns, and the print button out of print', async () => {
    await printHeldSession();
    const sheet = document.querySelector('main.print-summary')!;
    expect([...sheet.querySelectorAll('.answers > [data-section]')].map((s) => s.getAttribute('data-section'))).toEqual(form.sections.map((s) => s.id));
    expect(screen.getByRole('button', { name: 'Print' }).closest('.no-print')).not.toBeNull();
  });
});

describe('a number answer', () => {
  const scoreIn = (lang: 'en' | 'fi') => formTemplates.find((f) => f.language === lang)!.sections.flatMap((s) => s.fields).find((f) => f.id === 'qualityScore')!;

  it('reads in the reader’s locale: a Finnish agent sees a decimal comma, as in the target beside it', () => {
    expect(answerText(scoreIn('fi'), 82.5, translator('fi'), 'fi')).toBe('82,5 % (tavoite 85 %)');
    expect(answerText(scoreIn('en'), 82.5, translator('en'), 'en')).toBe('82.5 % (target 85 %)');
  });
});
