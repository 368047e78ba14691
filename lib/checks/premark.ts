// What a criterion's hints allow the self-assessment to pre-mark: the checks find faults, so a
// pre-mark is the best level the hints leave standing, never better.
import type { Hint } from './types';

/**
 * The index of the level to pre-mark on a scale of `levelCount` levels (0 = lowest), given the hints
 * that speak to one criterion:
 * - something missing (no greeting, no closing, no name) or critical (an unfilled slot, data that
 *   must go): the lowest level;
 * - otherwise one level down per hint from the ceiling, so a criterion with hints never gets the top;
 * - no hints: the ceiling. On scales up to three levels that is the top ("On target"); on longer ones
 *   it is one below ("Good", not "Excellent"): finding no fault is not seeing excellence.
 */
export function premarkLevel(hints: readonly Hint[], levelCount: number): number {
  const top = Math.max(0, levelCount - 1);
  const ceiling = levelCount <= 3 ? top : top - 1;
  if (hints.length === 0) return ceiling;
  if (hints.some((h) => h.severity === 'critical' || (h.span === null && h.messageKey.endsWith('.missing')))) return 0;
  return Math.max(0, ceiling - hints.length);
}
