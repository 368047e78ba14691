// The shape of a kind's write rule on the server, and helpers the rules share.
import { canonicalJson } from '../../../lib/model/sync';
import type { DocOf, KindName } from '../../../lib/model/kinds';
import type { User } from '../admin';

/** A stored document's authorization columns. */
export interface DocAccess {
  collection: KindName;
  owner: string;
  subject: string | null;
  doc: Record<string, unknown>;
}

export interface WriteRequest<K extends KindName> {
  user: User;
  /** The caller's e-mail, normalised. */
  me: string;
  change: { collection: K; id: string; doc: DocOf<K> };
  /** The authorization columns the change would store. */
  next: Omit<DocAccess, 'doc'>;
  /** The stored document (null when new); the caller may read it (checked before). */
  current: DocAccess | null;
}

/** Why the caller (not an admin) may not make this change, or null when they may. */
export type WriteRule<K extends KindName> = (request: WriteRequest<K>) => string | null;

/** Whether two documents are equal but for `keys`. */
export function sameExcept(a: object, b: object, keys: readonly string[]): boolean {
  const without = (doc: object): string => {
    const copy: Record<string, unknown> = { ...doc };
    for (const key of keys) delete copy[key];
    return canonicalJson(copy);
  };
  return without(a) === without(b);
}
