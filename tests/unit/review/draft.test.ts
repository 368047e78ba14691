// Reviewing as pure steps: proposing the agent, rating, marking and timing a draft.
import { describe, expect, it } from 'vitest';
import { addActiveTime, formOrder, IDLE_AFTER_MS, newDraft, proposeReviewee, rate, revieweeCandidates, startWithDigit, toggleMark } from '@/lib/review';
import { templates } from '@/lib/scorecards/templates';
import type { TicketMessage } from '@/lib/model/ticket';

const card = templates.find((t) => t.id === 'tpl-email-en')!;
const ticket = { helpdesk: 'zendesk', ticketId: '1', url: 'u', subject: 's', channel: 'email' as const };
const message = (id: string, role: TicketMessage['role'], author: string): TicketMessage => ({ id, role, author, at: null, text: 't' });
const messages = [
  message('1', 'customer', 'Matti'),
  message('2', 'agent', 'Aino Virtanen'),
  message('3', 'internal', 'Sara'),
  message('4', 'agent', 'Mikko Laine'),
  message('5', 'agent', 'Aino Virtanen'),
];

describe('reviewing a draft', () => {
  it('proposes the agents who wrote, the author of a reviewed message first', () => {
    expect(revieweeCandidates(messages).map((p) => p.name)).toEqual(['Aino Virtanen', 'Mikko Laine']);
    expect(proposeReviewee(messages, { kind: 'message', messageId: '4' })?.name).toBe('Mikko Laine');
    expect(proposeReviewee(messages, { kind: 'conversation' })?.name).toBe('Mikko Laine');
    expect(proposeReviewee([message('1', 'customer', 'Matti')], { kind: 'conversation' })).toBeNull();
  });

  it('rates, marks N/A and clears one criterion at a time', () => {
    const draft = newDraft(ticket, { kind: 'conversation' }, card, null, new Date());
    const id = card.criteria[0]!.id;
    expect(rate(draft, id, { value: 2 }).ratings[0]).toMatchObject({ value: 2, na: false });
    expect(rate(draft, id, { na: true }).ratings[0]).toMatchObject({ value: null, na: true });
    expect(rate(rate(draft, id, { value: 1 }), id, { clear: true }).ratings[0]).toMatchObject({ value: null, na: false });
  });

  it('a criterion is a strength or a development area, not both', () => {
    const draft = newDraft(ticket, { kind: 'conversation' }, card, null, new Date());
    const marked = toggleMark(toggleMark(draft, 'tone', 'strength'), 'tone', 'development');
    expect(marked.strengthCriteria).toEqual([]);
    expect(marked.developmentCriteria).toEqual(['tone']);
  });

  it('counts active time, but not a pause longer than the idle limit', () => {
    const draft = newDraft(ticket, { kind: 'conversation' }, card, null, new Date());
    expect(addActiveTime(draft, null, 1000).activeMs).toBe(0);
    expect(addActiveTime(draft, 1000, 6000).activeMs).toBe(5000);
    expect(addActiveTime(draft, 1000, 1000 + 10 * IDLE_AFTER_MS).activeMs).toBe(IDLE_AFTER_MS);
  });

  it('a review started by a digit rates the first criterion the form shows at that level, and nothing else', () => {
    const draft = newDraft(ticket, { kind: 'conversation' }, card, null, new Date());
    const [first] = formOrder(card);
    expect(formOrder(card).map((c) => c.groupId)).toEqual([...formOrder(card).map((c) => c.groupId)].sort((a, b) =>
      card.groups.findIndex((g) => g.id === a) - card.groups.findIndex((g) => g.id === b)));
    const started = startWithDigit(draft, card, 2);
    expect(started.ratings.find((r) => r.criterionId === first!.id)).toMatchObject({ value: first!.levels[1]!.value, na: false });
    expect(started.ratings.filter((r) => r.value !== null || r.na)).toHaveLength(1);
    // A digit past the first criterion's levels rates nothing.
    expect(startWithDigit(draft, card, 9)).toEqual(draft);
  });
});
