// Scorecards: published by leads; a published version is immutable but for archiving.
import type { WriteRule } from './rule';
import { sameExcept } from './rule';

export const scorecardsRule: WriteRule<'scorecards'> = ({ user, me, current, change }) => {
  if (user.role !== 'lead') return 'only leads and admins publish scorecards';
  if (current !== null && current.owner !== me) return 'this scorecard version was published by another lead';
  if (current !== null && current.doc.status === 'published' && !sameExcept(current.doc, change.doc, ['status', 'updatedAt'])) {
    return 'a published scorecard version is immutable; publish a new version instead';
  }
  return null;
};
