// Retries wait exponentially longer, jittered over the whole window, never past the cap.
import { describe, expect, it } from 'vitest';
import { backoff, nextDelay } from '../../../lib/sync';

describe('backoff', () => {
  it.each([
    [0, 2_000],
    [1, 4_000],
    [2, 8_000],
    [5, 64_000],
  ])('attempt %i waits below %i ms at most', (attempt, window) => {
    expect(backoff(attempt, () => 0.999999)).toBe(Math.floor(0.999999 * window));
    expect(backoff(attempt, () => 0)).toBe(0);
    expect(backoff(attempt, () => 0.5)).toBe(window / 2);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    for (const attempt of [20, 100, 10_000, Number.POSITIVE_INFINITY]) {
      expect(backoff(attempt, () => 0.999999, { capMs: 60_000 })).toBeLessThan(60_000);
    }
  });

  it('spreads clients over the window (full jitter), not around one point', () => {
    const waits = Array.from({ length: 1000 }, () => backoff(3));
    expect(Math.min(...waits)).toBeLessThan(1_000);
    expect(Math.max(...waits)).toBeGreaterThan(15_000);
    expect(waits.every((w) => w >= 0 && w < 16_000)).toBe(true);
  });

  it('treats bad attempt numbers and random values safely', () => {
    expect(backoff(-3, () => 0.5)).toBe(1_000);
    expect(backoff(Number.NaN, () => 0.5)).toBe(1_000);
    expect(backoff(0, () => 1)).toBeLessThan(2_000);
  });

  it('honours a longer Retry-After from the server', () => {
    expect(nextDelay(0, 30_000, () => 0.5)).toBe(30_000);
    expect(nextDelay(4, 1_000, () => 0.5)).toBe(16_000);
    expect(nextDelay(0, null, () => 0.5)).toBe(1_000);
  });
});
