// Coaching form templates: published by leads; a published version is immutable but for archiving.
import type { WriteRule } from './rule';
import { sameExcept } from './rule';

export const coachingFormsRule: WriteRule<'coachingForms'> = ({ user, me, current, change }) => {
  if (user.role !== 'lead') return 'only leads and admins publish coaching forms';
  if (current !== null && current.owner !== me) return 'this form version was published by another lead';
  if (current !== null && current.doc.status === 'published' && !sameExcept(current.doc, change.doc, ['status', 'updatedAt'])) {
    return 'a published coaching form version is immutable; publish a new version instead';
  }
  return null;
};
