// Ideas and obstacles: submitted by anyone to one of their teams, edited by the submitter while new;
// a lead of the team triages, answers (replies are appended, in their own name) and shares.
import { canonicalJson, emailKey, type Idea } from '../../../lib/model';
import { changedFields, isTeamLead, type WriteRule } from './rule';

const FIXED = ['id', 'team', 'submitter', 'createdAt'];
const SUBMITTER = ['kind', 'category', 'title', 'text', 'ticket', 'ticketText', 'deleted'];
const LEAD = ['status', 'replies', 'shared', 'category'];

export const ideasRule: WriteRule<'ideas'> = (request) => {
  const { me, change, next, current } = request;
  const doc = change.doc;
  if (current === null) {
    if (next.owner !== me) return 'an idea is submitted in your own name (submitter.id must be your e-mail)';
    if (doc.status !== 'new' || doc.replies.length > 0 || doc.shared) return 'a new idea starts new, unanswered and private';
    return null;
  }
  const before = current.doc as Idea;
  const changed = changedFields(before, doc).filter((field) => field !== 'updatedAt');
  if (changed.some((field) => FIXED.includes(field))) return 'an idea keeps its team, submitter and time';
  const mayEdit = current.owner === me && before.status === 'new' ? SUBMITTER : [];
  const mayTriage = isTeamLead(request) ? LEAD : [];
  const stray = changed.filter((field) => !mayEdit.includes(field) && !mayTriage.includes(field));
  if (stray.length > 0) {
    return current.owner === me ? `after triage only a lead changes an idea (${stray.join(', ')})` : `only a lead of the team triages an idea (${stray.join(', ')})`;
  }
  if (changed.includes('replies')) {
    const kept = doc.replies.slice(0, before.replies.length);
    if (canonicalJson(kept) !== canonicalJson(before.replies)) return 'replies are kept: new ones are added after them';
    if (doc.replies.slice(before.replies.length).some((reply) => emailKey(reply.by.id) !== me)) return 'a reply is written in your own name';
  }
  return null;
};
