// A coach's month: the built-in forms, the plan, a session with evidence and agreed actions, the
// agent's acknowledgement, the focus in force, the .ics file and whether the period worked.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acknowledgeSession,
  actionsOfAgent,
  beforeAfter,
  coachingPlan,
  coachingPlanOf,
  currentFocus,
  ensureBuiltInForms,
  evidenceOf,
  evidenceReviews,
  focusOfAgent,
  formTemplates,
  getNotes,
  listForms,
  markActionDone,
  newCoachingAction,
  newCoachingNotes,
  newCoachingSession,
  lastHeldSession,
  periodOf,
  plannedSessions,
  prepareSession,
  saveForm,
  coachingDashboard,
  getForm,
  getSession,
  latestPublishedForm,
  saveSession,
  sessionIcs,
  sessionOutcome,
  sessionsOfAgent,
  MIN_REVIEWS,
  SHOWN_REVIEWS,
} from '@/lib/coaching';
import { addReviews, ArvioDb, BACKEND_KEY, db, SEP, useDatabase, writeSynced, type RollupDelta } from '@/lib/db';
import { coachingFormSchema, type CoachingSession } from '@/lib/model/coaching';
import { kinds } from '@/lib/model/kinds';
import type { Review } from '@/lib/model/review';
import { newDraftFrom, publish } from '@/lib/scorecards';
import { templates } from '@/lib/scorecards/templates';
import { criterionScore } from '@/lib/scoring';
import { selfCheck } from '../../../server/tests/helpers/docs';
import { AGENT, card, COACH, OTHER, reviewAt } from './fixtures';

/** A coach's planned sessions. */
const plannedBy = async (coachId: string) => (await plannedSessions()).filter((s) => s.coach.id === coachId);

let database: ArvioDb;

