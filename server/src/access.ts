// Who may read and write which synced documents: derived from the registry of kinds (lib/model/kinds.ts)
// — read grants in SQL (lists) and in code (single docs) from one table, write rules per kind (./kinds).
import { createHash } from 'node:crypto';
import { emailKey, isKindName, kindNames, kindOf, madeWithKey, madeWithParts, type KindName, type Opens, type ReadGrant, type Role, type SyncChange } from '../../lib/model';
import type { User } from './admin';
import { writeRules, type DocAccess, type WriteRule } from './kinds';

export type { DocAccess } from './kinds';

/** A role a person has in a team (admin is the organisation's, not a team's). */
export type TeamRole = Exclude<Role, 'admin'>;

/** The requesting user, their teams, and what opens documents to them (the `opened` and `named` grants). */
export interface Viewer {
  user: User;
  /** The user's teams by id: their role in each, and the e-mails of its members (themself included). */
  teams: ReadonlyMap<string, { role: TeamRole; members: ReadonlySet<string> }>;
  /**
   * What the `opened` grant asks of other documents, as stored (empty unless the user's role has an
   * `opened` grant on a kind with a parent): the parents that open (`openerKey` → opens), and the
   * groups the user owns a document in (`openerKey(kind, group)`), and the parents whose audience
   * names the user (`named`).
   */
  opening: { parents: ReadonlyMap<string, Opens>; ownGroups: ReadonlySet<string>; named: ReadonlySet<string> };
  /**
   * The `used` grant's versions (`madeWith` keys): those documents the user owns or is the subject of
   * were made with (`doc_uses`), and those their teams' documents they read were made with (`team_uses`).
   */
  used: ReadonlySet<string>;
}

/** A key of a (kind, id or group) pair in Viewer.opening. */
export const openerKey = (kind: string, id: string): string => `${kind}\u0000${id}`;


/** The stand-in for an erased person inside documents (./privacy.ts): an address that names nobody. */
export function erasedId(address: string): string {
  return `erased-${createHash('sha256').update(emailKey(address)).digest('hex').slice(0, 12)}@erased.invalid`;
}

/** Whether an address is a stand-in (`erasedId`). */
export const isErasedId = (address: string): boolean => /^erased-[0-9a-f]{12}@erased\.invalid$/.test(address);

const TEAM_ROLES: readonly TeamRole[] = ['lead', 'reviewer', 'agent'];

/**
 * Which read rules this server applies, as the roster tells every client: raise it in the release that
 * changes what a user receives of documents that already exist — a kind's read grants, `opens` or
 * `audience`, or the code here and in ./sent.ts that applies them. Every profile then pulls from the
 * beginning once and lets go of what it may no longer read (lib/sync/access.ts). A new kind needs no
 * raise: nobody held its documents. server/tests/rules.test.ts pins the registry's read grants, so that
 * a change to them cannot land without this being raised.
 */
export const READ_RULES = '4';

/** Kind names and roles are the registry's identifiers, never input; checked anyway before they meet SQL. */
function literal(name: string): string {
  if (!/^[A-Za-z]+$/.test(name)) throw new Error(`"${name}" is not an identifier`);
  return `'${name}'`;
}

/** The team roles whose read grants on a kind include `grant`. */
const rolesGranting = (kind: KindName, grant: ReadGrant): TeamRole[] => TEAM_ROLES.filter((role) => kindOf(kind).read[role].includes(grant));

/**
 * The `used` grant's team rows reach a team's members whose role reads the team's documents of the
 * using kind: by `team`, or by `opened` or `named` (a calibration session's card, before it opens).
 * As SQL: `team_uses u` joined to the user's memberships (`t`) whose role reads `u.kind` so;
 * `user` is the placeholder of the user's id.
 */
