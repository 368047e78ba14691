// Valid documents for tests, one of each synced kind, overridable per test.
import { calibrationRatingsId, type CalibrationRatings, type CalibrationSession } from '../../../lib/model/calibration';
import type { CoachingAction, CoachingForm, CoachingNotes, CoachingSession } from '../../../lib/model/coaching';
import { disputeId, type Dispute } from '../../../lib/model/dispute';
import type { Idea } from '../../../lib/model/idea';
import type { Review, SelfCheck } from '../../../lib/model/review';
import type { Scorecard } from '../../../lib/model/scorecard';
import { teamSettingsId, type TeamSettings } from '../../../lib/model/teamSettings';

const at = '2026-03-02T10:00:00.000Z';

export function review(id: string, reviewer: string, reviewee: string, over: Partial<Review> = {}): Review {
  return {
    id,
    team: null,
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
    team: null,
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
    team: null,
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


const person = (id: string) => ({ id, name: id.split('@')[0] ?? id });

export function calibrationSession(id: string, startedBy: string, team: string, over: Partial<CalibrationSession> = {}): CalibrationSession {
  return {
    id,
    team,
    title: 'Billing chats, March',
    startedBy,
    facilitator: startedBy,
    scorecardId: 'card-1',
    scorecardVersion: 1,
    tickets: [
      { ticketKey: 'zendesk:101', ticket: { helpdesk: 'zendesk', ticketId: '101', url: 'https://x.zendesk.com/agent/tickets/101', subject: 'Lasku', channel: 'chat' } },
      { ticketKey: 'zendesk:102', ticket: { helpdesk: 'zendesk', ticketId: '102', url: 'https://x.zendesk.com/agent/tickets/102', subject: 'Tilaus', channel: 'email' } },
    ],
    participants: [startedBy],
    deadline: '2026-03-09T16:00:00.000Z',
    hideAgent: true,
    namesShown: true,
    revealMode: 'facilitator-reveals',
    revealedAt: null,
    status: 'open',
    agreed: [],
    clarifications: [],
    alignments: [],
    createdAt: at,
    updatedAt: at,
    deleted: false,
    ...over,
  };
}

export function calibrationRatings(sessionId: string, participant: string, ticketKey = 'zendesk:101', over: Partial<CalibrationRatings> = {}): CalibrationRatings {
  return {
    id: calibrationRatingsId(sessionId, participant, ticketKey),
    sessionId,
    team: null,
    ticketKey,
    participant,
    ratings: [{ criterionId: 'greet', value: 1, na: false, comment: '' }],
    submittedAt: at,
    createdAt: at,
    updatedAt: at,
    deleted: false,
    ...over,
  };
}

export function coachingForm(id: string, version: number, over: Partial<CoachingForm> = {}): CoachingForm {
  return {
    id,
    version,
    team: null,
    status: 'published',
    name: 'Monthly coaching',
    language: 'fi',
    sections: [
      {
        id: 'expectations',
        title: 'Expectations both ways',
        fields: [
          { kind: 'text', id: 'mine', label: 'What I expect', help: '' },
          { kind: 'number', id: 'fcr', label: 'First-contact resolution', help: '', target: 85, unit: '%' },
          { kind: 'choice', id: 'mood', label: 'How is work going', help: '', options: [{ id: 'good', label: 'Good' }, { id: 'hard', label: 'Hard' }] },
          { kind: 'yesNo', id: 'met', label: 'Last goals met', help: '' },
        ],
      },
    ],
    createdAt: at,
    updatedAt: at,
    publishedAt: at,
    templateId: null,
    ...over,
  };
}

export function coachingSession(id: string, coach: string, agent: string, over: Partial<CoachingSession> = {}): CoachingSession {
  return {
    id,
    team: null,
    coach: person(coach),
    agent: person(agent),
    formId: 'form-1',
    formVersion: 1,
    status: 'held',
    scheduledFor: '2026-03-02T09:00:00.000Z',
    heldAt: at,
    answers: [
      { fieldId: 'mine', value: 'Use the customer’s name' },
      { fieldId: 'fcr', value: 82 },
      { fieldId: 'met', value: true },
    ],
    focus: [{ scorecardId: 'card-1', criterionId: 'greet' }],
    period: { start: '2026-03-02', end: '2026-03-29' },
    evidence: [{ kind: 'review', reviewId: 'r-1' }, { kind: 'rating', reviewId: 'r-2', criterionId: 'greet' }],
    acknowledgedAt: null,
    agentComment: '',
    createdAt: at,
    updatedAt: at,
    deleted: false,
    ...over,
  };
}

export function coachingAction(id: string, sessionId: string, coach: string, agent: string, over: Partial<CoachingAction> = {}): CoachingAction {
  return {
    id,
    sessionId,
    team: null,
    coach: person(coach),
    agent: person(agent),
    text: 'Greet every customer by name',
    assignee: 'agent',
    due: '2026-03-16',
    status: 'open',
    doneAt: null,
    doneBy: null,
    doneComment: '',
    createdAt: at,
    updatedAt: at,
    deleted: false,
    ...over,
  };
}

export function coachingNotes(sessionId: string, coach: string, agent: string, over: Partial<CoachingNotes> = {}): CoachingNotes {
  return { sessionId, team: null, coach: person(coach), agent: person(agent), text: 'Seemed tired; ask about the shift plan.', updatedAt: at, deleted: false, ...over };
}

export function dispute(reviewId: string, agent: string, reviewer: string, over: Partial<Dispute> = {}): Dispute {
  return {
    id: disputeId(agent, reviewId),
    reviewId,
    team: null,
    agent: person(agent),
    reviewer: person(reviewer),
    wrongAgent: false,
    reason: '',
    items: [{ criterionId: 'greet', reason: 'I did greet: see the first message', proposed: { value: 1, na: false } }],
    status: 'open',
    resolution: null,
    openedAt: at,
    reopenedAt: null,
    updatedAt: at,
    deleted: false,
    ...over,
  };
}

export function idea(id: string, submitter: string, team: string, over: Partial<Idea> = {}): Idea {
  return {
    id,
    team,
    submitter: person(submitter),
    kind: 'obstacle',
    category: 'tools',
    title: 'The macro for refunds is outdated',
    text: 'It still names the old form.',
    ticket: null,
    ticketText: null,
    status: 'new',
    replies: [],
    shared: false,
    createdAt: at,
    updatedAt: at,
    deleted: false,
    ...over,
  };
}

/** Team `team`'s settings, saved by `lead`: the default window unless overridden. */
export function teamSettings(team: string, lead: string, over: Partial<TeamSettings> = {}): TeamSettings {
  return {
    id: teamSettingsId(team),
    team,
    disputeWindowDays: 14,
    calibrationStarters: [],
    coachingRhythms: [],
    updatedBy: person(lead),
    updatedAt: at,
    ...over,
  };
}
