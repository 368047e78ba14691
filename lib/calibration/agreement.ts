// Raw agreement beside alpha: spread, exact agreement and agreement within one scale step, alignment.

/**
 * Below this many pairable values (or with fewer than two units) alpha is not shown: "too few
 * ratings to tell". Ten pairable values are, for example, five criteria rated by two reviewers or
 * a criterion rated on four tickets by three — fewer, and one differing rating swings alpha wildly.
 */
export const MIN_PAIRABLE_VALUES = 10;

/** Pairs of ratings of one unit by different raters, and how many of them agree exactly or within a step. */
export interface PairAgreement {
  pairs: number;
  exact: number;
  withinOne: number;
}

export const NO_PAIRS: PairAgreement = { pairs: 0, exact: 0, withinOne: 0 };

/** The agreement of one unit's values (missing values left out). */
export function pairAgreement(values: readonly (number | null)[]): PairAgreement {
  const present = values.filter((v): v is number => v !== null);
  let pairs = 0;
  let exact = 0;
  let withinOne = 0;
  for (let i = 0; i < present.length; i++) {
    for (let j = i + 1; j < present.length; j++) {
      const a = present[i] ?? 0;
      const b = present[j] ?? 0;
      pairs++;
      if (a === b) exact++;
      if (Math.abs(a - b) <= 1) withinOne++;
    }
  }
  return { pairs, exact, withinOne };
}

export function addAgreement(a: PairAgreement, b: PairAgreement): PairAgreement {
  return { pairs: a.pairs + b.pairs, exact: a.exact + b.exact, withinOne: a.withinOne + b.withinOne };
}

/** Shares 0…1 of the pairs; null without pairs. */
export function agreementShares(a: PairAgreement): { exact: number; withinOne: number } | null {
  return a.pairs === 0 ? null : { exact: a.exact / a.pairs, withinOne: a.withinOne / a.pairs };
}

/** Highest minus lowest value, in scale steps; null without values. */
export function spread(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : Math.max(...present) - Math.min(...present);
}

/**
 * A participant's alignment with the agreed ratings: 1 − |rating − agreed| / scale range, averaged
 * over the criteria where both have a value. `rated` says over how many; null alignment without any.
 */
export function alignment(pairs: readonly { rating: number | null; agreed: number | null; range: number }[]): { alignment: number | null; rated: number } {
  const counted = pairs.filter((p): p is { rating: number; agreed: number; range: number } => p.rating !== null && p.agreed !== null && p.range > 0);
  if (counted.length === 0) return { alignment: null, rated: 0 };
  const sum = counted.reduce((total, p) => total + (1 - Math.min(1, Math.abs(p.rating - p.agreed) / p.range)), 0);
  return { alignment: sum / counted.length, rated: counted.length };
}
