// Reviews, their drafts, and agents' self-checks: what reviewers and agents create.
import { z } from 'zod';
import { docTeamSchema } from './team';
import { channelSchema, ticketRefSchema } from './ticket';

const id = z.string().min(1).max(100);
const text = z.string().max(20_000);
const timestamp = z.iso.datetime();

export const personSchema = z.strictObject({
  /** E-mail when known (the identity across helpdesks and the backend), else the display name. */
  id: z.string().min(1).max(300),
  name: z.string().max(300),
});
export type Person = z.infer<typeof personSchema>;

/**
 * An e-mail as kinds that need the team backend name people (calibration, disputes): lower-cased,
 * as the server compares them, and without `|`, so ids joined from e-mails stay unambiguous.
 */
export const emailSchema = z.email().max(254).lowercase();

/** An e-mail as identities compare (a person's id, a roster member, a team setting's agent): trimmed, lower-cased. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

export const ratingSchema = z.strictObject({
  criterionId: id,
  /** The level's value, or null when not rated yet. */
  value: z.number().int().min(0).max(10).nullable(),
  na: z.boolean(),
  comment: z.string().max(5000),
});
export type Rating = z.infer<typeof ratingSchema>;

export const reviewTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('conversation') }),
  z.strictObject({ kind: z.literal('message'), messageId: z.string().min(1).max(200) }),
]);
export type ReviewTarget = z.infer<typeof reviewTargetSchema>;

/** What the reviewer fills in; shared by drafts and submitted reviews. */
export const reviewContentSchema = z.strictObject({
  scorecardId: id,
  scorecardVersion: z.number().int().min(1),
  reviewee: personSchema.nullable(),
  target: reviewTargetSchema,
  ratings: z.array(ratingSchema).max(100),
  strengths: text,
  developmentAreas: text,
  /** Criteria the reviewer marked as strengths / development areas. */
  strengthCriteria: z.array(id).max(100),
  developmentCriteria: z.array(id).max(100),
  feedback: text,
  /** Active reviewing time (idle pauses excluded). */
  activeMs: z.number().int().min(0),
});
export type ReviewContent = z.infer<typeof reviewContentSchema>;

/**
 * Reviews in bulk (pulls, imports) are checked by a validator compiled from this schema (lib/model/bulk.ts,
 * `npm run validators` after a change). No `.refine` here: JSON Schema cannot carry one, so the compiled
 * validator would not check it.
 */
export const reviewSchema = reviewContentSchema.extend({
  id,
  /** The team it belongs to: one the reviewer and the reviewee share (lib/sync/teams.ts chooses it). */
  team: docTeamSchema,
  reviewer: personSchema,
  reviewee: personSchema,
  ticket: ticketRefSchema,
  ticketKey: z.string().min(1).max(300),
  channel: channelSchema,
  /** Score 0…1, null when every criterion was N/A. */
  score: z.number().min(0).max(1).nullable(),
  passed: z.boolean().nullable(),
  criticalFail: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** Local edit counter: 1 at submit, +1 per edit; earlier revisions are kept in reviewRevisions. */
  revision: z.number().int().min(1),
  /** Tombstone: a deleted review stays, marked, so the deletion syncs and history holds. */
  deleted: z.boolean(),
  acknowledgedAt: timestamp.nullable(),
  /**
   * The dispute this revision applies (its accepted ratings, or the right agent): the history names it.
   * Absent or null on revisions a reviewer wrote. (Optional: reviews stored before disputes lack it.)
   */
  dispute: z.string().min(1).max(400).nullable().optional(),
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewDraftSchema = reviewContentSchema.extend({
  /** ticketKey + target: one draft per ticket and reviewed message. */
  key: z.string().min(1).max(400),
  ticket: ticketRefSchema,
  ticketKey: z.string().min(1).max(300),
  /** Set when the draft edits an already submitted review. */
  reviewId: id.nullable(),
  startedAt: timestamp,
  updatedAt: timestamp,
});
export type ReviewDraft = z.infer<typeof reviewDraftSchema>;

/** One self-check per ticket and agent. */
export function selfCheckId(ticketKey: string, agentId: string): string {
  return `${ticketKey}|${agentId}`;
}

export const selfCheckSchema = z.strictObject({
  id,
  /** The agent's team it belongs to (read by that team's leads). */
  team: docTeamSchema,
  ticket: ticketRefSchema,
  ticketKey: z.string().min(1).max(300),
  agent: personSchema,
  scorecardId: id,
  scorecardVersion: z.number().int().min(1),
  ratings: z.array(ratingSchema).max(100),
  /** How many automatic hints of each check the draft had when saved. */
  hintCounts: z.record(z.string().max(40), z.number().int().min(0)),
  /** Kept only when the agent chose to keep it. */
  draftText: z.string().max(100_000).nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deleted: z.boolean(),
})
  // The id names the ticket and the agent, so no one can take the id another agent's self-check of
  // the same ticket would have (the server also checks agent.id against the caller).
  .refine((check) => check.id === selfCheckId(check.ticketKey, check.agent.id), {
    path: ['id'],
    message: 'a self-check id is "<ticketKey>|<agent id>"',
  });

export type SelfCheck = z.infer<typeof selfCheckSchema>;
