// A calibration session as pure steps: start it, rate blind, reveal, agree — and the figures of the reveal.
import {
  calibrationRatingsId,
  seriesOf,
  ticketKey,
  type AgreedRating,
  type CalibrationRatings,
  type CalibrationSession,
  type Clarification,
  type Rating,
  type RevealMode,
  type Scorecard,
  type TicketRef,
} from '../model';
import { emptyRatings } from '../review';
import { criterionScore, maxValue, scoreReview } from '../scoring';
import { alphaWithBasis, type ReliabilityData } from './alpha';
import { addAgreement, alignment, MIN_PAIRABLE_VALUES, NO_PAIRS, pairAgreement, spread, type PairAgreement } from './agreement';

export interface SessionSetup {
  id: string;
  team: string;
  title: string;
  startedBy: string;
  facilitator: string;
  card: Pick<Scorecard, 'id' | 'version'>;
  tickets: readonly TicketRef[];
  participants: readonly string[];
  deadline: Date;
  hideAgent: boolean;
  namesShown: boolean;
  revealMode: RevealMode;
}

/** The one place a session document is made. */
export function newCalibrationSession(setup: SessionSetup, now: Date): CalibrationSession {
  const at = now.toISOString();
  return {
    id: setup.id,
    team: setup.team,
    title: setup.title,
    startedBy: setup.startedBy,
    facilitator: setup.facilitator,
    scorecardId: setup.card.id,
    scorecardVersion: setup.card.version,
    tickets: setup.tickets.map((ticket) => ({ ticketKey: ticketKey(ticket), ticket })),
    participants: [...new Set(setup.participants)],
    deadline: setup.deadline.toISOString(),
    hideAgent: setup.hideAgent,
    namesShown: setup.namesShown,
    revealMode: setup.revealMode,
    revealedAt: null,
    status: 'open',
    agreed: [],
    clarifications: [],
    alignments: [],
    createdAt: at,
    updatedAt: at,
    deleted: false,
  };
}

/** The one place a participant's ratings document is made: a draft, on this computer until submitted. */
export function newCalibrationRatings(session: CalibrationSession, participant: string, key: string, card: Scorecard, now: Date): CalibrationRatings {
  const at = now.toISOString();
  return {
    id: calibrationRatingsId(session.id, participant, key),
    sessionId: session.id,
    // A child belongs to its parent's team.
    team: session.team,
    ticketKey: key,
    participant,
    ratings: emptyRatings(card),
    submittedAt: null,
    createdAt: at,
    updatedAt: at,
    deleted: false,
  };
}

/**
 * Ratings that are there: not deleted (erasing their participant leaves a tombstone). Ratings stored
 * before the `deleted` field have none, and are there.
 */
export const ratingsThere = (r: CalibrationRatings): boolean => r.deleted !== true;

/** Ratings that count: submitted, and there. */
export const countsAsSubmitted = (r: CalibrationRatings): boolean => r.submittedAt !== null && ratingsThere(r);

export const isOverdue = (session: Pick<CalibrationSession, 'deadline' | 'status'>, now: Date): boolean =>
  session.status === 'open' && Date.parse(session.deadline) < now.getTime();

/** The tickets of a session this participant has not submitted yet (none when the session no longer takes ratings). */
export function ticketsToRate(session: CalibrationSession, me: string, mine: readonly CalibrationRatings[]): string[] {
  if (session.status !== 'open' || session.deleted || !session.participants.includes(me)) return [];
  const done = new Set(mine.filter((r) => r.sessionId === session.id && r.participant === me && countsAsSubmitted(r)).map((r) => r.ticketKey));
  return session.tickets.map((t) => t.ticketKey).filter((key) => !done.has(key));
}

/**
 * Whether `me` may see the others' ratings of a ticket: the facilitator's reveal, or under
 * `after-own-submit` their own submitted ratings of it. (The server holds the same rule: it sends
 * nothing earlier.)
 */
export function othersVisible(session: CalibrationSession, me: string, key: string, ratings: readonly CalibrationRatings[]): boolean {
  if (session.revealedAt !== null) return true;
  if (session.status !== 'open' || session.revealMode !== 'after-own-submit') return false;
  return ratings.some((r) => r.sessionId === session.id && r.participant === me && r.ticketKey === key && countsAsSubmitted(r));
}

/** Whether `me` sees who gave which rating. */
export function namesVisible(session: CalibrationSession, me: string, lead: boolean): boolean {
  return session.namesShown || lead || session.facilitator === me;
}

/** Whether `me` runs the reveal and the agreeing. */
export const facilitates = (session: CalibrationSession, me: string, lead: boolean): boolean => lead || session.facilitator === me;

export function reveal(session: CalibrationSession, now: Date): CalibrationSession {
  const at = now.toISOString();
  return { ...session, status: 'revealed', revealedAt: session.revealedAt ?? at, updatedAt: at };
}