export function teamUsesSql(user: string): string {
  const pairs = kindNames
    .filter((kind) => kindOf(kind).madeWith !== undefined)
    .flatMap((kind) => TEAM_ROLES.filter((role) => kindOf(kind).read[role].some((g) => g === 'team' || g === 'opened' || g === 'named')).map((role) => `(${literal(kind)}, ${literal(role)})`));
  return `team_uses u JOIN team_members t ON t.team_id = u.team AND t.user_id = ${user}
    JOIN (VALUES ${pairs.join(', ')}) AS g(kind, role) ON g.kind = u.kind AND g.role = t.role`;
}

/** Every role of the viewer: the account's and each membership's. */
export const rolesOf = (viewer: Pick<Viewer, 'user' | 'teams'>): Set<Role> => new Set([viewer.user.role, ...[...viewer.teams.values()].map((t) => t.role)]);

/** The kind of a kind's parent, checked against the registry. */
export function parentKind(kind: KindName): KindName | null {
  const parent = kindOf(kind).parent;
  if (!parent) return null;
  if (!isKindName(parent.kind)) throw new Error(`the parent of ${kind}, "${parent.kind}", is not a kind`);
  return parent.kind;
}

/**
 * Kinds a team's lead does not read whole (calibration ratings: blind until their session opens them).
 * An admin reads everything else, and these as a lead of every team does: their own, and what has opened.
 */
const leadRuled: readonly KindName[] = kindNames.filter((kind) => !kindOf(kind).read.lead.includes('team'));

/** A role's read grants on a kind; an admin's, on the kinds a lead does not read whole, are a lead's. */
const grantsOf = (kind: KindName, role: Role): readonly ReadGrant[] => kindOf(kind).read[role === 'admin' ? 'lead' : role];

/** The kinds this user reads under an `opened` or `named` grant in some team (their teams' roles, as in `memberships`). */
export const openedKinds = (roles: ReadonlySet<Role>): KindName[] =>
  kindNames.filter((kind) => [...roles].some((role) => grantsOf(kind, role).includes('opened') || grantsOf(kind, role).includes('named')));

/**
 * A WHERE fragment limiting `docs` (aliased d) to what the user may read, with its parameters
 * numbered from `$first`. The same grants as `canRead`: team grants by the user's role in the
 * document's team (team_members, read as the query runs), the person's own (`mine`, `aboutMe`) and
 * `org` by any of their roles.
 *
 * One condition per grant, each over the registry's (kind, role) pairs that hold it, rather than one
 * per kind: the text is the same for every user but admins (its parameters differ), and short to parse
 * and plan, which is most of a pull's cost (PGlite plans a query for every request).
 */
