// A full storage told apart from other failures, and a review that does not fit leaving everything saved before as it was.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArvioDb, draftsOfTicket, getReview, saveReviewDraft, submitReview, useDatabase } from '@/lib/db';
import { isQuotaError, QUOTA_EXCEEDED, StorageFullError } from '@/lib/db/quota';
import type { TicketRef } from '@/lib/model/ticket';
import { newDraft, rate, toReview } from '@/lib/review';
import { templates } from '@/lib/scorecards';
import { withFullDisk, type DiskControl } from './full-disk';

const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaError', () => {
  it('uses the name Dexie gives a full storage', () => {
    expect(Dexie.errnames.QuotaExceeded).toBe(QUOTA_EXCEEDED);
  });

  it.each<[string, unknown]>([
    ["the browser's QuotaExceededError", quota],
    ["Dexie's own QuotaExceededError", new Dexie.QuotaExceededError(quota)],
    // Chromium checks the quota at commit: Dexie then rejects the transaction with AbortError(inner).
    ['a transaction aborted because of it', new Dexie.AbortError(quota)],
    ['a bulk write where one item did not fit', new Dexie.BulkError('bulkPut failed', { 3: quota })],
    ['an error caused by it', new Error('import failed', { cause: quota })],
    ["Firefox's older name", new DOMException('', 'NS_ERROR_DOM_QUOTA_REACHED')],
    ["the database service's reply, rethrown in the sidebar", new StorageFullError('QuotaExceededError')],
  ])('recognises %s', (_story, error) => {
    expect(isQuotaError(error)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a plain error', new Error('QuotaExceededError mentioned in a message only')],
    ['a constraint error', new Dexie.ConstraintError('Key already exists')],
    ['an aborted transaction without a cause', new Dexie.AbortError()],
    ['a bulk write failing for another reason', new Dexie.BulkError('bulkPut failed', { 0: new DOMException('', 'DataError') })],
    ['a string', 'QuotaExceededError'],
    ['nothing', null],
  ])('does not take %s for a full storage', (_story, error) => {
    expect(isQuotaError(error)).toBe(false);
  });

  it('stops on errors that wrap each other in a circle', () => {
    const a = new Error('a') as Error & { inner?: unknown };
    const b = new Error('b', { cause: a });
    a.inner = b;
    expect(isQuotaError(a)).toBe(false);
  });
});

describe('a review that does not fit', () => {
  const card = templates.find((t) => t.id === 'tpl-chat-en')!;
  const reviewer = { id: 'tiina@example.com', name: 'Tiina' };
  const reviewee = { id: 'Mikko Laine', name: 'Mikko Laine' };
  const ticket = (id: string): TicketRef => ({ helpdesk: 'zendesk', ticketId: id, url: `http://127.0.0.1/agent/tickets/${id}`, subject: 'Login', channel: 'chat' });
  let database: ArvioDb;
  let disk: DiskControl;

  beforeEach(() => {
    database = new ArvioDb(`quota-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    disk = withFullDisk(database);
    useDatabase(database);
  });
  afterEach(async () => {
    await database.delete();
  });

  function ratedDraft(id: string) {
    let draft = newDraft(ticket(id), { kind: 'conversation' }, card, reviewee, new Date('2026-03-01T10:00:00Z'));
    for (const criterion of card.criteria) draft = rate(draft, criterion.id, { value: 1 });
    return draft;
  }

  async function everything() {
    const [reviews, drafts, outbox, rollups, revisions] = await Promise.all([
      database.reviews.toArray(),
      database.reviewDrafts.toArray(),
      database.outbox.toArray(),
      database.rollups.toArray(),
      database.reviewRevisions.toArray(),
    ]);
    return { reviews, drafts, outbox, rollups, revisions };
  }

  it('is refused as a full storage; earlier reviews, its own draft, the outbox and the rollups stay as they were', async () => {
    const first = ratedDraft('101');
    await submitReview(toReview(first, card, reviewer, reviewee, 'r1', new Date('2026-03-01T10:05:00Z'), null), first.key);
    const second = ratedDraft('102');
    await saveReviewDraft(second);
    const before = await everything();

    disk.fill();
    const attempt = submitReview(toReview(second, card, reviewer, reviewee, 'r2', new Date('2026-03-01T11:05:00Z'), null), second.key);
    await expect(attempt).rejects.toSatisfy(isQuotaError);

    expect(await everything()).toEqual(before);
    expect(await getReview('r2')).toBeUndefined();
    // The draft was to be dropped in the same transaction: it is still there to submit again.
    expect(await draftsOfTicket('zendesk:102')).toHaveLength(1);

    disk.free();
    await submitReview(toReview(second, card, reviewer, reviewee, 'r2', new Date('2026-03-01T11:06:00Z'), null), second.key);
    expect(await getReview('r2')).toMatchObject({ id: 'r2', revision: 1 });
    expect(await draftsOfTicket('zendesk:102')).toEqual([]);
  });
});
