// Coaching documents: form templates, sessions, agreed actions and the coach's private notes.
import { describe, expect, it } from 'vitest';
import { coachingActionSchema, coachingFormSchema, coachingNotesSchema, coachingSessionSchema } from '@/lib/model';
import { coachingAction, coachingForm, coachingNotes, coachingSession } from '../../../server/tests/helpers/docs';
import { refusedFields } from '../model/refusals';

const COACH = 'lead@arvio.test';
const AGENT = 'agent1@arvio.test';

describe('a coaching form template', () => {
  it('a lead publishes a form with text, a number with a target, a choice and a yes/no', () => {
    expect(refusedFields(coachingFormSchema, coachingForm('form-1', 1))).toEqual([]);
  });

  const field = coachingForm('form-1', 1).sections[0]!.fields[0]!;
  it.each<[string, object, string]>([
    ['no sections', { sections: [] }, 'sections'],
    ['a field id used twice', { sections: [{ id: 's', title: 'S', fields: [field, field] }] }, 'sections.0.fields.1.id'],
    ['a choice with one option', { sections: [{ id: 's', title: 'S', fields: [{ kind: 'choice', id: 'c', label: 'C', help: '', options: [{ id: 'a', label: 'A' }] }] }] }, 'sections.0.fields.0.options'],
    ['an unknown field kind', { sections: [{ id: 's', title: 'S', fields: [{ kind: 'slider', id: 'c', label: 'C', help: '' }] }] }, 'sections.0.fields.0.kind'],
    ['version 0', { version: 0 }, 'version'],
  ])('refuses %s, naming the field', (_label, over, path) => {
    expect(refusedFields(coachingFormSchema, coachingForm('form-1', 1, over))).toContain(path);
  });
});

describe('a coaching session', () => {
  it('a coach holds a session: answers, one focus criterion for four weeks, two pinned pieces of evidence', () => {
    expect(refusedFields(coachingSessionSchema, coachingSession('cs-1', COACH, AGENT))).toEqual([]);
  });

  it('a session planned ahead has no focus, period or answers yet', () => {
    const planned = coachingSession('cs-2', COACH, AGENT, { status: 'planned', heldAt: null, focus: [], period: null, answers: [] });
    expect(refusedFields(coachingSessionSchema, planned)).toEqual([]);
  });

  const focus = (n: number) => Array.from({ length: n }, (_, i) => ({ scorecardId: 'card-1', criterionId: `c${i}` }));
  it.each<[string, object, string]>([
    ['four focus criteria', { focus: focus(4) }, 'focus'],
    ['a held session without focus', { focus: [] }, 'focus'],
    ['a held session without a time', { heldAt: null }, 'heldAt'],
    ['a held session without a period', { period: null }, 'period'],
    ['a period that ends before it starts', { period: { start: '2026-03-29', end: '2026-03-02' } }, 'period.end'],
    ['a period of half a year', { period: { start: '2026-01-01', end: '2026-07-01' } }, 'period.end'],
    ['a planned session acknowledged', { status: 'planned', heldAt: null, acknowledgedAt: '2026-03-03T08:00:00.000Z' }, 'acknowledgedAt'],
    ['the same evidence twice', { evidence: [{ kind: 'review', reviewId: 'r-1' }, { kind: 'review', reviewId: 'r-1' }] }, 'evidence.1'],
    ['two answers to one field', { answers: [{ fieldId: 'x', value: 1 }, { fieldId: 'x', value: 2 }] }, 'answers.1'],
    ['private notes inside the session', { coachNotes: 'tired' }, '(root)'],
  ])('refuses %s, naming the field', (_label, over, path) => {
    expect(refusedFields(coachingSessionSchema, coachingSession('cs-1', COACH, AGENT, over))).toContain(path);
  });
});

describe('an agreed action', () => {
  it('the coach writes an action with a follow-up date; the agent marks it done with a comment', () => {
    const action = coachingAction('a-1', 'cs-1', COACH, AGENT);
    expect(refusedFields(coachingActionSchema, action)).toEqual([]);
    const done = { ...action, status: 'done', doneAt: '2026-03-10T12:00:00.000Z', doneBy: { id: AGENT, name: 'agent1' }, doneComment: 'Done all week' };
    expect(refusedFields(coachingActionSchema, done)).toEqual([]);
  });

  it.each<[string, object, string]>([
    ['done without a time', { status: 'done', doneBy: { id: AGENT, name: 'a' } }, 'doneAt'],
    ['done by nobody', { status: 'done', doneAt: '2026-03-10T12:00:00.000Z' }, 'doneBy'],
    ['an open action with a done time', { doneAt: '2026-03-10T12:00:00.000Z' }, 'doneAt'],
    ['no text', { text: '' }, 'text'],
    ['a due date with a time', { due: '2026-03-16T10:00:00Z' }, 'due'],
    ['an unknown assignee', { assignee: 'team' }, 'assignee'],
  ])('refuses %s, naming the field', (_label, over, path) => {
    expect(refusedFields(coachingActionSchema, coachingAction('a-1', 'cs-1', COACH, AGENT, over))).toContain(path);
  });
});

describe('the coach’s private notes', () => {
  it('are a document of their own, keyed by the session', () => {
    expect(refusedFields(coachingNotesSchema, coachingNotes('cs-1', COACH, AGENT))).toEqual([]);
    expect(refusedFields(coachingNotesSchema, coachingNotes('cs-1', COACH, AGENT, { text: 'x'.repeat(20_001) }))).toContain('text');
  });
});
