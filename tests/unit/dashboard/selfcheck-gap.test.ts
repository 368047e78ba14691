// The self-check vs reviewer gap: pairs a self-check with the review of the same ticket and agent.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArvioDb, saveSelfCheck, submitReview, useDatabase } from '@/lib/db';
import { selfCheckGap, type DashboardFilter } from '@/lib/dashboard';
import { newDraft, rate, toReview } from '@/lib/review';
import { templates } from '@/lib/scorecards/templates';
import { newDraftFrom, publish } from '@/lib/scorecards';
import type { TicketRef } from '@/lib/model/ticket';
import { BACKEND_KEY, docHash } from '@/lib/sync';
import { ROSTER_KEY } from '@/lib/sync/roster-store';

const card = templates.find((t) => t.id === 'tpl-email-fi')!;
const ticket: TicketRef = { helpdesk: 'zendesk', ticketId: '101', url: 'u', subject: 's', channel: 'email' };
let database: ArvioDb;
/** The dashboard's filter for months from…to and nothing else chosen. */
const range = (from: string, to: string): DashboardFilter => ({ from, to, granularity: 'month', team: null, agent: null, reviewer: null, scorecard: null, channel: null, helpdesk: null });

beforeEach(() => {
  database = new ArvioDb(`gap-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  useDatabase(database);
});
afterEach(async () => {
  await database.delete();
});

describe('self-check vs reviewer gap', () => {
  it('compares the agent’s own rating with the reviewer’s, per criterion, matching the agent by name', async () => {
    const tone = card.criteria.find((c) => c.id === 'tone')!;
    const max = tone.levels.length - 1;
    await saveSelfCheck({
      id: 'zendesk:101|aino@example.com', team: null, ticket, ticketKey: 'zendesk:101', agent: { id: 'aino@example.com', name: 'Aino Virtanen' },
      scorecardId: card.id, scorecardVersion: card.version,
      ratings: [{ criterionId: 'tone', value: max, na: false, comment: '' }],
      hintCounts: {}, draftText: null, createdAt: '2026-03-02T10:00:00.000Z', updatedAt: '2026-03-02T10:00:00.000Z', deleted: false,
    });
    const reviewee = { id: 'Aino Virtanen', name: 'Aino Virtanen' };
    const draft = rate(newDraft(ticket, { kind: 'conversation' }, card, reviewee, new Date('2026-03-03T10:00:00Z')), 'tone', { value: 0 });
    await submitReview(toReview(draft, card, { id: 't@example.com', name: 'T' }, reviewee, 'r1', new Date('2026-03-03T10:00:00Z'), null, null), null);

    const gaps = await selfCheckGap(range('2026-01', '2026-12'), templates);
    expect(gaps).toEqual([{ scorecardId: card.id, scorecardName: card.name, criterionId: 'tone', title: tone.title, self: 1, reviewer: 0, pairs: 1 }]);
    expect(await selfCheckGap(range('2026-04', '2026-12'), templates)).toEqual([]);
    expect(await selfCheckGap({ ...range('2026-01', '2026-12'), agent: 'Mikko' }, templates)).toEqual([]);
  });

  it('a team’s edit of a built-in continues the built-in’s gaps', async () => {
    const ours = publish(newDraftFrom(card, new Date('2026-03-01T00:00:00Z'), 'team-a'), new Date('2026-03-01T00:00:00Z'), 'team-a');
    const reviewee = { id: 'aino@example.com', name: 'Aino Virtanen' };
    for (const [n, used] of [['101', card], ['102', ours]] as const) {
      const at = new Date(`2026-03-0${n === '101' ? 2 : 4}T10:00:00Z`);
      const top = used.criteria.find((c) => c.id === 'tone')!.levels.length - 1;
      const ref = { ...ticket, ticketId: n };
      await saveSelfCheck({
        id: `zendesk:${n}|aino@example.com`, team: null, ticket: ref, ticketKey: `zendesk:${n}`, agent: reviewee,
        scorecardId: used.id, scorecardVersion: used.version,
        ratings: [{ criterionId: 'tone', value: top, na: false, comment: '' }],
        hintCounts: {}, draftText: null, createdAt: at.toISOString(), updatedAt: at.toISOString(), deleted: false,
      });
      const draft = rate(newDraft(ref, { kind: 'conversation' }, used, reviewee, at), 'tone', { value: 0 });
      await submitReview(toReview(draft, used, { id: 't@example.com', name: 'T' }, reviewee, `r${n}`, at, null, null), null);
    }
    const gaps = await selfCheckGap(range('2026-01', '2026-12'), [...templates, ours]);
    expect(gaps.map((g) => [g.scorecardId, g.criterionId, g.self, g.reviewer, g.pairs])).toEqual([[card.id, 'tone', 1, 0, 2]]);
  });

  it('two cards sharing a criterion id keep their own gaps', async () => {
    const chat = templates.find((t) => t.id === 'tpl-chat-fi')!;
    const reviewee = { id: 'aino@example.com', name: 'Aino Virtanen' };
    for (const [n, used, self, theirs] of [['101', card, 'top', 0], ['102', chat, 0, 'top']] as const) {
      const at = new Date(`2026-03-0${n === '101' ? 2 : 4}T10:00:00Z`);
      const top = used.criteria.find((c) => c.id === 'tone')!.levels.length - 1;
      const ref = { ...ticket, ticketId: n, channel: used === chat ? ('chat' as const) : ('email' as const) };
      await saveSelfCheck({
        id: `zendesk:${n}|aino@example.com`, team: null, ticket: ref, ticketKey: `zendesk:${n}`, agent: reviewee,
        scorecardId: used.id, scorecardVersion: used.version,
        ratings: [{ criterionId: 'tone', value: self === 'top' ? top : self, na: false, comment: '' }],
        hintCounts: {}, draftText: null, createdAt: at.toISOString(), updatedAt: at.toISOString(), deleted: false,
      });
      const draft = rate(newDraft(ref, { kind: 'conversation' }, used, reviewee, at), 'tone', { value: theirs === 'top' ? top : theirs });
      await submitReview(toReview(draft, used, { id: 't@example.com', name: 'T' }, reviewee, `r${n}`, at, null, null), null);
    }
    const gaps = await selfCheckGap(range('2026-01', '2026-12'), templates);
    expect(gaps.map((g) => [g.scorecardId, g.criterionId, g.self, g.reviewer, g.pairs]).sort()).toEqual([
      [chat.id, 'tone', 0, 1, 1],
      [card.id, 'tone', 1, 0, 1],
    ]);
  });
});

describe('the gap follows the dashboard’s filters', () => {
  const aino = { id: 'aino@example.com', name: 'Aino Virtanen' };
  const lead = { id: 'lead@example.com', name: 'Leena' };
  const coach = { id: 'coach@example.com', name: 'Kalle' };
  const chatCard = templates.find((t) => t.id === 'tpl-chat-fi')!;

  /** Aino rates her tone top on a ticket; each reviewer given rates it at the bottom, on the card given. */
  async function selfCheckedAndReviewed(n: string, used: typeof card, reviewers: { id: string; name: string }[]): Promise<void> {
    const at = new Date(`2026-03-0${n.slice(-1)}T10:00:00Z`);
    const ref = { ...ticket, ticketId: n, channel: used === chatCard ? ('chat' as const) : ('email' as const) };
    const top = used.criteria.find((c) => c.id === 'tone')!.levels.length - 1;
    await saveSelfCheck({
      id: `zendesk:${n}|${aino.id}`, team: null, ticket: ref, ticketKey: `zendesk:${n}`, agent: aino,
      scorecardId: used.id, scorecardVersion: used.version,
      ratings: [{ criterionId: 'tone', value: top, na: false, comment: '' }],
      hintCounts: {}, draftText: null, createdAt: at.toISOString(), updatedAt: at.toISOString(), deleted: false,
    });
    for (const reviewer of reviewers) {
      const draft = rate(newDraft(ref, { kind: 'conversation' }, used, aino, at), 'tone', { value: 0 });
      await submitReview(toReview(draft, used, reviewer, aino, `r${n}-${reviewer.id}`, at, null, null), null);
    }
  }
  const pairsOf = async (change: Partial<DashboardFilter>) =>
    (await selfCheckGap({ ...range('2026-01', '2026-12'), ...change }, templates)).map((g) => [g.scorecardId, g.pairs]);

  it('a lead narrowing the dashboard to a reviewer, card, channel, helpdesk or team sees the gap of those reviews only', async () => {
    await selfCheckedAndReviewed('101', card, [lead, coach]);
    await selfCheckedAndReviewed('102', chatCard, [coach]);
    // The roster of the team backend: Aino is in Tuki, not in Myynti.
    const backend = { url: 'https://arvio.example.com', token: 'arv_lead' };
    const members = [
      { email: aino.id, name: aino.name, role: 'agent' as const, teams: ['Tuki'] },
      { email: lead.id, name: lead.name, role: 'lead' as const, teams: ['Tuki', 'Myynti'] },
    ];
    await database.settings.bulkPut([
      { key: BACKEND_KEY, value: backend },
      { key: ROSTER_KEY, value: { url: backend.url, tokenHash: docHash(backend.token), fetchedAt: 0, me: members[1], members } },
    ]);

    expect(await pairsOf({})).toEqual([[card.id, 1], [chatCard.id, 1]]);
    expect(await pairsOf({ reviewer: lead.id })).toEqual([[card.id, 1]]);
    // Ticket 101 was reviewed by both: with the coach chosen, the coach's review is the one compared.
    expect(await pairsOf({ reviewer: coach.id })).toEqual([[card.id, 1], [chatCard.id, 1]]);
    expect(await pairsOf({ channel: 'chat' })).toEqual([[chatCard.id, 1]]);
    expect(await pairsOf({ scorecard: card.id })).toEqual([[card.id, 1]]);
    expect(await pairsOf({ scorecard: `${chatCard.id}@${chatCard.version}` })).toEqual([[chatCard.id, 1]]);
    expect(await pairsOf({ helpdesk: 'freshdesk' })).toEqual([]);
    expect(await pairsOf({ team: 'Tuki' })).toEqual([[card.id, 1], [chatCard.id, 1]]);
    expect(await pairsOf({ team: 'Myynti' })).toEqual([]);
  });
});
