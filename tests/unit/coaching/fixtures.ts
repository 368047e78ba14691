// What the coaching tests share: the card, the people, and a review of the agent scored by the formula.
import type { Review } from '@/lib/model/review';
import { templates } from '@/lib/scorecards/templates';
import { scoreReview } from '@/lib/scoring';

export const card = templates.find((t) => t.id === 'tpl-chat-en')!;
export const COACH = { id: 'tiina@arvio.test', name: 'Tiina' };
export const AGENT = { id: 'mikko@arvio.test', name: 'Mikko Laine' };
export const OTHER = { id: 'liisa@arvio.test', name: 'Liisa' };

/** A review of the agent on the chat card: every criterion at `value` (clamped to its scale), scored by the formula. */
export function reviewAt(id: string, createdAt: string, value: number, agent = AGENT, over: Partial<Omit<Review, 'team'>> = {}): Review {
  const ratings = card.criteria.map((c) => ({ criterionId: c.id, value: Math.min(value, c.levels.length - 1), na: false, comment: '' }));
  const result = scoreReview(card, ratings);
  return {
    id,
    scorecardId: card.id,
    scorecardVersion: card.version,
    reviewer: COACH,
    reviewee: agent,
    target: { kind: 'conversation' },
    ratings,
    strengths: `strength of ${id}`,
    developmentAreas: `to develop in ${id}`,
    strengthCriteria: [],
    developmentCriteria: [],
    feedback: '',
    activeMs: 1000,
    ticket: { helpdesk: 'zendesk', ticketId: id, url: '', subject: 'S', channel: 'chat' },
    ticketKey: `zendesk:${id}`,
    channel: 'chat',
    score: result.score,
    passed: result.passed,
    criticalFail: result.criticalFail,
    createdAt,
    updatedAt: createdAt,
    revision: 1,
    deleted: false,
    acknowledgedAt: null,
    team: null,
    ...over,
  };
}
