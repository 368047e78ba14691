// What a coach looks at before a session, and whether a period worked: pure, from the agent's day
// rollup rows (lib/db/rollups.ts `agent.d`), the newest reviews and the self-check pairs of a window
// (read by index in lib/coaching/store.ts), and the score formula.
import type { FocusCriterion, Language, Review, Scorecard, SelfCheck } from '../model';
import { criterionMean, criterionScoreSum, qualityScore } from '../scoring';
import { SEP, type RollupCell } from '../db';
import { gapOfPairs, type CriterionGap } from '../dashboard';
import { titleOf } from './focus';
import { addDays, daysBetween } from './period';

/** Below this many reviews a side of a comparison shows "too few reviews" instead of a figure. */
export const MIN_REVIEWS = 3;
/** Without an earlier session, the evidence looks back this far. */
export const FIRST_LOOKBACK_DAYS = 56;
/** The newest reviews of the window the session page shows first (with their strengths and development areas); "show more" pages on by as many. */
export const SHOWN_REVIEWS = 20;

/** One agent's day: an `agent.d` rollup row (`period` is the UTC day; criteria keyed `card␟criterionId`, raw sums). */
export type DayRow = Pick<RollupCell, 'period' | 'count' | 'scored' | 'sum' | 'criteria'>;

export interface CriterionFigure {
  criterionId: string;
  title: string;
  mean: number;
  count: number;
}

export interface Evidence {
  /** First day looked at (the day after the last session, or the lookback), and today. */
  from: string;
  to: string;
  /** Reviews in the window. */
  count: number;
  /** The newest of them (at most SHOWN_REVIEWS), newest first. */
  reviews: Review[];
  /** lib/scoring qualityScore over the window; null without scored reviews. */
  qualityScore: number | null;
  /** Per ISO week (Monday) in the window: quality score and count. */
  trend: { week: string; qualityScore: number | null; count: number }[];
  /** Highest mean first. */
  criteria: CriterionFigure[];
  strongest: CriterionFigure[];
  weakest: CriterionFigure[];
  gap: CriterionGap[];
}

/**
 * Per criterion id: the sum of criterion scores and ratings with a value, each scaled by its own card
 * version. Cards count together by criterion id, as focus criteria do (the Finnish and English
 * templates share their ids); a criterion is titled in `language` where a card in it has it.
 */
function criterionSums(
  days: readonly DayRow[],
  cards: readonly Scorecard[],
  language: Language | null,
): Map<string, { title: string; inLanguage: boolean; sum: number; count: number }> {
  const sums = new Map<string, { title: string; inLanguage: boolean; sum: number; count: number }>();
  for (const day of days) {
    for (const key in day.criteria ?? {}) {
      const [rawSum, count] = day.criteria![key]!;
      const [card, criterionId] = key.split(SEP) as [string, string];
      const at = card.lastIndexOf('@');
      const scorecard = cards.find((c) => c.id === card.slice(0, at) && c.version === Number(card.slice(at + 1)));
      const criterion = scorecard?.criteria.find((c) => c.id === criterionId);
      if (!criterion || count === 0) continue;
      const entry = sums.get(criterion.id) ?? { title: criterion.title, inLanguage: false, sum: 0, count: 0 };
      if (!entry.inLanguage && scorecard!.language === language) {
        entry.title = criterion.title;
        entry.inLanguage = true;
      }
      entry.sum += criterionScoreSum(criterion, rawSum);
      entry.count += count;
      sums.set(criterion.id, entry);
    }
  }
  return sums;
}

function totals(days: readonly DayRow[]): { count: number; scored: number; sum: number } {
  let count = 0;
  let scored = 0;
  let sum = 0;
  for (const d of days) {
    count += d.count;
    scored += d.scored;
    sum += d.sum;
  }
  return { count, scored, sum };
}

function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00.000Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

const inside = (days: readonly DayRow[], from: string, to: string): DayRow[] => days.filter((d) => d.period >= from && d.period <= to);

/**
 * The evidence of a window: the figures from the agent's day rows, `latest` the newest reviews shown
 * (tombstones dropped here), `pairs` the agent's self-checks of the window with the review of their ticket.
 */
export function evidenceOf(args: {
  days: readonly DayRow[];
  latest: readonly Review[];
  pairs: ReadonlyArray<readonly [SelfCheck, Review]>;
  cards: readonly Scorecard[];
  /** The reader's: criteria are titled in it where a card has it. */
  language: Language;
  from: string;
  to: string;
}): Evidence {
  const { cards, from, to } = args;
  const days = inside(args.days, from, to);
  const criteria = [...criterionSums(days, cards, args.language)]
    .map(([criterionId, e]) => ({ criterionId, title: e.title, mean: criterionMean(e) ?? 0, count: e.count }))
    .sort((a, b) => b.mean - a.mean || a.title.localeCompare(b.title));
  const weeks = new Map<string, DayRow[]>();
  for (let week = mondayOf(from); week <= to; week = addDays(week, 7)) weeks.set(week, []);
  for (const d of days) weeks.get(mondayOf(d.period))?.push(d);
  const few = Math.min(3, Math.floor(criteria.length / 2));
  const all = totals(days);
  return {
    from,
    to,
    count: all.count,
    reviews: args.latest.filter((r) => !r.deleted).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, SHOWN_REVIEWS),
    qualityScore: qualityScore(all),
    trend: [...weeks].map(([week, ds]) => {
      const t = totals(ds);
      return { week, qualityScore: qualityScore(t), count: t.count };
    }),
    criteria,
    strongest: criteria.slice(0, few),
    weakest: criteria.slice(criteria.length - few).reverse(),
    gap: gapOfPairs(args.pairs, cards),
  };
}

export interface Side {
  from: string;
  to: string;
  count: number;
  /** null: too few reviews (fewer than MIN_REVIEWS ratings) or none. */
  mean: number | null;
}

export interface BeforeAfter {
  focus: FocusCriterion;
  title: string;
  before: Side;
  after: Side;
}

/**
 * Did it work? For a period, each focus criterion's mean in the same length of time before it vs
 * during and after it (the period and as long again, up to today), with the ratings each rests on.
 */
export function beforeAfterWindows(period: { start: string; end: string }, today: string): { before: [string, string]; after: [string, string] } {
  const length = daysBetween(period.start, period.end) + 1;
  const afterEnd = addDays(period.end, length);
  return { before: [addDays(period.start, -length), addDays(period.start, -1)], after: [period.start, afterEnd < today ? afterEnd : today] };
}

/** `days`: the agent's day rows covering both windows. */
export function beforeAfter(
  focus: readonly FocusCriterion[],
  period: { start: string; end: string },
  days: readonly DayRow[],
  cards: readonly Scorecard[],
  today: string,
): BeforeAfter[] {
  const windows = beforeAfterWindows(period, today);
  const side = ([from, to]: [string, string], criterionId: string): Side => {
    const entry = criterionSums(inside(days, from, to), cards, null).get(criterionId);
    const count = entry?.count ?? 0;
    return { from, to, count, mean: entry && count >= MIN_REVIEWS ? criterionMean(entry) : null };
  };
  return focus.map((f) => ({
    focus: f,
    title: titleOf(f, cards),
    before: side(windows.before, f.criterionId),
    after: side(windows.after, f.criterionId),
  }));
}
