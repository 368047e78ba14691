// Who may read and write which synced documents: derived from the registry of kinds (lib/model/kinds.ts)
// — read grants in SQL (lists) and in code (single docs) from one table, write rules per kind (./kinds).
import { kindNames, kindOf, type KindName, type Opens, type ReadGrant } from '../../lib/model/kinds';
import type { SyncChange } from '../../lib/model/sync';
import type { User } from './admin';
import { writeRules, type DocAccess, type WriteRule } from './kinds';

export type { DocAccess } from './kinds';

/** The requesting user, their teams, and what opens documents to them (the `opened` grant). */
export interface Viewer {
  user: User;
  /** The e-mails of everyone in the user's teams (themself included). */
  teamEmails: ReadonlySet<string>;
  /** The ids of the user's teams. */
  teamIds: ReadonlySet<string>;
  /**
   * What the `opened` grant asks of other documents, as stored (empty unless the user's role has an
   * `opened` grant on a kind with a parent): the parents that open (`openerKey` → opens), and the
   * groups the user owns a document in (`openerKey(kind, group)`).
   */
  opening: { parents: ReadonlyMap<string, Opens>; ownGroups: ReadonlySet<string> };
}

/** A key of a (kind, id or group) pair in Viewer.opening. */
export const openerKey = (kind: string, id: string): string => `${kind}\u0000${id}`;

export const email = (value: string): string => value.trim().toLowerCase();

/** Emails of members of the user's teams, as a subquery on parameter `$n` (the user id). */
const teamEmailsSql = (n: number): string =>
  `(SELECT u2.email FROM team_members mine JOIN team_members other ON other.team_id = mine.team_id
     JOIN users u2 ON u2.id = other.user_id WHERE mine.user_id = $${n})`;

/** Kind names are the registry's identifiers, never input; checked anyway before they meet SQL. */
function kindLiteral(kind: KindName): string {
  if (!/^[A-Za-z]+$/.test(kind)) throw new Error(`kind name "${kind}" is not an identifier`);
  return `'${kind}'`;
}

const grantsOf = (user: User, kind: KindName): readonly ReadGrant[] =>
  user.role === 'admin' ? ['everyone'] : kindOf(kind).read[user.role];

/** The kind of a kind's parent, checked against the registry. */
export function parentKind(kind: KindName): KindName | null {
  const parent = kindOf(kind).parent;
  if (!parent) return null;
  if (!(kindNames as readonly string[]).includes(parent.kind)) throw new Error(`the parent of ${kind}, "${parent.kind}", is not a kind`);
  return parent.kind as KindName;
}

/** The kinds this user reads under an `opened` grant. */
export const openedKinds = (user: User): KindName[] => kindNames.filter((kind) => grantsOf(user, kind).includes('opened'));

/**
 * A WHERE fragment limiting `docs` (aliased d) to what the viewer may read, with its parameters
 * numbered from `$first`. The same grants as `canRead`.
 */
export function visibleSql(user: User, first: number): { sql: string; params: unknown[] } {
  if (user.role === 'admin') return { sql: 'TRUE', params: [] };
  const me = `$${first}`;
  const usesTeam = kindNames.some((kind) => grantsOf(user, kind).some((g) => g === 'team' || g === 'opened'));
  const team = teamEmailsSql(first + 1);
  // The caller counts as a member of their own teams even with none, as in Viewer.teamEmails.
  const inTeam = `(d.owner = ${me} OR d.subject = ${me} OR d.owner IN ${team} OR d.subject IN ${team})`;
  // `own`: the caller owns a document of the same kind in the same group.
  const ownsSibling = `EXISTS (SELECT 1 FROM docs o WHERE o.collection = d.collection AND o.grp = d.grp AND o.owner = ${me})`;
  const opensSql = (column: string): string => `(${column} = 'all' OR (${column} = 'own' AND ${ownsSibling}))`;
  const grantSql = (kind: KindName): Record<ReadGrant, string> => {
    const parent = parentKind(kind);
    const byParent = parent
      ? ` OR EXISTS (SELECT 1 FROM docs p WHERE p.collection = ${kindLiteral(parent)} AND p.id = d.parent AND ${opensSql('p.opens')})`
      : '';
    return {
      everyone: 'TRUE',
      mine: `d.owner = ${me}`,
      aboutMe: `d.subject = ${me}`,
      team: inTeam,
      opened: `(${inTeam} AND (${opensSql('d.opens')}${byParent}))`,
    };
  };
  const perKind = kindNames
    .map((kind) => ({ kind, grants: grantsOf(user, kind) }))
    .filter(({ grants }) => grants.length > 0)
    .map(({ kind, grants }) => {
      const sql = grantSql(kind);
      return `(d.collection = ${kindLiteral(kind)} AND (${grants.map((g) => sql[g]).join(' OR ')}))`;
    });
  return {
    sql: perKind.length > 0 ? `(${perKind.join(' OR ')})` : 'FALSE',
    params: usesTeam ? [email(user.email), user.id] : [email(user.email)],
  };
}

