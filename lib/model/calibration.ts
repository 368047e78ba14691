// Calibration (issue 16): reviewers score the same tickets blind, then agree. A session, and each
// participant's ratings of one ticket as a document of its own, so that each participant owns theirs.
import { z } from 'zod';
import { check, noDuplicates } from './checks';
import { emailSchema, ratingSchema } from './review';
import { docTeamSchema, teamIdSchema } from './team';
import { ticketKey, ticketRefSchema } from './ticket';

/** Session ids carry no `|`: a ratings id joins the session id, the participant and the ticket key with it. */
const sessionId = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
const criterionId = z.string().min(1).max(100);
const ticketKeyText = z.string().min(1).max(300);
const timestamp = z.iso.datetime();

export const MAX_CALIBRATION_TICKETS = 10;
export const MAX_CALIBRATION_PARTICIPANTS = 50;

/**
 * How the server names a participant to a reader who may not see who gave which rating: an address
 * that still reads as one (documents and the JSON export stay valid), `participant-2@pseudonymous.invalid`
 * (`.invalid` is reserved: it reaches nobody). The number is the server's (server/src/pseudonyms.ts),
 * not the participant's place in the session.
 */
export const pseudonymAddress = (n: number): string => `participant-${n}@pseudonymous.invalid`;

/** The number of a pseudonymous address, or null for any other address. */
export function pseudonymNumber(address: string): number | null {
  const match = /^participant-([1-9][0-9]{0,2})@pseudonymous\.invalid$/.exec(address);
  return match ? Number(match[1]) : null;
}

/** When participants see each other's ratings: each once they submitted their own, or all when the facilitator reveals. */
export const revealModeSchema = z.enum(['after-own-submit', 'facilitator-reveals']);
export type RevealMode = z.infer<typeof revealModeSchema>;

/** open → revealed (everyone's ratings shown) → closed (agreed); or cancelled. */
export const calibrationStatusSchema = z.enum(['open', 'revealed', 'closed', 'cancelled']);
export type CalibrationStatus = z.infer<typeof calibrationStatusSchema>;

export const calibrationTicketSchema = z
  .strictObject({ ticketKey: ticketKeyText, ticket: ticketRefSchema })
  .superRefine((t, ctx) => check(t.ticketKey === ticketKey(t.ticket), ['ticketKey'], `must be "${ticketKey(t.ticket)}" for this ticket`, ctx));
export type CalibrationTicket = z.infer<typeof calibrationTicketSchema>;

/** The rating the session agreed on, per ticket and criterion. */
export const agreedRatingSchema = z.strictObject({
  ticketKey: ticketKeyText,
  criterionId,
  value: z.number().int().min(0).max(10).nullable(),
  na: z.boolean(),
});
export type AgreedRating = z.infer<typeof agreedRatingSchema>;

/** How a criterion is to be read from now on, shown under its target-level text in later reviews. */
export const clarificationSchema = z.strictObject({
  criterionId,
  text: z.string().min(1).max(2000),
  by: emailSchema,
  at: timestamp,
  /** Retired by a lead: no longer shown. */
  retiredAt: timestamp.nullable(),
});
export type Clarification = z.infer<typeof clarificationSchema>;

/** A participant's alignment with the agreed ratings: 1 − |rating − agreed| / scale range, averaged over `rated` criteria. */
export const alignmentSchema = z.strictObject({
  participant: emailSchema,
  alignment: z.number().min(0).max(1),
  rated: z.number().int().min(0),
});
export type Alignment = z.infer<typeof alignmentSchema>;

