// How a reader knows a session's participants: as the server sent them. The server decides who sees
// names (server/src/pseudonyms.ts, by `namesVisible`): the others come as e-mails, or as pseudonymous
// addresses shown "Participant k" — in the reveal, the alignments, the CSV and, as they are, in the JSON export.
import { pseudonymAddress, pseudonymNumber } from '../model/calibration';

export { pseudonymAddress, pseudonymNumber };

/** Who reads: their e-mail (lower case) and whether they lead (for who runs the agreeing; names are the server's to decide). */
export interface Viewer {
  me: string;
  lead: boolean;
}

/** The viewer from the team roster (lib/sync's Roster; its shape only, so calibration stays below sync). */
export function calibrationViewer(roster: { me: { email: string; role: string } } | null): Viewer {
  return { me: roster?.me.email.toLowerCase() ?? '', lead: roster?.me.role === 'lead' || roster?.me.role === 'admin' };
}

/** A participant as received: by e-mail, or by the number of their pseudonym. */
export type ShownParticipant = { email: string } | { n: number };

export function shownParticipant(address: string): ShownParticipant {
  const n = pseudonymNumber(address);
  return n === null ? { email: address } : { n };
}