export function canRead(viewer: Viewer, doc: Pick<DocAccess, 'collection' | 'owner' | 'subject' | 'parent' | 'grp' | 'opens'>): boolean {
  const { user, teamEmails, opening } = viewer;
  const me = email(user.email);
  const inTeam = (who: string | null): boolean => who !== null && teamEmails.has(who);
  const opensToMe = (opens: Opens | null | undefined): boolean =>
    opens === 'all' || (opens === 'own' && doc.grp !== null && opening.ownGroups.has(openerKey(doc.collection, doc.grp)));
  const parent = parentKind(doc.collection);
  const granted: Record<ReadGrant, () => boolean> = {
    everyone: () => true,
    mine: () => doc.owner === me,
    aboutMe: () => doc.subject === me,
    team: () => inTeam(doc.owner) || inTeam(doc.subject),
    opened: () =>
      (inTeam(doc.owner) || inTeam(doc.subject)) &&
      (opensToMe(doc.opens) || (parent !== null && doc.parent !== null && opensToMe(opening.parents.get(openerKey(parent, doc.parent))))),
  };
  return grantsOf(user, doc.collection).some((grant) => granted[grant]());
}

/** The authorization columns a change would store. */
export function accessOf(change: SyncChange, user: User): Omit<DocAccess, 'doc'> {
  const kind = kindOf(change.collection);
  return {
    collection: change.collection,
    owner: kind.owner(change.doc, email(user.email)),
    subject: kind.subject(change.doc),
    parent: kind.parent?.id(change.doc) ?? null,
    grp: kind.group?.(change.doc) ?? null,
    opens: kind.opens?.(change.doc) ?? null,
  };
}

/**
 * Why the viewer may not make this change, or null when they may. `current` is the stored document
 * (null when new). Read access to `current` is checked before, so refusals never leak content.
 */
export function refuseWrite(
  viewer: Viewer,
  change: SyncChange,
  current: DocAccess | null,
  parent: DocAccess | null = null,
  cited: DocAccess | null = null,
): string | null {
  const { user, teamEmails, teamIds } = viewer;
  if (user.role === 'admin') return null;
  // The rule of the change's own kind: the registry pairs them, the checker cannot follow the union.
  const rule = writeRules[change.collection] as WriteRule<KindName>;
  // A parent the caller may not read is no parent: a refusal never tells what they may not see.
  const readable = (doc: DocAccess | null): DocAccess | null => (doc !== null && canRead(viewer, doc) ? doc : null);
  return rule({ user, me: email(user.email), change, next: accessOf(change, user), current, parent: readable(parent), cited: readable(cited), teamEmails, teamIds });
}

/**
 * The storage constraint on `docs.collection`: exactly the registry's kinds. Replaced only when the
 * registry changed (re-checking the constraint reads every document).
 */
export async function syncKindsConstraint(tx: { query<R extends Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]> }): Promise<boolean> {
  const rows = await tx.query<{ def: string }>(
    "SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'docs'::regclass AND conname = 'docs_collection_check'",
  );
  const present = new Set([...(rows[0]?.def ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]));
  if (present.size === kindNames.length && kindNames.every((kind) => present.has(kind))) return false;
  await tx.query('ALTER TABLE docs DROP CONSTRAINT IF EXISTS docs_collection_check');
  await tx.query(`ALTER TABLE docs ADD CONSTRAINT docs_collection_check CHECK (collection IN (${kindNames.map(kindLiteral).join(', ')}))`);
  return true;
}