export function visibleSql(user: User, first: number): { sql: string; params: unknown[] } {
  const me = `$${first}`;
  const id = `$${first + 1}`;
  const account = `$${first + 2}::text`;
  /** The registry's (kind, role) pairs where the role's read grants on the kind include `grant`, as VALUES rows. */
  const pairs = (grant: ReadGrant, kinds: readonly KindName[] = kindNames): string[] =>
    kinds.flatMap((kind) => rolesGranting(kind, grant).map((role) => `(${literal(kind)}, ${literal(role)})`));
  /** The document's kind is one that one of the user's roles — the account's or a membership's — grants `grant` on. */
  const byAnyRole = (grant: ReadGrant, kinds?: readonly KindName[]): string | null => {
    const rows = pairs(grant, kinds);
    return rows.length === 0
      ? null
      : `d.collection IN (SELECT g.kind FROM (VALUES ${rows.join(', ')}) AS g(kind, role)
           WHERE g.role = ${account} OR g.role IN (SELECT r.role FROM team_members r WHERE r.user_id = ${id}))`;
  };
  /** The user's role in the document's team grants `grant` on its kind. */
  const byTeamRole = (grant: ReadGrant): string | null => {
    const rows = pairs(grant);
    return rows.length === 0
      ? null
      : `(d.collection, d.team) IN (SELECT g.kind, t.team_id FROM team_members t JOIN (VALUES ${rows.join(', ')}) AS g(kind, role)
           ON g.role = t.role WHERE t.user_id = ${id})`;
  };
  // `own`: the caller owns a document of the same kind in the same group.
  const ownsSibling = `EXISTS (SELECT 1 FROM docs o WHERE o.collection = d.collection AND o.grp = d.grp AND o.owner = ${me})`;
  const opensSql = (column: string): string => `(${column} = 'all' OR (${column} = 'own' AND ${ownsSibling}))`;
  /** The document (alias) opens to the caller; under `named`, only when its audience names them. */
  const opensTo = (alias: string, named: boolean): string => `${opensSql(`${alias}.opens`)}${named ? ` AND ${alias}.audience ? ${me}` : ''}`;
  /** The document opens to the caller, or its parent does (a child is read when its parent opens); under `named`, one that names them. */
  const openedHere = (named: boolean): string => {
    const grant = named ? 'named' : 'opened';
    const parents = kindNames.flatMap((kind) => {
      const parent = parentKind(kind);
      return parent !== null && rolesGranting(kind, grant).length > 0 ? [`(${literal(kind)}, ${literal(parent)})`] : [];
    });
    const byParent =
      parents.length === 0
        ? ''
        : ` OR EXISTS (SELECT 1 FROM docs p JOIN (VALUES ${parents.join(', ')}) AS k(kind, parent) ON p.collection = k.parent
            WHERE k.kind = d.collection AND p.id = d.parent AND ${opensTo('p', named)})`;
    return `(${opensTo('d', named)}${byParent})`;
  };
  /** `opened`/`named`: in a team whose role grants it, the document or its parent opens to the caller. */
  const openedSql = (grant: 'opened' | 'named'): string | null => {
    const teams = byTeamRole(grant);
    return teams && `(${teams} AND ${openedHere(grant === 'named')})`;
  };
  // What is hidden from its subject (KindDescriptor.hiddenFromSubject), whatever grants the rest.
  const hidden = kindNames.filter((kind) => kindOf(kind).hiddenFromSubject === true).map(literal);
  const notAboutMe = (sql: string): string => (hidden.length === 0 ? sql : `(${sql} AND NOT (d.collection IN (${hidden.join(', ')}) AND d.subject IS NOT DISTINCT FROM ${me}))`);
  if (user.role === 'admin') {
    // Everything but the kinds a lead does not read whole; of those, the admin's own and what has opened.
    const ruled = leadRuled.map(literal).join(', ');
    return { sql: notAboutMe(ruled === '' ? 'TRUE' : `(d.collection NOT IN (${ruled}) OR d.owner = ${me} OR ${openedHere(false)})`), params: [emailKey(user.email)] };
  }
  const params = [emailKey(user.email), user.id, user.role];
  const grantSql = (grant: ReadGrant): string | null => {
    switch (grant) {
      case 'everyone':
        return byAnyRole(grant);
      case 'mine': {
        const kinds = byAnyRole(grant);
        return kinds && `(d.owner = ${me} AND ${kinds})`;
      }
      case 'aboutMe': {
        const kinds = byAnyRole(grant);
        return kinds && `(d.subject = ${me} AND ${kinds})`;
      }
      case 'org': {
        const kinds = byAnyRole(grant, kindNames.filter((kind) => kindOf(kind).orgWide === true));
        return kinds && `(d.team IS NULL AND ${kinds})`;
      }
      case 'team':
        return byTeamRole(grant);
      case 'opened':
      case 'named':
        return openedSql(grant);
      case 'used': {
        // A version by its own key, or by its series' (a coaching focus names every version of a card): madeWithKey's form.
        // The caller's versions are few: one uncorrelated set, hashed once per query, not a lookup per document.
        const kinds = byAnyRole(grant);
        const used = `SELECT x.used FROM doc_uses x WHERE x.person = ${me} UNION ALL SELECT u.used FROM ${teamUsesSql(id)}`;
        return kinds && `(${kinds} AND (d.collection || ':' || d.id IN (${used}) OR d.collection || ':' || coalesce(d.series, '') IN (${used})))`;
      }
    }
  };
  const grants: readonly ReadGrant[] = ['everyone', 'mine', 'aboutMe', 'org', 'team', 'opened', 'named', 'used'];
  const sql = grants.map(grantSql).filter((part) => part !== null);
  return { sql: sql.length > 0 ? notAboutMe(`(${sql.join(' OR ')})`) : 'FALSE', params };
}

