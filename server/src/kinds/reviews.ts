// Reviews: written by their reviewer (a reviewer or lead); the reviewed person may only acknowledge.
import type { WriteRule } from './rule';
import { sameExcept } from './rule';

export const reviewsRule: WriteRule<'reviews'> = ({ role, me, next, current, change }) => {
  // In the review's team (the reviewee is a member of it: access.ts).
  const mayAuthor = role === 'reviewer' || role === 'lead';
  if (mayAuthor && next.owner === me && (current === null || current.owner === me)) return null;
  // The reviewee acknowledges: the only field they may change is acknowledgedAt, of a review that stands.
  if (current !== null && current.subject === me && current.owner !== me) {
    if (current.doc.deleted === true) return 'a deleted review cannot be acknowledged';
    return sameExcept(current.doc, change.doc, ['acknowledgedAt']) ? null : 'the reviewed person may only acknowledge a review (change acknowledgedAt)';
  }
  if (!mayAuthor) return `an ${role} may not write reviews in this team`;
  return 'reviewers write only their own reviews (reviewer.id must be your e-mail)';
};
