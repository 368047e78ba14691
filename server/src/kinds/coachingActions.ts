// Agreed actions: written by the session's coach or a lead of the team; the agent marks them done
// (or open again) in their own name, and changes nothing else.
import { emailKey, type CoachingAction, type CoachingSession } from '../../../lib/model';
import { changedFields, type WriteRule } from './rule';

const DONE = ['status', 'doneAt', 'doneBy', 'doneComment'];

/** Whether the change marks the action done or not done, or words its done comment (new: it is made done, or with a comment). */
function agentsPart(before: CoachingAction | undefined, doc: CoachingAction): boolean {
  if (before === undefined) return doc.status === 'done' || doc.doneComment !== '';
  return (before.status === 'done') !== (doc.status === 'done') || doc.doneComment !== before.doneComment;
}

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
  // An action the agent carries out is marked done by the agent, in their own words: the coach may
  // drop it or open it again, not do it for them.
  const before = current?.doc as CoachingAction | undefined;
  if ((before ?? doc).assignee === 'agent' && agentsPart(before, doc)) return 'the agent marks their own action done (status, doneComment)';
  return null;
};