export function canRead(
  viewer: Viewer,
  doc: Pick<DocAccess, 'collection' | 'id' | 'team' | 'owner' | 'subject' | 'parent' | 'grp' | 'opens' | 'audience' | 'series'>,
): boolean {
  const { user, opening } = viewer;
  const me = emailKey(user.email);
  const roles = rolesOf(viewer);
  const kind = kindOf(doc.collection);
  /** The person's own grants: held when any of their roles has them. */
  const anyRole = (grant: ReadGrant): boolean => [...roles].some((role) => role !== 'admin' && kind.read[role].includes(grant));
  const teamRole = doc.team === null ? null : (viewer.teams.get(doc.team)?.role ?? null);
  const inTeam = (grant: ReadGrant): boolean => teamRole !== null && kind.read[teamRole].includes(grant);
  const opensToMe = (opens: Opens | null | undefined): boolean =>
    opens === 'all' || (opens === 'own' && doc.grp !== null && opening.ownGroups.has(openerKey(doc.collection, doc.grp)));
  const parent = parentKind(doc.collection);
  const parentKey = parent !== null && doc.parent !== null ? openerKey(parent, doc.parent) : null;
  /** The document or its parent opens to the caller (with `named`: and names them). */
  const opened = (named: boolean): boolean =>
    (opensToMe(doc.opens) && (!named || (doc.audience ?? []).includes(me))) ||
    (parentKey !== null && opensToMe(opening.parents.get(parentKey)) && (!named || opening.named.has(parentKey)));
  if (kind.hiddenFromSubject && doc.subject === me) return false;
  if (user.role === 'admin') return !leadRuled.includes(doc.collection) || doc.owner === me || opened(false);
  return (
    anyRole('everyone') ||
    (anyRole('mine') && doc.owner === me) ||
    (anyRole('aboutMe') && doc.subject === me) ||
    (anyRole('org') && kind.orgWide === true && doc.team === null) ||
    inTeam('team') ||
    (inTeam('opened') && opened(false)) ||
    (inTeam('named') && opened(true)) ||
    (anyRole('used') && (viewer.used.has(madeWithKey(doc.collection, doc.id)) || (doc.series !== null && viewer.used.has(madeWithKey(doc.collection, doc.series)))))
  );
}

/**
 * Whether the children of `kind` under `parent` reach the viewer once it opens to all: by `opened` in
 * its team, or by `named` when it names them. Only they may be told about those children before
 * (calibration's "submitted: yes/no").
 */
export function inAudience(viewer: Viewer, kind: KindName, parent: Pick<DocAccess, 'team' | 'audience'>): boolean {
  if (viewer.user.role === 'admin') return true;
  const role = parent.team === null ? undefined : viewer.teams.get(parent.team)?.role;
  if (role === undefined) return false;
  const grants = kindOf(kind).read[role];
  return grants.includes('opened') || (grants.includes('named') && (parent.audience ?? []).includes(emailKey(viewer.user.email)));
}

/** The authorization columns a change would store. */
export function accessOf(change: SyncChange, user: User): Omit<DocAccess, 'doc'> {
  const kind = kindOf(change.collection);
  return {
    collection: change.collection,
    id: change.id,
    team: kind.team(change.doc),
    series: kind.series?.(change.doc) ?? null,
    owner: kind.owner(change.doc, emailKey(user.email)),
    subject: kind.subject(change.doc),
    parent: kind.parent?.id(change.doc) ?? null,
    grp: kind.group?.(change.doc) ?? null,
    opens: kind.opens?.(change.doc) ?? null,
    audience: kind.audience?.(change.doc) ?? null,
  };
}

