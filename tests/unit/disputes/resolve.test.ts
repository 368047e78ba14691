// An agent disputes two criteria; the reviewer accepts one and rejects the other: the review's next
// revision, its history, score and rollups follow in one transaction, and what waits for whom.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArvioDb, ensureBuiltInScorecards, getReview, openDispute, reopenDispute, resolveDispute, revisionsOfReview, submitReview, useDatabase } from '@/lib/db';
import { recomputeRollups } from '@/lib/db/rollups';
import { appliedReview, disputeFigures, disputesWaiting, newDispute, reopen, resolve, whyNoDispute } from '@/lib/disputes';
import type { Review } from '@/lib/model/review';
import type { Scorecard } from '@/lib/model/scorecard';
import { maxValue, scoreReview } from '@/lib/scoring';
import { CARDS, makeReview, rng } from '../db/factory';
import { BACKEND_KEY } from '@/lib/db/database';
import { waitingCount } from '@/lib/service/waiting';
import { ROSTER_KEY } from '@/lib/sync';
import { docHash } from '@/lib/sync/hash';

const BACKEND = { url: 'https://arvio.example.com', token: 'arv_test' };

const AGENT = { id: 'mikko@example.com', name: 'Mikko' };
const REVIEWER = { id: 'coach@example.com', name: 'Kalle' };
const LEAD = { id: 'lead@example.com', name: 'Leena' };
const NOW = new Date('2026-03-05T12:00:00.000Z');
const card: Scorecard = CARDS[0]!;
let database: ArvioDb;
let n = 0;

