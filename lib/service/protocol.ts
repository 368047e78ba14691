// The database service's wire format, apart from its implementation: clients import this without Dexie.
import { z } from 'zod';
import { disputeStateReasonSchema } from '../db';

export const DB_REQUEST = 'arvio-db';

/**
 * `ms`: how long the operation itself took in the worker; only the bench build (ARVIO_BENCH) sends it.
 * `quota`: the write failed because the browser's storage is full (lib/db/quota.ts), so every page
 * can say so in the same words instead of guessing from the message.
 * `refused`: the caller is not served at all (a sidebar frame not docked by Arvio's content script: ./callers.ts).
 * `dispute`: the stored state refused a dispute's change (lib/db/disputeState.ts), so the page names the reason in the user's words.
 */
export const dbReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown(), ms: z.number().optional() }),
  z.object({ ok: z.literal(false), error: z.string(), quota: z.boolean(), refused: z.literal(true).optional(), dispute: disputeStateReasonSchema.optional() }),
]);

export type DbReply = z.infer<typeof dbReplySchema>;

/**
 * A call the service refused (`refused`: this sidebar is not docked). Typed so that a page says it in the
 * user's language (`undocked.title`, components/notSaved.ts) instead of its message, the service's English.
 */
export class NotDockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotDockedError';
  }
}

/** The background did not answer a call at all (its worker stopped mid-call); typed for the same reason as NotDockedError. */
export class NoAnswerError extends Error {
  constructor(readonly op: string) {
    super(`the background did not answer ${op}`);
    this.name = 'NoAnswerError';
  }
}
