// A session's figures for the dashboard's Calibration view, computed once when the session or its
// ratings change (lib/db/writes.ts keeps them, as it keeps the review rollups): the view reads these,
// never the ratings.
import type { CalibrationRatings, CalibrationSession, Scorecard } from '../model';
import { criterionScoreSum } from '../scoring';
import { alphaOfPooled, pooledCoincidences, type PooledCoincidences } from './alpha';
import { figureOf, indexRatings, sessionAlphaFigure, sessionMatrix, type AlphaFigure } from './session';

export interface SessionFigures {
  sessionId: string;
  /** The session's alpha as its reveal shows it; null when its scorecard was not here to say the criteria. */
  alpha: AlphaFigure | null;
  /** Per criterion id: the coincidences of the participants' values over the session's tickets (they add up across sessions). */
  criteria: Record<string, PooledCoincidences>;
}

/** The figures of a session from its submitted ratings (a participant's, per ticket); `card` its scorecard, if here. */
export function sessionFigures(session: CalibrationSession, card: Scorecard | undefined, ratings: readonly CalibrationRatings[]): SessionFigures {
  const byKey = indexRatings(ratings);
  // Per criterion (in the card's order, else as rated): participants × tickets.
  const ids = card ? card.criteria.map((c) => c.id) : [...new Set([...byKey.values()].flatMap((doc) => doc.ratings.map((r) => r.criterionId)))];
  const values = session.participants.map((p) =>
    session.tickets.map((t) => new Map((byKey.get(`${p}|${t.ticketKey}`)?.ratings ?? []).map((r) => [r.criterionId, r.na ? null : r.value]))),
  );
  const criteria: Record<string, PooledCoincidences> = {};
  for (const id of ids) criteria[id] = pooledCoincidences(values.map((tickets) => tickets.map((of) => of.get(id) ?? null)));
  return { sessionId: session.id, alpha: card ? sessionAlphaFigure(sessionMatrix(session, card, ratings)) : null, criteria };
}

/**
 * The session's alpha (as sessionAlphaFigure gives it) from its criteria's kept coincidences: each
 * criterion's values as criterion scores, pooled, interval. A unit is one ticket's criterion, so the
 * criteria's coincidences together are the session's.
 */
export function sessionAlphaOfKept(card: Scorecard, criteria: Readonly<Record<string, PooledCoincidences>>): AlphaFigure {
  const scaled = card.criteria.flatMap((criterion) => {
    const kept = criteria[criterion.id];
    if (!kept) return [];
    const cells = kept.cells.map((x, i) => (i % 3 === 2 ? x : criterionScoreSum(criterion, x)));
    return [{ cells, units: kept.units }];
  });
  return figureOf(alphaOfPooled(scaled, 'interval'));
}

/** Alpha (ordinal) of pooled coincidences, with "too few ratings to tell" as figureOf says it. */
export function pooledAlphaFigure(list: readonly PooledCoincidences[]): AlphaFigure {
  return figureOf(alphaOfPooled(list, 'ordinal'));
}

/** The figures of several sessions from their ratings (any order) and the scorecards held here. */
export function figuresOfSessions(
  sessions: readonly CalibrationSession[],
  ratings: readonly CalibrationRatings[],
  cards: readonly (Scorecard | undefined)[],
): SessionFigures[] {
  const bySession = new Map<string, CalibrationRatings[]>();
  for (const r of ratings) bySession.set(r.sessionId, [...(bySession.get(r.sessionId) ?? []), r]);
  const cardOf = (s: CalibrationSession) => cards.find((c) => c?.id === s.scorecardId && c.version === s.scorecardVersion);
  return sessions.map((s) => sessionFigures(s, cardOf(s), bySession.get(s.id) ?? []));
}
