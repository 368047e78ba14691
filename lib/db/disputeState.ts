// Why the stored state refused a dispute's change, as a code: pages say it in the user's language.
//
// No Dexie: the sidebar's remoteDb (lib/service) rebuilds this error from the service's reply.
import { z } from 'zod';

/** One code per refusal: the dispute or review changed under the user (someone else answered first), or is gone. */
export const disputeStateReasonSchema = z.enum([
  'disputedAlready',
  'noOutcome',
  'noSuchDispute',
  'resolvedAlready',
  'reviewGone',
  'scorecardMissing',
  'notResolved',
]);
export type DisputeStateReason = z.infer<typeof disputeStateReasonSchema>;

/** Thrown when the stored state does not allow the change; `message` is technical detail (English) for logs. */
export class DisputeStateError extends Error {
  constructor(
    readonly reason: DisputeStateReason,
    message: string = reason,
  ) {
    super(message);
    this.name = 'DisputeStateError';
  }
}
