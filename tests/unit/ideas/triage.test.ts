// Ideas and obstacles: sent new and private, answered by the lead (done and won't do need a reply),
// filtered for the list, exported, and counted where they wait for someone.
import { describe, expect, it } from 'vitest';
import { countWaiting } from '@/lib/disputes';
import { ideasCsv } from '@/lib/export/ideas';
import { filterIdeas, ideasWaiting, newIdea, triage } from '@/lib/ideas';
import type { Idea } from '@/lib/model/idea';
import { dispute } from '../../../server/tests/helpers/docs';

const AGENT = { id: 'Mikko@Example.com', name: 'Mikko' };
const LEAD = { id: 'lead@example.com', name: 'Leena' };
const NOW = new Date('2026-03-05T12:00:00.000Z');
const ticket = { helpdesk: 'zendesk', ticketId: '102', url: 'https://x.zendesk.com/agent/tickets/102', subject: 'Login', channel: 'chat' as const };

const sent = (over: Partial<Parameters<typeof newIdea>[0]> = {}): Idea =>
  newIdea({ id: 'i-1', team: 't-1', submitter: AGENT, kind: 'obstacle', category: 'tools', title: ' Old macro ', text: 'Names the old form', ticket, ticketText: null, now: NOW, ...over });

describe('ideas and obstacles', () => {
  it('an idea is sent new, unanswered and private, linked to the ticket; its text only when chosen', () => {
    expect(sent()).toMatchObject({ status: 'new', replies: [], shared: false, title: 'Old macro', submitter: { id: 'mikko@example.com' }, ticket, ticketText: null });
    expect(sent({ ticket: null, ticketText: 'copied' }).ticketText).toBeNull();
  });

  it('done and won’t do need a reply; the reply is kept with the status it came with', () => {
    expect(() => triage(sent(), { status: 'done', reply: ' ', category: 'tools', shared: false, by: LEAD, now: NOW })).toThrow(/needs a reply/);
    const considering = triage(sent(), { status: 'considering', reply: '', category: 'process', shared: true, by: LEAD, now: NOW });
    expect(considering).toMatchObject({ status: 'considering', replies: [], category: 'process', shared: true });
    const done = triage(considering, { status: 'done', reply: 'Macro updated', category: 'process', shared: true, by: LEAD, now: NOW });
    expect(done.replies).toEqual([{ by: LEAD, at: NOW.toISOString(), text: 'Macro updated', status: 'done' }]);
  });

  it('the list filters by status, category and team', () => {
    const a = sent();
    const b = triage(sent({ id: 'i-2', team: 't-2', category: 'product' }), { status: 'wontDo', reply: 'Not now', category: 'product', shared: false, by: LEAD, now: NOW });
    expect(filterIdeas([a, b], { status: null, category: null, team: null })).toEqual([a, b]);
    expect(filterIdeas([a, b], { status: 'wontDo', category: null, team: null })).toEqual([b]);
    expect(filterIdeas([a, b], { status: null, category: 'tools', team: null })).toEqual([a]);
    expect(filterIdeas([a, b], { status: null, category: null, team: 't-2' })).toEqual([b]);
  });

  it('waits for a lead while new, and for the submitter once answered until seen; the count adds open disputes', () => {
    const fresh = sent();
    const answered = triage(sent({ id: 'i-2' }), { status: 'done', reply: 'Done', category: 'tools', shared: false, by: LEAD, now: new Date('2026-03-06T00:00:00.000Z') });
    expect(ideasWaiting([fresh, answered], { email: LEAD.id, role: 'lead' }, {})).toEqual([fresh]);
    expect(ideasWaiting([fresh, answered], { email: 'mikko@example.com', role: 'agent' }, {})).toEqual([answered]);
    expect(ideasWaiting([fresh, answered], { email: 'mikko@example.com', role: 'agent' }, { 'i-2': answered.updatedAt })).toEqual([]);
    const open = dispute('r-1', 'agent@example.com', LEAD.id);
    expect(countWaiting([open], [fresh, answered], { email: LEAD.id, role: 'lead' }, {})).toBe(2);
  });

  it('waits for a lead to triage only in the teams they lead (in another they are a member like any)', () => {
    const led = sent();
    const shared = { ...sent({ id: 'i-2', team: 't-2' }), shared: true };
    const teams = [{ id: 't-1', role: 'lead' }, { id: 't-2', role: 'reviewer' }];
    expect(ideasWaiting([led, shared], { email: LEAD.id, role: 'lead', teams }, {})).toEqual([led]);
    expect(ideasWaiting([led, shared], { email: LEAD.id, role: 'admin', teams: [] }, {})).toEqual([led, shared]);
  });

  it('exports a CSV row per idea with its age, team name and last reply', () => {
    const done = triage(sent(), { status: 'done', reply: 'Macro, "updated"', category: 'tools', shared: false, by: LEAD, now: NOW });
    const csv = ideasCsv([done], () => 'Support FI', new Date('2026-03-08T12:00:00.000Z'));
    const [head, row] = csv.slice(1).trim().split('\r\n');
    expect(head).toBe('id,created_at,age_days,team,submitter,kind,category,status,title,text,ticket,replies,last_reply,shared');
    expect(row).toBe('i-1,2026-03-05T12:00:00.000Z,3,Support FI,mikko@example.com,obstacle,tools,done,Old macro,Names the old form,zendesk:102,1,"Macro, ""updated""",false');
  });
});
