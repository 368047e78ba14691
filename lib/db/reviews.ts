// Reviews, drafts and their revisions: every write that belongs together is one transaction.
import Dexie from 'dexie';
import { reviewSchema, type Review, type ReviewDraft } from '../model';
import { db } from './database';
import { keepRevisions, writeSynced } from './writes';

/** Autosave: called on every change, so it is one put and nothing else. */
export async function saveReviewDraft(draft: ReviewDraft): Promise<void> {
  await db().reviewDrafts.put(draft);
}

export async function getReviewDraft(key: string): Promise<ReviewDraft | undefined> {
  return db().reviewDrafts.get(key);
}

export async function draftsOfTicket(ticketKey: string): Promise<ReviewDraft[]> {
  const drafts = await db().reviewDrafts.where('ticketKey').equals(ticketKey).toArray();
  return drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function discardReviewDraft(key: string): Promise<void> {
  await db().reviewDrafts.delete(key);
}

/**
 * Stores a submitted review and drops its draft; an edit keeps the previous revision.
 * Through the one writer: its outbox row and rollups land in the same transaction.
 */
export async function submitReview(review: Review, draftKeyToDrop: string | null): Promise<Review> {
  const database = db();
  return writeSynced(
    database,
    ['reviews'],
    'local',
    async (writer) => {
      const previous = await database.reviews.get(review.id);
      const stored = reviewSchema.parse({ ...review, revision: previous ? previous.revision + 1 : 1 });
      await keepRevisions(database, [previous]);
      await writer.put('reviews', [stored], { before: [previous], at: stored.updatedAt });
      if (draftKeyToDrop) await database.reviewDrafts.delete(draftKeyToDrop);
      return stored;
    },
    [database.reviewRevisions, database.reviewDrafts],
  );
}

/** Deletion is a tombstone: the review stays, marked deleted, so the deletion syncs and history holds. */
export async function deleteReview(id: string, now: Date): Promise<void> {
  const database = db();
  await writeSynced(
    database,
    ['reviews'],
    'local',
    async (writer) => {
      const previous = await database.reviews.get(id);
      if (!previous || previous.deleted) return;
      await keepRevisions(database, [previous]);
      const at = now.toISOString();
      const tombstone = { ...previous, deleted: true, revision: previous.revision + 1, updatedAt: at };
      await writer.put('reviews', [tombstone], { before: [previous], at });
    },
    [database.reviewRevisions],
  );
}

/** The sidebar's ticket history: one indexed range, newest first, tombstones left out. */
export async function reviewsOfTicket(ticketKey: string): Promise<Review[]> {
  const rows = await db()
    .reviews.where('[ticketKey+createdAt]')
    .between([ticketKey, Dexie.minKey], [ticketKey, Dexie.maxKey])
    .reverse()
    .toArray();
  return rows.filter((review) => !review.deleted);
}

export async function reviewsOfAgent(agentId: string): Promise<Review[]> {
  const rows = await db()
    .reviews.where('[reviewee.id+createdAt]')
    .between([agentId, Dexie.minKey], [agentId, Dexie.maxKey])
    .reverse()
    .toArray();
  return rows.filter((review) => !review.deleted);
}

export async function getReview(id: string): Promise<Review | undefined> {
  return db().reviews.get(id);
}

export async function revisionsOfReview(id: string): Promise<Review[]> {
  const rows = await db().reviewRevisions.where('reviewId').equals(id).sortBy('revision');
  return rows.map((row) => row.review);
}

