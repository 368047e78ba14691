// Time as the data keeps it and as people count it. Moments are stored in UTC (ISO 8601); the days,
// weeks and months that figures are grouped by are calendar periods in this browser's time zone, so
// a review made at 00:30 on the first of a month in Helsinki counts in that month.

/** One day in milliseconds: arithmetic on calendar days (`YYYY-MM-DD` read as UTC midnights, where no clock changes). */
export const DAY_MS = 86_400_000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The IANA time zone the calendar periods are counted in: this browser's. */
export function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The calendar day `YYYY-MM-DD` of a moment in this browser's time zone. A day given as a day
 * (`YYYY-MM-DD`, as due dates are) is that day.
 */
export function dayOf(at: Date | string | number): string {
  if (typeof at === 'string' && at.length === 10) return at;
  const d = at instanceof Date ? at : new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The moment a local day `YYYY-MM-DD` or month `YYYY-MM` begins, written as stored moments are (UTC
 * ISO 8601): the bound to read stored moments of local periods by. The string `2026-03-01` is not
 * midnight of 1 March in Helsinki or New York, so compared with a stored moment it moves the period.
 */
export function startOf(period: string): string {
  const [y, m, d = 1] = period.split('-').map(Number) as [number, number, number?];
  return new Date(y, m - 1, d).toISOString();
}

/** The calendar month `YYYY-MM` of a moment (or a day) in this browser's time zone. */
export function monthOf(at: Date | string | number): string {
  return dayOf(at).slice(0, 7);
}

/** The ISO 8601 week of a moment (or a day), e.g. `2026-W09`: weeks start on Monday, the week's Thursday decides the year. */
export function weekOf(at: Date | string | number): string {
  const [y, m, d] = dayOf(at).split('-').map(Number) as [number, number, number];
  const midnight = Date.UTC(y, m - 1, d);
  const weekday = new Date(midnight).getUTCDay() || 7;
  const thursday = midnight + (4 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.ceil(((thursday - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7);
  return `${year}-W${pad(week)}`;
}
