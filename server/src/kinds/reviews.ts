// Reviews: written by their reviewer (a reviewer or lead); the reviewed person may only acknowledge; a
// lead of the team may write the revision that applies a dispute they resolved (its accepted ratings, the right agent).
import { emailKey, type Dispute, type Review } from '../../../lib/model';
import { changedFields, isTeamLead, sameExcept, type WriteRequest, type WriteRule } from './rule';

export const reviewsRule: WriteRule<'reviews'> = (request) => {
  const { role, me, next, current, change } = request;
  // In the review's team (the reviewee is a member of it: access.ts).
  const mayAuthor = role === 'reviewer' || role === 'lead';
  if (mayAuthor && next.owner === me && (current === null || current.owner === me)) return null;
  // The reviewee acknowledges: the only field they may change is acknowledgedAt, of a review that stands.
  if (current !== null && current.subject === me && current.owner !== me) {
    if (current.doc.deleted === true) return 'a deleted review cannot be acknowledged';
    return sameExcept(current.doc, change.doc, ['acknowledgedAt']) ? null : 'the reviewed person may only acknowledge a review (change acknowledgedAt)';
  }
  if (current !== null && change.doc.dispute && isTeamLead(request)) return refuseApplied(request);
  if (!mayAuthor) return `an ${role} may not write reviews in this team`;
  return 'reviewers write only their own reviews (reviewer.id must be your e-mail)';
};

/** What a revision applying a dispute may change; everything else stays the reviewer's. */
const APPLIED = ['ratings', 'score', 'passed', 'criticalFail', 'reviewee', 'revision', 'updatedAt', 'dispute'];

/**
 * A lead's revision of someone else's review: it must name a dispute of this review that the lead
 * resolved with an outcome that changes it, and change only what that outcome says.
 */
function refuseApplied({ me, change, current, cited }: WriteRequest<'reviews'>): string | null {
  const before = current!.doc as Review;
  const doc = change.doc;
  const dispute = cited?.doc as Dispute | undefined;
  if (!dispute || cited!.collection !== 'disputes' || dispute.reviewId !== change.id || dispute.deleted) return 'a lead’s revision of a review names a dispute of that review (dispute)';
  if (dispute.status === 'open' || dispute.status === 'rejected' || !dispute.resolution) return 'only an accepted dispute changes the review';
  if (emailKey(dispute.resolution.by.id) !== me) return 'a dispute is applied by the one who resolved it';
  const stray = changedFields(before, doc).filter((field) => !APPLIED.includes(field));
  if (stray.length > 0) return `applying a dispute changes only its ratings and the right agent (${stray.join(', ')})`;
  const rightAgent = dispute.resolution.rightAgent;
  if (emailKey(doc.reviewee.id) !== emailKey((rightAgent ?? before.reviewee).id)) return 'the review moves only to the right agent the dispute names';
  const accepted = new Map(dispute.resolution.items.flatMap((a) => (a.outcome === 'accepted' ? [[a.criterionId, a] as const] : [])));
  const was = new Map(before.ratings.map((r) => [r.criterionId, r]));
  for (const rating of doc.ratings) {
    const answer = accepted.get(rating.criterionId);
    const old = was.get(rating.criterionId);
    const ok = answer
      ? rating.na === answer.na && rating.value === (answer.na ? null : answer.value)
      : old !== undefined && old.value === rating.value && old.na === rating.na;
    if (!ok) return `criterion ${rating.criterionId} takes only the rating the dispute accepted`;
  }
  return null;
}