/** What alpha rests on, and whether that is enough to tell. */
export interface AlphaFigure {
  alpha: number | null;
  /** Pairable values: values of units that at least two participants rated. */
  pairable: number;
  /** Units with at least two values. */
  units: number;
  /** Under MIN_PAIRABLE_VALUES, or fewer than two units: "too few ratings to tell". */
  tooFew: boolean;
}

/** A criterion's alpha: its ratings on its own scale, ordinal. */
export function alphaFigure(data: ReliabilityData): AlphaFigure {
  return figureOf(alphaWithBasis(data, 'ordinal'));
}

/**
 * The session's alpha, over criteria of different scales (yes/no beside 4- and 5-point): each rating as
 * its criterion score (sessionMatrix), interval. On raw values a yes/no "yes" (1) would be the second
 * step of a 5-point scale, and reviewers answering a yes/no criterion oppositely would count only as
 * far apart as reviewers one step apart on a 5-point one (scores: 1 apart against ¼, weighed 1 against 1/16).
 */
export function sessionAlphaFigure(data: ReliabilityData): AlphaFigure {
  return figureOf(alphaWithBasis(data, 'interval'));
}

/** Whether alpha, with what it rests on, is enough to tell. */
export function figureOf({ alpha, pairable, units }: { alpha: number | null; pairable: number; units: number }): AlphaFigure {
  return { alpha, pairable, units, tooFew: pairable < MIN_PAIRABLE_VALUES || units < 2 };
}

export interface CriterionCell {
  criterionId: string;
  /** Per participant (in session order): the value, 'na', or null (not rated / not visible). */
  ratings: (number | 'na' | null)[];
  spread: number | null;
  agreement: PairAgreement;
  agreed: AgreedRating | null;
}

export interface TicketFigures {
  ticketKey: string;
  criteria: CriterionCell[];
  /** Each participant's review score of the ticket (null: not submitted or nothing scorable). */
  scores: (number | null)[];
  /** The agreed ratings' review score. */
  agreedScore: number | null;
}

export interface RevealFigures {
  participants: string[];
  /** Who submitted which tickets. */
  submitted: Set<string>[];
  tickets: TicketFigures[];
  /** Per criterion across tickets: alpha (units are tickets) and the pooled agreement. */
  criteria: { criterionId: string; alpha: AlphaFigure; agreement: PairAgreement }[];
  /** The session: units are ticket × criterion, ratings as criterion scores (sessionAlphaFigure). */
  session: { alpha: AlphaFigure; agreement: PairAgreement };
}

const valueOf = (rating: Rating | undefined): number | null => (rating && !rating.na && rating.value !== null ? rating.value : null);

/**
 * The rows × columns a session's alpha is computed on: participants × (ticket, criterion), submitted
 * ratings only, each as its criterion score (0–1, `criterionScore`: the score formula's).
 */
export function sessionMatrix(session: CalibrationSession, card: Scorecard, ratings: readonly CalibrationRatings[]): ReliabilityData {
  const byKey = indexRatings(ratings);
  return session.participants.map((p) =>
    session.tickets.flatMap((t) => {
      const doc = byKey.get(`${p}|${t.ticketKey}`);
      const of = new Map((doc?.ratings ?? []).map((r) => [r.criterionId, r]));
      return card.criteria.map((c) => {
        const value = valueOf(of.get(c.id));
        return value === null ? null : criterionScore(c, value);
      });
    }),
  );
}

/** Submitted ratings by `participant|ticketKey`; a deleted one is not there. */
export function indexRatings(ratings: readonly CalibrationRatings[]): Map<string, CalibrationRatings> {
  const byKey = new Map<string, CalibrationRatings>();
  for (const r of ratings) if (countsAsSubmitted(r)) byKey.set(`${r.participant}|${r.ticketKey}`, r);
  return byKey;
}

