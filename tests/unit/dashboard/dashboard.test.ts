// The dashboard's figures, read from rollups, are the scoring formula's figures over the matching reviews.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ArvioDb, useDatabase } from '@/lib/db';
import { acknowledgeReview, agentReviews, dashboardData, filterOptions, getCoverageTarget, judgeCoverage, setCoverageTarget, weeksBetween, type DashboardFilter } from '@/lib/dashboard';
import { deleteReview, submitReview } from '@/lib/db/reviews';
import { monthOf, weekOf } from '@/lib/model';
import { maxValue, scoreReview } from '@/lib/scoring';
import type { Review } from '@/lib/model/review';
import { BACKEND_KEY } from '@/lib/sync';
import { docHash } from '@/lib/sync';
import { ROSTER_KEY } from '@/lib/sync/roster-store';
import { templates } from '@/lib/scorecards/templates';
import { newDraftFrom, publish } from '@/lib/scorecards';
import type { Scorecard } from '@/lib/model/scorecard';
import { AGENTS, CARDS, makeReview, REVIEWERS, rng } from '../db/factory';
import { criterionKey, expectedFigures } from './oracle';

/**
 * The factory's random ratings nearly always fail; every fourth review here is top marks (a pass) and
 * every seventh all N/A (no score, no verdict; N/A where a criterion does not allow it counts as unrated).
 * Scored as the sidebar does before saving.
 */
function varied(review: Review, i: number): Review {
  const card = CARDS.find((c) => c.id === review.scorecardId && c.version === review.scorecardVersion)!;
  let ratings = review.ratings;
  if (i % 4 === 0) ratings = card.criteria.map((c) => ({ criterionId: c.id, value: maxValue(c), na: false, comment: '' }));
  else if (i % 7 === 0) ratings = ratings.map((r) => ({ ...r, value: null, na: true }));
  else return review;
  const { score, passed, criticalFail } = scoreReview(card, ratings);
  return { ...review, ratings, score, passed, criticalFail };
}

