// Which team a synced document belongs to: the server's team id, or null (a profile without a team
// backend, a document written before teams owned data, or an organisation-wide scorecard).
import { z } from 'zod';

export const teamIdSchema = z.string().min(1).max(100);

/** The `team` field of a synced document. Missing in documents older than the field: read as null. */
export const docTeamSchema = teamIdSchema.nullable().default(null);

/** A user as the roster shows their roles: the account's, and per team (absent from older servers). */
export interface TeamRoles {
  role: string;
  teams?: readonly { id: string; role: string }[] | undefined;
}

/**
 * Whether the user leads a team as the server decides it: an admin leads every team, anyone else
 * the teams where the roster says lead — a lead of one team is a reviewer or an agent in another.
 * Without the per-team roles (an older server), or for a document of no team, the account's role.
 */
export function leadsTeam(user: TeamRoles, team: string | null): boolean {
  if (user.role === 'admin') return true;
  if (user.teams === undefined || team === null) return user.role === 'lead';
  return user.teams.some((t) => t.id === team && (t.role === 'lead' || t.role === 'admin'));
}
