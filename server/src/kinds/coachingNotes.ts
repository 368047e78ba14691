// A coach's private notes of a session: written by that session's coach only (read by the coach and
// the team's leads; never by the agent: see the read grants).
import { emailKey, type CoachingSession } from '../../../lib/model';
import type { WriteRule } from './rule';

export const coachingNotesRule: WriteRule<'coachingNotes'> = ({ role, me, next, parent }) => {
  if (role !== 'lead') return 'private coaching notes are the coach’s';
  const session = parent?.doc as CoachingSession | undefined;
  if (session === undefined) return 'no such coaching session';
  if (next.owner !== me || emailKey(session.coach.id) !== me) return 'private notes are written only by the session’s coach';
  if (next.subject !== emailKey(session.agent.id)) return 'the notes name the session’s agent';
  return null;
};
