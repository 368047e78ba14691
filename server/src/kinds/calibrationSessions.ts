// Calibration sessions: started by a lead of the team or a reviewer its settings allow; the starter (or a lead) sets it up
// until the reveal; the facilitator (or a lead) reveals, then records agreed ratings, and clarifications.
import { mayStartCalibration, type CalibrationSession, type Clarification, type TeamSettings } from '../../../lib/model';
import { changedFields, isTeamLead, type WriteRule } from './rule';

const FIXED = ['id', 'team', 'startedBy', 'createdAt'];
/** The facilitator's part: when and how the ratings are shown, and what was agreed. */
const REVEAL = ['revealMode', 'namesShown', 'revealedAt', 'status', 'agreed', 'clarifications', 'alignments'];

export const calibrationSessionsRule: WriteRule<'calibrationSessions'> = (request) => {
  const { role, me, change, next, current, members, cited } = request;
  const doc = change.doc;
  if (role === 'agent') return 'agents do not run calibration sessions';
  // People named anew must be of the session's team (those named before may have left since).
  const before = current?.doc as CalibrationSession | undefined;
  const named = new Set(before ? [before.facilitator, ...before.participants] : []);
  const stranger = [doc.facilitator, ...doc.participants].find((who) => !named.has(who) && !members.has(who));
  if (stranger !== undefined) return `${stranger} is not a member of this team`;
  if (current === null || before === undefined) {
    if (next.owner !== me) return 'a session is started in your own name (startedBy must be your e-mail)';
    // The settings of the session's team, as stored (the kind cites them).
    if (!mayStartCalibration(role, me, cited?.doc as TeamSettings | undefined)) {
      return 'only a lead of the team, or a reviewer its lead allows in the team’s settings, starts a calibration session';
    }
    if (doc.status !== 'open' || doc.agreed.length > 0 || doc.alignments.length > 0) return 'a new session starts open, with nothing agreed';
    return null;
  }
  const changed = changedFields(before, doc).filter((field) => field !== 'updatedAt');
  if (changed.some((field) => FIXED.includes(field))) return 'a session keeps its id, team, starter and start time';
  const lead = isTeamLead(request);
  const setup = changed.filter((field) => !REVEAL.includes(field));
  const reveal = changed.filter((field) => REVEAL.includes(field));
  if (setup.length > 0) {
    if (current.owner !== me && !lead) return `only the starter or a lead sets a session up (${setup.join(', ')})`;
    if (before.revealedAt !== null) return 'after the reveal the setup stays as it was';
  }
  if (reveal.length > 0 && before.facilitator !== me && !lead) return `only the facilitator or a lead reveals and agrees (${reveal.join(', ')})`;
  if (before.revealedAt !== null && doc.revealedAt !== before.revealedAt) return 'a reveal cannot be taken back';
  // A cancelled session opens nobody's ratings (lib/model/kinds.ts); opening it again would reopen them.
  if (before.status === 'cancelled' && doc.status !== 'cancelled') return 'a cancelled session stays cancelled: start a new one (status)';
  // Readers hold the ratings under the names (or pseudonyms) they were sent: a later choice could take
  // back no name already sent, and would leave the same ratings stored twice under two ids.
  if (changed.includes('namesShown') && (before.revealedAt !== null || before.revealMode === 'after-own-submit')) {
    return 'namesShown is immutable once participants may have seen each other’s ratings (after the reveal, or when each sees them after submitting)';
  }
  // The ratings rule (calibrationRatings.ts) keeps ratings final, the check above names and the one below
  // participants, by the session's revealMode as stored: switching it away from 'after-own-submit' would
  // undo all three for ratings already shown. A rule sees no other documents, so it cannot tell
  // whether anyone has submitted yet: once the session is 'after-own-submit' its mode is fixed, and once
  // revealed (or revealed in this change) the mode is moot and fixed as well. Before the reveal a
  // 'facilitator-reveals' session may still become 'after-own-submit': nobody has seen anything yet.
  if (changed.includes('revealMode') && (doc.revealedAt !== null || before.revealMode === 'after-own-submit')) {
    return 'the reveal mode is immutable once participants may have seen each other’s ratings: after the reveal, or when each sees them after submitting (revealMode)';
  }
  // Participants still scoring blind read the session: what the facilitator agrees, and how each participant
  // aligns with it, waits for the reveal (stored, or made in the same change). Emptying them is no leak.
  const early = (['agreed', 'alignments'] as const).filter((field) => changed.includes(field) && doc.revealedAt === null && doc[field].length > 0);
  if (early.length > 0) return `ratings are agreed only after the reveal: participants still scoring blind read the session (${early.join(', ')})`;
  const clarified = clarificationsRefused(before.clarifications, doc.clarifications, me, lead);
  if (clarified !== null) return clarified;
  // A pseudonym is a rank among the participants (server/src/pseudonyms.ts): when each may see the others'
  // ratings after submitting, someone joining or leaving would renumber ratings already sent.
  const people = (list: readonly string[]): string => [...list].sort().join('\n');
  if (before.revealMode === 'after-own-submit' && people(before.participants) !== people(doc.participants)) {
    return 'participants are immutable when each sees the others’ ratings after submitting (start a new session to add someone)';
  }
  if (changed.length === 0 && current.owner !== me && before.facilitator !== me && !lead) return 'only the starter, the facilitator or a lead changes a session';
  return null;
};

/**
 * Clarifications are dated and attributed, and shown in everyone's later reviews: a new one is signed by
 * whoever writes it, a saved one keeps its text, and only a lead retires one (for good).
 */
function clarificationsRefused(before: readonly Clarification[], after: readonly Clarification[], me: string, lead: boolean): string | null {
  const key = (c: Clarification): string => `${c.criterionId}\u0000${c.by}\u0000${c.at}`;
  const now = new Map(after.map((c) => [key(c), c]));
  for (const was of before) {
    const is = now.get(key(was));
    if (!is) return 'a saved clarification stays (a lead retires it) (clarifications)';
    if (is.text !== was.text) return 'a saved clarification keeps its text; write a new one (clarifications)';
    if (is.retiredAt !== was.retiredAt && (!lead || was.retiredAt !== null)) return 'only a lead retires a clarification, once (clarifications)';
  }
  const saved = new Set(before.map(key));
  const unsigned = after.find((c) => !saved.has(key(c)) && c.by !== me);
  return unsigned ? `a new clarification is signed by its writer (clarifications: by must be ${me})` : null;
}