beforeEach(async () => {
  database = new ArvioDb(`disputes-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  useDatabase(database);
  await ensureBuiltInScorecards();
});
afterEach(() => database.close());

/** A review of Mikko by Kalle with every criterion at its lowest level but the critical ones (passed). */
function lowReview(): Review {
  const base = makeReview({ id: 'r-1', random: rng(7), card, createdAt: '2026-03-01T09:00:00.000Z' });
  const ratings = card.criteria.map((c) => ({ criterionId: c.id, value: c.critical ? maxValue(c) : 0, na: false, comment: `on ${c.id}` }));
  const scored = scoreReview(card, ratings);
  return { ...base, reviewer: REVIEWER, reviewee: AGENT, ratings, score: scored.score, passed: scored.passed, criticalFail: scored.criticalFail };
}

const [first, second] = card.criteria.filter((c) => !c.critical);

function twoCriteria(review: Review) {
  return newDispute({
    review,
    agent: AGENT,
    wrongAgent: false,
    reason: '',
    items: [
      { criterionId: first!.id, reason: 'I greeted by name', proposed: { value: 2, na: false } },
      { criterionId: second!.id, reason: 'The answer was complete', proposed: null },
    ],
    now: NOW,
  });
}

describe('disputes', () => {
  it('only the reviewed agent disputes, within the window, once', () => {
    const review = lowReview();
    expect(whyNoDispute(review, AGENT.id, undefined, NOW, 14)).toBeNull();
    expect(whyNoDispute(review, 'MIKKO@example.com', undefined, NOW, 14)).toBeNull();
    expect(whyNoDispute(review, REVIEWER.id, undefined, NOW, 14)).toBe('notAboutYou');
    expect(whyNoDispute(review, AGENT.id, undefined, new Date('2026-03-16T09:00:01.000Z'), 14)).toBe('windowClosed');
    expect(whyNoDispute(review, AGENT.id, undefined, new Date('2026-03-16T09:00:01.000Z'), 30)).toBeNull();
    expect(whyNoDispute(review, AGENT.id, twoCriteria(review), NOW, 14)).toBe('alreadyDisputed');
    expect(whyNoDispute({ ...review, deleted: true }, AGENT.id, undefined, NOW, 14)).toBe('deleted');
  });

  it('a whole-review dispute needs a reason', () => {
    expect(() => newDispute({ review: lowReview(), agent: AGENT, wrongAgent: false, reason: '  ', items: [], now: NOW })).toThrow(/says why/);
  });

  it('the reviewer accepts one criterion and rejects the other: partially accepted; the review is rescored in one transaction, its history keeps the original and names the dispute', async () => {
    const review = await submitReview(lowReview(), null);
    const dispute = await openDispute(twoCriteria(review));
    await expect(openDispute(twoCriteria(review))).rejects.toThrow(/disputed already/);
    const resolved = resolve(dispute, {
      by: REVIEWER,
      now: new Date('2026-03-06T12:00:00.000Z'),
      answers: [
        { outcome: 'accepted', criterionId: first!.id, value: 2, na: false, reason: 'Yes, you did' },
        { outcome: 'rejected', criterionId: second!.id, reason: 'The refund date was missing' },
      ],
      wholeAccepted: false,
      comment: '',
      rightAgent: null,
    });
    expect(resolved.status).toBe('partially');
    const { review: next } = await resolveDispute(resolved, new Date('2026-03-06T12:00:00.000Z'));
    // The score is the formula's over the new ratings.
    const expected = scoreReview(card, review.ratings.map((r) => (r.criterionId === first!.id ? { ...r, value: 2 } : r)));
    expect(next).toMatchObject({ revision: 2, dispute: dispute.id, score: expected.score, passed: expected.passed });
    expect(next!.score).toBeGreaterThan(review.score!);
    expect((await getReview(review.id))!.ratings.find((r) => r.criterionId === first!.id)).toMatchObject({ value: 2, comment: `on ${first!.id}` });
    const history = await revisionsOfReview(review.id);
    expect(history.map((r) => [r.revision, r.score, r.dispute ?? null])).toEqual([[1, review.score, null]]);
    // Rollups follow: the same as rebuilt from the reviews.
    const kept = await database.rollups.toArray();
    await recomputeRollups(database);
    const rebuilt = await database.rollups.toArray();
    const round = (rows: typeof kept) => rows.map((r) => ({ ...r, sum: Math.round(r.sum * 1e9) })).sort((a, b) => a.key.localeCompare(b.key));
    expect(round(kept)).toEqual(round(rebuilt));
    // Both writes are queued for the server only with a backend; resolved once only.
    await expect(resolveDispute(resolved, NOW)).rejects.toThrow(/resolved already/);
  });

  it('a resolution fails whole: nothing of it is stored when the review is gone', async () => {
    const review = await submitReview(lowReview(), null);
    const dispute = await openDispute(twoCriteria(review));
    await database.reviews.delete(review.id);
    const answers = [
      { outcome: 'accepted' as const, criterionId: first!.id, value: 2, na: false, reason: '' },
      { outcome: 'accepted' as const, criterionId: second!.id, value: 2, na: false, reason: '' },
    ];
    await expect(resolveDispute(resolve(dispute, { by: REVIEWER, now: NOW, answers, wholeAccepted: false, comment: '', rightAgent: null }), NOW)).rejects.toThrow(/gone/);
    expect((await database.disputes.get(dispute.id))!.status).toBe('open');
  });

  it('a rejected dispute leaves the review as it was; a lead reopens it', async () => {
    const review = await submitReview(lowReview(), null);
    const dispute = await openDispute(twoCriteria(review));
    const answers = [
      { outcome: 'rejected' as const, criterionId: first!.id, reason: 'No name used' },
      { outcome: 'rejected' as const, criterionId: second!.id, reason: 'Missing date' },
    ];
    const resolved = resolve(dispute, { by: LEAD, now: NOW, answers, wholeAccepted: false, comment: '', rightAgent: null });
    expect(resolved.status).toBe('rejected');
    expect((await resolveDispute(resolved, NOW)).review).toBeNull();
    expect((await getReview(review.id))!.revision).toBe(1);
    const reopened = await reopenDispute(reopen((await database.disputes.get(dispute.id))!, NOW));
    expect(reopened).toMatchObject({ status: 'open', resolution: null, reopenedAt: NOW.toISOString() });
  });

  it('an accepted wrong-agent dispute moves the review to the right agent', () => {
    const review = lowReview();
    const dispute = newDispute({ review, agent: AGENT, wrongAgent: true, reason: 'That chat was Aino’s', items: [], now: NOW });
    const right = { id: 'aino@example.com', name: 'Aino' };
    const resolved = resolve(dispute, { by: LEAD, now: NOW, answers: [], wholeAccepted: true, comment: 'Yes', rightAgent: right });
    expect(appliedReview(review, resolved, card, NOW)).toMatchObject({ reviewee: right, ratings: review.ratings, dispute: dispute.id });
  });

  it('open disputes wait for the review’s reviewer and the leads, never for the agent who opened them', () => {
    const review = lowReview();
    const open = twoCriteria(review);
    const other = { ...open, id: `x|r-2`, reviewId: 'r-2', reviewer: LEAD };
    expect(disputesWaiting([open, other], { email: REVIEWER.id, role: 'reviewer' })).toEqual([open]);
    expect(disputesWaiting([open, other], { email: LEAD.id, role: 'lead' })).toHaveLength(2);
    expect(disputesWaiting([open], { email: AGENT.id, role: 'agent' })).toEqual([]);
    expect(disputesWaiting([resolve(open, { by: REVIEWER, now: NOW, answers: [{ outcome: 'rejected', criterionId: first!.id, reason: 'no' }, { outcome: 'rejected', criterionId: second!.id, reason: 'no' }], wholeAccepted: false, comment: '', rightAgent: null })], { email: LEAD.id, role: 'lead' })).toEqual([]);
  });

  it('wait for a lead only in the teams they lead: a lead of one team is a reviewer in another', () => {
    const review = lowReview();
    const inA = { ...twoCriteria(review), team: 'team-a' };
    const inB = { ...inA, id: 'x|r-2', reviewId: 'r-2', team: 'team-b' };
    const mineInB = { ...inB, id: 'x|r-3', reviewId: 'r-3', reviewer: LEAD };
    const teams = [{ id: 'team-a', role: 'lead' }, { id: 'team-b', role: 'reviewer' }];
    expect(disputesWaiting([inA, inB, mineInB], { email: LEAD.id, role: 'lead', teams })).toEqual([inA, mineInB]);
    expect(disputesWaiting([inA, inB], { email: LEAD.id, role: 'admin', teams: [] })).toHaveLength(2);
  });

  it('figures: disputes per reviewer, the share overturned per criterion, time to resolve', () => {
    const review = lowReview();
    const open = twoCriteria(review);
    const resolved = resolve(open, {
      by: REVIEWER,
      now: new Date(Date.parse(open.openedAt) + 10 * 3_600_000),
      answers: [
        { outcome: 'accepted', criterionId: first!.id, value: 2, na: false, reason: '' },
        { outcome: 'rejected', criterionId: second!.id, reason: 'no' },
      ],
      wholeAccepted: false,
      comment: '',
      rightAgent: null,
    });
    const figures = disputeFigures([resolved, { ...open, id: 'x|r-9', reviewId: 'r-9' }]);
    expect(figures).toMatchObject({ total: 2, open: 1, resolved: 1, resolveHours: { median: 10, mean: 10 } });
    expect(figures.perReviewer).toEqual([{ reviewer: REVIEWER, opened: 2, open: 1, accepted: 0, partially: 1, rejected: 0 }]);
    expect(figures.perCriterion).toEqual([
      { criterionId: first!.id, answered: 1, overturned: 1, share: 1 },
      { criterionId: second!.id, answered: 1, overturned: 0, share: 0 },
    ]);
  });
});

describe('the toolbar count', () => {
  it('counts an open dispute for the reviewer who is to resolve it, not for the agent who opened it, and nothing once resolved', async () => {
    const review = lowReview();
    await submitReview(review, null);
    await openDispute(twoCriteria(review));
    const as = async (email: string, role: 'reviewer' | 'agent') => {
      await database.settings.put({ key: BACKEND_KEY, value: BACKEND });
      const member = { email, name: email, role, teams: ['T'] };
      await database.settings.put({
        key: ROSTER_KEY,
        value: { url: BACKEND.url, tokenHash: docHash(BACKEND.token), fetchedAt: 0, me: member, members: [member], teams: [{ id: 't', name: 'T', role }] },
      });
      return waitingCount();
    };

    expect(await as(REVIEWER.id, 'reviewer')).toBe(1);
    expect(await as(AGENT.id, 'agent')).toBe(0);
  });
});

