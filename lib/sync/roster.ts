// The team roster in the extension: its cached shape, and mapping helpdesk display names onto members (pure).
import { z } from 'zod';
import { rosterMemberSchema, teamSchema, type RosterMember } from '../model/sync';
import type { Person } from '../model/review';

/** The roster as cached in the settings row `sync.roster`: from which backend and token, and when. */
export const cachedRosterSchema = z.object({
  url: z.string(),
  /** docHash of the token: another user's token on the same server must not reuse this roster. */
  tokenHash: z.string(),
  fetchedAt: z.number(),
  me: rosterMemberSchema,
  members: z.array(rosterMemberSchema),
  /** The caller's own teams with their ids (from /v1/me): what a calibration session belongs to. */
  myTeams: z.array(teamSchema).optional(),
});
export type CachedRoster = z.infer<typeof cachedRosterSchema>;

/** What the sidebar gets: the caller and the members they may name; null without a backend. */
export type Roster = Pick<CachedRoster, 'me' | 'members' | 'myTeams'>;

/** Case-, accent-form- and whitespace-insensitive form of a name: "  mikko  LAINE" → "mikko laine". */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** An e-mail as identities compare (reviewee and reviewer ids, roster members): trimmed, lower-cased. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

const sameEmail = (a: string, b: string): boolean => emailKey(a) === emailKey(b);

/** The members whose name is this display name (ignoring case and whitespace), or whose e-mail it is. */
export function membersNamed(displayName: string, members: readonly RosterMember[]): RosterMember[] {
  const wanted = normalizeName(displayName);
  if (!wanted) return [];
  return members.filter((m) => normalizeName(m.name) === wanted || sameEmail(m.email, displayName));
}

export const personOf = (member: RosterMember): Person => ({ id: member.email, name: member.name });

/** The roster member a person already is (their id is a member's e-mail), else null. */
export function memberOf(person: Person | null, members: readonly RosterMember[]): RosterMember | null {
  if (!person) return null;
  return members.find((m) => sameEmail(m.email, person.id)) ?? null;
}

export type RosterMatch =
  | { kind: 'member'; person: Person }
  | { kind: 'ambiguous'; name: string; choices: RosterMember[] }
  | { kind: 'unmatched'; name: string };

/**
 * Maps a proposed reviewee (from the helpdesk: id = display name) onto the roster: already a member,
 * or exactly one member of that name → that member (id = e-mail); several → ambiguous; none → unmatched.
 */
export function matchReviewee(person: Person, members: readonly RosterMember[]): RosterMatch {
  const member = memberOf(person, members);
  if (member) return { kind: 'member', person: personOf(member) };
  const named = membersNamed(person.name, members);
  const [only] = named;
  if (named.length === 1 && only) return { kind: 'member', person: personOf(only) };
  if (named.length > 1) return { kind: 'ambiguous', name: person.name, choices: named };
  return { kind: 'unmatched', name: person.name };
}

/**
 * The reviewee to store: without a roster (no backend) the person as proposed; with one, only a
 * roster member (id = e-mail), else null so that the reviewer chooses.
 */
export function revieweeFor(person: Person | null, roster: Roster | null): Person | null {
  if (!person || !roster) return person;
  const match = matchReviewee(person, roster.members);
  return match.kind === 'member' ? match.person : null;
}

/**
 * The picker's list: members named in the ticket first (in the ticket's order), then the rest by name.
 */
export function rosterChoices(helpdeskNames: readonly string[], members: readonly RosterMember[]): RosterMember[] {
  const first: RosterMember[] = [];
  for (const name of helpdeskNames) {
    for (const m of membersNamed(name, members)) if (!first.includes(m)) first.push(m);
  }
  const rest = members.filter((m) => !first.includes(m)).sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
  return [...first, ...rest];
}

/** Who "I" am in documents: the backend's account when connected, else the identity in the settings. */
export function selfPerson(identity: { name: string; email: string }, roster: Roster | null): Person | null {
  if (roster) return personOf(roster.me);
  return identity.email && identity.name ? { id: identity.email, name: identity.name } : null;
}

/** The roster's teams by name, each with its members' e-mails (as emailKey compares them). */
export function rosterTeams(members: readonly RosterMember[]): Map<string, Set<string>> {
  const teams = new Map<string, Set<string>>();
  for (const member of members) {
    for (const team of member.teams ?? []) {
      const emails = teams.get(team) ?? new Set<string>();
      emails.add(emailKey(member.email));
      teams.set(team, emails);
    }
  }
  return new Map([...teams].sort(([a], [b]) => a.localeCompare(b)));
}
