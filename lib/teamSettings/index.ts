// Team settings, the pure domain: the one place they are made, and what the extension reads from them
// — a review's dispute window, the teams where the user may start a calibration session, and the
// agents' coaching rhythms.
import {
  DEFAULT_WINDOW_DAYS,
  disputeWindowDays,
  emailKey,
  leadsTeam,
  mayStartCalibration,
  teamSettingsId,
  teamSettingsSchema,
  type CoachingRhythm,
  type Person,
  type TeamSettings,
} from '../model';
import type { Roster, RosterTeam } from '../sync';

export { DEFAULT_WINDOW_DAYS, MAX_RHYTHM_DAYS, MAX_WINDOW_DAYS, MIN_RHYTHM_DAYS, MIN_WINDOW_DAYS, type TeamSettings } from '../model';

export interface TeamSettingsInput {
  team: string;
  disputeWindowDays: number;
  calibrationStarters: readonly string[];
  /** The agents' coaching rhythms, as the plan set them: a form that does not edit them passes the stored ones on. */
  coachingRhythms: readonly CoachingRhythm[];
  by: Person;
  now: Date;
}

/** The one place a team's settings document is made (its id is the team's). Throws what the schema refuses. */
export function newTeamSettings({ team, disputeWindowDays: days, calibrationStarters, coachingRhythms, by, now }: TeamSettingsInput): TeamSettings {
  return teamSettingsSchema.parse({
    id: teamSettingsId(team),
    team,
    disputeWindowDays: days,
    calibrationStarters: [...new Set(calibrationStarters.map(emailKey))].sort(),
    coachingRhythms: coachingRhythms.map((r) => ({ agent: emailKey(r.agent), days: r.days })).sort((a, b) => a.agent.localeCompare(b.agent)),
    updatedBy: { id: emailKey(by.id), name: by.name },
    updatedAt: now.toISOString(),
  });
}

/**
 * A team's settings with one agent's coaching rhythm set (`days`), or back to monthly (null); the rest
 * as `stored`, or the defaults when the team has none saved yet.
 */
export function withRhythm(stored: TeamSettings | undefined, team: string, agent: string, days: number | null, by: Person, now: Date): TeamSettings {
  const others = (stored?.coachingRhythms ?? []).filter((r) => r.agent !== emailKey(agent));
  return newTeamSettings({
    team,
    disputeWindowDays: stored?.disputeWindowDays ?? DEFAULT_WINDOW_DAYS,
    calibrationStarters: stored?.calibrationStarters ?? [],
    coachingRhythms: days === null ? others : [...others, { agent, days }],
    by,
    now,
  });
}

/** The rhythms (days by lower-cased agent e-mail) in the teams' settings; an agent in several teams: the first team's by id. */
export function rhythmsOf(all: readonly TeamSettings[]): Record<string, number> {
  const rhythms: Record<string, number> = {};
  for (const settings of [...all].sort((a, b) => a.team.localeCompare(b.team))) {
    for (const { agent, days } of settings.coachingRhythms) rhythms[agent] ??= days;
  }
  return rhythms;
}

/**
 * The team whose settings keep an agent's rhythm: the first (by id) the roster's user leads and shares
 * with the agent; null without a backend or such a team (the coach's profile then keeps it).
 */
export function rhythmTeamOf(roster: Roster | null, agentId: string): string | null {
  const member = roster?.members.find((m) => emailKey(m.email) === emailKey(agentId));
  if (!roster || !member) return null;
  // The roster names a member's teams by name; the user's own teams carry their ids.
  const shared = new Set(member.teams ?? []);
  const user = { role: roster.me.role, teams: roster.teams };
  const led = (roster.teams ?? []).filter((team) => shared.has(team.name) && leadsTeam(user, team.id)).map((team) => team.id);
  return led.sort()[0] ?? null;
}

/** The dispute window (days) of a document's team, from the settings this profile holds. */
export function windowDaysOf(all: readonly TeamSettings[], team: string | null): number {
  return disputeWindowDays(team === null ? null : all.find((s) => s.team === team));
}

/** The roster's teams where its user may start a calibration session (a session belongs to one of them). */
export function calibrationStartTeams(roster: Roster | null, all: readonly TeamSettings[]): RosterTeam[] {
  if (!roster) return [];
  return (roster.teams ?? []).filter((team) => mayStartCalibration(team.role, roster.me.email, all.find((s) => s.team === team.id)));
}