let n = 0;
let open: ArvioDb | null = null;
async function seeded(count: number): Promise<{ database: ArvioDb; live: Review[] }> {
  const database = new ArvioDb(`dash-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  useDatabase(database);
  open = database;
  const random = rng(n);
  const reviews = Array.from({ length: count }, (_, i) => varied(makeReview({ id: `d${i}`, random }), i));
  for (const r of reviews) await submitReview(r, null);
  await deleteReview('d1', new Date('2026-07-01T00:00:00.000Z'));
  return { database, live: reviews.filter((r) => r.id !== 'd1') };
}
afterEach(() => {
  open?.close();
  open = null;
});

const ALL: DashboardFilter = { from: '2026-01', to: '2026-06', granularity: 'month', team: null, agent: null, reviewer: null, scorecard: null, channel: null, helpdesk: null };

/** The team backend's cached roster: team "Tuki" is two of the agents and the lead; "Myynti" the rest. */
const TUKI = new Set([AGENTS[0]!.id, AGENTS[1]!.id, REVIEWERS[0]!.id]);
async function withRoster(database: ArvioDb): Promise<void> {
  const backend = { url: 'https://arvio.example.com', token: 'arv_lead' };
  const member = (p: { id: string; name: string }, role: 'agent' | 'lead' | 'reviewer', teams: string[]) => ({ email: p.id, name: p.name, role, teams });
  const members = [
    member(AGENTS[0]!, 'agent', ['Tuki']),
    member(AGENTS[1]!, 'agent', ['Tuki']),
    member(AGENTS[2]!, 'agent', ['Myynti']),
    member(AGENTS[3]!, 'agent', ['Myynti']),
    member(REVIEWERS[0]!, 'lead', ['Tuki', 'Myynti']),
  ];
  await database.settings.bulkPut([
    { key: BACKEND_KEY, value: backend },
    { key: ROSTER_KEY, value: { url: backend.url, tokenHash: docHash(backend.token), fetchedAt: 0, me: members[4], members } },
  ]);
}

/** A rate as the dashboard shows it, against the oracle's (null: none). */
function expectRate(actual: number | null, wanted: number | null, what: string): void {
  if (wanted === null) expect(actual, what).toBeNull();
  else expect(actual, what).toBeCloseTo(wanted, 9);
}

describe('dashboard queries', () => {
  it.each([
    ['the whole team', {}, () => true],
    ['one agent', { agent: AGENTS[0]!.id }, (r: Review) => r.reviewee.id === AGENTS[0]!.id],
    ['one reviewer and channel', { reviewer: REVIEWERS[1]!.id, channel: 'chat' }, (r: Review) => r.reviewer.id === REVIEWERS[1]!.id && r.channel === 'chat'],
    ['agent and reviewer together', { agent: AGENTS[1]!.id, reviewer: REVIEWERS[0]!.id }, (r: Review) => r.reviewee.id === AGENTS[1]!.id && r.reviewer.id === REVIEWERS[0]!.id],
    ['one scorecard, all versions, in March', { scorecard: CARDS[0]!.id, from: '2026-03', to: '2026-03' }, (r: Review) => r.scorecardId === CARDS[0]!.id && r.createdAt.startsWith('2026-03')],
    ['one helpdesk by week', { helpdesk: 'freshdesk', granularity: 'week' as const }, (r: Review) => r.ticket.helpdesk === 'freshdesk'],
    ['one team (the roster\'s)', { team: 'Tuki' }, (r: Review) => TUKI.has(r.reviewee.id)],
    ['one team by week, one channel', { team: 'Tuki', granularity: 'week' as const, channel: 'email' }, (r: Review) => TUKI.has(r.reviewee.id) && r.channel === 'email'],
    ['a team and a reviewer together', { team: 'Tuki', reviewer: REVIEWERS[1]!.id }, (r: Review) => TUKI.has(r.reviewee.id) && r.reviewer.id === REVIEWERS[1]!.id],
    ['a team and one agent: the agent', { team: 'Tuki', agent: AGENTS[2]!.id }, (r: Review) => r.reviewee.id === AGENTS[2]!.id],
  ])('%s: totals, trend, criteria and distribution match lib/scoring on the raw reviews', async (_name, change, keep) => {
    const { database, live } = await seeded(80);
    await withRoster(database);
    const filter = { ...ALL, ...change };
    const matching = live.filter(keep);
    const data = await dashboardData(filter, CARDS);
    const want = expectedFigures(matching, CARDS);
    expect(data.totals.count).toBe(want.count);
    expectRate(data.totals.qualityScore, want.qualityScore, 'quality score');
    expectRate(data.totals.passRate, want.passRate, 'pass rate');
    expect(data.distribution.map((d) => d.count)).toEqual(want.distribution);
    for (const c of data.criteria) {
      const key = criterionKey(c.scorecardId, c.criterionId);
      expect(c.mean, key).toBeCloseTo(want.criteria.get(key)!.mean, 9);
      expect(c.count, key).toBe(want.criteria.get(key)!.count);
    }
    expect(data.criteria.length).toBe(want.criteria.size);
    const periodOf = (r: Review) => (filter.granularity === 'week' ? weekOf(r.createdAt) : monthOf(r.createdAt));
    expect(data.trend.reduce((a, p) => a + p.count, 0)).toBe(want.count);
    for (const p of data.trend) {
      const inPeriod = expectedFigures(matching.filter((r) => periodOf(r) === p.period), CARDS);
      expect(p.count, p.period).toBe(inPeriod.count);
      expectRate(p.qualityScore, inPeriod.qualityScore, `quality score ${p.period}`);
      expectRate(p.passRate, inPeriod.passRate, `pass rate ${p.period}`);
    }
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

  it('review coverage lists the agents nobody reviewed in the range, judged from their first review ever', async () => {
    const database = new ArvioDb(`dash-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    useDatabase(database);
    open = database;
    const [mikko, aino, sanna, jussi] = AGENTS as [(typeof AGENTS)[0], (typeof AGENTS)[0], (typeof AGENTS)[0], (typeof AGENTS)[0]];
    let i = 0;
    const reviewed = async (agent: { id: string; name: string }, day: string, times: number) => {
      for (let k = 0; k < times; k++) {
        const review = makeReview({ id: `c${i}`, random: rng(++i), createdAt: `${day}T10:0${k}:00.000Z` });
        await submitReview({ ...review, reviewee: agent, channel: 'email' }, null);
      }
    };
    // Target 4. Mikko: February and April; Aino: February only; Jussi starts in April; Sanna only in June.
    await reviewed(mikko, '2026-02-10', 4);
    await reviewed(mikko, '2026-04-10', 4);
    await reviewed(aino, '2026-02-10', 4);
    await reviewed(jussi, '2026-04-14', 2);
    await reviewed(sanna, '2026-06-10', 4);
    const filter = { ...ALL, from: '2026-03', to: '2026-04' };
    const now = new Date('2026-05-15T12:00:00Z');
    const judged = async (change: Partial<DashboardFilter> = {}) => {
      const data = await dashboardData({ ...filter, ...change }, CARDS);
      const coverage = judgeCoverage(data.agents, data.months, 4, now);
      return {
        rows: Object.fromEntries(data.agents.map((a) => [a.name, data.months.map((m) => `${a.months[m] ?? 0} ${coverage.cell(a, m)}`)])),
        below: coverage.below.map((a) => a.name),
      };
    };

    expect(await judged()).toEqual({
      rows: {
        [aino.name]: ['0 below', '0 below'],
        [jussi.name]: ['0 inactive', '2 below'],
        [mikko.name]: ['0 below', '4 met'],
        [sanna.name]: ['0 inactive', '0 inactive'],
      },
      below: [aino.name, jussi.name],
    });
    expect((await judged({ agent: aino.id })).rows).toEqual({ [aino.name]: ['0 below', '0 below'] });
    // With a channel chosen, an agent starts with their first review in it: nobody has chat reviews.
    expect((await judged({ channel: 'chat' })).below).toEqual([]);
    expect((await judged({ channel: 'email' })).below).toEqual([aino.name, jussi.name]);
    await withRoster(database);
    expect(await judged({ team: 'Tuki' })).toEqual({
      rows: { [aino.name]: ['0 below', '0 below'], [mikko.name]: ['0 below', '4 met'] },
      below: [aino.name],
    });
  });

  it('an agent acknowledges a review: only acknowledgedAt changes, and it is queued for sync', async () => {
    const { database } = await seeded(10);
    await withRoster(database); // connected to the team backend
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

  it("a team's tables list its agents, and its own reviewers; the team picker comes from the roster", async () => {
    const { database, live } = await seeded(80);
    expect((await filterOptions()).teams).toEqual([]);
    await withRoster(database);
    expect((await filterOptions()).teams).toEqual([
      { name: 'Myynti', members: [AGENTS[2]!.id, AGENTS[3]!.id, REVIEWERS[0]!.id] },
      { name: 'Tuki', members: [AGENTS[0]!.id, AGENTS[1]!.id, REVIEWERS[0]!.id] },
    ]);
    const data = await dashboardData({ ...ALL, team: 'Tuki' }, CARDS);
    expect(data.agents.map((a) => a.id).sort()).toEqual([AGENTS[0]!.id, AGENTS[1]!.id].sort());
    expect(data.agents.find((a) => a.id === AGENTS[0]!.id)!.count).toBe(live.filter((r) => r.reviewee.id === AGENTS[0]!.id).length);
    expect(data.reviewers.map((r) => r.id)).toEqual([REVIEWERS[0]!.id]);
    expect(data.reviewers[0]!.count).toBe(live.filter((r) => r.reviewer.id === REVIEWERS[0]!.id).length);
  });

  it('two cards sharing a criterion id keep their own figures, each named by its card', async () => {
    const database = new ArvioDb(`dash-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    useDatabase(database);
    open = database;
    const chat = templates.find((t) => t.id === 'tpl-chat-en')!;
    const call = templates.find((t) => t.id === 'tpl-call-en')!;
    const rate = (card: Scorecard, id: string, value: number, createdAt: string) => {
      const ratings = card.criteria.map((c) => ({ criterionId: c.id, value: c.id === 'tone' ? value : maxValue(c), na: false, comment: '' }));
      const { score, passed, criticalFail } = scoreReview(card, ratings);
      return { ...makeReview({ id, random: rng(n), card, createdAt }), ratings, score, passed, criticalFail };
    };
    // Three chats with the top tone, one call with the lowest.
    for (const [i, day] of ['02', '03', '04'].entries()) await submitReview(rate(chat, `chat${i}`, maxValue(chat.criteria.find((c) => c.id === 'tone')!), `2026-02-${day}T10:00:00.000Z`), null);
    await submitReview(rate(call, 'call', 0, '2026-02-05T10:00:00.000Z'), null);
    const tone = (await dashboardData(ALL, [chat, call])).criteria.filter((c) => c.criterionId === 'tone');
    expect(tone.map(({ scorecardId, scorecardName, title, mean, count }) => ({ scorecardId, scorecardName, title, mean, count }))).toEqual([
      { scorecardId: chat.id, scorecardName: chat.name, title: chat.criteria.find((c) => c.id === 'tone')!.title, mean: 1, count: 3 },
      { scorecardId: call.id, scorecardName: call.name, title: call.criteria.find((c) => c.id === 'tone')!.title, mean: 0, count: 1 },
    ]);
  });

  it('a team’s edit of a built-in continues the built-in’s figures: one row per criterion, named by the newest version', async () => {
    const database = new ArvioDb(`dash-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    useDatabase(database);
    open = database;
    const chat = templates.find((t) => t.id === 'tpl-chat-en')!;
    const ours = { ...publish(newDraftFrom(chat, new Date('2026-02-10T00:00:00Z'), 'team-a'), new Date('2026-02-10T00:00:00Z'), 'team-a'), name: 'Chat, our way' };
    const rate = (card: Scorecard, id: string, value: number, createdAt: string) => {
      const ratings = card.criteria.map((c) => ({ criterionId: c.id, value: c.id === 'tone' ? value : maxValue(c), na: false, comment: '' }));
      const { score, passed, criticalFail } = scoreReview(card, ratings);
      return { ...makeReview({ id, random: rng(n), card, createdAt }), ratings, score, passed, criticalFail };
    };
    const top = maxValue(chat.criteria.find((c) => c.id === 'tone')!);
    await submitReview(rate(chat, 'before', top, '2026-02-03T10:00:00.000Z'), null);
    await submitReview(rate(ours, 'after', 0, '2026-02-12T10:00:00.000Z'), null);
    const tone = (await dashboardData(ALL, [chat, ours])).criteria.filter((c) => c.criterionId === 'tone');
    expect(tone.map(({ scorecardId, scorecardName, mean, count }) => ({ scorecardId, scorecardName, mean, count }))).toEqual([
      { scorecardId: chat.id, scorecardName: 'Chat, our way', mean: 0.5, count: 2 },
    ]);
    // The scorecard filter's family is both; a version is that version only.
    expect((await dashboardData({ ...ALL, scorecard: chat.id }, [chat, ours])).totals.count).toBe(2);
    expect((await dashboardData({ ...ALL, scorecard: `${ours.id}@2` }, [chat, ours])).totals.count).toBe(1);
  });

  it('weeks of a month range are whole ISO weeks', () => {
    expect(weeksBetween('2026-03', '2026-03')).toEqual(['2026-W09', '2026-W10', '2026-W11', '2026-W12', '2026-W13', '2026-W14']);
  });
});
