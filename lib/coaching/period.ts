// Coaching periods and rhythm as calendar arithmetic on `YYYY-MM-DD` days, pure. A moment's day is
// its calendar day in the browser's time zone (dayOf, lib/model/time.ts).
import { DAY_MS } from '../model';

/** Offered period lengths in weeks; 4 is the default. */
export const PERIOD_WEEKS = [2, 3, 4] as const;
export const DEFAULT_PERIOD_WEEKS = 4;
/** A coaching talk at least monthly, unless the coach sets another rhythm for the agent. */
export const DEFAULT_RHYTHM_DAYS = 30;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

/** The period a session held on `start` sets: `weeks` weeks, end inclusive. */
export function periodOf(start: string, weeks: number = DEFAULT_PERIOD_WEEKS): { start: string; end: string } {
  return { start, end: addDays(start, weeks * 7 - 1) };
}

/** The weeks of a stored period (for the picker), rounded. */
export function weeksOf(period: { start: string; end: string }): number {
  return Math.round((daysBetween(period.start, period.end) + 1) / 7);
}
