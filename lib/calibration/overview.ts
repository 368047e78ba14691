// The dashboard's Calibration view as figures: sessions over time, alpha per criterion by month,
// the criteria with the lowest agreement, each reviewer's alignment trend. Reads calibration only.
import type { CalibrationRatings, CalibrationSession } from '../model/calibration';
import type { Scorecard } from '../model/scorecard';
import type { ReliabilityData } from './alpha';
import { alphaFigure, indexRatings, sessionMatrix, type AlphaFigure } from './session';

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
  /** Per participant: alignment per month (mean over that month's sessions). */
  alignment: { participant: string; byMonth: Map<string, number> }[];
}

const monthOf = (iso: string): string => iso.slice(0, 7);

/**
 * `ratings` by session id (submitted ones count). Alpha per criterion pools the month's units: each
 * (session, ticket) is a unit, each participant a row.
 */
export function calibrationOverview(
  sessions: readonly CalibrationSession[],
  ratings: ReadonlyMap<string, readonly CalibrationRatings[]>,
  cards: readonly Scorecard[],
  lowestCount = 5,
): CalibrationOverview {
  const live = sessions.filter((s) => !s.deleted && s.status !== 'cancelled').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const cardOf = (s: CalibrationSession) => cards.find((c) => c.id === s.scorecardId && c.version === s.scorecardVersion);
  const months = [...new Set(live.map((s) => monthOf(s.createdAt)))];
  // Per criterion and month, its units (session × ticket): each a participant → value map.
  const pools = new Map<string, { title: string; byMonth: Map<string, Map<string, number | null>[]> }>();
  const rows: SessionRow[] = [];
  for (const session of live) {
    const card = cardOf(session);
    const month = monthOf(session.createdAt);
    if (!card) {
      rows.push({ session, month, alpha: null });
      continue;
    }
    const own = ratings.get(session.id) ?? [];
    rows.push({ session, month, alpha: alphaFigure(sessionMatrix(session, card, own)) });
    const byKey = indexRatings(own);
    for (const { ticketKey } of session.tickets) {
      const docs = session.participants.map((p) => {
        const doc = byKey.get(`${p}|${ticketKey}`);
        return new Map((doc?.ratings ?? []).map((r) => [r.criterionId, r.na ? null : r.value]));
      });
      for (const criterion of card.criteria) {
        const pool = pools.get(criterion.id) ?? { title: criterion.title, byMonth: new Map<string, Map<string, number | null>[]>() };
        pools.set(criterion.id, pool);
        const units = pool.byMonth.get(month) ?? [];
        pool.byMonth.set(month, units);
        units.push(new Map(session.participants.map((p, i) => [p, docs[i]?.get(criterion.id) ?? null])));
      }
    }
  }
  const matrix = (units: readonly Map<string, number | null>[]): ReliabilityData => {
    const participants = new Set<string>();
    for (const unit of units) for (const who of unit.keys()) participants.add(who);
    return [...participants].map((who) => units.map((unit) => unit.get(who) ?? null));
  };
  const criteria = [...pools.entries()].map(([criterionId, pool]) => {
    const byMonth = new Map<string, AlphaFigure>();
    for (const [month, units] of pool.byMonth) byMonth.set(month, alphaFigure(matrix(units)));
    return { criterionId, title: pool.title, byMonth, overall: alphaFigure(matrix([...pool.byMonth.values()].flat())) };
  });
  const lowest = criteria
    .filter((c) => !c.overall.tooFew && c.overall.alpha !== null)
    .sort((a, b) => (a.overall.alpha ?? 0) - (b.overall.alpha ?? 0))
    .slice(0, lowestCount)
    .map(({ criterionId, title, overall }) => ({ criterionId, title, overall }));
  const sums = new Map<string, Map<string, { sum: number; n: number }>>();
  for (const session of live) {
    for (const a of session.alignments) {
      const perMonth = sums.get(a.participant) ?? new Map<string, { sum: number; n: number }>();
      sums.set(a.participant, perMonth);
      const cell = perMonth.get(monthOf(session.createdAt)) ?? { sum: 0, n: 0 };
      perMonth.set(monthOf(session.createdAt), { sum: cell.sum + a.alignment, n: cell.n + 1 });
    }
  }
  const alignment = [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([participant, perMonth]) => ({ participant, byMonth: new Map([...perMonth].map(([m, { sum, n }]) => [m, sum / n])) }));
  return { sessions: rows.reverse(), months, criteria, lowest, alignment };
}
