// A team's settings (issues 16, 17 and 18): set by a lead of the team, read by every member, enforced by
// the server — how long an agent may dispute a review, which reviewers may start calibration, and how
// often each agent is coached (sent whole to the team's leads only: server/src/sent.ts).
import { z } from 'zod';
import { check, noDuplicates } from './checks';
import { emailKey, emailSchema, personSchema } from './review';
import { teamIdSchema } from './team';
import type { Role } from './sync';

/** Days from a review within which its agent may dispute it: the bounds and the default. */
export const MIN_WINDOW_DAYS = 1;
export const MAX_WINDOW_DAYS = 90;
export const DEFAULT_WINDOW_DAYS = 14;

/** An agent's coaching rhythm in days: the bounds (a week, a year). Agents without one are coached monthly. */
export const MIN_RHYTHM_DAYS = 7;
export const MAX_RHYTHM_DAYS = 366;
export const rhythmDaysSchema = z.number().int().min(MIN_RHYTHM_DAYS).max(MAX_RHYTHM_DAYS);

/** One agent's rhythm. A list of these, not a record keyed by e-mail: erasing the agent rewrites values, not keys. */
export const coachingRhythmSchema = z.strictObject({ agent: emailSchema, days: rhythmDaysSchema });
export type CoachingRhythm = z.infer<typeof coachingRhythmSchema>;

/** The one id a team's settings have: derived from the team, so nobody can make a second. */
export function teamSettingsId(team: string): string {
  return `settings|${team}`;
}

export const teamSettingsSchema = z
  .strictObject({
    /** teamSettingsId(team) */
    id: z.string().min(1).max(200),
    team: teamIdSchema,
    disputeWindowDays: z.number().int().min(MIN_WINDOW_DAYS).max(MAX_WINDOW_DAYS),
    /** The reviewers of the team (e-mails) who may start calibration sessions besides its leads. */
    calibrationStarters: z.array(emailSchema).max(500),
    /** The agents of the team coached on another rhythm than monthly. Missing in settings saved before it: none. */
    coachingRhythms: z.array(coachingRhythmSchema).max(5000).default([]),
    /** The lead (or admin) who saved them last. */
    updatedBy: personSchema,
    updatedAt: z.iso.datetime(),
  })
  .superRefine((s, ctx) => {
    check(s.id === teamSettingsId(s.team), ['id'], `must be "${teamSettingsId(s.team)}" (the team's)`, ctx);
    noDuplicates(s.calibrationStarters, (e) => e, ['calibrationStarters'], 'reviewer', ctx);
    noDuplicates(s.coachingRhythms, (r) => r.agent, ['coachingRhythms'], 'agent', ctx);
  });
export type TeamSettings = z.infer<typeof teamSettingsSchema>;

/** The dispute window of a team whose settings are these (none saved yet: the default). */
export const disputeWindowDays = (settings: Pick<TeamSettings, 'disputeWindowDays'> | null | undefined): number =>
  settings?.disputeWindowDays ?? DEFAULT_WINDOW_DAYS;

/**
 * Whether someone with `role` in a team may start a calibration session there: a lead (or admin)
 * always, a reviewer when the team's settings name them, an agent never. The server's rule and the
 * extension's buttons both ask this.
 */
export function mayStartCalibration(role: Role, me: string, settings: Pick<TeamSettings, 'calibrationStarters'> | null | undefined): boolean {
  if (role === 'lead' || role === 'admin') return true;
  return role === 'reviewer' && (settings?.calibrationStarters.includes(emailKey(me)) ?? false);
}
