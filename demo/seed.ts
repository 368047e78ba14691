// Half a year of a team's reviews for `npm run demo`, made with the product's own code (drafts, the
// score formula), as a JSON export file that the demo imports through the dashboard like a lead would.
import { newCalibrationRatings } from '../lib/calibration';
import { newDispute } from '../lib/disputes';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from '../lib/export';
import { kindOf, type DocOf, type KindName } from '../lib/model/kinds';
import type { CalibrationRatings, CalibrationSession } from '../lib/model/calibration';
import type { Dispute } from '../lib/model/dispute';
import type { Person, Review } from '../lib/model/review';
import type { Channel } from '../lib/model/ticket';
import { newDraft, rate, toReview } from '../lib/review';
import { templates } from '../lib/scorecards/templates';

interface Agent {
  person: Person;
  /** Typical level per criterion as a share of the scale, 0…1; `trend` moves it per month. */
  skill: number;
  trend: number;
  /** Criteria this agent is weaker in (their development areas). */
  weak: readonly string[];
}

const AGENTS: readonly Agent[] = [
  { person: { id: 'mikko@example.com', name: 'Mikko Laine' }, skill: 0.78, trend: 0.01, weak: ['closing', 'name'] },
  { person: { id: 'sara@example.com', name: 'Sara Koskinen' }, skill: 0.58, trend: 0.05, weak: ['solution', 'questions'] },
  { person: { id: 'aino@example.com', name: 'Aino Lahtinen' }, skill: 0.88, trend: 0, weak: ['tone'] },
];
const REVIEWER: Person = { id: 'tiina@example.com', name: 'Tiina Tarkastaja' };
const CHANNELS: readonly Channel[] = ['chat', 'email', 'chat', 'call'];

/** A small deterministic generator: the same demo every time. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** The export file's text: `perMonth` reviews per agent for each of the `months` months up to `now`. */
export function demoExport(now: Date, months = 6, perMonth = 5): string {
  const next = random(20261128);
  const reviews: Review[] = [];
  for (let m = months - 1; m >= 0; m -= 1) {
    for (const [a, agent] of AGENTS.entries()) {
      for (let i = 0; i < perMonth; i += 1) {
        const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - m, 2 + Math.floor(next() * 25), 8 + Math.floor(next() * 8)));
        if (at > now) continue;
        const channel = CHANNELS[(a + i) % CHANNELS.length]!;
        const card = templates.find((t) => t.language === (i % 2 ? 'en' : 'fi') && t.channels.includes(channel))!;
        const ticketId = String(2000 + reviews.length);
        const ticket = { helpdesk: 'zendesk', ticketId, url: `https://demo.zendesk.com/agent/tickets/${ticketId}`, subject: `Demo ${ticketId}`, channel };
        let draft = newDraft(ticket, { kind: 'conversation' }, card, agent.person, at);
        const level = Math.min(1, agent.skill + agent.trend * (months - 1 - m));
        for (const criterion of card.criteria) {
          const top = criterion.levels.length - 1;
          const target = agent.weak.includes(criterion.id) ? level - 0.35 : level;
          const value = Math.max(0, Math.min(top, Math.round((target + (next() - 0.5) * 0.4) * top)));
          // Critical criteria stay passing: a critical fail is rare, and the demo shows it as such.
          draft = rate(draft, criterion.id, { value: criterion.critical && next() > 0.03 ? top : value });
        }
        draft = { ...draft, activeMs: 60_000 + Math.floor(next() * 240_000), strengths: i % 3 === 0 ? 'Selkeä ja ystävällinen vastaus.' : '' };
        reviews.push(toReview(draft, card, REVIEWER, agent.person, `demo-${reviews.length}`, at, null, null));
      }
    }
  }
  return JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_FORMAT_VERSION, exportedAt: now.toISOString(), scorecards: [], selfChecks: [], reviews });
}

/** One change of a push to the team backend (`POST /v1/sync/push`), as a teammate's Arvio would send it. */
function change<K extends KindName>(collection: K, doc: DocOf<K>) {
  return { collection, id: kindOf(collection).syncId(doc), baseRevision: null, doc };
}

/**
 * A teammate's submitted blind ratings of every ticket of a session: mostly one level below the top,
 * `offset` moving some criteria, so the reveal has agreement and disagreement to show.
 */
export function demoCalibrationRatings(session: CalibrationSession, participant: string, offset: number, now: Date) {
  const card = templates.find((t) => t.id === session.scorecardId && t.version === session.scorecardVersion);
  if (!card) throw new Error(`the demo has no scorecard ${session.scorecardId}@${session.scorecardVersion}`);
  return session.tickets.map(({ ticketKey }) => {
    const draft = newCalibrationRatings(session, participant, ticketKey, card, now);
    const ratings = draft.ratings.map((r, i) => {
      const levels = card.criteria.find((c) => c.id === r.criterionId)!.levels;
      return { ...r, value: levels[Math.max(0, levels.length - 1 - ((i + offset) % 3 === 0 ? 1 : 0))]!.value };
    });
    const submitted: CalibrationRatings = { ...draft, ratings, submittedAt: now.toISOString(), updatedAt: now.toISOString() };
    return change('calibrationRatings', submitted);
  });
}

/** The agent's dispute of one criterion of a review about them: the one the reviewer rated lowest, proposed at the top level. */
export function demoDispute(review: Review, agent: Person, now: Date) {
  const card = templates.find((t) => t.id === review.scorecardId);
  const lowest = [...review.ratings].filter((r) => !r.na && r.value !== null).sort((a, b) => (a.value ?? 0) - (b.value ?? 0))[0];
  const top = card?.criteria.find((c) => c.id === lowest?.criterionId)?.levels.at(-1);
  if (!lowest || !top) throw new Error(`review ${review.id} has no rating of the demo's scorecards to dispute`);
  const dispute: Dispute = newDispute({
    review,
    agent,
    wrongAgent: false,
    reason: '',
    items: [{ criterionId: lowest.criterionId, reason: 'Asiakas sai ratkaisun jo ensimmäisessä viestissä.', proposed: { value: top.value, na: false } }],
    now,
  });
  return change('disputes', dispute);
}
