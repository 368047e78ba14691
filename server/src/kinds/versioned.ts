// Versioned documents a lead publishes (scorecards, coaching forms): a published version is immutable but for archiving.
import type { KindName } from '../../../lib/model';
import { sameExcept, type WriteRule } from './rule';

/** The rule of a kind published in immutable versions; `what` names it in the refusals ("scorecard"). */
export function versionedPublishRule<K extends KindName>(what: string, plural: string): WriteRule<K> {
  return ({ role, me, current, change }) => {
    if (role !== 'lead') return `only leads and admins publish ${plural}`;
    if (current !== null && current.owner !== me) return `this ${what} version was published by another lead`;
    if (current !== null && current.doc.status === 'published' && !sameExcept(current.doc, change.doc, ['status', 'updatedAt'])) {
      return `a published ${what} version is immutable; publish a new version instead`;
    }
    return null;
  };
}
