// Ideas and obstacles: submitted by anyone in the team, triaged and answered by the lead.
import { describe, expect, it } from 'vitest';
import { ideaSchema, type Idea } from '@/lib/model';
import { idea } from '../../../server/tests/helpers/docs';
import { refusedFields } from '../model/refusals';

const make = (over: Partial<Idea> = {}) => idea('i-1', 'agent1@arvio.test', 'team-a', over);
const reply = (status: Idea['status']) => ({ by: { id: 'lead@arvio.test', name: 'lead' }, at: '2026-03-05T10:00:00.000Z', text: 'Updated the macro', status });

describe('an idea or obstacle', () => {
  it('an agent sends an obstacle from a ticket; the lead marks it done with a reply and shares it', () => {
    expect(refusedFields(ideaSchema, make())).toEqual([]);
    const fromTicket = make({ ticket: { helpdesk: 'zendesk', ticketId: '101', url: '', subject: 'Refund', channel: 'chat' }, ticketText: null });
    expect(refusedFields(ideaSchema, fromTicket)).toEqual([]);
    expect(refusedFields(ideaSchema, make({ status: 'done', replies: [reply('done')], shared: true }))).toEqual([]);
  });

  it.each<[string, Partial<Idea>, string]>([
    ['done without a reply', { status: 'done' }, 'replies'],
    ['won’t do whose last reply was for another status', { status: 'wontDo', replies: [reply('considering')] }, 'replies'],
    ['ticket text without its ticket', { ticketText: 'Hei…' }, 'ticketText'],
    ['an unknown category', { category: 'misc' as Idea['category'] }, 'category'],
    ['no title', { title: '' }, 'title'],
  ])('refuses %s, naming the field', (_label, over, path) => {
    expect(refusedFields(ideaSchema, make(over))).toContain(path);
  });
});
