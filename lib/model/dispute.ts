// Disputes (issue 18): the reviewed agent questions a review, whole or per criterion; the reviewer or
// a lead of the team resolves it per criterion.
import { z } from 'zod';
import { check, noDuplicates } from './checks';
import { emailSchema, personSchema } from './review';
import { docTeamSchema } from './team';

const reviewId = z.string().min(1).max(100);
const criterionId = z.string().min(1).max(100);
const reason = z.string().min(1).max(5000);
const timestamp = z.iso.datetime();
const value = z.number().int().min(0).max(10).nullable();

/** One disputed criterion: why, and optionally the rating the agent proposes. */
export const disputeItemSchema = z.strictObject({
  criterionId,
  reason,
  proposed: z.strictObject({ value, na: z.boolean() }).nullable(),
});
export type DisputeItem = z.infer<typeof disputeItemSchema>;

/** The answer to one criterion: accepted with the new rating, or rejected with a reason. */
export const resolutionItemSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('accepted'), criterionId, value, na: z.boolean(), reason: z.string().max(5000) }),
  z.strictObject({ outcome: z.literal('rejected'), criterionId, reason }),
]);
export type ResolutionItem = z.infer<typeof resolutionItemSchema>;

export const resolutionSchema = z.strictObject({
  by: personSchema,
  at: timestamp,
  items: z.array(resolutionItemSchema).max(100),
  comment: z.string().max(5000),
  /** A wrong-agent dispute accepted: whom the review is about instead. */
  rightAgent: personSchema.nullable(),
});
export type Resolution = z.infer<typeof resolutionSchema>;

export const disputeStatusSchema = z.enum(['open', 'accepted', 'partially', 'rejected']);
export type DisputeStatus = z.infer<typeof disputeStatusSchema>;

/** A dispute's id: one per review and agent, derived, so nobody else can take it first. */
export function disputeId(agent: string, reviewId: string): string {
  return `${agent}|${reviewId}`;
}

export const disputeSchema = z
  .strictObject({
    /** disputeId(agent.id, reviewId) */
    id: z.string().min(1).max(400),
    reviewId,
    /** The review's team. */
    team: docTeamSchema,
    /** The reviewed agent who disputes: the owner. */
    agent: personSchema.extend({ id: emailSchema }),
    /** The review's reviewer: whom the dispute is about. */
    reviewer: personSchema,
    /** "This review is not about me." */
    wrongAgent: z.boolean(),
    /** Why, for the whole review (required when no criterion is disputed). */
    reason: z.string().max(5000),
    items: z.array(disputeItemSchema).max(100),
    status: disputeStatusSchema,
    resolution: resolutionSchema.nullable(),
    openedAt: timestamp,
    /** Set when a lead reopened a resolved dispute. */
    reopenedAt: timestamp.nullable(),
    updatedAt: timestamp,
    deleted: z.boolean(),
  })
  .superRefine((d, ctx) => {
    const id = disputeId(d.agent.id, d.reviewId);
    check(d.id === id, ['id'], `must be "${id}" (agent and review)`, ctx);
    noDuplicates(d.items, (i) => i.criterionId, ['items'], 'criterion', ctx);
    if (d.items.length === 0) check(d.reason.trim() !== '', ['reason'], 'a dispute of the whole review says why', ctx);
    if (d.wrongAgent) check(d.items.length === 0, ['items'], 'a wrong-agent dispute is about the whole review', ctx);
    const open = d.status === 'open';
    check(open === (d.resolution === null), ['resolution'], open ? 'an open dispute has no resolution' : `a ${d.status} dispute has its resolution`, ctx);
    if (!d.resolution) return;
    const answers = d.resolution.items;
    noDuplicates(answers, (i) => i.criterionId, ['resolution', 'items'], 'criterion', ctx);
    if (d.items.length > 0) {
      const disputed = new Set(d.items.map((i) => i.criterionId));
      const answered = new Set(answers.map((i) => i.criterionId));
      const unanswered = [...disputed].filter((c) => !answered.has(c));
      check(unanswered.length === 0, ['resolution', 'items'], `every disputed criterion is answered (missing: ${unanswered.join(', ')})`, ctx);
      answers.forEach((a, i) => check(disputed.has(a.criterionId), ['resolution', 'items', i, 'criterionId'], `"${a.criterionId}" was not disputed`, ctx));
      const accepted = answers.filter((a) => a.outcome === 'accepted').length;
      const expected = accepted === 0 ? 'rejected' : accepted === answers.length ? 'accepted' : 'partially';
      check(d.status === expected, ['status'], `must be "${expected}" for these answers`, ctx);
    } else {
      check(d.status !== 'partially', ['status'], 'a whole-review dispute is accepted or rejected', ctx);
    }
    if (d.status === 'rejected') check(d.items.length > 0 || d.resolution.comment.trim() !== '', ['resolution', 'comment'], 'a rejection says why', ctx);
    const moves = d.wrongAgent && d.status === 'accepted';
    check(moves === (d.resolution.rightAgent !== null), ['resolution', 'rightAgent'], moves ? 'an accepted wrong-agent dispute names the right agent' : 'only an accepted wrong-agent dispute names another agent', ctx);
  });
export type Dispute = z.infer<typeof disputeSchema>;
