// Valid documents for tests: a review, a self-check and a scorecard, overridable per test.
import type { Review, SelfCheck } from '../../../lib/model/review';
import type { Scorecard } from '../../../lib/model/scorecard';

const at = '2026-03-02T10:00:00.000Z';

export function review(id: string, reviewer: string, reviewee: string, over: Partial<Review> = {}): Review {
  return {
    id,
    scorecardId: 'card-1',
    scorecardVersion: 1,
    reviewer: { id: reviewer, name: reviewer.split('@')[0] ?? reviewer },
    reviewee: { id: reviewee, name: reviewee.split('@')[0] ?? reviewee },
    target: { kind: 'conversation' },
    ratings: [{ criterionId: 'greet', value: 1, na: false, comment: '' }],
    strengths: 'Friendly opening',
    developmentAreas: '',
    strengthCriteria: ['greet'],
    developmentCriteria: [],
    feedback: 'Good work; "thanks", see = notes',
    activeMs: 60_000,
    ticket: { helpdesk: 'zendesk', ticketId: id, url: `https://x.zendesk.com/agent/tickets/${id}`, subject: 'Lasku, väärä', channel: 'email' },
    ticketKey: `zendesk:${id}`,
    channel: 'email',
    score: 1,
    passed: true,
    criticalFail: false,
    createdAt: at,
    updatedAt: at,
    revision: 1,
    deleted: false,
    acknowledgedAt: null,
    ...over,
  };
}

/** An agent's self-check of ticket `ticket`; its id is the ticket key and the agent (selfCheckId). */
export function selfCheck(ticket: string, agent: string, over: Partial<SelfCheck> = {}): SelfCheck {
  return {
    id: `zendesk:${ticket}|${agent}`,
    ticket: { helpdesk: 'zendesk', ticketId: ticket, url: '', subject: 'S', channel: 'chat' },
    ticketKey: `zendesk:${ticket}`,
    agent: { id: agent, name: agent },
    scorecardId: 'card-1',
    scorecardVersion: 1,
    ratings: [],
    hintCounts: { spelling: 1 },
    draftText: null,
    createdAt: at,
    updatedAt: at,
    deleted: false,
    ...over,
  };
}

export function scorecard(id: string, version: number, over: Partial<Scorecard> = {}): Scorecard {
  return {
    id,
    version,
    status: 'published',
    name: 'Chat quality',
    language: 'fi',
    channels: ['chat'],
    passMark: 80,
    groups: [{ id: 'g1', title: 'Opening', kind: 'phase' }],
    criteria: [
      {
        id: 'greet',
        groupId: 'g1',
        title: 'Greeting',
        description: '',
        weight: 1,
        scale: 'binary',
        levels: [
          { value: 0, label: 'No', target: '' },
          { value: 1, label: 'Yes', target: '' },
        ],
        naAllowed: false,
        critical: null,
        selfCheckable: true,
      },
    ],
    createdAt: at,
    updatedAt: at,
    publishedAt: at,
    templateId: null,
    ...over,
  };
}
