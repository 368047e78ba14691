// Documents as a reader may have them sent, for the kinds whose content depends on who reads: calibration
// (./pseudonyms.ts: the other participants by pseudonym; the participants' alignments only to the
// session's people and leads), coaching sessions, which a team's reviewers read for the agent's focus
// only and the agent without the coach's preparation until held, and a team's settings, whose coaching rhythms are the leads' (an agent gets their own). Every
// answer that carries documents of these kinds — the pull and a push's conflict — goes through
// `asSentTo`; any other document goes out as it is stored.
import { emailKey, type CalibrationSession, type CoachingSession, type TeamSettings } from '../../lib/model';
import type { User } from './admin';
import type { Queryable } from './db';
import { asSentTo as pseudonymised, CALIBRATION_KINDS } from './pseudonyms';

/** The kinds sent through `asSentTo`. */
export const SHAPED_KINDS: ReadonlySet<string> = new Set([...CALIBRATION_KINDS, 'coachingSessions', 'teamSettings']);
/** The shaped kinds whose shape depends on whether the reader leads the document's team. */
const BY_LEAD = new Set(['coachingSessions', 'teamSettings', 'calibrationSessions']);

/**
 * A coaching session as a reader who is neither its coach, its agent nor a lead of its team (an admin
 * leads every team) has it: a reviewer of the team, whose review form marks the agent's focus criteria
 * for the period — so a held session, with its focus and period, and nothing of the talk (the form's
 * answers, the pinned evidence, the agent's comment and acknowledgement, when it was scheduled). A
 * session not held yet has no focus: null, not sent.
 */
export function sessionForReviewer(session: CoachingSession): CoachingSession | null {
  if (session.status !== 'held') return null;
  return { ...session, answers: [], evidence: [], agentComment: '', acknowledgedAt: null, scheduledFor: null };
}

/**
 * A coaching session as its agent has it: whole once held; before that (planned, or cancelled before
 * it was held) its schedule, form and status, and nothing of the coach's preparation (the form's
 * answers, the pinned evidence, the focus and period), which reaches the agent when the session is
 * held, as its agreed actions do (lib/model/kinds.ts: the session opens them to its agent).
 */
export function sessionForAgent(session: CoachingSession): CoachingSession {
  if (session.status === 'held') return session;
  return { ...session, answers: [], evidence: [], focus: [], period: null };
}

/**
 * A calibration session as a reader who is neither its facilitator, a participant nor a lead of its team
 * has it (a reviewer of the team): without the participants' alignments, which with the agreed ratings
 * would tell what each participant rated.
 */
export function calibrationForOutsider(session: CalibrationSession): CalibrationSession {
  return { ...session, alignments: [] };
}

/** A team's settings as a member who does not lead the team has them: their own coaching rhythm only. */
export function settingsForMember(settings: TeamSettings, me: string): TeamSettings {
  // Settings stored before the rhythms have none.
  return { ...settings, coachingRhythms: (settings.coachingRhythms ?? []).filter((r) => emailKey(r.agent) === me) };
}

/** Documents as `user` may have them sent, in order; null for one not to send. */
export async function asSentTo(db: Queryable, user: User, docs: ReadonlyArray<{ collection: string; doc: unknown }>): Promise<unknown[]> {
  const sent = await pseudonymised(db, user, docs);
  // An admin leads every team: everything whole.
  if (user.role === 'admin' || !docs.some((d) => BY_LEAD.has(d.collection))) return sent;
  const me = emailKey(user.email);
  const leads = new Set(
    (await db.query<{ team_id: string }>("SELECT team_id FROM team_members WHERE user_id = $1 AND role = 'lead'", [user.id])).map((r) => String(r.team_id)),
  );
  return docs.map(({ collection, doc }, i) => {
    const shown = sent[i];
    if (shown === null || shown === undefined) return shown;
    if (collection === 'teamSettings') {
      const settings = shown as TeamSettings;
      return leads.has(settings.team) ? settings : settingsForMember(settings, me);
    }
    if (collection === 'calibrationSessions') {
      // Who the session names, as stored (what is sent may show the others by pseudonym).
      const stored = doc as CalibrationSession;
      const named = emailKey(stored.facilitator) === me || stored.participants.some((p) => emailKey(p) === me) || leads.has(stored.team);
      return named ? shown : calibrationForOutsider(shown as CalibrationSession);
    }
    if (collection !== 'coachingSessions') return shown;
    const session = shown as CoachingSession;
    if (emailKey(session.coach.id) === me || (session.team !== null && leads.has(session.team))) return session;
    return emailKey(session.agent.id) === me ? sessionForAgent(session) : sessionForReviewer(session);
  });
}
