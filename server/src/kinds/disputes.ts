// Disputes: opened only by the reviewed agent, on their own review; resolved only by the review's
// reviewer or a lead of the team, never by the one who disputes; once resolved, changed by a lead only;
// opened only within the window the team's settings set.
import { DAY_MS, disputeWindowDays, emailKey, type Dispute, type TeamSettings } from '../../../lib/model';
import { changedFields, isTeamLead, type DocAccess, type WriteRule } from './rule';

const FIXED = ['id', 'reviewId', 'agent', 'reviewer', 'openedAt'];
/** The agent's part, while the dispute is open. */
const AGENT = ['wrongAgent', 'reason', 'items', 'deleted'];
/** The resolver's part. */
const RESOLVER = ['status', 'resolution', 'reopenedAt'];

/**
 * Why the window to dispute this review has closed, or null while it is open. It counts from when
 * the server first stored the review (`storedForMs`, the database's clock), never from a time a
 * client wrote: the review's `createdAt` is the reviewer's clock, the dispute's `openedAt` the
 * agent's, and the agent could set theirs back. A review pushed late (offline, imported) is
 * disputable longer than its `createdAt` says; the extension counts from `createdAt` and so never
 * offers a dispute the server would refuse (clocks agreeing). A dispute the agent wrote offline in
 * time but pushed after the window is refused too: the server cannot tell it from a forged one.
 */
function windowClosed(review: DocAccess, settings: DocAccess | null): string | null {
  const days = disputeWindowDays(settings?.doc as TeamSettings | undefined);
  return (review.storedForMs ?? 0) > days * DAY_MS ? `the window to dispute this review has closed (${days} days from the review, set by the team’s lead)` : null;
}

export const disputesRule: WriteRule<'disputes'> = (request) => {
  const { me, change, next, current, parent: review, cited: settings } = request;
  const doc = change.doc;
  if (review === null || review.doc.deleted === true) return 'no such review';
  if (next.subject !== review.owner) return 'a dispute names the review’s reviewer (reviewer.id)';
  if (current === null) {
    if (next.owner !== me) return 'a dispute is opened in your own name (agent.id must be your e-mail)';
    if (review.subject !== me) return 'only the reviewed agent disputes a review';
    if (doc.status !== 'open') return 'a dispute opens unresolved';
    return windowClosed(review, settings);
  }
  const before = current.doc as Dispute;
  // A withdrawn dispute opened again is a new one: within the window too.
  const reopened = before.deleted && !doc.deleted ? windowClosed(review, settings) : null;
  if (reopened !== null) return reopened;
  const changed = changedFields(before, doc).filter((field) => field !== 'updatedAt');
  if (changed.some((field) => FIXED.includes(field))) return 'a dispute keeps its review, agent, reviewer and opening time';
  const lead = isTeamLead(request);
  if (before.status !== 'open' && !lead) return 'a resolved dispute is changed only by a lead of the team';
  if (changed.some((field) => AGENT.includes(field)) && current.owner !== me) return 'the reasons of a dispute are the disputing agent’s';
  if (changed.some((field) => RESOLVER.includes(field))) {
    if (current.owner === me) return 'nobody resolves their own dispute';
    if (review.owner !== me && !lead) return 'only the review’s reviewer or a lead of the team resolves a dispute';
    if (doc.resolution !== null && emailKey(doc.resolution.by.id) !== me) return 'a resolution is given in your own name (resolution.by must be you)';
  }
  return null;
};
