// Disputes, the pure domain: who may open one and until when, the one place a dispute is made, its
// resolution (the outcome follows from the answers), and the review revision an accepted one becomes.
import {
  emailKey,
  DAY_MS,
  disputeId,
  disputeSchema,
  type Dispute,
  type DisputeItem,
  type DisputeStatus,
  type Person,
  type Rating,
  type ResolutionItem,
  type Review,
  type Scorecard,
} from '../model';
import { scoreReview } from '../scoring';

export { countWaiting, disputesWaiting, type Viewer } from './waiting';
export { disputeFigures, type DisputeFigures, type CriterionOverturns, type ReviewerDisputes } from './figures';


/** When the window to dispute a review closes (the days are its team's setting: lib/teamSettings windowDaysOf). */
export function windowEnds(review: Pick<Review, 'createdAt'>, windowDays: number): Date {
  return new Date(Date.parse(review.createdAt) + windowDays * DAY_MS);
}

export type NoDispute = 'notAboutYou' | 'deleted' | 'windowClosed' | 'alreadyDisputed';

/**
 * Why `me` may not dispute this review now, or null when they may: only the reviewed agent, of a
 * review that stands, within the window, and once (one dispute per review; a lead may reopen it).
 */
export function whyNoDispute(review: Review, me: string, existing: Dispute | undefined, now: Date, windowDays: number): NoDispute | null {
  if (emailKey(review.reviewee.id) !== emailKey(me) || emailKey(review.reviewer.id) === emailKey(me)) return 'notAboutYou';
  if (review.deleted) return 'deleted';
  if (existing && !existing.deleted) return 'alreadyDisputed';
  if (now.getTime() > windowEnds(review, windowDays).getTime()) return 'windowClosed';
  return null;
}

export interface DisputeInput {
  review: Review;
  agent: Person;
  /** "This review is not about me": then no criteria. */
  wrongAgent: boolean;
  /** Why, for the whole review (required when no criterion is disputed). */
  reason: string;
  items: DisputeItem[];
  now: Date;
}

/** The one place a dispute document is made: in its review's team (a child belongs to its parent's). Throws what the schema refuses. */
export function newDispute({ review, agent, wrongAgent, reason, items, now }: DisputeInput): Dispute {
  const at = now.toISOString();
  const agentId = emailKey(agent.id);
  return disputeSchema.parse({
    id: disputeId(agentId, review.id),
    reviewId: review.id,
    agent: { id: agentId, name: agent.name },
    reviewer: review.reviewer,
    wrongAgent,
    reason: reason.trim(),
    items: wrongAgent ? [] : items.map((item) => ({ ...item, reason: item.reason.trim() })),
    status: 'open',
    resolution: null,
    openedAt: at,
    reopenedAt: null,
    updatedAt: at,
    deleted: false,
    team: review.team,
  });
}

/** The outcome a set of answers gives: all accepted, some, or none. */
export function outcomeOf(dispute: Pick<Dispute, 'items'>, answers: readonly ResolutionItem[], wholeAccepted: boolean): Exclude<DisputeStatus, 'open'> {
  if (dispute.items.length === 0) return wholeAccepted ? 'accepted' : 'rejected';
  const accepted = answers.filter((a) => a.outcome === 'accepted').length;
  return accepted === 0 ? 'rejected' : accepted === answers.length ? 'accepted' : 'partially';
}

export interface ResolutionInput {
  by: Person;
  now: Date;
  /** One answer per disputed criterion (none for a whole-review dispute). */
  answers: ResolutionItem[];
  /** A whole-review dispute: accepted or not. */
  wholeAccepted: boolean;
  comment: string;
  /** A wrong-agent dispute accepted: whom the review is about instead. */
  rightAgent: Person | null;
}

/** The dispute resolved: its status follows from the answers. Throws what the schema refuses (a rejection without a reason). */
export function resolve(dispute: Dispute, { by, now, answers, wholeAccepted, comment, rightAgent }: ResolutionInput): Dispute {
  const status = outcomeOf(dispute, answers, wholeAccepted);
  const at = now.toISOString();
  return disputeSchema.parse({
    ...dispute,
    status,
    resolution: {
      by,
      at,
      items: answers,
      comment: comment.trim(),
      rightAgent: dispute.wrongAgent && status === 'accepted' ? rightAgent : null,
    },
    updatedAt: at,
  });
}

/** A lead reopens a resolved dispute: open again, its resolution gone, the time of reopening kept. */
export function reopen(dispute: Dispute, now: Date): Dispute {
  const at = now.toISOString();
  return disputeSchema.parse({ ...dispute, status: 'open', resolution: null, reopenedAt: at, updatedAt: at });
}

/**
 * The review's next revision that a resolved dispute makes, or null when it changes nothing: accepted
 * ratings replace the disputed ones (their comments kept), an accepted wrong-agent dispute names the
 * right agent, and score, pass and critical fail are scored again with the card's formula. The
 * revision number is the writer's (lib/db).
 */
export function appliedReview(review: Review, dispute: Dispute, card: Scorecard, now: Date): Review | null {
  const resolution = dispute.resolution;
  if (!resolution || dispute.status === 'rejected') return null;
  const accepted = new Map(resolution.items.flatMap((a) => (a.outcome === 'accepted' ? [[a.criterionId, a] as const] : [])));
  const ratings: Rating[] = review.ratings.map((r) => {
    const a = accepted.get(r.criterionId);
    return a ? { ...r, value: a.na ? null : a.value, na: a.na } : r;
  });
  for (const [criterionId, a] of accepted) {
    if (!review.ratings.some((r) => r.criterionId === criterionId)) ratings.push({ criterionId, value: a.na ? null : a.value, na: a.na, comment: '' });
  }
  const reviewee = resolution.rightAgent ?? review.reviewee;
  const ratingsChanged = ratings.some((r, i) => r !== review.ratings[i]) || ratings.length !== review.ratings.length;
  if (!ratingsChanged && reviewee === review.reviewee) return null;
  const { score, passed, criticalFail } = scoreReview(card, ratings);
  return { ...review, ratings, reviewee, score, passed, criticalFail, updatedAt: now.toISOString(), dispute: dispute.id };
}

/** Whole days a dispute has waited (open) or took (resolved). */
export function ageDays(dispute: Pick<Dispute, 'openedAt' | 'reopenedAt' | 'resolution'>, now: Date): number {
  const from = Date.parse(dispute.reopenedAt ?? dispute.openedAt);
  const to = dispute.resolution ? Date.parse(dispute.resolution.at) : now.getTime();
  return Math.max(0, Math.floor((to - from) / DAY_MS));
}
