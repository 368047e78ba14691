// Krippendorff's alpha against the published figures, and what must hold for any data.
import { describe, expect, it } from 'vitest';
import { krippendorffAlpha, pairableValues, type AlphaLevel } from '@/lib/calibration';
import { rng } from '../db/factory';

// Krippendorff (2011), Computing Krippendorff's Alpha-Reliability, section C: four observers, twelve
// units, values 1–5, missing values as null. Unit 12 has one value and drops out.
const _ = null;
const KRIPPENDORFF_2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

describe('Krippendorff’s alpha', () => {
  it.each<[AlphaLevel, number]>([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
  ])('gives the published %s alpha of Krippendorff’s 2011 example (%s)', (level, published) => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011, level)).toBeCloseTo(published, 3);
  });

  it('rests the 2011 example on 40 pairable values (n.. in the paper)', () => {
    expect(pairableValues(KRIPPENDORFF_2011)).toBe(40);
  });

  // The three-coder example of the alpha article on Wikipedia, as an independent implementation
  // (the Python package krippendorff) tests it: nominal 0.691358, interval 0.810845.
  const WIKIPEDIA = [
    [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
    [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
    [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
  ];
  it('agrees with an independent implementation on a second data set', () => {
    expect(krippendorffAlpha(WIKIPEDIA, 'nominal')).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlpha(WIKIPEDIA, 'interval')).toBeCloseTo(0.810845, 6);
  });

  it('is undefined (null) without pairable values or with only one value among them', () => {
    expect(krippendorffAlpha([], 'ordinal')).toBeNull();
    expect(krippendorffAlpha([[1, _], [_, 2]], 'ordinal')).toBeNull();
    expect(krippendorffAlpha([[2, 2, 2], [2, 2, _]], 'nominal')).toBeNull();
  });

  it('treats a unit rated by one rater as missing: adding such units changes nothing', () => {
    const padded = KRIPPENDORFF_2011.map((row, i) => [...row, i === 0 ? 4 : _, _]);
    for (const level of ['nominal', 'ordinal', 'interval'] as const) {
      expect(krippendorffAlpha(padded, level)).toBeCloseTo(krippendorffAlpha(KRIPPENDORFF_2011, level) ?? NaN, 12);
    }
  });

  describe('for any data', () => {
    const random = rng(16);
    const samples = Array.from({ length: 60 }, () => {
      const raters = 2 + Math.floor(random() * 6);
      const units = 2 + Math.floor(random() * 15);
      const missing = random() * 0.4;
      return Array.from({ length: raters }, () => Array.from({ length: units }, () => (random() < missing ? null : Math.floor(random() * 5))));
    });
    const shuffle = <T,>(list: readonly T[]): T[] => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    };

    it('perfect agreement gives 1 at every level (given two distinct values)', () => {
      for (const sample of samples) {
        const first = sample[0] ?? [];
        const truth = first.map((_v, u) => u % 5);
        const agreeing = sample.map((row) => row.map((v, u) => (v === null && u > 1 ? null : (truth[u] ?? 0))));
        for (const level of ['nominal', 'ordinal', 'interval'] as const) expect(krippendorffAlpha(agreeing, level)).toBeCloseTo(1, 12);
      }
    });

    it('permuting raters or units changes nothing', () => {
      for (const sample of samples) {
        const units = shuffle((sample[0] ?? []).map((_v, u) => u));
        const permuted = shuffle(sample).map((row) => units.map((u) => row[u] ?? null));
        for (const level of ['nominal', 'ordinal', 'interval'] as const) {
          const a = krippendorffAlpha(sample, level);
          const b = krippendorffAlpha(permuted, level);
          if (a === null) expect(b).toBeNull();
          else expect(b).toBeCloseTo(a, 10);
        }
      }
    });

    it('never exceeds 1, and the ordinal and interval alphas ignore shifting every value', () => {
      for (const sample of samples) {
        const shifted = sample.map((row) => row.map((v) => (v === null ? null : v + 3)));
        for (const level of ['nominal', 'ordinal', 'interval'] as const) {
          const a = krippendorffAlpha(sample, level);
          if (a === null) continue;
          expect(a).toBeLessThanOrEqual(1 + 1e-12);
          expect(krippendorffAlpha(shifted, level)).toBeCloseTo(a, 10);
        }
      }
    });
  });
});
