// Krippendorff's alpha: chance-corrected agreement of any number of raters, with missing values.
//
// α = 1 − D_o / D_e. Rows are raters, columns units; a unit with fewer than two values drops out
// (it has nothing to pair). Within a unit of m_u values every ordered pair of values (c, k) from
// different raters adds 1 / (m_u − 1) to the coincidence o_ck; n_c = Σ_k o_ck, n = Σ_c n_c (the
// pairable values). D_o = Σ o_ck δ²(c, k) / n and D_e = Σ n_c n_k δ²(c, k) / (n (n − 1)), so
// α = 1 − (n − 1) Σ o_ck δ²(c, k) / Σ n_c n_k δ²(c, k). (Krippendorff, Computing Krippendorff's
// Alpha-Reliability, 2011.)

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval';

/** A reliability matrix: rows are raters, columns units (ticket × criterion), null a missing value. */
export type ReliabilityData = readonly (readonly (number | null)[])[];

interface Coincidences {
  values: number[];
  /** o[c][k] over `values` (sorted ascending). */
  o: number[][];
  /** n_c: the values' marginal sums. */
  totals: number[];
  /** n: every pairable value. */
  n: number;
  /** Units with at least two values. */
  units: number;
}

const present = (value: number | null | undefined): value is number => value !== null && value !== undefined && Number.isFinite(value);

function coincidences(data: ReliabilityData): Coincidences {
  let columns = 0;
  for (const row of data) columns = Math.max(columns, row.length);
  // The distinct values first, so that each unit counts its values in a small array, not a map.
  const distinct = new Set<number>();
  for (const row of data) for (const value of row) if (present(value)) distinct.add(value);
  const values = [...distinct].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const size = values.length;
  const o = values.map(() => new Array<number>(size).fill(0));
  const counts = new Array<number>(size).fill(0);
  const seen: number[] = [];
  let units = 0;
  for (let u = 0; u < columns; u++) {
    let m = 0;
    for (const row of data) {
      const value = row[u];
      if (!present(value)) continue;
      const i = index.get(value) ?? 0;
      if (counts[i] === 0) seen.push(i);
      counts[i] = (counts[i] ?? 0) + 1;
      m++;
    }
    if (m >= 2) {
      units++;
      // Every ordered pair of values from different raters adds 1 / (m − 1).
      const weight = 1 / (m - 1);
      for (const c of seen) {
        const nc = counts[c] ?? 0;
        const row = o[c]!;
        for (const k of seen) row[k] = (row[k] ?? 0) + (c === k ? nc * (nc - 1) : nc * (counts[k] ?? 0)) * weight;
      }
    }
    for (const i of seen) counts[i] = 0;
    seen.length = 0;
  }
  const totals = o.map((row) => row.reduce((sum, x) => sum + x, 0));
  // Values only seen in units with one value have no coincidences: they take no part.
  return { values, o, totals, n: totals.reduce((sum, x) => sum + x, 0), units };
}

/** δ²(c, k) between the c-th and k-th of the sorted values, at the level of measurement. */
function distances(level: AlphaLevel, { values, totals }: Coincidences): number[][] {
  if (level === 'nominal') return values.map((_, c) => values.map((_, k) => (c === k ? 0 : 1)));
  if (level === 'interval') return values.map((a) => values.map((b) => (a - b) ** 2));
  // Ordinal: the marginal frequencies from c to k, less half of the two ends, squared.
  const cumulative = [0];
  for (const total of totals) cumulative.push((cumulative[cumulative.length - 1] ?? 0) + total);
  return values.map((_, c) =>
    values.map((_, k) => {
      const [low, high] = c <= k ? [c, k] : [k, c];
      const between = (cumulative[high + 1] ?? 0) - (cumulative[low] ?? 0);
      return (between - ((totals[c] ?? 0) + (totals[k] ?? 0)) / 2) ** 2;
    }),
  );
}

/**
 * Coincidences as plain data that add up: `cells` holds `c, k, o_ck` triples by value, flat (non-zero
 * cells only), and `units` the units with two or more values. Alpha rests on nothing else, so the
 * coincidences of several matrices (a criterion's tickets in many sessions) taken together give the
 * alpha of all their units pooled.
 */
export interface PooledCoincidences {
  cells: number[];
  units: number;
}

export function pooledCoincidences(data: ReliabilityData): PooledCoincidences {
  const table = coincidences(data);
  const cells: number[] = [];
  table.values.forEach((c, i) => {
    table.values.forEach((k, j) => {
      const weight = table.o[i]?.[j] ?? 0;
      if (weight > 0) cells.push(c, k, weight);
    });
  });
  return { cells, units: table.units };
}

/** Alpha with what it rests on, from the coincidences of several matrices pooled (as alphaWithBasis from one). */
export function alphaOfPooled(list: readonly PooledCoincidences[], level: AlphaLevel): { alpha: number | null; pairable: number; units: number } {
  const distinct = new Set<number>();
  let units = 0;
  for (const pooled of list) {
    units += pooled.units;
    for (let i = 0; i < pooled.cells.length; i += 3) distinct.add(pooled.cells[i] ?? 0);
  }
  const values = [...distinct].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const o = values.map(() => new Array<number>(values.length).fill(0));
  for (const { cells } of list) {
    for (let i = 0; i < cells.length; i += 3) {
      const row = o[index.get(cells[i] ?? 0) ?? 0]!;
      const k = index.get(cells[i + 1] ?? 0) ?? 0;
      row[k] = (row[k] ?? 0) + (cells[i + 2] ?? 0);
    }
  }
  const totals = o.map((row) => row.reduce((sum, x) => sum + x, 0));
  const table: Coincidences = { values, o, totals, n: totals.reduce((sum, x) => sum + x, 0), units };
  return { alpha: alphaOf(table, level), pairable: Math.round(table.n), units };
}

/**
 * The number of pairable values: values in units that at least two raters rated. Alpha rests on
 * these; compare with MIN_PAIRABLE_VALUES before showing it.
 */
export function pairableValues(data: ReliabilityData): number {
  return Math.round(coincidences(data).n);
}

/** Alpha with what it rests on, from one pass over the data: pairable values and units with two or more values. */
export function alphaWithBasis(data: ReliabilityData, level: AlphaLevel): { alpha: number | null; pairable: number; units: number } {
  const table = coincidences(data);
  return { alpha: alphaOf(table, level), pairable: Math.round(table.n), units: table.units };
}

/**
 * Krippendorff's alpha of a reliability matrix at a level of measurement; null when it is undefined
 * (no pairable values, or fewer than two distinct values among them).
 */
export function krippendorffAlpha(data: ReliabilityData, level: AlphaLevel): number | null {
  return alphaOf(coincidences(data), level);
}

function alphaOf(table: Coincidences, level: AlphaLevel): number | null {
  if (table.n <= 1 || table.totals.filter((t) => t > 0).length < 2) return null;
  const delta = distances(level, table);
  let observed = 0;
  let expected = 0;
  table.values.forEach((_, c) => {
    table.values.forEach((_, k) => {
      const d = delta[c]?.[k] ?? 0;
      observed += (table.o[c]?.[k] ?? 0) * d;
      expected += (table.totals[c] ?? 0) * (table.totals[k] ?? 0) * d;
    });
  });
  if (expected === 0) return null;
  return 1 - ((table.n - 1) * observed) / expected;
}
