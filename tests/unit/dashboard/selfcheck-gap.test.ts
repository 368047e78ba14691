// The self-check vs reviewer gap: pairs a self-check with the review of the same ticket and agent.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArvioDb, saveSelfCheck, submitReview, useDatabase } from '@/lib/db';
import { selfCheckGap } from '@/lib/dashboard';
import { newDraft, rate, toReview } from '@/lib/review';
import { templates } from '@/lib/scorecards';
import type { TicketRef } from '@/lib/model/ticket';

const card = templates.find((t) => t.id === 'tpl-email-fi')!;
const ticket: TicketRef = { helpdesk: 'zendesk', ticketId: '101', url: 'u', subject: 's', channel: 'email' };
let database: ArvioDb;

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

    const gaps = await selfCheckGap({ from: '2026-01', to: '2026-12', agent: null }, templates);
    expect(gaps).toEqual([{ criterionId: 'tone', title: tone.title, self: 1, reviewer: 0, pairs: 1 }]);
    expect(await selfCheckGap({ from: '2026-04', to: '2026-12', agent: null }, templates)).toEqual([]);
    expect(await selfCheckGap({ from: '2026-01', to: '2026-12', agent: 'Mikko' }, templates)).toEqual([]);
  });
});
