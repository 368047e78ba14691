// How densely a chart's category axis can be labelled without the labels running into each other.

/** Room kept between two neighbouring labels, in CSS pixels. */
export const LABEL_GAP_PX = 12;

/**
 * Label every `step`-th of `count` categories so that labels of up to `widestPx` fit side by side in
 * `axisPx`: 1 when all fit, more as the axis narrows or the labels lengthen.
 */
export function labelStep(count: number, widestPx: number, axisPx: number): number {
  if (count <= 1 || axisPx <= 0) return 1;
  const slot = axisPx / count;
  return Math.max(1, Math.ceil((widestPx + LABEL_GAP_PX) / slot));
}