/** Everything the reveal view shows, from the session, its scorecard and the submitted ratings given. */
export function revealFigures(session: CalibrationSession, card: Scorecard, ratings: readonly CalibrationRatings[]): RevealFigures {
  const byKey = indexRatings(ratings);
  const participants = session.participants;
  const agreedOf = new Map(session.agreed.map((a) => [`${a.ticketKey}|${a.criterionId}`, a]));
  const perCriterion = card.criteria.map(() => ({ rows: participants.map(() => [] as (number | null)[]), agreement: NO_PAIRS }));
  let total = NO_PAIRS;
  const tickets = session.tickets.map(({ ticketKey: key }): TicketFigures => {
    const docs = participants.map((p) => byKey.get(`${p}|${key}`));
    const maps = docs.map((doc) => new Map((doc?.ratings ?? []).map((r) => [r.criterionId, r])));
    const criteria = card.criteria.map((criterion, ci): CriterionCell => {
      const cells = maps.map((m) => {
        const rating = m.get(criterion.id);
        return rating?.na ? ('na' as const) : (rating?.value ?? null);
      });
      const values = cells.map((x) => (typeof x === 'number' ? x : null));
      const agreement = pairAgreement(values);
      const slot = perCriterion[ci];
      if (slot) {
        values.forEach((v, pi) => slot.rows[pi]?.push(v));
        slot.agreement = addAgreement(slot.agreement, agreement);
      }
      total = addAgreement(total, agreement);
      return { criterionId: criterion.id, ratings: cells, spread: spread(values), agreement, agreed: agreedOf.get(`${key}|${criterion.id}`) ?? null };
    });
    const agreedRatings: Rating[] = criteria.flatMap((c) => (c.agreed ? [{ criterionId: c.criterionId, value: c.agreed.value, na: c.agreed.na, comment: '' }] : []));
    return {
      ticketKey: key,
      criteria,
      scores: docs.map((doc) => (doc ? scoreReview(card, doc.ratings).score : null)),
      agreedScore: agreedRatings.length > 0 ? scoreReview(card, agreedRatings).score : null,
    };
  });
  return {
    participants,
    submitted: participants.map((p) => new Set(session.tickets.map((t) => t.ticketKey).filter((key) => byKey.has(`${p}|${key}`)))),
    tickets,
    criteria: card.criteria.map((criterion, ci) => ({
      criterionId: criterion.id,
      alpha: alphaFigure(perCriterion[ci]?.rows ?? []),
      agreement: perCriterion[ci]?.agreement ?? NO_PAIRS,
    })),
    session: { alpha: sessionAlphaFigure(sessionMatrix(session, card, ratings)), agreement: total },
  };
}

/**
 * Records the agreed ratings (replacing those of the same ticket and criterion) and each
 * participant's alignment with them; the session is closed once every ticket × criterion is agreed.
 */
export function agree(
  session: CalibrationSession,
  card: Scorecard,
  ratings: readonly CalibrationRatings[],
  agreed: readonly AgreedRating[],
  now: Date,
): CalibrationSession {
  const merged = new Map(session.agreed.map((a) => [`${a.ticketKey}|${a.criterionId}`, a]));
  for (const a of agreed) merged.set(`${a.ticketKey}|${a.criterionId}`, a);
  const all = [...merged.values()];
  const byKey = indexRatings(ratings);
  const ranges = new Map(card.criteria.map((c) => [c.id, maxValue(c)]));
  const alignments = session.participants.flatMap((participant) => {
    const pairs = all.map((a) => ({
      rating: valueOf(byKey.get(`${participant}|${a.ticketKey}`)?.ratings.find((r) => r.criterionId === a.criterionId)),
      agreed: a.na ? null : a.value,
      range: ranges.get(a.criterionId) ?? 0,
    }));
    const result = alignment(pairs);
    return result.alignment === null ? [] : [{ participant, alignment: result.alignment, rated: result.rated }];
  });
  const complete = session.tickets.every((t) => card.criteria.every((c) => merged.has(`${t.ticketKey}|${c.id}`)));
  return {
    ...session,
    agreed: all,
    alignments,
    status: complete ? 'closed' : session.status === 'open' ? 'open' : 'revealed',
    updatedAt: now.toISOString(),
  };
}

/** Adds a clarification of a criterion, by `by`, now. */
export function clarify(session: CalibrationSession, criterionId: string, text: string, by: string, now: Date): CalibrationSession {
  const at = now.toISOString();
  const clarification: Clarification = { criterionId, text: text.trim(), by, at, retiredAt: null };
  return { ...session, clarifications: [...session.clarifications, clarification], updatedAt: at };
}

/** A lead retires a clarification: no longer shown in reviews. */
export function retireClarification(session: CalibrationSession, criterionId: string, at: string, now: Date): CalibrationSession {
  return {
    ...session,
    clarifications: session.clarifications.map((c) => (c.criterionId === criterionId && c.at === at && c.retiredAt === null ? { ...c, retiredAt: now.toISOString() } : c)),
    updatedAt: now.toISOString(),
  };
}

export interface ShownClarification extends Clarification {
  sessionId: string;
}

/**
 * The clarifications in force for a scorecard (any version: criteria keep their ids), oldest first, per
 * criterion: those made on it, and for a team's edit of a built-in those made on the built-in before.
 */
export function clarificationsFor(sessions: readonly CalibrationSession[], scorecardId: string): Map<string, ShownClarification[]> {
  const byCriterion = new Map<string, ShownClarification[]>();
  for (const session of sessions) {
    if (session.deleted || (session.scorecardId !== scorecardId && session.scorecardId !== seriesOf(scorecardId))) continue;
    for (const c of session.clarifications) {
      if (c.retiredAt !== null) continue;
      byCriterion.set(c.criterionId, [...(byCriterion.get(c.criterionId) ?? []), { ...c, sessionId: session.id }]);
    }
  }
  for (const list of byCriterion.values()) list.sort((a, b) => a.at.localeCompare(b.at));
  return byCriterion;
}
