// Calibration as CSV in long format: one row per session, ticket, criterion and participant, with the agreed rating.
import { dayOf, type CalibrationRatings, type CalibrationSession, type Scorecard } from '../model';
import { countsAsSubmitted, shownParticipant } from '../calibration';
import { BOM, csvLine, type CsvDialect, type CsvValue } from './csv';

export const CALIBRATION_CSV_HEADER = [
  'session_id',
  'session',
  'session_date',
  'ticket',
  'criterion_id',
  'criterion',
  'participant',
  'rating',
  'agreed_rating',
] as const;

/** Ratings as the scorecard's positions (1 = the first level), 'N/A', or empty when not rated. */
function level(value: number | null, na: boolean): CsvValue {
  if (na) return 'N/A';
  return value === null ? null : value + 1;
}

export function calibrationCsv(
  sessions: readonly CalibrationSession[],
  ratings: ReadonlyMap<string, readonly CalibrationRatings[]>,
  cards: readonly Scorecard[],
  dialect: CsvDialect,
  /** How a pseudonymous participant is written ("Participant 2", as the reveal says it); the others by e-mail, as the server sent them. */
  anonymous: (n: number) => string,
): string {
  let out = BOM + csvLine([...CALIBRATION_CSV_HEADER], dialect);
  for (const session of sessions) {
    if (session.deleted) continue;
    const card = cards.find((c) => c.id === session.scorecardId && c.version === session.scorecardVersion);
    // Submitted and not deleted: an erased participant's ratings are not there (their rows stay empty).
    const docs = (ratings.get(session.id) ?? []).filter(countsAsSubmitted);
    const agreed = new Map(session.agreed.map((a) => [`${a.ticketKey}|${a.criterionId}`, a]));
    const shown = (participant: string): string => {
      const as = shownParticipant(participant);
      return 'email' in as ? as.email : anonymous(as.n);
    };
    for (const { ticketKey } of session.tickets) {
      const criteria = card?.criteria.map((c) => ({ id: c.id, title: c.title })) ?? [];
      for (const criterion of criteria) {
        const a = agreed.get(`${ticketKey}|${criterion.id}`);
        for (const participant of session.participants) {
          const rating = docs.find((d) => d.participant === participant && d.ticketKey === ticketKey)?.ratings.find((r) => r.criterionId === criterion.id);
          out += csvLine(
            [
              session.id,
              session.title,
              dayOf(session.createdAt),
              ticketKey,
              criterion.id,
              criterion.title,
              shown(participant),
              rating ? level(rating.value, rating.na) : null,
              a ? level(a.value, a.na) : null,
            ],
            dialect,
          );
        }
      }
    }
  }
  return out;
}
