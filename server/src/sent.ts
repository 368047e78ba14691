// Documents as a reader may have them sent, for the kinds whose content depends on who reads: calibration
// (./pseudonyms.ts: the other participants by pseudonym), coaching sessions, which a team's reviewers
// read for the agent's focus criteria only, and a team's settings, whose coaching rhythms are the leads'
// (an agent gets their own). Every answer that carries documents of these kinds — the pull and a push's
// conflict — goes through `asSentTo`; any other document goes out as it is stored.
import type { CoachingSession } from '../../lib/model/coaching';
import type { TeamSettings } from '../../lib/model/teamSettings';
import type { User } from './admin';
import { email } from './access';
import type { Queryable } from './db';
import { asSentTo as pseudonymised, CALIBRATION_KINDS } from './pseudonyms';

/** The kinds sent through `asSentTo`. */
export const SHAPED_KINDS: ReadonlySet<string> = new Set([...CALIBRATION_KINDS, 'coachingSessions', 'teamSettings']);
/** The shaped kinds whose shape depends on whether the reader leads the document's team. */
const BY_LEAD = new Set(['coachingSessions', 'teamSettings']);

/**
 * A coaching session as a reader who is neither its coach, its agent nor a lead of its team (an admin
 * leads every team) has it: a reviewer of the team, whose review form marks the agent's focus criteria
 * for the period. The talk itself — the form's answers, the pinned evidence, the agent's comment — is
 * the coach's, the agent's and the leads'.
 */
export function sessionForReviewer(session: CoachingSession): CoachingSession {
  return { ...session, answers: [], evidence: [], agentComment: '' };
}

/** A team's settings as a member who does not lead the team has them: their own coaching rhythm only. */
export function settingsForMember(settings: TeamSettings, me: string): TeamSettings {
  // Settings stored before the rhythms have none.
  return { ...settings, coachingRhythms: (settings.coachingRhythms ?? []).filter((r) => email(r.agent) === me) };
}

/** Documents as `user` may have them sent, in order; null for one not to send. */
export async function asSentTo(db: Queryable, user: User, docs: ReadonlyArray<{ collection: string; doc: unknown }>): Promise<unknown[]> {
  const sent = await pseudonymised(db, user, docs);
  // An admin leads every team: everything whole.
  if (user.role === 'admin' || !docs.some((d) => BY_LEAD.has(d.collection))) return sent;
  const me = email(user.email);
  const leads = new Set(
    (await db.query<{ team_id: string }>("SELECT team_id FROM team_members WHERE user_id = $1 AND role = 'lead'", [user.id])).map((r) => String(r.team_id)),
  );
  return docs.map(({ collection }, i) => {
    if (collection === 'teamSettings') {
      const settings = sent[i] as TeamSettings;
      return leads.has(settings.team) ? settings : settingsForMember(settings, me);
    }
    if (collection !== 'coachingSessions') return sent[i];
    const session = sent[i] as CoachingSession;
    const whole = email(session.coach.id) === me || email(session.agent.id) === me || (session.team !== null && leads.has(session.team));
    return whole ? session : sessionForReviewer(session);
  });
}
