// How a reader knows a session's participants: as the server sent them. The server decides who sees
// names (server/src/pseudonyms.ts, by `namesVisible`): the others come as e-mails, or as pseudonymous
// addresses shown "Participant k" — in the reveal, the alignments, the CSV and, as they are, in the JSON export.
import { pseudonymAddress, pseudonymNumber } from '../model/calibration';

export { pseudonymAddress, pseudonymNumber };

/** Who reads: their e-mail (lower case) and the teams they lead (for who runs the agreeing; names are the server's to decide). */
export interface Viewer {
  me: string;
  /** Whether the viewer leads this team as the server decides it: an admin, or a lead of that very team. */
  leads(team: string): boolean;
}

/** The roster's shape this needs (lib/sync's Roster; its shape only, so calibration stays below sync). */
interface RosterShape {
  me: { email: string; role: string };
  teams?: readonly { id: string; role: string }[] | undefined;
}

/**
 * The viewer from the team roster. A lead of one team is a reviewer in another: what they lead is
 * read per team from the roster's teams (an older server without them: the account's role).
 */
export function calibrationViewer(roster: RosterShape | null): Viewer {
  const admin = roster?.me.role === 'admin';
  const led = new Set(roster?.teams?.filter((t) => t.role === 'lead' || t.role === 'admin').map((t) => t.id));
  const byAccount = roster !== null && roster.teams === undefined && roster.me.role === 'lead';
  return { me: roster?.me.email.toLowerCase() ?? '', leads: (team) => admin || byAccount || led.has(team) };
}

/** A participant as received: by e-mail, or by the number of their pseudonym. */
export type ShownParticipant = { email: string } | { n: number };

export function shownParticipant(address: string): ShownParticipant {
  const n = pseudonymNumber(address);
  return n === null ? { email: address } : { n };
}
