// The team roster in the extension: its cached shape, and mapping helpdesk display names onto members (pure).
import { z } from 'zod';
import { emailKey, isShippedBuiltIn, readRulesSchema, rosterMemberSchema, teamRosterResponseSchema, type Person, type Role, type RosterMember } from '../model';

/** The roster as cached in the settings row `sync.roster`: from which backend and token, and when. */
export const cachedRosterSchema = z.object({
  url: z.string(),
  /** docHash of the token: another user's token on the same server must not reuse this roster. */
  tokenHash: z.string(),
  fetchedAt: z.number(),
  me: rosterMemberSchema,
  members: z.array(rosterMemberSchema),
  teams: teamRosterResponseSchema.shape.teams,
  /** The server's read rules (READ_RULES_HEADER); absent from older servers. */
  rules: readRulesSchema.optional(),
});
export type CachedRoster = z.infer<typeof cachedRosterSchema>;

/** What the sidebar gets: the caller and the members they may name, and the server's read rules; null without a backend. */
export type Roster = Pick<CachedRoster, 'me' | 'members' | 'teams' | 'rules'>;
/** One of the caller's teams: its server id, name, and the caller's role there. */
export type RosterTeam = NonNullable<CachedRoster['teams']>[number];

/** Case-, accent-form- and whitespace-insensitive form of a name: "  mikko  LAINE" → "mikko laine". */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

const sameEmail = (a: string, b: string): boolean => emailKey(a) === emailKey(b);

/** The members whose name is this display name (ignoring case and whitespace), or whose e-mail it is. */
export function membersNamed(displayName: string, members: readonly RosterMember[]): RosterMember[] {
  const wanted = normalizeName(displayName);
  if (!wanted) return [];
  return members.filter((m) => normalizeName(m.name) === wanted || sameEmail(m.email, displayName));
}

export const personOf = (member: RosterMember): Person => ({ id: member.email, name: member.name });

/** How the roster names an address (a participant, a clarification's author), else the address itself. */
export function nameOfAddress(roster: { members: readonly RosterMember[] } | null | undefined, address: string): string {
  return roster?.members.find((m) => sameEmail(m.email, address))?.name ?? address;
}

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

/** What a new document asks of its team. */
export interface TeamNeed {
  /** Whom it is about (an e-mail): a member of the team too. */
  subject?: string | null;
  /** The caller's roles there that may create it (any when not given). */
  roles?: readonly Role[];
  /** A kind whose documents of no team are organisation-wide: an admin's are (no team). */
  orgWide?: boolean;
}

/**
 * The teams a new document may belong to, best first: the caller's teams in which they have one of
 * `roles` (any role when not given; an admin has every team), and where the document is about
 * someone (`subject`, an e-mail), only the teams that person is a member of too. The first is the one
 * to propose; a form offers a choice only when there are several. Empty without a backend (the
 * document then has no team until it is pushed: see lib/sync/push.ts).
 *
 * Every place that creates a synced document sets its `team` with this (through documentTeam, or
 * from its parent: a child belongs to its parent's team).
 */
export function teamChoices(roster: Roster | null, need: TeamNeed = {}): RosterTeam[] {
  if (!roster || (need.orgWide && roster.me.role === 'admin')) return [];
  const subject = need.subject ? memberOf({ id: need.subject, name: '' }, roster.members) : null;
  return (roster.teams ?? []).filter(
    (team) =>
      (need.roles === undefined || team.role === 'admin' || need.roles.includes(team.role)) &&
      (!need.subject || (subject?.teams ?? []).includes(team.name)),
  );
}

/** Who publishes scorecards and coaching forms: leads; an admin's are the whole organisation's. */
const PUBLISHING: TeamNeed = { roles: ['lead'], orgWide: true };

/**
 * The teams a scorecard or coaching form of a new series may be published into: those the user leads.
 * None for an admin (theirs are the whole organisation's) and in a profile without a backend.
 */
export function publishingTeamsOf(roster: Roster | null): RosterTeam[] {
  return teamChoices(roster, PUBLISHING);
}

/** The team to give a new document when nobody chose one: the first of teamChoices, or null. */
export function documentTeam(roster: Roster | null, need: TeamNeed = {}): string | null {
  return teamChoices(roster, need)[0]?.id ?? null;
}

/** A role in a team that leads it (an admin leads every team). */
const leads = (team: { role: Role }): boolean => team.role === 'lead' || team.role === 'admin';

/**
 * Whether the user leads one of their teams (an admin leads them all), or has no team backend (their
 * profile is all there is): who holds coaching sessions and edits forms, and who follows the team's
 * coaching and its reviewers' calibration alignment. Everyone else — agents, reviewers — sees their own.
 */
export function leadsSomeTeam(roster: Roster | null): boolean {
  if (roster === null) return true;
  return (roster.teams ?? [roster.me]).some(leads);
}

/**
 * Whether the user reviews others: a reviewer or a lead in one of their teams (an admin in all), or
 * anyone without a team backend. An agent's sidebar is for checking their own replies: the server
 * takes no review from them, and calibration is the reviewers'.
 */
export function reviewsOthers(roster: Roster | null): boolean {
  if (roster === null) return true;
  return (roster.teams ?? [roster.me]).some((team) => team.role !== 'agent');
}

/**
 * Whether the user may make new versions of a scorecard or coaching form (edit, publish, archive, or
 * start one), as the team backend decides: without one, always (the profile is all there is); an admin,
 * always; otherwise a lead of the series' team — for a new series or a built-in as shipped (whose edit
 * becomes their team's own), a lead of some team. The organisation's (published with no team) are an
 * admin's; a reviewer's or an agent's, never: a team's scorecards are kept by its leads.
 */
export function mayChangeVersions(roster: Roster | null, doc: { id: string; templateId: string | null; version: number; team: string | null; status: string }): boolean {
  if (roster === null || roster.me.role === 'admin') return true;
  if (isShippedBuiltIn(doc) || (doc.team === null && doc.status === 'draft')) return leadsSomeTeam(roster);
  if (doc.team === null) return false;
  return (roster.teams ?? []).some((team) => team.id === doc.team && leads(team));
}