/**
 * Why the viewer may not make this change, or null when they may. `current` is the stored document
 * (null when new); `parent` the stored parent; `seriesTeam` the team of the stored versions of the
 * change's series (undefined when none is stored). Read access to `current` is checked before, so
 * refusals never leak content.
 *
 * The team rules, for every kind: a document belongs to a team (or, for an `orgWide` kind, to the
 * organisation: admins only); the caller has a role in that team, and the kind's rule decides with
 * that role; whom it is about is a member of that team; a child belongs to its parent's team; the
 * versions of a series stay in one team. Moving a document to another team needs the kind's rule to
 * allow the caller the change in both teams.
 */
export function refuseWrite(
  viewer: Viewer,
  change: SyncChange,
  current: DocAccess | null,
  parent: DocAccess | null = null,
  cited: DocAccess | null = null,
  seriesTeam?: string | null,
): string | null {
  const { user } = viewer;
  const kind = kindOf(change.collection);
  const next = accessOf(change, user);
  if (seriesTeam !== undefined && seriesTeam !== next.team) return 'this series belongs to another team: its versions keep the team of the first (team)';
  if (user.role === 'admin') return null;
  if (next.team === null) {
    return kind.orgWide ? 'only admins publish for the whole organisation (team must be one of your teams)' : 'a document belongs to one of your teams (team must be its id)';
  }
  const here = viewer.teams.get(next.team);
  if (here === undefined) return 'you are not a member of this team (team must be one of your teams)';
  // A parent the caller may not read is no parent: a refusal never tells what they may not see.
  const readable = (doc: DocAccess | null): DocAccess | null => (doc !== null && canRead(viewer, doc) ? doc : null);
  const readableParent = readable(parent);
  if (readableParent !== null && readableParent.team !== next.team) return 'a document belongs to the team of the one it is part of (team)';
  const renamed = current === null || current.subject !== next.subject || current.team !== next.team;
  if (renamed && next.subject !== null && !here.members.has(next.subject)) return `${next.subject} is not a member of this team`;
  // The rule of the change's own kind: the registry pairs them, the checker cannot follow the union.
  const rule = writeRules[change.collection] as WriteRule<KindName>;
  const request = { user, me: emailKey(user.email), change, next, current, parent: readableParent, cited: readable(cited) };
  const reason = rule({ ...request, role: here.role, members: here.members });
  if (reason !== null || current === null || current.team === next.team) return reason;
  const there = current.team === null ? undefined : viewer.teams.get(current.team);
  if (there === undefined) return 'moving a document to another team needs a role in both teams';
  return rule({ ...request, role: there.role, members: there.members });
}

/** The `madeWith` keys a change adds to its document's (all of them for a new one): the versions it newly claims to be made with. */
export function newUses(change: SyncChange, current: Pick<DocAccess, 'doc'> | null): string[] {
  const madeWith = kindOf(change.collection).madeWith as ((doc: unknown) => string[]) | undefined;
  if (!madeWith) return [];
  const before = new Set(current === null ? [] : madeWith(current.doc));
  return madeWith(change.doc).filter((key) => !before.has(key));
}

/**
 * Why the viewer may not make a document with the versions `keys` (newUses), or null. The `used`
 * grant lets a document's owner, subject and team read what it was made with (./uses.ts), so naming a
 * version must not be a way to read it: a version stored here, or else a series with versions stored
 * here, must be one the viewer may read (some version of it). `stored` gives, per key, the stored
 * version or the series' versions; a key with none (a built-in card shipped with the extension, a
 * card not pushed yet) names nothing anyone could read through it now. Admins read every version.
 */
export function refuseUses(viewer: Viewer, keys: readonly string[], stored: ReadonlyMap<string, readonly DocAccess[]>): string | null {
  if (viewer.user.role === 'admin') return null;
  const unreadable = keys.find((key) => {
    const versions = stored.get(key) ?? [];
    return versions.length > 0 && !versions.some((doc) => canRead(viewer, doc));
  });
  return unreadable === undefined ? null : `made with a version you may not read (${madeWithParts(unreadable)[1]})`;
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
  await tx.query(`ALTER TABLE docs ADD CONSTRAINT docs_collection_check CHECK (collection IN (${kindNames.map(literal).join(', ')}))`);
  return true;
}
