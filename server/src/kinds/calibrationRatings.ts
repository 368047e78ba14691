// A participant's ratings of one ticket of a calibration session: written by that participant only,
// while the session takes ratings; final once the others' ratings may have been shown to them. Never
// deleted by the participant (withdrawing them would escape the session): only erasing the participant
// deletes them (server/src/privacy.ts writes as the server, which no rule stops). A draft is never here.
import type { CalibrationSession } from '../../../lib/model';
import type { WriteRule } from './rule';

export const calibrationRatingsRule: WriteRule<'calibrationRatings'> = ({ me, change, next, current, parent }) => {
  const doc = change.doc;
  // The id is derived from session, participant and ticket (the protocol checks it): owning the
  // participant field is owning the id.
  if (next.owner !== me) return 'ratings are written only by their participant (participant must be your e-mail)';
  if (doc.deleted) return 'submitted ratings are not deleted: only erasing their participant deletes them (deleted must be false)';
  if (doc.submittedAt === null) return 'only submitted ratings are sent';
  const session = parent?.doc as CalibrationSession | undefined;
  if (session === undefined || session.deleted) return 'no such calibration session';
  if (!session.participants.includes(me)) return 'you are not a participant of this session';
  if (!session.tickets.some((t) => t.ticketKey === doc.ticketKey)) return 'this ticket is not part of the session';
  if (session.status !== 'open' || session.revealedAt !== null) return 'the session no longer takes ratings';
  // After submitting, the others' ratings of this ticket are shown to this participant.
  if (current !== null && session.revealMode === 'after-own-submit') return 'submitted ratings are final once the others’ are shown to you';
  return null;
};
