// Seeded, realistic reviews for dashboard, rollup and export tests (scored by lib/scoring, like the sidebar does).
import type { Review } from '../../../lib/model/review';
import type { Scorecard } from '../../../lib/model/scorecard';
import { templates } from '../../../lib/scorecards/templates';
import { maxValue, scoreReview } from '../../../lib/scoring';

/** Small deterministic PRNG (mulberry32): the same seed gives the same reviews everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const AGENTS = [
  { id: 'mikko@example.com', name: 'Mikko Mäkinen' },
  { id: 'aino@example.com', name: 'Aino Ääpälä' },
  { id: 'sanna@example.com', name: 'Sanna "S" Virtanen' },
  { id: 'jussi@example.com', name: 'Jussi, Jr.' },
];
export const REVIEWERS = [
  { id: 'lead@example.com', name: 'Leena Lead' },
  { id: 'coach@example.com', name: 'Kalle Coach' },
];

export const CARDS: Scorecard[] = templates.filter((t) => t.language === 'en');

export interface MakeReviewOptions {
  id: string;
  random: () => number;
  card?: Scorecard;
  createdAt?: string;
}

/** One submitted review, scored on its card; free text with commas, quotes, newlines, å/ä/ö and emoji. */
export function makeReview({ id, random, card, createdAt }: MakeReviewOptions): Review {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const chosen = card ?? pick(CARDS);
  const ratings = chosen.criteria.map((c) => {
    const na = c.naAllowed && random() < 0.1;
    const value = na ? null : random() < 0.05 ? null : Math.round(random() * maxValue(c));
    return { criterionId: c.id, value, na, comment: random() < 0.3 ? `Kommentti, "lainaus"\nrivi 2 😀 ${c.id}` : '' };
  });
  const result = scoreReview(chosen, ratings);
  const at = createdAt ?? new Date(Date.UTC(2026, Math.floor(random() * 6), 1 + Math.floor(random() * 28), 8 + Math.floor(random() * 9))).toISOString();
  const ticketId = String(1000 + Math.floor(random() * 90000));
  return {
    id,
    team: null,
    scorecardId: chosen.id,
    scorecardVersion: chosen.version,
    reviewer: pick(REVIEWERS),
    reviewee: pick(AGENTS),
    target: { kind: 'conversation' },
    ratings,
    strengths: 'Hyvä tervehdys, selkeä vastaus; "kiitos" 👍',
    developmentAreas: random() < 0.5 ? 'Tarkista oikeinkirjoitus.\r\nLyhyemmät lauseet.' : '=SUM(A1:A2)',
    strengthCriteria: [],
    developmentCriteria: [],
    feedback: 'Soita asiakkaalle numeroon 040 123 4567 tai mailaa asiakas@example.com.',
    activeMs: Math.floor(random() * 600_000),
    ticket: {
      helpdesk: random() < 0.8 ? 'zendesk' : 'freshdesk',
      ticketId,
      url: `https://acme.zendesk.com/agent/tickets/${ticketId}`,
      subject: pick(['Lasku, väärä summa', 'Tilaus ei saapunut', '+358 laskutus', 'Ö-merkki 🚚']),
      channel: chosen.channels[0]!,
    },
    ticketKey: `zendesk:${ticketId}`,
    channel: chosen.channels[0]!,
    score: result.score,
    passed: result.passed,
    criticalFail: result.criticalFail,
    createdAt: at,
    updatedAt: at,
    revision: 1,
    deleted: false,
    acknowledgedAt: null,
  };
}

export function makeReviews(n: number, seed = 1): Review[] {
  const random = rng(seed);
  return Array.from({ length: n }, (_, i) => makeReview({ id: `r${String(i).padStart(6, '0')}`, random }));
}
