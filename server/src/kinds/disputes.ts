// Disputes: opened only by the reviewed agent, on their own review; resolved only by the review's
// reviewer or a lead of the team, never by the one who disputes; once resolved, changed by a lead only.
import type { Dispute } from '../../../lib/model/dispute';
import type { WriteRule } from './rule';
import { changedFields, isTeamLead, normalized } from './rule';

const FIXED = ['id', 'reviewId', 'agent', 'reviewer', 'openedAt'];
/** The agent's part, while the dispute is open. */
const AGENT = ['wrongAgent', 'reason', 'items', 'deleted'];
/** The resolver's part. */
const RESOLVER = ['status', 'resolution', 'reopenedAt'];

export const disputesRule: WriteRule<'disputes'> = (request) => {
  const { me, change, next, current, parent: review } = request;
  const doc = change.doc;
  if (review === null || review.doc.deleted === true) return 'no such review';
  if (next.subject !== review.owner) return 'a dispute names the review’s reviewer (reviewer.id)';
  if (current === null) {
    if (next.owner !== me) return 'a dispute is opened in your own name (agent.id must be your e-mail)';
    if (review.subject !== me) return 'only the reviewed agent disputes a review';
    if (doc.status !== 'open') return 'a dispute opens unresolved';
    return null;
  }
  const before = current.doc as Dispute;
  const changed = changedFields(before, doc).filter((field) => field !== 'updatedAt');
  if (changed.some((field) => FIXED.includes(field))) return 'a dispute keeps its review, agent, reviewer and opening time';
  const lead = isTeamLead(request);
  if (before.status !== 'open' && !lead) return 'a resolved dispute is changed only by a lead of the team';
  if (changed.some((field) => AGENT.includes(field)) && current.owner !== me) return 'the reasons of a dispute are the disputing agent’s';
  if (changed.some((field) => RESOLVER.includes(field))) {
    if (current.owner === me) return 'nobody resolves their own dispute';
    if (review.owner !== me && !lead) return 'only the review’s reviewer or a lead of the team resolves a dispute';
    if (doc.resolution !== null && normalized(doc.resolution.by.id) !== me) return 'a resolution is given in your own name (resolution.by must be you)';
  }
  return null;
};
