// Versioned documents a lead publishes (scorecards, coaching forms): a published version is immutable but for
// archiving (and publishing again), never a draft again.
import type { KindName } from '../../../lib/model';
import { sameExcept, type WriteRule } from './rule';

/** The rule of a kind published in immutable versions; `what` names it in the refusals ("scorecard"). */
export function versionedPublishRule<K extends KindName>(what: string, plural: string): WriteRule<K> {
  return ({ role, me, current, change }) => {
    if (role !== 'lead') return `only leads and admins publish ${plural}`;
    if (current !== null && current.owner !== me) return `this ${what} version was published by another lead`;
    // Once published, archived or not: archiving, changing and publishing again would change what was made with it.
    if (current !== null && current.doc.status !== 'draft' && (!sameExcept(current.doc, change.doc, ['status', 'updatedAt']) || (change.doc as { status: string }).status === 'draft')) {
      return `a published ${what} version is immutable; publish a new version instead`;
    }
    return null;
  };
}
