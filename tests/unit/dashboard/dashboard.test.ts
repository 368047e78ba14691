// The dashboard's figures, read from rollups, are the scoring formula's figures over the matching reviews.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ArvioDb, useDatabase } from '@/lib/db';
import { acknowledgeReview, agentReviews, dashboardData, filterOptions, getCoverageTarget, setCoverageTarget, weeksBetween, type DashboardFilter } from '@/lib/db/dashboard';
import { deleteReview, submitReview } from '@/lib/db/reviews';
import { criterionAverages, passRate, qualityScore } from '@/lib/scoring';
import type { Review } from '@/lib/model/review';
import { AGENTS, CARDS, makeReview, REVIEWERS, rng } from '../db/factory';

let n = 0;
let open: ArvioDb | null = null;
async function seeded(count: number): Promise<{ database: ArvioDb; live: Review[] }> {
  const database = new ArvioDb(`dash-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  useDatabase(database);
  open = database;
  const random = rng(n);
  const reviews = Array.from({ length: count }, (_, i) => makeReview({ id: `d${i}`, random }));
  for (const r of reviews) await submitReview(r, null);
  await deleteReview('d1', new Date('2026-07-01T00:00:00.000Z'));
  return { database, live: reviews.filter((r) => r.id !== 'd1') };
}
afterEach(() => {
  open?.close();
  open = null;
});

const ALL: DashboardFilter = { from: '2026-01', to: '2026-06', granularity: 'month', agent: null, reviewer: null, scorecard: null, channel: null, helpdesk: null };

function expected(reviews: Review[]) {
  return { count: reviews.length, qualityScore: qualityScore(reviews.map((r) => r.score)), passRate: passRate(reviews.map((r) => r.passed)) };
}

describe('dashboard queries', () => {
  it.each([
    ['the whole team', {}, () => true],
    ['one agent', { agent: AGENTS[0]!.id }, (r: Review) => r.reviewee.id === AGENTS[0]!.id],
    ['one reviewer and channel', { reviewer: REVIEWERS[1]!.id, channel: 'chat' }, (r: Review) => r.reviewer.id === REVIEWERS[1]!.id && r.channel === 'chat'],
    ['agent and reviewer together', { agent: AGENTS[1]!.id, reviewer: REVIEWERS[0]!.id }, (r: Review) => r.reviewee.id === AGENTS[1]!.id && r.reviewer.id === REVIEWERS[0]!.id],
    ['one scorecard, all versions, in March', { scorecard: CARDS[0]!.id, from: '2026-03', to: '2026-03' }, (r: Review) => r.scorecardId === CARDS[0]!.id && r.createdAt.startsWith('2026-03')],
    ['one helpdesk by week', { helpdesk: 'freshdesk', granularity: 'week' as const }, (r: Review) => r.ticket.helpdesk === 'freshdesk'],
  ])('%s: totals, trend, criteria and distribution match lib/scoring', async (_name, change, keep) => {
    const { live } = await seeded(80);
    const filter = { ...ALL, ...change };
    const matching = live.filter(keep);
    const data = await dashboardData(filter, CARDS);
    const want = expected(matching);
    expect(data.totals.count).toBe(want.count);
    expect(data.totals.qualityScore).toBeCloseTo(want.qualityScore ?? NaN, 9);
    expect(data.totals.passRate).toBeCloseTo(want.passRate ?? NaN, 9);
    expect(data.trend.reduce((a, p) => a + p.count, 0)).toBe(want.count);
    expect(data.distribution.reduce((a, d) => a + d.count, 0)).toBe(want.count);
    const averages = criterionAverages(matching, CARDS);
    for (const c of data.criteria) {
      expect(c.mean, c.criterionId).toBeCloseTo(averages.get(c.criterionId)!.mean, 9);
      expect(c.count).toBe(averages.get(c.criterionId)!.count);
    }
    expect(data.criteria.length).toBe(averages.size);
  });

  it('lists agents with coverage per month, and the filter pickers from the directory rows', async () => {
    const { live } = await seeded(60);
    const data = await dashboardData(ALL, CARDS);
    const mikko = data.agents.find((a) => a.id === AGENTS[0]!.id)!;
    expect(mikko.name).toBe(AGENTS[0]!.name);
    expect(mikko.months['2026-02'] ?? 0).toBe(live.filter((r) => r.reviewee.id === AGENTS[0]!.id && r.createdAt.startsWith('2026-02')).length);
    const options = await filterOptions();
    expect(options.agents.map((a) => a.id).sort()).toEqual(AGENTS.map((a) => a.id).sort());
    expect(options.channels).toEqual(['call', 'chat', 'email']);
    expect(await getCoverageTarget()).toBe(4);
    await setCoverageTarget(6);
    expect(await getCoverageTarget()).toBe(6);
  });

  it('an agent acknowledges a review: only acknowledgedAt changes, and it is queued for sync', async () => {
    const { database } = await seeded(10);
    const [first] = await agentReviews(AGENTS[0]!.id, 5);
    const before = (await database.reviews.get(first!.id))!;
    const outbox = await database.outbox.count();
    await acknowledgeReview(first!.id, new Date('2026-07-02T10:00:00.000Z'));
    const after = (await database.reviews.get(first!.id))!;
    expect(after).toEqual({ ...before, acknowledgedAt: '2026-07-02T10:00:00.000Z' });
    expect(await database.outbox.count()).toBe(outbox + 1);
    await acknowledgeReview(first!.id, new Date('2026-07-03T10:00:00.000Z'));
    expect((await database.reviews.get(first!.id))!.acknowledgedAt).toBe('2026-07-02T10:00:00.000Z');
  });

  it('weeks of a month range are whole ISO weeks', () => {
    expect(weeksBetween('2026-03', '2026-03')).toEqual(['2026-W09', '2026-W10', '2026-W11', '2026-W12', '2026-W13', '2026-W14']);
  });
});
