// Who may read and write which synced documents: derived from the registry of kinds (lib/model/kinds.ts)
// — read grants in SQL (lists) and in code (single docs) from one table, write rules per kind (./kinds).
import { kindNames, kindOf, type KindName, type ReadGrant } from '../../lib/model/kinds';
import type { SyncChange } from '../../lib/model/sync';
import type { User } from './admin';
import { writeRules, type DocAccess, type WriteRule } from './kinds';

export type { DocAccess } from './kinds';

/** The requesting user and the e-mails of everyone in their teams (themself included). */
export interface Viewer {
  user: User;
  teamEmails: ReadonlySet<string>;
}

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

/**
 * A WHERE fragment limiting `docs` (aliased d) to what the viewer may read, with its parameters
 * numbered from `$first`. The same grants as `canRead`.
 */
export function visibleSql(user: User, first: number): { sql: string; params: unknown[] } {
  if (user.role === 'admin') return { sql: 'TRUE', params: [] };
  const me = `$${first}`;
  const usesTeam = kindNames.some((kind) => grantsOf(user, kind).includes('team'));
  const team = teamEmailsSql(first + 1);
  const grantSql: Record<ReadGrant, string> = {
    everyone: 'TRUE',
    mine: `d.owner = ${me}`,
    aboutMe: `d.subject = ${me}`,
    team: `(d.owner IN ${team} OR d.subject IN ${team})`,
  };
  const perKind = kindNames
    .map((kind) => ({ kind, grants: grantsOf(user, kind) }))
    .filter(({ grants }) => grants.length > 0)
    .map(({ kind, grants }) => `(d.collection = ${kindLiteral(kind)} AND (${grants.map((g) => grantSql[g]).join(' OR ')}))`);
  return {
    sql: perKind.length > 0 ? `(${perKind.join(' OR ')})` : 'FALSE',
    params: usesTeam ? [email(user.email), user.id] : [email(user.email)],
  };
}

export function canRead(viewer: Viewer, doc: Pick<DocAccess, 'collection' | 'owner' | 'subject'>): boolean {
  const { user, teamEmails } = viewer;
  const me = email(user.email);
  const inTeam = (who: string | null): boolean => who !== null && teamEmails.has(who);
  const granted: Record<ReadGrant, () => boolean> = {
    everyone: () => true,
    mine: () => doc.owner === me,
    aboutMe: () => doc.subject === me,
    team: () => inTeam(doc.owner) || inTeam(doc.subject),
  };
  return grantsOf(user, doc.collection).some((grant) => granted[grant]());
}

/** The authorization columns a change would store. */
export function accessOf(change: SyncChange, user: User): Omit<DocAccess, 'doc'> {
  const kind = kindOf(change.collection);
  return { collection: change.collection, owner: kind.owner(change.doc, email(user.email)), subject: kind.subject(change.doc) };
}

/**
 * Why the viewer may not make this change, or null when they may. `current` is the stored document
 * (null when new). Read access to `current` is checked before, so refusals never leak content.
 */
export function refuseWrite(viewer: Viewer, change: SyncChange, current: DocAccess | null): string | null {
  const { user } = viewer;
  if (user.role === 'admin') return null;
  // The rule of the change's own kind: the registry pairs them, the checker cannot follow the union.
  const rule = writeRules[change.collection] as WriteRule<KindName>;
  return rule({ user, me: email(user.email), change, next: accessOf(change, user), current });
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
