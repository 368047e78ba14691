// What an adapter reads from a helpdesk page: the ticket and its messages, as plain data.
import { z } from 'zod';

export const channelSchema = z.enum(['email', 'chat', 'call']);
export type Channel = z.infer<typeof channelSchema>;

export const messageRoleSchema = z.enum(['customer', 'agent', 'internal', 'bot', 'system']);
export type MessageRole = z.infer<typeof messageRoleSchema>;

export const ticketMessageSchema = z.object({
  id: z.string().min(1).max(200),
  role: messageRoleSchema,
  author: z.string().max(300),
  /** ISO 8601, or null when the page shows no machine-readable time. */
  at: z.string().max(40).nullable(),
  text: z.string().max(200_000),
});
export type TicketMessage = z.infer<typeof ticketMessageSchema>;

export const ticketRefSchema = z.strictObject({
  helpdesk: z.string().min(1).max(40),
  ticketId: z.string().min(1).max(200),
  url: z.string().max(2000),
  subject: z.string().max(1000),
  channel: channelSchema,
});
export type TicketRef = z.infer<typeof ticketRefSchema>;

export const diagnosticsSchema = z.object({
  /** Which selector candidate matched, per selector role (e.g. `messages: omni-log-comment-item`). */
  matched: z.record(z.string(), z.string()),
  counts: z.record(z.string(), z.number()),
  notes: z.array(z.string().max(500)).max(50),
});
export type Diagnostics = z.infer<typeof diagnosticsSchema>;

/**
 * Why a generic site gave no messages, as a code the sidebar says in the user's words (the content
 * script carries no UI strings); the diagnostics' notes keep the same in English for support.
 */
export const extractionProblemSchema = z.enum(['noRegion', 'regionNotFound', 'nothingSelected']);
export type ExtractionProblem = z.infer<typeof extractionProblemSchema>;

export const extractionSchema = z.object({
  messages: z.array(ticketMessageSchema).max(20_000),
  source: z.enum(['dom', 'api', 'manual']),
  diagnostics: diagnosticsSchema,
  problem: extractionProblemSchema.optional(),
});
export type Extraction = z.infer<typeof extractionSchema>;

/** The whole picture the sidebar shows: a ticket, or the reason there is none. */
export const ticketSnapshotSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none') }),
  z.object({ state: z.literal('ticket'), ticket: ticketRefSchema, extraction: extractionSchema }),
  z.object({ state: z.literal('error'), ticket: ticketRefSchema.nullable(), message: z.string().max(500) }),
]);
export type TicketSnapshot = z.infer<typeof ticketSnapshotSchema>;

/**
 * A ticket's address as something a link may open: an http(s) URL, or null. A stored reference's `url`
 * is any string (references come from synced and imported data as well as from the page, and the
 * schema stays loose so that older stored documents keep parsing), and a `javascript:` address in a
 * link would run in the helpdesk's tab: every link to a ticket is made through this.
 */
export function httpUrl(text: string): URL | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
}

/** One key per ticket across helpdesks: reviews and drafts are found by it. */
export function ticketKey(ref: Pick<TicketRef, 'helpdesk' | 'ticketId'>): string {
  return `${ref.helpdesk}:${ref.ticketId}`;
}
