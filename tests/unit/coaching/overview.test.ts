// The dashboard's coaching view against the rhythm: every agent in view (never coached included), and a
// past month marked only when it fell short of that agent's rhythm, however long the rhythm is.
import { afterEach, describe, expect, it } from 'vitest';
import { coachingOverview, formTemplates, newCoachingAction, newCoachingSession, periodOf } from '@/lib/coaching';
import type { CoachingSession } from '@/lib/model/coaching';
import { AGENT, COACH, OTHER } from './fixtures';

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
const TODAY = '2026-05-15';

function held(id: string, day: string, agent = AGENT): CoachingSession {
  const at = `${day}T09:00:00.000Z`;
  return { ...newCoachingSession({ id, team: null, coach: COACH, agent, form: formTemplates[1]!, scheduledFor: null, now: new Date(at) }), status: 'held', heldAt: at, period: periodOf(day) };
}

describe('coaching against the rhythm', () => {
  it('lists an agent never coached, every past month short of the monthly rhythm; the current month is not judged', () => {
    const [row] = coachingOverview([], [], {}, MONTHS, TODAY, [OTHER]);
    expect(row).toMatchObject({ agent: OTHER, rhythmDays: 30, held: { '2026-01': 0, '2026-05': 0 } });
    expect(row!.below).toEqual({ '2026-01': true, '2026-02': true, '2026-03': true, '2026-04': true });
  });

  it('monthly: a month with a session holds, one without falls short', () => {
    const [row] = coachingOverview([held('a', '2026-01-12'), held('b', '2026-02-03'), held('c', '2026-04-28')], [], {}, MONTHS, TODAY, [AGENT]);
    expect(row!.below).toEqual({ '2026-01': false, '2026-02': false, '2026-03': true, '2026-04': false });
  });

  it('every 2 weeks asks for two a month; every 2 months only that a session was held within 60 days of the month’s end', () => {
    const sessions = [held('a', '2026-01-05'), held('b', '2026-01-19'), held('c', '2026-02-10'), held('d', '2026-03-20')];
    const [biweekly] = coachingOverview(sessions, [], { [AGENT.id]: 14 }, MONTHS, TODAY);
    expect(biweekly!.below).toEqual({ '2026-01': false, '2026-02': true, '2026-03': true, '2026-04': true });
    const [bimonthly] = coachingOverview([held('a', '2026-01-10'), held('b', '2026-03-10')], [], { [AGENT.id]: 60 }, MONTHS, TODAY);
    // February had no session, but January's was within 60 days; April has March's.
    expect(bimonthly!.below).toEqual({ '2026-01': false, '2026-02': false, '2026-03': false, '2026-04': false });
    const [late] = coachingOverview([held('a', '2026-01-10')], [], { [AGENT.id]: 60 }, MONTHS, TODAY);
    expect(late!.below).toEqual({ '2026-01': false, '2026-02': false, '2026-03': true, '2026-04': true });
  });
});

describe('in the computer’s time zone', () => {
  afterEach(() => {
    process.env.TZ = 'UTC';
  });

  it('a session held at 00:30 on 1 February in Helsinki counts in February, and an action done then was late for a 31 January due date', () => {
    process.env.TZ = 'Europe/Helsinki';
    const at = '2026-01-31T22:30:00.000Z';
    const session = { ...held('a', '2026-02-01'), heldAt: at };
    const action = { ...newCoachingAction(session, { id: 'x', text: 'Use the name', assignee: 'agent', due: '2026-01-31', now: new Date(at) }), status: 'done' as const, doneAt: at };
    const [row] = coachingOverview([session], [action], {}, MONTHS, TODAY, [AGENT]);
    expect(row!.held).toMatchObject({ '2026-01': 0, '2026-02': 1 });
    expect(row!.below).toMatchObject({ '2026-01': true, '2026-02': false });
    expect(row).toMatchObject({ actions: 1, doneByDue: 0 });
  });
});

describe('actions done by their due date', () => {
  it('count the actions whose day has come: done (in time or late) or open past due; an open one not due yet is left out', () => {
    const session = held('a', '2026-05-01');
    const action = (id: string, due: string, done: string | null) => ({
      ...newCoachingAction(session, { id, text: id, assignee: 'agent', due, now: new Date('2026-05-01T10:00:00Z') }),
      ...(done ? { status: 'done' as const, doneAt: `${done}T12:00:00.000Z`, doneBy: AGENT, doneComment: '' } : {}),
    });
    const actions = [action('in-time', '2026-05-10', '2026-05-08'), action('late', '2026-05-05', '2026-05-12'), action('missed', '2026-05-12', null), action('not-yet', '2026-05-20', null)];
    const [row] = coachingOverview([session], actions, {}, MONTHS, TODAY);
    expect([row!.doneByDue, row!.actions, row!.overdue]).toEqual([1, 3, 1]);
  });
});

