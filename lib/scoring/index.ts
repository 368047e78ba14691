// The score formula: criterion, review and aggregate scores as pure functions (README, "Score formula").
import { SCALE_POINTS, type Criterion, type Rating, type Scorecard } from '../model';

export interface ReviewScore {
  /** Weighted mean 0…1; 0 on a critical fail; null when nothing with weight was rated. */
  score: number | null;
  /** null when there is no score (e.g. every criterion N/A). */
  passed: boolean | null;
  criticalFail: boolean;
  /** Ids of the critical criteria that failed, in card order. */
  failedCritical: string[];
  /** Criteria with a value (N/A not included). */
  rated: number;
  /** Criteria marked N/A (only where the criterion allows N/A). */
  na: number;
  total: number;
  /** Every criterion has a value or is N/A: the review can be submitted. */
  complete: boolean;
}

/**
 * Float sums of weights such as 0.1 + 0.2 land a hair below the exact pass mark;
 * a review at exactly the pass mark must pass, so compare with this tolerance.
 */
const PASS_EPSILON = 1e-9;

/** The highest value on a criterion's scale (the lowest is always 0). */
export function maxValue(criterion: Pick<Criterion, 'scale'>): number {
  return SCALE_POINTS[criterion.scale] - 1;
}

/**
 * (value − min) / (max − min) with min 0. A value outside the scale (a rating left over from
 * another card version) gives null: it is treated as unrated rather than silently clamped.
 */
export function criterionScore(criterion: Pick<Criterion, 'scale'>, value: number): number | null {
  if (!Number.isInteger(value) || value < 0 || value > maxValue(criterion)) return null;
  return criterionScoreSum(criterion, value);
}

/**
 * Σ criterion score of ratings made on one card version whose raw values sum to `rawSum`: the formula
 * is linear with min 0, so this is rawSum / max (rollups keep raw sums and the dashboard applies the
 * scale when it reads them). A sum hides its values, so they cannot be checked as criterionScore does.
 */
export function criterionScoreSum(criterion: Pick<Criterion, 'scale'>, rawSum: number): number {
  return rawSum / maxValue(criterion);
}

/** Per-card lookup built once: scoring 100k reviews must not rebuild it per review. */
interface CardIndex {
  position: Map<string, number>;
}
const cardIndexCache = new WeakMap<Scorecard, CardIndex>();

function indexOf(card: Scorecard): CardIndex {
  let index = cardIndexCache.get(card);
  if (!index) {
    const position = new Map<string, number>();
    card.criteria.forEach((c, i) => position.set(c.id, i));
    index = { position };
    cardIndexCache.set(card, index);
  }
  return index;
}

/**
 * Scores one review against its card. Ratings of criteria not on the card are ignored; if a
 * criterion has several ratings the last one counts. N/A on a criterion that does not allow N/A
 * counts as unrated, so a critical criterion cannot be dodged by marking it N/A.
 */
export function scoreReview(card: Scorecard, ratings: readonly Rating[]): ReviewScore {
  const criteria = card.criteria;
  const { position } = indexOf(card);
  // Last rating per criterion, by card position.
  const chosen: (Rating | undefined)[] = new Array<Rating | undefined>(criteria.length);
  for (const r of ratings) {
    const i = position.get(r.criterionId);
    if (i !== undefined) chosen[i] = r;
  }

  let weighted = 0;
  let weights = 0;
  let rated = 0;
  let na = 0;
  let failedCritical: string[] | null = null;
  for (let i = 0; i < criteria.length; i++) {
    const c = criteria[i]!;
    const r = chosen[i];
    if (!r) continue;
    if (r.na) {
      if (c.naAllowed) na++;
      continue;
    }
    if (r.value === null) continue;
    const s = criterionScore(c, r.value);
    if (s === null) continue;
    rated++;
    // Weight-0 criteria still count for the critical check, but not for the mean.
    weighted += c.weight * s;
    weights += c.weight;
    if (c.critical && s < c.critical.threshold) (failedCritical ??= []).push(c.id);
  }

  const total = criteria.length;
  const complete = rated + na === total;
  if (failedCritical) {
    // A critical fail zeroes the review even when nothing else carried weight.
    return { score: 0, passed: false, criticalFail: true, failedCritical, rated, na, total, complete };
  }
  const score = weights > 0 ? weighted / weights : null;
  return {
    score,
    passed: isPass(score, card.passMark),
    criticalFail: false,
    failedCritical: [],
    rated,
    na,
    total,
    complete,
  };
}

/** pass = score ≥ passMark / 100; no score, no verdict. */
export function isPass(score: number | null, passMark: number): boolean | null {
  if (score === null) return null;
  return score + PASS_EPSILON >= passMark / 100;
}

export * from './aggregate';
