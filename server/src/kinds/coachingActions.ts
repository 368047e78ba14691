// Agreed actions: written by the session's coach or a lead of the team; the agent marks them done
// (or open again) in their own name, and changes nothing else.
import { emailKey, type CoachingSession } from '../../../lib/model';
import { changedFields, type WriteRule } from './rule';

const DONE = ['status', 'doneAt', 'doneBy', 'doneComment'];

export const coachingActionsRule: WriteRule<'coachingActions'> = (request) => {
  const { role, me, change, next, current, parent } = request;
  const doc = change.doc;
  const session = parent?.doc as CoachingSession | undefined;
  if (session === undefined) return 'no such coaching session';
  if (emailKey(session.coach.id) !== next.owner || emailKey(session.agent.id) !== next.subject) {
    return 'an action names its session’s coach and agent';
  }
  const changed = current === null ? Object.keys(doc) : changedFields(current.doc, doc);
  if (changed.some((field) => DONE.includes(field)) && doc.doneBy !== null && emailKey(doc.doneBy.id) !== me) {
    return 'an action is marked done in your own name (doneBy must be you)';
  }
  if (current !== null && current.subject === me && current.owner !== me) {
    const stray = changed.filter((field) => field !== 'updatedAt' && !DONE.includes(field));
    if (stray.length > 0) return `the agent only marks an action done (may not change ${stray.join(', ')})`;
    return doc.status === 'dropped' ? 'dropping an action is the coach’s decision' : null;
  }
  // A lead of the session's team: its coach or another lead of it.
  if (role !== 'lead') return 'only coaches (leads) write agreed actions';
  return null;
};