export const calibrationSessionSchema = z
  .strictObject({
    id: sessionId,
    /** The server's id of the team the session belongs to. */
    team: teamIdSchema,
    title: z.string().max(200),
    startedBy: emailSchema,
    facilitator: emailSchema,
    scorecardId: z.string().min(1).max(100),
    scorecardVersion: z.number().int().min(1),
    tickets: z.array(calibrationTicketSchema).min(1).max(MAX_CALIBRATION_TICKETS),
    participants: z.array(emailSchema).min(2).max(MAX_CALIBRATION_PARTICIPANTS),
    deadline: timestamp,
    /** Participants are not shown the reviewed agent's name. */
    hideAgent: z.boolean(),
    /** Whether participants see who gave which rating after the reveal (the facilitator and leads always do). */
    namesShown: z.boolean(),
    revealMode: revealModeSchema,
    revealedAt: timestamp.nullable(),
    status: calibrationStatusSchema,
    agreed: z.array(agreedRatingSchema).max(MAX_CALIBRATION_TICKETS * 100),
    clarifications: z.array(clarificationSchema).max(100),
    alignments: z.array(alignmentSchema).max(MAX_CALIBRATION_PARTICIPANTS),
    createdAt: timestamp,
    updatedAt: timestamp,
    deleted: z.boolean(),
  })
  .superRefine((s, ctx) => {
    noDuplicates(s.tickets, (t) => t.ticketKey, ['tickets'], 'ticket', ctx);
    noDuplicates(s.participants, (p) => p, ['participants'], 'participant', ctx);
    const tickets = new Set(s.tickets.map((t) => t.ticketKey));
    const participants = new Set(s.participants);
    noDuplicates(s.agreed, (a) => `${a.ticketKey} ${a.criterionId}`, ['agreed'], 'agreed rating', ctx);
    s.agreed.forEach((a, i) => check(tickets.has(a.ticketKey), ['agreed', i, 'ticketKey'], `"${a.ticketKey}" is not a ticket of this session`, ctx));
    noDuplicates(s.alignments, (a) => a.participant, ['alignments'], 'participant', ctx);
    // A reader who may not see names gets the participants and their alignments alike by pseudonym (server/src/pseudonyms.ts).
    s.alignments.forEach((a, i) => check(participants.has(a.participant), ['alignments', i, 'participant'], `${a.participant} is not a participant`, ctx));
    if (s.status === 'open') check(s.revealedAt === null, ['revealedAt'], 'an open session is not revealed yet', ctx);
    if (s.status === 'revealed' || s.status === 'closed') check(s.revealedAt !== null, ['revealedAt'], `a ${s.status} session has been revealed`, ctx);
  });
export type CalibrationSession = z.infer<typeof calibrationSessionSchema>;

/** The id of a participant's ratings of one ticket: derived, so nobody else can take it first. */
export function calibrationRatingsId(sessionId: string, participant: string, ticketKey: string): string {
  return `${sessionId}|${participant}|${ticketKey}`;
}

/** One participant's ratings of one ticket of a session. Sent only once submitted; a draft stays in the profile. */
export const calibrationRatingsSchema = z
  .strictObject({
    /** calibrationRatingsId(sessionId, participant, ticketKey) */
    id: z.string().min(1).max(700),
    sessionId,
    /** The session's team. */
    team: docTeamSchema,
    ticketKey: ticketKeyText,
    participant: emailSchema,
    ratings: z.array(ratingSchema).max(100),
    submittedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    /**
     * Tombstone: erasing the participant (server/src/privacy.ts) deletes their ratings, without their
     * values and comments; everywhere ratings are read, a deleted one is not there. (Defaults to false:
     * ratings stored before the field are live.)
     */
    deleted: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    const id = calibrationRatingsId(r.sessionId, r.participant, r.ticketKey);
    check(r.id === id, ['id'], `must be "${id}" (session, participant and ticket)`, ctx);
    noDuplicates(r.ratings, (x) => x.criterionId, ['ratings'], 'criterion', ctx);
  });
export type CalibrationRatings = z.infer<typeof calibrationRatingsSchema>;

/** `GET /v1/calibration/:id/submitted`: the session's path parameter. */
export const calibrationSubmittedParamsSchema = z.strictObject({ id: sessionId });

/**
 * What the server tells anyone who may read a session about its ratings before they are opened to
 * them: who has submitted which tickets — "submitted: yes/no", never a rating.
 */
export const calibrationSubmittedResponseSchema = z.strictObject({
  submitted: z.array(z.strictObject({ participant: emailSchema, tickets: z.array(ticketKeyText).max(MAX_CALIBRATION_TICKETS) })).max(MAX_CALIBRATION_PARTICIPANTS),
});
export type CalibrationSubmittedResponse = z.infer<typeof calibrationSubmittedResponseSchema>;
