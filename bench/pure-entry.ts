// Pure workloads the bench runs inside Chromium: scoring at scale and the draft checks.
import { runChecks } from '../lib/checks';
import type { Rating } from '../lib/model/review';
import type { Scorecard } from '../lib/model/scorecard';
import { templates } from '../lib/scorecards';
import { aggregateByAgentMonth, scoreReview } from '../lib/scoring';

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

/** What the issue budgets: review scores for every review, then per-agent per-month aggregates. */
export function scoreAndAggregate(reviews: BenchReview[]): number {
  const rows = new Array<{ reviewee: string; at: string; score: number | null; passed: boolean | null; criticalFail: boolean }>(
    reviews.length,
  );
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
