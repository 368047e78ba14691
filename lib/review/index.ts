// Reviewing as pure steps: start a draft, rate, mark, time it, and turn it into a review.
import {
  ticketKey,
  type Person,
  type Rating,
  type Review,
  type ReviewDraft,
  type ReviewTarget,
  type Scorecard,
  type TicketMessage,
  type TicketRef,
} from '../model';
import { scoreReview } from '../scoring';

/** Time between two interactions counts as reviewing only up to this long (then the reviewer was away). */
export const IDLE_AFTER_MS = 30_000;

export function draftKeyOf(ticketKeyValue: string, target: ReviewTarget): string {
  return `${ticketKeyValue}|${target.kind === 'message' ? `m:${target.messageId}` : 'conversation'}`;
}

/** Agents who wrote in the ticket, in order of first appearance: the reviewee candidates. */
export function revieweeCandidates(messages: readonly TicketMessage[]): Person[] {
  const seen = new Map<string, Person>();
  for (const message of messages) {
    if (message.role !== 'agent' || !message.author.trim()) continue;
    const name = message.author.trim();
    if (!seen.has(name)) seen.set(name, { id: name, name });
  }
  return [...seen.values()];
}

/** The reviewee to propose: the author of the reviewed message, else the ticket's only or last agent. */
export function proposeReviewee(messages: readonly TicketMessage[], target: ReviewTarget): Person | null {
  if (target.kind === 'message') {
    const message = messages.find((m) => m.id === target.messageId);
    if (message?.role === 'agent' && message.author.trim()) return { id: message.author.trim(), name: message.author.trim() };
  }
  const candidates = revieweeCandidates(messages);
  return candidates[candidates.length - 1] ?? null;
}

/** Criteria in the order the form shows them (by group): keyboard movement follows what the reviewer sees. */
export function formOrder(card: Scorecard): Scorecard['criteria'] {
  return card.groups.flatMap((g) => card.criteria.filter((c) => c.groupId === g.id));
}

/**
 * A review started by a digit (1–9) instead of Enter: that digit is the first criterion's level, as
 * it would have been pressed on the form. A digit the first criterion has no level for rates nothing.
 */
export function startWithDigit(draft: ReviewDraft, card: Scorecard, digit: number): ReviewDraft {
  const [first] = formOrder(card);
  const level = first?.levels[digit - 1];
  return first && level ? rate(draft, first.id, { value: level.value }) : draft;
}

export function emptyRatings(card: Scorecard): Rating[] {
  return card.criteria.map((c) => ({ criterionId: c.id, value: null, na: false, comment: '' }));
}

export function newDraft(
  ticket: TicketRef,
  target: ReviewTarget,
  card: Scorecard,
  reviewee: Person | null,
  now: Date,
): ReviewDraft {
  const key = ticketKey(ticket);
  return {
    key: draftKeyOf(key, target),
    ticket,
    ticketKey: key,
    reviewId: null,
    scorecardId: card.id,
    scorecardVersion: card.version,
    reviewee,
    target,
    ratings: emptyRatings(card),
    strengths: '',
    developmentAreas: '',
    strengthCriteria: [],
    developmentCriteria: [],
    feedback: '',
    activeMs: 0,
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/** A draft that edits a submitted review: the same content, keyed so it cannot clash with a new review. */
export function draftFromReview(review: Review, now: Date): ReviewDraft {
  return {
    key: `${draftKeyOf(review.ticketKey, review.target)}|edit:${review.id}`,
    ticket: review.ticket,
    ticketKey: review.ticketKey,
    reviewId: review.id,
    scorecardId: review.scorecardId,
    scorecardVersion: review.scorecardVersion,
    reviewee: review.reviewee,
    target: review.target,
    ratings: review.ratings,
    strengths: review.strengths,
    developmentAreas: review.developmentAreas,
    strengthCriteria: review.strengthCriteria,
    developmentCriteria: review.developmentCriteria,
    feedback: review.feedback,
    activeMs: review.activeMs,
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

export type RatingChoice = { value: number } | { na: true } | { clear: true };

export function rate(draft: ReviewDraft, criterionId: string, choice: RatingChoice): ReviewDraft {
  return updateRating(draft, criterionId, (r) =>
    'value' in choice
      ? { ...r, value: choice.value, na: false }
      : 'na' in choice
        ? { ...r, value: null, na: true }
        : { ...r, value: null, na: false },
  );
}

export function comment(draft: ReviewDraft, criterionId: string, text: string): ReviewDraft {
  return updateRating(draft, criterionId, (r) => ({ ...r, comment: text }));
}

function updateRating(draft: ReviewDraft, criterionId: string, change: (r: Rating) => Rating): ReviewDraft {
  const exists = draft.ratings.some((r) => r.criterionId === criterionId);
  const ratings = exists
    ? draft.ratings.map((r) => (r.criterionId === criterionId ? change(r) : r))
    : [...draft.ratings, change({ criterionId, value: null, na: false, comment: '' })];
  return { ...draft, ratings };
}

export function toggleMark(draft: ReviewDraft, criterionId: string, mark: 'strength' | 'development'): ReviewDraft {
  const field = mark === 'strength' ? 'strengthCriteria' : 'developmentCriteria';
  const other = mark === 'strength' ? 'developmentCriteria' : 'strengthCriteria';
  const on = draft[field].includes(criterionId);
  return {
    ...draft,
    [field]: on ? draft[field].filter((id) => id !== criterionId) : [...draft[field], criterionId],
    // A criterion is a strength or a development area, not both.
    [other]: draft[other].filter((id) => id !== criterionId),
  };
}

/** Adds the time since the last interaction, capped so a coffee break does not count as reviewing. */
export function addActiveTime(draft: ReviewDraft, lastInteractionMs: number | null, nowMs: number): ReviewDraft {
  if (lastInteractionMs === null) return draft;
  const delta = Math.max(0, Math.min(nowMs - lastInteractionMs, IDLE_AFTER_MS));
  return { ...draft, activeMs: draft.activeMs + Math.round(delta) };
}

export function toReview(
  draft: ReviewDraft,
  card: Scorecard,
  reviewer: Person,
  reviewee: Person,
  id: string,
  now: Date,
  existing: Review | null,
  /** The team chosen for a new review (lib/sync/roster.ts teamChoices); an edit keeps the review's own. */
  team: string | null,
): Review {
  const result = scoreReview(card, draft.ratings);
  const at = now.toISOString();
  return {
    id,
    team: existing?.team ?? team,
    scorecardId: draft.scorecardId,
    scorecardVersion: draft.scorecardVersion,
    reviewer: existing?.reviewer ?? reviewer,
    reviewee,
    target: draft.target,
    ratings: draft.ratings,
    strengths: draft.strengths,
    developmentAreas: draft.developmentAreas,
    strengthCriteria: draft.strengthCriteria,
    developmentCriteria: draft.developmentCriteria,
    feedback: draft.feedback,
    activeMs: draft.activeMs,
    ticket: draft.ticket,
    ticketKey: draft.ticketKey,
    channel: draft.ticket.channel,
    score: result.score,
    passed: result.passed,
    criticalFail: result.criticalFail,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    revision: existing?.revision ?? 1,
    deleted: false,
    acknowledgedAt: existing?.acknowledgedAt ?? null,
  };
}
export { CHECK_CRITERIA, hintCounts, hintsFor, mergeRatings, selfCheckableCriteria, suggestedRatings } from './selfcheck';
