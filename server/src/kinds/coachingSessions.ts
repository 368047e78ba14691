// Coaching sessions: held by a coach (a lead) with an agent of their teams; a lead of the team may
// edit the content too; only the agent acknowledges.
import type { CoachingSession } from '../../../lib/model';
import { changedFields, type WriteRule } from './rule';

/** The agent's part. */
const AGENT = ['acknowledgedAt', 'agentComment', 'updatedAt'];

export const coachingSessionsRule: WriteRule<'coachingSessions'> = (request) => {
  const { role, me, change, next, current } = request;
  const doc = change.doc;
  const before = current?.doc as CoachingSession | undefined;
  const changed = before ? changedFields(before, doc) : [];
  if (current !== null && current.subject === me && current.owner !== me) {
    const stray = changed.filter((field) => !AGENT.includes(field));
    return stray.length === 0 ? null : `the coached agent only acknowledges a session (may not change ${stray.join(', ')})`;
  }
  // A lead of the session's team (whose member the agent is: access.ts) holds it or edits it.
  if (role !== 'lead') return 'only coaches (leads) write coaching sessions';
  if (current === null) {
    if (next.owner !== me) return 'a session is held in your own name (coach.id must be your e-mail)';
    if (doc.acknowledgedAt !== null || doc.agentComment !== '') return 'the acknowledgement is the agent’s to give';
    return null;
  }
  if (next.owner !== current.owner || next.subject !== current.subject) return 'a session keeps its coach and agent';
  if (changed.some((field) => field === 'acknowledgedAt' || field === 'agentComment')) return 'the acknowledgement is the agent’s to give';
  return null;
};
