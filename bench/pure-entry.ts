// Pure workloads the bench runs inside Chromium: scoring at scale and the draft checks.
import { runChecks } from '../lib/checks';
import type { Rating } from '../lib/model/review';
import type { Scorecard } from '../lib/model/scorecard';
import { templates } from '../lib/scorecards/templates';
import { scoreReview } from '../lib/scoring';

interface BenchReview {
  card: Scorecard;
  ratings: Rating[];
  reviewee: string;
  at: string;
}

/** Deterministic reviews over the built-in cards: 40 agents, 24 months, every criterion rated or N/A. */
export function makeReviews(count: number): BenchReview[] {
  const cards = templates;
  const out: BenchReview[] = [];
  let seed = 7;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < count; i += 1) {
    const card = cards[i % cards.length]!;
    const ratings = card.criteria.map((c) => {
      const na = c.naAllowed && next() < 0.1;
      return { criterionId: c.id, value: na ? null : Math.floor(next() * c.levels.length), na, comment: '' };
    });
    const month = String((i % 12) + 1).padStart(2, '0');
    out.push({ card, ratings, reviewee: `agent-${i % 40}@example.com`, at: `${2025 + (i % 2)}-${month}-15T10:00:00.000Z` });
  }
  return out;
}

/**
 * The agent × month rollup the scoring budget was set with, kept here as the bench's own workload
 * (moved from lib/scoring, where nothing in the product used it; the dashboard's rollups are lib/db/rollups).
 */
interface AggregatableReview {
  reviewee: string;
  /** ISO 8601; the month is read from its first seven characters (UTC for our `Z` timestamps). */
  at: string;
  score: number | null;
  passed: boolean | null;
  criticalFail: boolean;
}

interface AgentMonth {
  count: number;
  /** Reviews that had a score (lib/scoring qualityScore of these totals is the month's quality score). */
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
function aggregateByAgentMonth(reviews: readonly AggregatableReview[]): Map<string, AgentMonth> {
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

/** What the issue budgets: review scores for every review, then per-agent per-month aggregates. */
export function scoreAndAggregate(reviews: BenchReview[]): number {
  const rows = new Array<AggregatableReview>(reviews.length);
  for (let i = 0; i < reviews.length; i += 1) {
    const r = reviews[i]!;
    const s = scoreReview(r.card, r.ratings);
    rows[i] = { reviewee: r.reviewee, at: r.at, score: s.score, passed: s.passed, criticalFail: s.criticalFail };
  }
  return aggregateByAgentMonth(rows).size;
}

/** The floor: a plain loop over the same ratings computing an unweighted mean, no lookups. */
export function plainLoop(reviews: BenchReview[]): number {
  let total = 0;
  for (let i = 0; i < reviews.length; i += 1) {
    const ratings = reviews[i]!.ratings;
    let sum = 0;
    let n = 0;
    for (let j = 0; j < ratings.length; j += 1) {
      const v = ratings[j]!.value;
      if (v !== null) {
        sum += v;
        n += 1;
      }
    }
    total += n ? sum / n : 0;
  }
  return total;
}

/** A realistic 5,000-character Finnish reply with a few things for the checks to find. */
export function draft5000(): string {
  const paragraph =
    'Kiitos viestistäsi ja pahoittelut odottelusta. Tarkistin tilauksesi tiedot ja näyttää siltä, että laskulle on ' +
    'vahingossa tullut kaksi kertaa sama toimitusmaksu. Olen korjannut asian ja uusi lasku lähtee sinulle huomenna. ' +
    'KUTEN JO KERROIN aiemmin, hyvitys näkyy tililläsi muutaman päivän kuluessa!!! ';
  let text = 'Hei Matti,\n\n';
  while (text.length < 4900) text += `${paragraph}\n\n`;
  return `${text.slice(0, 4900)}\n\nYstävällisin terveisin\nAino`;
}

export { runChecks };
