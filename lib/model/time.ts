// Time as the data counts it: UTC milliseconds and `YYYY-MM-DD` days.

/** One day in milliseconds (UTC days: no daylight saving in stored times). */
export const DAY_MS = 86_400_000;
