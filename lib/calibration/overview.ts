// The dashboard's Calibration view as figures: sessions over time, alpha per criterion by month,
// the criteria with the lowest agreement, each reviewer's alignment trend. Reads each session's
// figures (./figures.ts, kept as its ratings change), never the ratings or reviews themselves.
import { monthOf, type CalibrationSession, type Scorecard } from '../model';
import type { PooledCoincidences } from './alpha';
import { pooledAlphaFigure, sessionAlphaOfKept, type SessionFigures } from './figures';
import { shownParticipant, type ShownParticipant } from './names';
import type { AlphaFigure } from './session';

export interface SessionRow {
  session: CalibrationSession;
  month: string;
  alpha: AlphaFigure | null;
}

export interface CalibrationOverview {
  sessions: SessionRow[];
  months: string[];
  /** Per criterion (by id, with its title): alpha per month (pooled over that month's sessions) and overall. */
  criteria: { criterionId: string; title: string; byMonth: Map<string, AlphaFigure>; overall: AlphaFigure }[];
  /** The criteria whose descriptions most need work: lowest overall alpha first (those with a figure). */
  lowest: { criterionId: string; title: string; overall: AlphaFigure }[];
  /**
   * Per participant known by name (./names.ts: oneself, and everyone where names are shown to the
   * reader): alignment per month, over every rating of that month's sessions it rests on (each session's
   * alignment weighed by its `rated`, not a mean of sessions). A pseudonym is left out: its number is
   * someone else in the next session.
   */
  alignment: { participant: ShownParticipant; byMonth: Map<string, number> }[];
}

/**
 * `figures` by session id. Alpha per criterion pools the month's units: each (session, ticket) is a
 * unit, each participant a row — the sum of the sessions' coincidences of that criterion.
 */
export function calibrationOverview(
  sessions: readonly CalibrationSession[],
  figures: ReadonlyMap<string, SessionFigures>,
  cards: readonly Scorecard[],
  lowestCount = 5,
): CalibrationOverview {
  const live = sessions.filter((s) => !s.deleted && s.status !== 'cancelled').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const cardOf = (s: CalibrationSession) => cards.find((c) => c.id === s.scorecardId && c.version === s.scorecardVersion);
  const months = [...new Set(live.map((s) => monthOf(s.createdAt)))];
  // Per criterion and month, the coincidences of its sessions.
  const pools = new Map<string, { title: string; byMonth: Map<string, PooledCoincidences[]> }>();
  const rows: SessionRow[] = [];
  for (const session of live) {
    const card = cardOf(session);
    const month = monthOf(session.createdAt);
    if (!card) {
      rows.push({ session, month, alpha: null });
      continue;
    }
    const own = figures.get(session.id);
    // Figures kept before the scorecard came: the same alpha from the criteria's coincidences.
    rows.push({ session, month, alpha: own?.alpha ?? sessionAlphaOfKept(card, own?.criteria ?? {}) });
    for (const criterion of card.criteria) {
      const pool = pools.get(criterion.id) ?? { title: criterion.title, byMonth: new Map<string, PooledCoincidences[]>() };
      pools.set(criterion.id, pool);
      const units = pool.byMonth.get(month) ?? [];
      pool.byMonth.set(month, units);
      const coincidences = own?.criteria[criterion.id];
      if (coincidences) units.push(coincidences);
    }
  }
  const criteria = [...pools.entries()].map(([criterionId, pool]) => {
    const byMonth = new Map<string, AlphaFigure>();
    for (const [month, units] of pool.byMonth) byMonth.set(month, pooledAlphaFigure(units));
    return { criterionId, title: pool.title, byMonth, overall: pooledAlphaFigure([...pool.byMonth.values()].flat()) };
  });
  const lowest = criteria
    .filter((c) => !c.overall.tooFew && c.overall.alpha !== null)
    .sort((a, b) => (a.overall.alpha ?? 0) - (b.overall.alpha ?? 0))
    .slice(0, lowestCount)
    .map(({ criterionId, title, overall }) => ({ criterionId, title, overall }));
  const sums = new Map<string, { participant: ShownParticipant; perMonth: Map<string, { sum: number; n: number }> }>();
  for (const session of live) {
    for (const a of session.alignments) {
      // Over ratings, as alignment is defined: a session resting on one criterion weighs one rating, not a session's worth.
      if (a.rated <= 0) continue;
      const participant = shownParticipant(a.participant);
      // A pseudonym is a number within one session: across sessions it is nobody's trend.
      if (!('email' in participant)) continue;
      const key = participant.email;
      const row = sums.get(key) ?? { participant, perMonth: new Map<string, { sum: number; n: number }>() };
      sums.set(key, row);
      const perMonth = row.perMonth;
      const cell = perMonth.get(monthOf(session.createdAt)) ?? { sum: 0, n: 0 };
      perMonth.set(monthOf(session.createdAt), { sum: cell.sum + a.alignment * a.rated, n: cell.n + a.rated });
    }
  }
  const alignment = [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { participant, perMonth }]) => ({ participant, byMonth: new Map([...perMonth].map(([m, { sum, n }]) => [m, sum / n])) }));
  return { sessions: rows.reverse(), months, criteria, lowest, alignment };
}
