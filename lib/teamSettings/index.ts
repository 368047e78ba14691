// Team settings, the pure domain: the one place they are made, and what the extension reads from them
// — a review's dispute window, and the teams where the user may start a calibration session.
import type { Person } from '../model/review';
import { disputeWindowDays, mayStartCalibration, teamSettingsId, teamSettingsSchema, type TeamSettings } from '../model/teamSettings';
import type { Roster, RosterTeam } from '../sync';

export { DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS, MIN_WINDOW_DAYS, type TeamSettings } from '../model/teamSettings';

export interface TeamSettingsInput {
  team: string;
  disputeWindowDays: number;
  calibrationStarters: readonly string[];
  by: Person;
  now: Date;
}

/** The one place a team's settings document is made (its id is the team's). Throws what the schema refuses. */
export function newTeamSettings({ team, disputeWindowDays: days, calibrationStarters, by, now }: TeamSettingsInput): TeamSettings {
  return teamSettingsSchema.parse({
    id: teamSettingsId(team),
    team,
    disputeWindowDays: days,
    calibrationStarters: [...new Set(calibrationStarters.map((e) => e.trim().toLowerCase()))].sort(),
    updatedBy: { id: by.id.trim().toLowerCase(), name: by.name },
    updatedAt: now.toISOString(),
  });
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
