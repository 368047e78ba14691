// A session's figures for the dashboard's Calibration view, computed once when the session or its
// ratings change (lib/db/writes.ts keeps them, as it keeps the review rollups): the view reads these,
// never the ratings.
import type { CalibrationRatings, CalibrationSession } from '../model/calibration';
import type { Scorecard } from '../model/scorecard';
import { alphaOfPooled, pooledCoincidences, type PooledCoincidences } from './alpha';
import { alphaFigure, figureOf, indexRatings, sessionMatrix, type AlphaFigure } from './session';

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
  return { sessionId: session.id, alpha: card ? alphaFigure(sessionMatrix(session, card, ratings)) : null, criteria };
}

/** Alpha (ordinal) of pooled coincidences, with "too few ratings to tell" as alphaFigure says it. */
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
