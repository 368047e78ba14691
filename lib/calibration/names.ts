// How a reader knows a session's participants: as the server sent them. The server decides who sees
// names (server/src/pseudonyms.ts, by `namesVisible`): the others come as e-mails, or as pseudonymous
// addresses shown "Participant k" — in the reveal, the alignments, the CSV and, as they are, in the JSON export.
import { leadsTeam, pseudonymAddress, pseudonymNumber, type TeamRoles } from '../model';

export { pseudonymAddress, pseudonymNumber };

/** Who reads: their e-mail (lower case) and the teams they lead (for who runs the agreeing; names are the server's to decide). */
export interface Viewer {
  me: string;
  /** Whether the viewer leads this team as the server decides it: an admin, or a lead of that very team. */
  leads(team: string): boolean;
}

/**
 * The viewer from the team roster (lib/sync's Roster; its shape only, so calibration stays below
 * sync). What they lead is per team (lib/model/team leadsTeam): a lead elsewhere is a reviewer here.
 */
export function calibrationViewer(roster: { me: { email: string; role: string }; teams?: TeamRoles['teams'] } | null): Viewer {
  return { me: roster?.me.email.toLowerCase() ?? '', leads: (team) => roster !== null && leadsTeam({ role: roster.me.role, teams: roster.teams }, team) };
}

/** A participant as received: by e-mail, or by the number of their pseudonym. */
export type ShownParticipant = { email: string } | { n: number };

export function shownParticipant(address: string): ShownParticipant {
  const n = pseudonymNumber(address);
  return n === null ? { email: address } : { n };
}
