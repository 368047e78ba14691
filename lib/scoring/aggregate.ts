// Bulk rollup of review results per agent and month, fast enough for 100,000 reviews in memory.

export interface AggregatableReview {
  reviewee: string;
  /** ISO 8601; the month is read from its first seven characters (UTC for our `Z` timestamps). */
  at: string;
  score: number | null;
  passed: boolean | null;
  criticalFail: boolean;
}

export interface AgentMonth {
  count: number;
  /** Reviews that had a score; `sum / scored` is the month's quality score. */
  scored: number;
  sum: number;
  passes: number;
  criticalFails: number;
}

/**
 * Map `${reviewee}|${YYYY-MM}` → totals. One plain loop; the only allocations are the map entries
 * and their keys. Reviews usually arrive grouped (by index order), so the previous entry is reused
 * while reviewee and month stay the same, which skips building a key string at all.
 */
export function aggregateByAgentMonth(reviews: readonly AggregatableReview[]): Map<string, AgentMonth> {
  const out = new Map<string, AgentMonth>();
  let lastReviewee: string | null = null;
  let lastMonth = '';
  let last: AgentMonth | null = null;

  for (let i = 0; i < reviews.length; i++) {
    const r = reviews[i]!;
    let entry: AgentMonth;
    // A malformed short `at` never takes the shortcut, so it cannot swallow later months.
    if (last !== null && lastMonth.length === 7 && r.reviewee === lastReviewee && r.at.startsWith(lastMonth)) {
      entry = last;
    } else {
      const month = r.at.slice(0, 7);
      const key = `${r.reviewee}|${month}`;
      let found = out.get(key);
      if (found === undefined) {
        found = { count: 0, scored: 0, sum: 0, passes: 0, criticalFails: 0 };
        out.set(key, found);
      }
      entry = found;
      last = found;
      lastReviewee = r.reviewee;
      lastMonth = month;
    }
    entry.count++;
    if (r.score !== null) {
      entry.scored++;
      entry.sum += r.score;
    }
    if (r.passed === true) entry.passes++;
    if (r.criticalFail) entry.criticalFails++;
  }
  return out;
}
