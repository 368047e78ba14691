// The shape of a kind's write rule on the server, and helpers the rules share.
import { canonicalJson, type DocOf, type KindName, type Opens } from '../../../lib/model';
import type { TeamRole } from '../access';
import type { User } from '../admin';

/** A stored document's authorization columns (see KindDescriptor). */
export interface DocAccess {
  collection: KindName;
  /** Its sync id. */
  id: string;
  /** The team it belongs to (null: none, or organisation-wide for an `orgWide` kind). */
  team: string | null;
  /** The series it is a version of (KindDescriptor.series). */
  series: string | null;
  owner: string;
  subject: string | null;
  /** The sync id of its parent document (of the kind's parent kind). */
  parent: string | null;
  /** Its group, for `own` openings. */
  grp: string | null;
  /** To whom it opens itself and its children. */
  opens: Opens | null;
  /** Whom it names (KindDescriptor.audience): the `named` grant reaches only them. */
  audience: readonly string[] | null;
  doc: Record<string, unknown>;
  /**
   * How long ago the server first stored it, by the database's clock (`received_at`); absent for a
   * document not stored yet (new in this push).
   */
  storedForMs?: number;
}

export interface WriteRequest<K extends KindName> {
  user: User;
  /**
   * The caller's role in the document's team (checked to exist before the rule runs). A document
   * moved between teams is decided once with each team's role and members.
   */
  role: TeamRole;
  /** The e-mails of the members of the document's team (the caller included). */
  members: ReadonlySet<string>;
  /** The caller's e-mail, normalised. */
  me: string;
  change: { collection: K; id: string; doc: DocOf<K> };
  /** The authorization columns the change would store. */
  next: Omit<DocAccess, 'doc'>;
  /** The stored document (null when new); the caller may read it (checked before). */
  current: DocAccess | null;
  /** The stored parent document (KindDescriptor.parent, of the same team), or null when absent or not readable by the caller. */
  parent: DocAccess | null;
  /** The stored document the change cites (KindDescriptor.cites), or null when none, absent or not readable by the caller. */
  cited: DocAccess | null;
}

/** Why the caller (not an admin) may not make this change, or null when they may. */
export type WriteRule<K extends KindName> = (request: WriteRequest<K>) => string | null;

/** The top-level fields whose values differ between two documents. */
export function changedFields(a: object, b: object): string[] {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((key) => canonicalJson(x[key] ?? null) !== canonicalJson(y[key] ?? null));
}

/** Whether two documents are equal but for `keys`. */
export function sameExcept(a: object, b: object, keys: readonly string[]): boolean {
  const without = (doc: object): string => {
    const copy: Record<string, unknown> = { ...doc };
    for (const key of keys) delete copy[key];
    return canonicalJson(copy);
  };
  return without(a) === without(b);
}

/** Whether the caller leads the document's team. */
export const isTeamLead = (request: Pick<WriteRequest<KindName>, 'role'>): boolean => request.role === 'lead';

/** An e-mail as the server compares them (owner and subject are stored so). */
