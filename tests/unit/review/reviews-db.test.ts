// Submitting, editing and deleting reviews: revisions kept, tombstones, drafts dropped, outbox rows written.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ArvioDb,
  deleteReview,
  draftsOfTicket,
  getReview,
  reviewsOfTicket,
  revisionsOfReview,
  saveReviewDraft,
  submitReview,
  useDatabase,
} from '@/lib/db';
import { comment, draftFromReview, newDraft, rate, toReview } from '@/lib/review';
import { templates } from '@/lib/scorecards/templates';
import { scoreReview } from '@/lib/scoring';
import type { TicketRef } from '@/lib/model/ticket';
import { BACKEND_KEY } from '@/lib/db/database';

const card = templates.find((t) => t.id === 'tpl-chat-en')!;
const ticket: TicketRef = { helpdesk: 'zendesk', ticketId: '102', url: 'http://127.0.0.1/agent/tickets/102', subject: 'Login', channel: 'chat' };
const reviewer = { id: 'tiina@example.com', name: 'Tiina' };
const reviewee = { id: 'Mikko Laine', name: 'Mikko Laine' };
let database: ArvioDb;

beforeEach(async () => {
  database = new ArvioDb(`reviews-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  useDatabase(database);
  // Connected to a team backend: writes are queued for it.
  await database.settings.put({ key: BACKEND_KEY, value: { url: 'https://arvio.example.com', token: 'arv_test' } });
});
afterEach(async () => {
  await database.delete();
});

function ratedDraft(level: number) {
  let draft = newDraft(ticket, { kind: 'conversation' }, card, reviewee, new Date('2026-03-01T10:00:00Z'));
  for (const criterion of card.criteria) draft = rate(draft, criterion.id, { value: Math.min(level, criterion.levels.length - 1) });
  return draft;
}

describe('reviews in the database', () => {
  it('submitting stores the scored review, drops its draft and queues it for sync, in one go', async () => {
    const draft = ratedDraft(1);
    await saveReviewDraft(draft);
    const review = toReview(draft, card, reviewer, reviewee, 'r1', new Date('2026-03-01T10:05:00Z'), null, null);
    await submitReview(review, draft.key);

    const [stored] = await reviewsOfTicket('zendesk:102');
    expect(stored).toMatchObject({ id: 'r1', revision: 1, score: scoreReview(card, draft.ratings).score, reviewee });
    expect(await draftsOfTicket('zendesk:102')).toEqual([]);
    expect(await database.outbox.toArray()).toMatchObject([{ collection: 'reviews', docId: 'r1' }]);
  });

  it('an edit becomes revision 2 and keeps revision 1 readable', async () => {
    const first = ratedDraft(1);
    const original = await submitReview(toReview(first, card, reviewer, reviewee, 'r1', new Date('2026-03-01T10:05:00Z'), null, null), first.key);
    const edit = comment(draftFromReview(original, new Date('2026-03-02T09:00:00Z')), card.criteria[0]!.id, 'Good greeting');
    const existing = (await getReview('r1'))!;
    await submitReview(toReview(edit, card, reviewer, reviewee, 'r1', new Date('2026-03-02T09:01:00Z'), existing, null), edit.key);

    const now = (await getReview('r1'))!;
    expect(now.revision).toBe(2);
    expect(now.createdAt).toBe(original.createdAt);
    expect(now.ratings[0]!.comment).toBe('Good greeting');
    const history = await revisionsOfReview('r1');
    expect(history.map((r) => r.revision)).toEqual([1]);
    expect(history[0]!.ratings[0]!.comment).toBe('');
  });

  it('deleting leaves a tombstone that syncs, and hides it from the ticket history', async () => {
    const draft = ratedDraft(2);
    await submitReview(toReview(draft, card, reviewer, reviewee, 'r1', new Date('2026-03-01T10:05:00Z'), null, null), draft.key);
    await deleteReview('r1', new Date('2026-03-03T08:00:00Z'));

    expect(await reviewsOfTicket('zendesk:102')).toEqual([]);
    expect(await getReview('r1')).toMatchObject({ deleted: true, revision: 2 });
    expect((await database.outbox.toArray()).map((row) => row.docId)).toEqual(['r1', 'r1']);
    expect((await revisionsOfReview('r1')).map((r) => r.deleted)).toEqual([false]);
  });
});
