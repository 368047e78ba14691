// Who may read and write which synced documents: the role rules, in SQL (lists) and in code (single docs).
import { canonicalJson, type SyncChange, type SyncCollection } from '../../lib/model/sync';
import type { User } from './admin';

/** A stored document's authorization columns. */
export interface DocAccess {
  collection: SyncCollection;
  owner: string;
  subject: string | null;
  doc: Record<string, unknown>;
}

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

/**
 * A WHERE fragment limiting `docs` (aliased d) to what the viewer may read, with its parameters
 * numbered from `$first`. Mirrors `canRead`; keep the two together.
 */
export function visibleSql(user: User, first: number): { sql: string; params: unknown[] } {
  const me = `$${first}`;
  const params = [email(user.email), user.id];
  const team = teamEmailsSql(first + 1);
  switch (user.role) {
    case 'admin':
      return { sql: 'TRUE', params: [] };
    case 'agent':
      return {
        sql: `(d.collection = 'scorecards' OR (d.collection = 'reviews' AND d.subject = ${me})
               OR (d.collection = 'selfChecks' AND d.owner = ${me}))`,
        params: [email(user.email)],
      };
    case 'reviewer':
      return {
        sql: `(d.collection = 'scorecards'
               OR (d.collection = 'reviews' AND (d.owner = ${me} OR d.subject = ${me} OR d.subject IN ${team} OR d.owner IN ${team}))
               OR (d.collection = 'selfChecks' AND d.owner = ${me}))`,
        params,
      };
    case 'lead':
      return {
        sql: `(d.collection = 'scorecards'
               OR (d.collection = 'reviews' AND (d.owner = ${me} OR d.subject = ${me} OR d.subject IN ${team} OR d.owner IN ${team}))
               OR (d.collection = 'selfChecks' AND (d.owner = ${me} OR d.owner IN ${team})))`,
        params,
      };
  }
}

export function canRead(viewer: Viewer, doc: Pick<DocAccess, 'collection' | 'owner' | 'subject'>): boolean {
  const { user, teamEmails } = viewer;
  const me = email(user.email);
  const inTeam = (who: string | null): boolean => who !== null && teamEmails.has(who);
  if (user.role === 'admin' || doc.collection === 'scorecards') return true;
  if (doc.collection === 'reviews') {
    if (user.role === 'agent') return doc.subject === me;
    return doc.owner === me || doc.subject === me || inTeam(doc.subject) || inTeam(doc.owner);
  }
  if (user.role === 'lead') return doc.owner === me || inTeam(doc.owner);
  return doc.owner === me;
}

/** The authorization columns a change would store. */
export function accessOf(change: SyncChange, user: User): Omit<DocAccess, 'doc'> {
  switch (change.collection) {
    case 'reviews':
      return { collection: 'reviews', owner: email(change.doc.reviewer.id), subject: email(change.doc.reviewee.id) };
    case 'selfChecks':
      return { collection: 'selfChecks', owner: email(change.doc.agent.id), subject: null };
    case 'scorecards':
      return { collection: 'scorecards', owner: email(user.email), subject: null };
  }
}

const without = (doc: Record<string, unknown>, keys: readonly string[]): string => {
  const copy = { ...doc };
  for (const key of keys) delete copy[key];
  return canonicalJson(copy);
};

/**
 * Why the viewer may not make this change, or null when they may. `current` is the stored document
 * (null when new). Read access to `current` is checked before, so refusals never leak content.
 */
export function refuseWrite(viewer: Viewer, change: SyncChange, current: DocAccess | null): string | null {
  const { user } = viewer;
  const me = email(user.email);
  const next = accessOf(change, user);
  if (user.role === 'admin') return null;
  switch (change.collection) {
    case 'reviews': {
      const mayAuthor = user.role === 'reviewer' || user.role === 'lead';
      if (mayAuthor && next.owner === me && (current === null || current.owner === me)) return null;
      // The reviewee acknowledges: the only field they may change is acknowledgedAt.
      if (current !== null && current.subject === me && current.owner !== me) {
        const same =
          without(current.doc, ['acknowledgedAt']) === without(change.doc as Record<string, unknown>, ['acknowledgedAt']);
        return same ? null : 'the reviewed person may only acknowledge a review (change acknowledgedAt)';
      }
      if (!mayAuthor) return `an ${user.role} may not write reviews`;
      return 'reviewers write only their own reviews (reviewer.id must be your e-mail)';
    }
    case 'selfChecks':
      if (next.owner === me && (current === null || current.owner === me)) return null;
      return 'self-checks are written only by the agent they belong to (agent.id must be your e-mail)';
    case 'scorecards': {
      if (user.role !== 'lead') return 'only leads and admins publish scorecards';
      if (current !== null && current.owner !== me) return 'this scorecard version was published by another lead';
      if (current !== null && current.doc.status === 'published') {
        const keep = ['status', 'updatedAt'];
        if (without(current.doc, keep) !== without(change.doc as Record<string, unknown>, keep)) {
          return 'a published scorecard version is immutable; publish a new version instead';
        }
      }
      return null;
    }
  }
}
