// Disputes in the database: opened, resolved (the review's new revision in the same transaction), reopened.
import { appliedReview } from '../disputes';
import { disputeId, disputeSchema, emailKey, type Dispute, type Review } from '../model';
import { db } from './database';
import { keepRevisions, writeSynced } from './writes';
import { DisputeStateError } from './disputeState';

/** Opens a dispute (made by lib/disputes newDispute); one per review and agent. */
export async function openDispute(dispute: Dispute): Promise<Dispute> {
  const valid = disputeSchema.parse(dispute);
  const database = db();
  return writeSynced(database, ['disputes'], 'local', async (writer) => {
    const existing = await database.disputes.get(valid.id);
    if (existing && !existing.deleted) throw new DisputeStateError('disputedAlready', 'this review is disputed already');
    await writer.put('disputes', [valid], { before: [existing], at: valid.updatedAt });
    return valid;
  });
}

/**
 * Stores a resolution (lib/disputes resolve) and, in the same transaction, the review's next revision
 * with the accepted ratings or the right agent: the previous revision is kept in the history, the new
 * one names the dispute, and the rollups follow through the one writer. Reads three rows by key and
 * writes four: no scan, whatever the size of the profile.
 */
export async function resolveDispute(resolved: Dispute, now: Date): Promise<{ dispute: Dispute; review: Review | null }> {
  const valid = disputeSchema.parse(resolved);
  if (valid.status === 'open') throw new DisputeStateError('noOutcome', 'a resolution has an outcome');
  const database = db();
  return writeSynced(
    database,
    ['disputes', 'reviews'],
    'local',
    async (writer) => {
      const [stored, review] = await Promise.all([database.disputes.get(valid.id), database.reviews.get(valid.reviewId)]);
      if (!stored || stored.deleted) throw new DisputeStateError('noSuchDispute', 'no such dispute');
      if (stored.status !== 'open') throw new DisputeStateError('resolvedAlready', 'this dispute is resolved already');
      if (!review || review.deleted) throw new DisputeStateError('reviewGone', 'the disputed review is gone');
      const card = await database.scorecards.get([review.scorecardId, review.scorecardVersion]);
      if (!card) throw new DisputeStateError('scorecardMissing', `the review's scorecard ${review.scorecardId} v${review.scorecardVersion} is missing`);
      const at = now.toISOString();
      const applied = appliedReview(review, valid, card, now);
      await writer.put('disputes', [valid], { before: [stored], at });
      if (!applied) return { dispute: valid, review: null };
      const next = { ...applied, revision: review.revision + 1 };
      await keepRevisions(database, [review]);
      await writer.put('reviews', [next], { before: [review], at });
      return { dispute: valid, review: next };
    },
    [database.reviewRevisions, database.scorecards],
  );
}

/** A lead reopens a resolved dispute (lib/disputes reopen). */
export async function reopenDispute(reopened: Dispute): Promise<Dispute> {
  const valid = disputeSchema.parse(reopened);
  const database = db();
  return writeSynced(database, ['disputes'], 'local', async (writer) => {
    const stored = await database.disputes.get(valid.id);
    if (!stored || stored.status === 'open') throw new DisputeStateError('notResolved', 'only a resolved dispute is reopened');
    await writer.put('disputes', [valid], { before: [stored], at: valid.updatedAt });
    return valid;
  });
}

/** The disputes of these reviews (any agent's), by the reviewId index. */
export async function disputesOfReviews(reviewIds: readonly string[]): Promise<Dispute[]> {
  if (reviewIds.length === 0) return [];
  const rows = await db().disputes.where('reviewId').anyOf([...reviewIds]).toArray();
  return rows.filter((d) => !d.deleted);
}

/** The dispute an agent opened on a review, if any. */
export async function disputeOf(agentId: string, reviewId: string): Promise<Dispute | undefined> {
  const row = await db().disputes.get(disputeId(emailKey(agentId), reviewId));
  return row && !row.deleted ? row : undefined;
}

/** Every dispute this profile holds (a team's are few beside its reviews), newest first. */
export async function listDisputes(): Promise<Dispute[]> {
  const rows = await db().disputes.toArray();
  return rows.filter((d) => !d.deleted).sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}
