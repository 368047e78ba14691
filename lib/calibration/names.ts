// Who a reader may know a session's participants as: the one rule behind the reveal, the alignment
// table and both exports (the facilitator's choice of names, leads and the facilitator always, oneself always).
import type { CalibrationRatings, CalibrationSession } from '../model/calibration';
import { calibrationRatingsId } from '../model/calibration';
import { namesVisible } from './session';

/** Who reads: their e-mail (lower case) and whether they lead. */
export interface Viewer {
  me: string;
  lead: boolean;
}

/** The viewer from the team roster (lib/sync's Roster; its shape only, so calibration stays below sync). */
export function calibrationViewer(roster: { me: { email: string; role: string } } | null): Viewer {
  return { me: roster?.me.email.toLowerCase() ?? '', lead: roster?.me.role === 'lead' || roster?.me.role === 'admin' };
}

/** A participant as `viewer` may know them: by e-mail, or only by their position in the session (1-based, stable: the session's order). */
export type ShownParticipant = { email: string } | { n: number };

export function shownParticipant(session: CalibrationSession, viewer: Viewer, participant: string): ShownParticipant {
  if (participant === viewer.me || namesVisible(session, viewer.me, viewer.lead)) return { email: participant };
  return { n: session.participants.indexOf(participant) + 1 };
}

/** The session's participants, in its order, as `viewer` may know them. */
export const shownParticipants = (session: CalibrationSession, viewer: Viewer): ShownParticipant[] =>
  session.participants.map((p) => shownParticipant(session, viewer, p));

/**
 * A pseudonym that still reads as an address (the JSON file stays importable): `participant-2@pseudonymous.invalid`
 * (`.invalid` is reserved: it reaches nobody).
 */
export const pseudonymAddress = (n: number): string => `participant-${n}@pseudonymous.invalid`;

const addressOf = (shown: ShownParticipant): string => ('email' in shown ? shown.email : pseudonymAddress(shown.n));

/** A session as `viewer` may carry it out of the browser (the JSON export): hidden participants by pseudonym. */
function pseudonymousSession(session: CalibrationSession, viewer: Viewer): CalibrationSession {
  if (namesVisible(session, viewer.me, viewer.lead)) return session;
  const as = (p: string) => addressOf(shownParticipant(session, viewer, p));
  return { ...session, participants: session.participants.map(as), alignments: session.alignments.map((a) => ({ ...a, participant: as(a.participant) })) };
}

/**
 * Sessions and ratings as `viewer` may carry them out of the browser (the JSON export): a hidden
 * participant by pseudonym, in the session and in their ratings (whose id names them too). Ratings
 * of a session not held here are another's only by e-mail, so only one's own go out.
 */
export function pseudonymousCalibration(
  sessions: readonly CalibrationSession[],
  ratings: readonly CalibrationRatings[],
  viewer: Viewer,
): { sessions: CalibrationSession[]; ratings: CalibrationRatings[] } {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  return {
    sessions: sessions.map((s) => pseudonymousSession(s, viewer)),
    ratings: ratings.flatMap((r) => {
      const session = byId.get(r.sessionId);
      if (!session) return r.participant === viewer.me ? [r] : [];
      const shown = shownParticipant(session, viewer, r.participant);
      if ('email' in shown) return [r];
      const participant = pseudonymAddress(shown.n);
      return [{ ...r, participant, id: calibrationRatingsId(r.sessionId, participant, r.ticketKey) }];
    }),
  };
}
