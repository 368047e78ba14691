// Coaching sessions: held by a coach (a lead) with an agent of their teams; a lead of the team may
// edit the content too; only the agent acknowledges.
import type { CoachingSession } from '../../../lib/model/coaching';
import type { WriteRule } from './rule';
import { changedFields, isTeamLead } from './rule';

/** The agent's part. */
const AGENT = ['acknowledgedAt', 'agentComment', 'updatedAt'];

export const coachingSessionsRule: WriteRule<'coachingSessions'> = (request) => {
  const { user, me, change, next, current, teamEmails, teamIds } = request;
  const doc = change.doc;
  const before = current?.doc as CoachingSession | undefined;
  const changed = before ? changedFields(before, doc) : [];
  if (current !== null && current.subject === me && current.owner !== me) {
    const stray = changed.filter((field) => !AGENT.includes(field));
    return stray.length === 0 ? null : `the coached agent only acknowledges a session (may not change ${stray.join(', ')})`;
  }
  if (user.role !== 'lead') return 'only coaches (leads) write coaching sessions';
  if (next.subject === null || !teamEmails.has(next.subject)) return 'the agent must be a member of your teams';
  if (doc.team !== null && doc.team !== (before?.team ?? null) && !teamIds.has(doc.team)) return 'a session belongs to one of your teams (team must be its id)';
  if (current === null) {
    if (next.owner !== me) return 'a session is held in your own name (coach.id must be your e-mail)';
    if (doc.acknowledgedAt !== null || doc.agentComment !== '') return 'the acknowledgement is the agent’s to give';
    return null;
  }
  if (current.owner !== me && !isTeamLead(request, current)) return 'this session is another team’s';
  if (next.owner !== current.owner || next.subject !== current.subject) return 'a session keeps its coach and agent';
  if (changed.some((field) => field === 'acknowledgedAt' || field === 'agentComment')) return 'the acknowledgement is the agent’s to give';
  return null;
};