beforeEach(() => {
  database = new ArvioDb(`coaching-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  useDatabase(database);
});
afterEach(async () => {
  await database.delete();
});

/** Reviews as the product stores them: through the one writer, with their rollups. */
async function putReviews(reviews: Review[]): Promise<void> {
  await writeSynced(database, ['reviews'], 'pulled', (writer) => writer.put('reviews', reviews));
}

/** The agents' day rollup rows of some reviews (what the writer keeps), for the pure functions. */
function dayRows(reviews: Review[]): RollupDelta[] {
  const cells = new Map<string, RollupDelta>();
  addReviews(cells, reviews, 1);
  return [...cells.values()].filter((c) => c.dimension === 'agent.d');
}

function held(id: string, heldAt: string, over: Partial<CoachingSession> = {}): CoachingSession {
  const base = newCoachingSession({ id, team: null, coach: COACH, agent: AGENT, form: formTemplates[1]!, scheduledFor: null, now: new Date(heldAt) });
  return {
    ...base,
    status: 'held',
    heldAt,
    focus: [
      { scorecardId: card.id, criterionId: 'tone' },
      { scorecardId: card.id, criterionId: 'name' },
    ],
    period: periodOf(heldAt.slice(0, 10)),
    ...over,
  };
}

describe('coaching forms', () => {
  it('Arvio ships a Finnish and an English form with the same points: expectations, goals, successes, challenges, actions, follow-up', async () => {
    for (const form of formTemplates) expect(coachingFormSchema.safeParse(form).success).toBe(true);
    const [fi, en] = formTemplates;
    expect(fi!.language).toBe('fi');
    expect(en!.language).toBe('en');
    expect(fi!.sections.map((s) => s.id)).toEqual(['expectations', 'goals', 'successes', 'challenges', 'actions', 'followUp']);
    expect(en!.sections.map((s) => s.fields.map((f) => `${f.id}:${f.kind}`))).toEqual(fi!.sections.map((s) => s.fields.map((f) => `${f.id}:${f.kind}`)));
    expect(new Set(en!.sections.flatMap((s) => s.fields.map((f) => f.kind)))).toEqual(new Set(['text', 'number', 'choice', 'yesNo']));
    // Built in: not queued for the backend, where an agent could not publish them.
    expect(formTemplates.some((f) => kinds.coachingForms.shareable(f))).toBe(false);
    await ensureBuiltInForms();
    await ensureBuiltInForms();
    expect((await listForms()).map((f) => f.id).sort()).toEqual(['tpl-coaching-en', 'tpl-coaching-fi']);
  });

  it('a published form is immutable: editing yields the next version as a draft, and the session keeps its version', async () => {
    await ensureBuiltInForms();
    const en = formTemplates[1]!;
    const earlier = held('kept', '2026-02-02T09:00:00.000Z');
    await saveSession(earlier, [], null);
    await expect(saveForm({ ...en, name: 'Changed in place' })).rejects.toThrow(/cannot change/);
    const draft = { ...newDraftFrom(en, new Date('2026-03-01T00:00:00Z'), null), name: 'Coaching talk, sales' };
    expect(draft.version).toBe(2);
    await saveForm(draft);
    await saveForm(publish(draft, new Date('2026-03-02T00:00:00Z'), null));
    const versions = (await listForms()).filter((f) => f.id === en.id).map((f) => `${f.version}:${f.status}`);
    expect(versions).toEqual(['2:published', '1:published']);
    // The session held on version 1 still names it (and reads it); a new session takes version 2.
    expect(await getSession('kept')).toMatchObject({ formId: en.id, formVersion: 1 });
    expect((await getForm(en.id, 1))?.name).toBe(en.name);
    expect(await latestPublishedForm('en')).toMatchObject({ id: en.id, version: 2, name: 'Coaching talk, sales' });
    // The lead's edit of a built-in form is the team's own: sent to the backend, where the agents' profiles get it.
    expect(kinds.coachingForms.shareable(publish(draft, new Date('2026-03-02T00:00:00Z'), 'team-a'))).toBe(true);
    expect(kinds.coachingForms.shareable(draft)).toBe(false);
  });
});

describe('the coaching plan', () => {
  it('shows per agent the last session, the next due by the rhythm, overdue and open actions', () => {
    const last = held('s1', '2026-02-02T09:00:00.000Z');
    const planned = newCoachingSession({ id: 's2', team: null, coach: COACH, agent: OTHER, form: formTemplates[1]!, scheduledFor: '2026-03-20T09:00:00.000Z', now: new Date('2026-03-01T00:00:00Z') });
    const action = newCoachingAction(last, { id: 'a1', text: 'Use the name', assignee: 'agent', due: '2026-02-20', now: new Date('2026-02-02T09:00:00Z') });
    const rows = coachingPlan([AGENT, OTHER], [last, planned], [action], {}, '2026-03-10');
    expect(rows.map((r) => [r.agent.id, r.lastHeld?.id ?? null, r.nextDue, r.overdue, r.openActions, r.overdueActions])).toEqual([
      [AGENT.id, 's1', '2026-03-04', true, 1, 1],
      [OTHER.id, null, '2026-03-20', false, 0, 0],
    ]);
    // A per-agent rhythm of six weeks: not overdue yet.
    expect(coachingPlan([AGENT], [last], [], { [AGENT.id]: 42 }, '2026-03-10')[0]!.overdue).toBe(false);
  });
});

describe('the coaching plan, read agent by agent', () => {
  it('finds the last session held with each agent by any coach (the rhythm is the agent’s), and this coach’s planned sessions, scheduled or being prepared', async () => {
    const LEAD = { id: 'lead@arvio.test', name: 'Lead' };
    await saveSession(held('mine', '2026-02-02T09:00:00.000Z'), [], null);
    await saveSession(held('theirs', '2026-03-01T09:00:00.000Z', { coach: LEAD }), [], null);
    const preparing = newCoachingSession({ id: 'preparing', team: null, coach: COACH, agent: AGENT, form: formTemplates[1]!, scheduledFor: null, now: new Date('2026-03-05T00:00:00Z') });
    const scheduled = newCoachingSession({ id: 'scheduled', team: null, coach: COACH, agent: OTHER, form: formTemplates[1]!, scheduledFor: '2026-03-20T09:00:00.000Z', now: new Date('2026-03-05T00:00:00Z') });
    const leads = newCoachingSession({ id: 'leads', team: null, coach: LEAD, agent: OTHER, form: formTemplates[1]!, scheduledFor: '2026-03-10T09:00:00.000Z', now: new Date('2026-03-05T00:00:00Z') });
    for (const s of [preparing, scheduled, leads]) await saveSession(s, [], null);

    expect((await lastHeldSession(AGENT.id))?.id).toBe('theirs');
    expect((await lastHeldSession(AGENT.id, { except: 'theirs' }))?.id).toBe('mine');
    expect((await lastHeldSession(AGENT.id, { before: '2026-03-01T09:00:00.000Z' }))?.id).toBe('mine');
    expect(await lastHeldSession(AGENT.id, { before: '2026-02-02T09:00:00.000Z' })).toBeNull();
    expect(await lastHeldSession(OTHER.id)).toBeNull();
    const planned = await plannedBy(COACH.id);
    expect(planned.map((s) => s.id).sort()).toEqual(['preparing', 'scheduled']);
    const last = (await lastHeldSession(AGENT.id))!;
    const rows = coachingPlan([AGENT, OTHER], [last, ...planned], [], {}, '2026-03-10');
    expect(rows.map((r) => [r.agent.id, r.lastHeld?.id ?? null, r.planned?.id ?? null, r.nextDue])).toEqual([
      [AGENT.id, 'theirs', 'preparing', '2026-03-31'],
      [OTHER.id, null, 'scheduled', '2026-03-20'],
    ]);
    // The page's read: the same rows from one read transaction, for the roster's agents or, without a
    // backend, for the agents reviews name (the coach left out, the agents of planned sessions added), by name.
    const byName = [rows[1], rows[0]];
    expect(await coachingPlanOf(COACH, [AGENT, OTHER, COACH], '2026-03-10')).toEqual(byName);
    await putReviews([reviewAt('r1', '2026-03-01T10:00:00.000Z', 2)]);
    expect(await coachingPlanOf(COACH, null, '2026-03-10')).toEqual(byName);
  });
});

describe('an older session, opened again', () => {
  it('shows the session held before it as the previous one, and the evidence it was held on: up to its day, not today', async () => {
    const s1 = held('s1', '2026-01-05T09:00:00.000Z');
    const s2 = held('s2', '2026-02-02T09:00:00.000Z');
    const s3 = held('s3', '2026-03-02T09:00:00.000Z');
    const a1 = newCoachingAction(s1, { id: 'a1', text: 'Greet by name', assignee: 'agent', due: '2026-01-19', now: new Date(s1.heldAt!) });
    const a3 = newCoachingAction(s3, { id: 'a3', text: 'Summarise', assignee: 'agent', due: '2026-03-16', now: new Date(s3.heldAt!) });
    await saveSession(s1, [a1], null);
    await saveSession(s2, [], null);
    await saveSession(s3, [a3], null);
    await putReviews([reviewAt('jan', '2026-01-20T10:00:00.000Z', 3), reviewAt('feb', '2026-02-10T10:00:00.000Z', 1), reviewAt('mar', '2026-03-05T10:00:00.000Z', 0)]);

    const second = await prepareSession(s2, [card], '2026-03-20', 'en');
    expect(second.previous?.id).toBe('s1');
    expect(second.previousActions.map((a) => a.id)).toEqual(['a1']);
    expect([second.evidence.from, second.evidence.to]).toEqual(['2026-01-06', '2026-02-02']);
    expect(second.evidence.reviews.map((r) => r.id)).toEqual(['jan']);
    // A session being prepared today follows the last one held.
    const next = await prepareSession({ id: 'next', agent: AGENT, heldAt: null }, [card], '2026-03-20', 'en');
    expect(next.previous?.id).toBe('s3');
    expect(next.evidence.reviews.map((r) => r.id)).toEqual(['mar']);
  });
});

describe('agreed actions', () => {
  it('are those of held sessions: a session still being prepared keeps its actions from the agent, the plan and the dashboard until it is held', async () => {
    const preparing = newCoachingSession({ id: 'p1', team: null, coach: COACH, agent: AGENT, form: formTemplates[1]!, scheduledFor: null, now: new Date('2026-03-05T00:00:00Z') });
    const draft = newCoachingAction(preparing, { id: 'draft', text: 'Maybe: read the tone guide', assignee: 'agent', due: '2026-03-06', now: new Date('2026-03-05T00:00:00Z') });
    const last = held('h1', '2026-02-02T09:00:00.000Z');
    const agreed = newCoachingAction(last, { id: 'agreed', text: 'Greet by name', assignee: 'agent', due: '2026-02-16', now: new Date(last.heldAt!) });
    await saveSession(last, [agreed], null);
    await saveSession(preparing, [draft], null);

    expect((await actionsOfAgent(AGENT.id)).map((a) => a.id)).toEqual(['agreed']);
    expect((await db().coachingPlanRows.get(AGENT.id))?.open.map((a) => a.id)).toEqual(['agreed']);
    const [row] = await coachingPlanOf(COACH, [AGENT], '2026-03-10');
    expect([row!.openActions, row!.overdueActions]).toEqual([1, 1]);
    expect((await coachingDashboard([card], '2026-03-10')).actions.map((a) => a.id)).toEqual(['agreed']);

    // Held: agreed, and the agent's to do.
    await saveSession({ ...held('p1', '2026-03-05T10:00:00.000Z'), createdAt: preparing.createdAt }, [draft], null);
    expect((await actionsOfAgent(AGENT.id)).map((a) => a.id)).toEqual(['agreed', 'draft']);
    const [now] = await coachingPlanOf(COACH, [AGENT], '2026-03-10');
    expect([now!.lastHeld?.id, now!.openActions, now!.overdueActions]).toEqual(['p1', 2, 2]);
    expect((await coachingDashboard([card], '2026-03-10')).actions.map((a) => a.id).sort()).toEqual(['agreed', 'draft']);
  });
});

describe('preparing, holding and following up a session', () => {
  it('an agent with more reviews than the page lists: figures over every review since the last session, the newest listed, self-checks paired with older ones', async () => {
    await saveSession(held('s1', '2026-01-05T09:00:00.000Z'), [], null);
    const count = SHOWN_REVIEWS + 50;
    const mine = Array.from({ length: count }, (_, i) =>
      reviewAt(`m${String(i).padStart(3, '0')}`, new Date(Date.parse('2026-01-10T08:00:00.000Z') + i * 6 * 3_600_000).toISOString(), i % 5),
    );
    await putReviews([...mine, reviewAt('before', '2026-01-04T10:00:00.000Z', 0), reviewAt('theirs', '2026-01-20T10:00:00.000Z', 0, OTHER)]);
    // The agent's self-check of the oldest review's ticket: that review is not among those listed.
    await database.selfChecks.put(
      selfCheck('m000', AGENT.id, { ticketKey: 'zendesk:m000', agent: AGENT, scorecardId: card.id, scorecardVersion: 1, createdAt: '2026-01-10T07:00:00.000Z', ratings: [{ criterionId: 'tone', value: 4, na: false, comment: '' }] }),
    );

    const { evidence } = await prepareSession({ id: 'preparing', agent: AGENT, heldAt: null }, [card], '2026-03-01', 'en');
    expect(evidence.from).toBe('2026-01-06');
    expect(evidence.count).toBe(count);
    expect(evidence.reviews.map((r) => r.id)).toEqual(mine.slice(-SHOWN_REVIEWS).reverse().map((r) => r.id));
    expect(evidence.qualityScore).toBeCloseTo(mine.reduce((n, r) => n + r.score!, 0) / count, 10);
    const tone = card.criteria.find((c) => c.id === 'tone')!;
    const toneMean = mine.reduce((n, r) => n + criterionScore(tone, r.ratings.find((x) => x.criterionId === 'tone')!.value!)!, 0) / count;
    expect(evidence.criteria.find((c) => c.criterionId === 'tone')).toMatchObject({ count });
    expect(evidence.criteria.find((c) => c.criterionId === 'tone')!.mean).toBeCloseTo(toneMean, 10);
    expect(evidence.trend.reduce((n, w) => n + w.count, 0)).toBe(count);
    expect(evidence.gap).toEqual([expect.objectContaining({ criterionId: 'tone', pairs: 1, self: 1, reviewer: criterionScore(tone, 0) })]);
  });

  it("a self-check pairs with the agent's first review of its ticket in the window: not one before it, not another agent's", async () => {
    await saveSession(held('s1', '2026-01-05T09:00:00.000Z'), [], null);
    const on = (ticket: string) => ({ ticketKey: `zendesk:${ticket}`, ticket: { helpdesk: 'zendesk', ticketId: ticket, url: '', subject: 'S', channel: 'chat' as const } });
    await putReviews([
      reviewAt('t1-before', '2026-01-04T10:00:00.000Z', 0, AGENT, on('t1')),
      reviewAt('t1-second', '2026-01-12T10:00:00.000Z', 1, AGENT, on('t1')),
      reviewAt('t1-first', '2026-01-11T10:00:00.000Z', 3, AGENT, on('t1')),
      reviewAt('t2-theirs', '2026-01-11T10:00:00.000Z', 2, OTHER, on('t2')),
    ]);
    for (const ticket of ['t1', 't2']) {
      await database.selfChecks.put(
        selfCheck(ticket, AGENT.id, { ticketKey: `zendesk:${ticket}`, agent: AGENT, scorecardId: card.id, scorecardVersion: 1, createdAt: '2026-01-10T07:00:00.000Z', ratings: [{ criterionId: 'tone', value: 4, na: false, comment: '' }] }),
      );
    }

    const { evidence } = await prepareSession({ id: 'preparing', agent: AGENT, heldAt: null }, [card], '2026-03-01', 'en');
    const tone = card.criteria.find((c) => c.id === 'tone')!;
    expect(evidence.gap).toEqual([expect.objectContaining({ criterionId: 'tone', pairs: 1, self: 1, reviewer: criterionScore(tone, 3) })]);
  });

  it('the page lists the newest reviews and pages on a page at a time: none skipped or twice where reviews share a millisecond, deleted ones left out', async () => {
    // Every third pair of reviews made in the same millisecond, so a page boundary falls between twins.
    const count = 2 * SHOWN_REVIEWS + 7;
    const at = (i: number) => new Date(Date.parse('2026-02-10T08:00:00.000Z') + Math.floor(i / 2) * 60_000).toISOString();
    const mine = Array.from({ length: count }, (_, i) => reviewAt(`p${String(i).padStart(3, '0')}`, at(i), i % 5, AGENT, i === 5 ? { deleted: true } : {}));
    await putReviews([...mine, reviewAt('theirs', at(3), 0, OTHER)]);

    const { evidence } = await prepareSession({ id: 'preparing', agent: AGENT, heldAt: null }, [card], '2026-03-01', 'en');
    expect(evidence.count).toBe(count - 1);
    expect(evidence.reviews).toHaveLength(SHOWN_REVIEWS);
    const listed = [...evidence.reviews];
    for (;;) {
      const page = await evidenceReviews(AGENT.id, evidence.from, evidence.to, listed);
      expect(page.length).toBeLessThanOrEqual(SHOWN_REVIEWS);
      listed.push(...page);
      if (page.length < SHOWN_REVIEWS) break;
    }
    const expected = mine.filter((r) => !r.deleted).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    expect(listed.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(listed.map((r) => r.createdAt)).toEqual(expected.map((r) => r.createdAt));
  });


  it('the evidence since the last session follows the score formula, and the next session opens with the previous actions and their status', async () => {
    const first = held('s1', '2026-02-02T09:00:00.000Z');
    const actions = [
      newCoachingAction(first, { id: 'a1', text: 'Greet by name', assignee: 'agent', due: '2026-02-16', now: new Date(first.heldAt!) }),
      newCoachingAction(first, { id: 'a2', text: 'Send the tone guide', assignee: 'coach', due: '2026-02-09', now: new Date(first.heldAt!) }),
    ];
    await saveSession(first, actions, newCoachingNotes(first, 'Tired this month', new Date(first.heldAt!)));
    const reviews = [
      reviewAt('old', '2026-01-20T10:00:00.000Z', 0),
      reviewAt('r1', '2026-02-10T10:00:00.000Z', 1),
      reviewAt('r2', '2026-02-20T10:00:00.000Z', 3),
      reviewAt('r3', '2026-02-25T10:00:00.000Z', 2),
      reviewAt('theirs', '2026-02-21T10:00:00.000Z', 3, OTHER),
    ];
    await putReviews(reviews);
    await database.selfChecks.put(
      selfCheck('r2', AGENT.id, { ticketKey: 'zendesk:r2', agent: AGENT, scorecardId: card.id, scorecardVersion: 1, createdAt: '2026-02-20T09:00:00.000Z', ratings: [{ criterionId: 'tone', value: 4, na: false, comment: '' }] }),
    );
    await markActionDone('a1', AGENT, 'Every chat', new Date('2026-02-12T10:00:00Z'));

    const { evidence, previous, previousActions } = await prepareSession({ id: 'next', agent: AGENT, heldAt: null }, [card], '2026-03-01', 'en');
    expect(previous?.id).toBe('s1');
    expect(previousActions.map((a) => [a.id, a.status, a.doneComment])).toEqual([
      ['a1', 'done', 'Every chat'],
      ['a2', 'open', ''],
    ]);
    expect(evidence.reviews.map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
    const mine = reviews.filter((r) => ['r1', 'r2', 'r3'].includes(r.id));
    expect(evidence.qualityScore).toBeCloseTo(mine.reduce((s, r) => s + r.score!, 0) / 3, 10);
    const tone = card.criteria.find((c) => c.id === 'tone')!;
    const toneMean = mine.reduce((s, r) => s + criterionScore(tone, r.ratings.find((x) => x.criterionId === 'tone')!.value!)!, 0) / 3;
    expect(evidence.criteria.find((c) => c.criterionId === 'tone')?.mean).toBeCloseTo(toneMean, 10);
    expect(evidence.strongest[0]!.mean).toBeGreaterThanOrEqual(evidence.weakest[0]!.mean);
    expect(evidence.gap).toEqual([expect.objectContaining({ criterionId: 'tone', pairs: 1, self: 1, reviewer: criterionScore(tone, 3) })]);
    expect(evidence.trend.reduce((n, w) => n + w.count, 0)).toBe(3);
  });

  it('private notes stay apart from the session, and only the agent’s part changes when the agent acknowledges', async () => {
    const s = held('s1', '2026-02-02T09:00:00.000Z');
    await saveSession(s, [], newCoachingNotes(s, 'Private', new Date(s.heldAt!)));
    expect(JSON.stringify(await database.coachingSessions.get('s1'))).not.toContain('Private');
    expect((await getNotes('s1'))?.text).toBe('Private');
    const acknowledged = await acknowledgeSession('s1', 'Thanks', new Date('2026-02-03T08:00:00Z'));
    expect(acknowledged).toMatchObject({ acknowledgedAt: '2026-02-03T08:00:00.000Z', agentComment: 'Thanks', focus: s.focus });
    // The coach's next autosave, from a page opened before the acknowledgement, keeps it.
    await saveSession({ ...s, answers: [{ fieldId: 'successes', value: 'Calm' }], updatedAt: '2026-02-03T09:00:00.000Z' }, [], null);
    expect(await database.coachingSessions.get('s1')).toMatchObject({ acknowledgedAt: '2026-02-03T08:00:00.000Z', agentComment: 'Thanks', answers: [{ fieldId: 'successes', value: 'Calm' }] });
    // Nor can the coach's page give or change the acknowledgement.
    await saveSession({ ...s, acknowledgedAt: null, agentComment: 'Forged', updatedAt: '2026-02-03T10:00:00.000Z' }, [], null);
    expect(await database.coachingSessions.get('s1')).toMatchObject({ acknowledgedAt: '2026-02-03T08:00:00.000Z', agentComment: 'Thanks' });
  });

  it('a session page opened before the agent marked an action done does not undo it, whatever it saves later', async () => {
    const s = held('s1', '2026-02-02T09:00:00.000Z');
    const stale = newCoachingAction(s, { id: 'a1', text: 'Greet by name', assignee: 'agent', due: '2026-02-16', now: new Date(s.heldAt!) });
    const other = newCoachingAction(s, { id: 'a2', text: 'Summarise', assignee: 'agent', due: '2026-02-16', now: new Date(s.heldAt!) });
    await saveSession(s, [stale, other], null);
    await markActionDone('a1', AGENT, 'Every call this week', new Date('2026-02-05T08:00:00Z'));
    await markActionDone('a2', AGENT, '', new Date('2026-02-05T08:00:00Z'));
    // The page's next autosave (the notes changed) carries both actions as they were when it opened.
    await saveSession({ ...s, updatedAt: '2026-02-05T09:00:00.000Z' }, [stale, { ...other, due: '2026-02-20', updatedAt: '2026-02-05T09:00:00.000Z' }], null);
    expect(await database.coachingActions.get('a1')).toMatchObject({ status: 'done', doneComment: 'Every call this week' });
    // An action the coach edits after the agent's done keeps the coach's edit and the agent's completion.
    expect(await database.coachingActions.get('a2')).toMatchObject({ status: 'done', due: '2026-02-20', doneBy: AGENT });
  });

  it('autosave writes only what changed, so the backend gets one queued change per edit', async () => {
    await database.settings.put({ key: BACKEND_KEY, value: { url: 'http://127.0.0.1:1', token: 't' } });
    const s = held('s1', '2026-02-02T09:00:00.000Z');
    const action = newCoachingAction(s, { id: 'a1', text: 'Greet by name', assignee: 'agent', due: '2026-02-16', now: new Date(s.heldAt!) });
    await saveSession(s, [action], null);
    await saveSession(s, [action], null);
    await saveSession({ ...s, answers: [{ fieldId: 'successes', value: 'Calm with an angry customer' }] }, [action], null);
    expect((await database.outbox.toArray()).map((r) => `${r.collection}:${r.docId}`)).toEqual(['coachingSessions:s1', 'coachingActions:a1', 'coachingSessions:s1']);
  });

  it('the focus in force is the latest held period holding today; the agent’s lists come by index', async () => {
    await saveSession(held('s1', '2026-02-02T09:00:00.000Z'), [], null);
    await saveSession(held('s2', '2026-03-02T09:00:00.000Z', { focus: [{ scorecardId: card.id, criterionId: 'closing' }] }), [], null);
    await saveSession(newCoachingSession({ id: 's3', team: null, coach: COACH, agent: AGENT, form: formTemplates[1]!, scheduledFor: '2026-04-01T09:00:00.000Z', now: new Date() }), [], null);
    expect(await focusOfAgent(AGENT.id, '2026-02-10')).toMatchObject({ sessionId: 's1', until: '2026-03-01' });
    expect(await focusOfAgent(AGENT.id, '2026-03-05')).toMatchObject({ sessionId: 's2', until: '2026-03-29', focus: [{ criterionId: 'closing' }] });
    expect(await focusOfAgent(AGENT.id, '2026-05-01')).toBeNull();
    expect(currentFocus([], '2026-03-05')).toBeNull();
    expect((await sessionsOfAgent(AGENT.id)).map((s) => s.id)).toEqual(['s3', 's2', 's1']);
    const s2 = (await sessionsOfAgent(AGENT.id))[1]!;
    const a = newCoachingAction(s2, { id: 'a', text: 'x', assignee: 'agent', due: '2026-03-09', now: new Date() });
    const b = newCoachingAction(s2, { id: 'b', text: 'y', assignee: 'coach', due: '2026-03-05', now: new Date() });
    await saveSession(s2, [a, b], null);
    await markActionDone('a', AGENT, '', new Date('2026-03-06T00:00:00Z'));
    expect((await actionsOfAgent(AGENT.id)).map((x) => x.id)).toEqual(['b', 'a']);
    expect((await db().coachingPlanRows.get(AGENT.id))?.open.map((x) => x.id)).toEqual(['b']);
    expect(await db().coachingPlanRows.get(OTHER.id)).toBeUndefined();
  });

  it('did it work: each focus criterion before vs during and after the period, with counts, and too few reviews shown as such', async () => {
    const s = held('s1', '2026-03-02T09:00:00.000Z', { period: { start: '2026-03-02', end: '2026-03-15' } });
    const before = [reviewAt('b1', '2026-02-17T10:00:00.000Z', 1), reviewAt('b2', '2026-02-20T10:00:00.000Z', 1), reviewAt('b3', '2026-03-01T10:00:00.000Z', 2)];
    const after = [reviewAt('d1', '2026-03-05T10:00:00.000Z', 3), reviewAt('d2', '2026-03-20T10:00:00.000Z', 4)];
    const outside = [reviewAt('x1', '2026-02-01T10:00:00.000Z', 0), reviewAt('x2', '2026-04-10T10:00:00.000Z', 0)];
    await putReviews([...before, ...after, ...outside]);
    const [tone, name] = await sessionOutcome(s, [card], '2026-04-30');
    const toneC = card.criteria.find((c) => c.id === 'tone')!;
    const mean = (rs: Review[]) => rs.reduce((n, r) => n + criterionScore(toneC, r.ratings.find((x) => x.criterionId === 'tone')!.value!)!, 0) / rs.length;
    expect(tone).toMatchObject({ title: 'Tone', before: { from: '2026-02-16', to: '2026-03-01', count: 3 }, after: { from: '2026-03-02', to: '2026-03-29', count: 2, mean: null } });
    expect(tone!.before.mean).toBeCloseTo(mean(before), 10);
    expect(name!.focus.criterionId).toBe('name');
    expect(MIN_REVIEWS).toBe(3);
    // With enough reviews after, a figure.
    const [toneAgain] = beforeAfter(s.focus, s.period!, dayRows([...before, ...after, reviewAt('d3', '2026-03-25T10:00:00.000Z', 4)]), [card], '2026-04-30');
    expect(toneAgain!.after.mean).toBeCloseTo(mean([...after, reviewAt('d3', '2026-03-25T10:00:00.000Z', 4)]), 10);
  });

  it('the dashboard’s latest finished periods are those of the agents in view, however many others have newer ones', async () => {
    const day = (i: number) => new Date(Date.UTC(2026, 0, 5) + i * 86_400_000).toISOString();
    for (let i = 0; i < 25; i++) await saveSession(held(`a${i}`, day(10 + i)), [], null);
    await saveSession(held('other', day(0), { agent: OTHER }), [], null);
    const everyone = await coachingDashboard([card], '2026-12-01');
    expect(everyone.outcomes).toHaveLength(20);
    expect(everyone.outcomes.some((o) => o.session.id === 'other')).toBe(false);
    const theirs = await coachingDashboard([card], '2026-12-01', (agentId) => agentId === OTHER.id);
    expect(theirs.outcomes.map((o) => o.session.id)).toEqual(['other']);
  });
});

describe('evidence from scorecards in two languages', () => {
  it('counts a criterion the Finnish and English cards share as one, titled in the reader’s language', () => {
    const fi = templates.find((t) => t.id === 'tpl-chat-fi')!;
    const titleIn = (c: typeof card) => c.criteria.find((k) => k.id === 'tone')!.title;
    expect(titleIn(fi)).not.toBe(titleIn(card));
    const days = [{ period: '2026-02-10', count: 2, scored: 2, sum: 1.5, criteria: { [`${fi.id}@${fi.version}${SEP}tone`]: [3, 1] as [number, number], [`${card.id}@${card.version}${SEP}tone`]: [2, 1] as [number, number] } }];
    const tone = (language: 'fi' | 'en') =>
      evidenceOf({ days, latest: [], pairs: [], cards: [fi, card], language, from: '2026-02-01', to: '2026-03-01' }).criteria.find((c) => c.criterionId === 'tone');
    expect(tone('en')).toMatchObject({ title: titleIn(card), count: 2 });
    expect(tone('fi')).toMatchObject({ title: titleIn(fi), count: 2 });
  });
});

describe('the calendar file', () => {
  it('a scheduled session is a valid iCalendar event for the coach and the agent, with text escaped and long lines folded', () => {
    const s = newCoachingSession({ id: 'cs-9', team: null, coach: COACH, agent: { id: 'mikko@arvio.test', name: 'Mikko "M" Laine' }, form: formTemplates[0]!, scheduledFor: '2026-03-20T09:30:00.000Z', now: new Date('2026-03-01T00:00:00Z') });
    const description = 'Valmennuskeskustelu; käydään läpi sovitut toimenpiteet, tavoitteet ja onnistumiset.\nToinen rivi, pilkulla. '.repeat(3);
    const ics = sessionIcs(s, 'Valmennus: Mikko Laine', description, new Date('2026-03-01T12:00:00Z'));
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Valmennus: Mikko Laine');
    expect(event.description).toBe(description);
    expect(event.uid).toBe('cs-9@arvio');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-20T09:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-20T10:15:00.000Z');
    expect(event.organizer).toBe('mailto:tiina@arvio.test');
    expect(event.attendees.map((a) => a.getFirstValue())).toEqual(['mailto:mikko@arvio.test']);
    // Rescheduled: the same event, a higher sequence, so a calendar replaces its copy.
    const later = sessionIcs({ ...s, scheduledFor: '2026-03-27T09:30:00.000Z', updatedAt: '2026-03-02T08:00:00.000Z' }, 'Valmennus: Mikko Laine', description, new Date('2026-03-02T08:00:00Z'));
    const moved = new ICAL.Event(new ICAL.Component(ICAL.parse(later)).getFirstSubcomponent('vevent')!);
    expect(moved.uid).toBe(event.uid);
    expect(moved.sequence).toBeGreaterThan(event.sequence);
  });
});
