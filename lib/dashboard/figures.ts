// The dashboard's questions, answered from rollups by index (never by scanning reviews), plus acknowledgements.
import Dexie from 'dexie';
import { z } from 'zod';
import { DAY_MS, emailKey, monthOf, seriesOf, startOf, weekOf, type Language, type Review, type Scorecard } from '../model';
import { criterionMean, criterionScoreSum, passRate, qualityScore, SCORE_BUCKETS } from '../scoring';
import { readRoster, rosterTeams } from '../sync';
import { addReviews, ALL_PERIOD, cardKey, db, SEP, writeSynced, type RollupCell, type RollupDelta, type RollupRow, type Who } from '../db';

export type Granularity = 'week' | 'month';

export interface DashboardFilter {
  /** First and last month shown, `YYYY-MM`, inclusive. */
  from: string;
  to: string;
  granularity: Granularity;
  /** A team of the backend's roster: its members as agents (ignored when one agent is chosen). */
  team: string | null;
  agent: string | null;
  reviewer: string | null;
  /** `id@version` for one version, or a bare scorecard id for all its versions. */
  scorecard: string | null;
  channel: string | null;
  helpdesk: string | null;
}

export interface Totals {
  count: number;
  scored: number;
  sum: number;
  passes: number;
  criticalFails: number;
  /** lib/scoring qualityScore of the totals: null without scored reviews. */
  qualityScore: number | null;
  /** lib/scoring passRate of the totals: null without scored reviews. */
  passRate: number | null;
}

export interface PeriodTotals extends Totals {
  period: string;
}

/** One criterion of one scorecard family (its id across versions). */
export interface CriterionResult {
  /** The family's id (`seriesOf`). */
  scorecardId: string;
  /** The family's newest version's name and language. */
  scorecardName: string;
  scorecardLanguage: Language;
  criterionId: string;
  title: string;
  mean: number;
  count: number;
}

export interface PersonRow extends Totals {
  id: string;
  name: string;
  /** Reviews per month `YYYY-MM` in the range. */
  months: Record<string, number>;
}

/** An agent's row: whose months before their first review are not theirs to miss (judgeCoverage). */
export interface AgentRow extends PersonRow {
  /**
   * `YYYY-MM` of the agent's first review in all of history up to the range's end (by any reviewer, in the
   * filter's scorecard, channel and helpdesk); null: none by then.
   */
  since: string | null;
}

export interface DashboardData {
  totals: Totals;
  trend: PeriodTotals[];
  /** Ten buckets of tenths (0 = 0–10 %, 9 = 90–100 %), then reviews without a score. */
  distribution: { bucket: string; count: number }[];
  /** Highest mean first. */
  criteria: CriterionResult[];
  months: string[];
  /** Every agent reviews name (of a chosen team, those the roster names; or the chosen agent), with zeros for months without reviews. */
  agents: AgentRow[];
  reviewers: PersonRow[];
}

export interface FilterOptions {
  /** From the team backend's roster; empty without a backend. */
  teams: { name: string; members: string[] }[];
  agents: { id: string; name: string; count: number }[];
  reviewers: { id: string; name: string; count: number }[];
  scorecards: string[];
  channels: string[];
  helpdesks: string[];
}

const COVERAGE_KEY = 'dashboard.coverageTarget';
export const DEFAULT_COVERAGE_TARGET = 4;

// ---- periods ----

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while ((y < ty || (y === ty && m <= tm)) && out.length < 600) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** ISO weeks touching the months from…to, in order. */
export function weeksBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}-01T12:00:00Z`);
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const end = Date.UTC(ty, tm, 0, 12);
  const out: string[] = [];
  for (let t = start; t <= end + 6 * DAY_MS && out.length < 3000; t += DAY_MS) {
    if (t > end && new Date(t).getUTCDay() === 1) break;
    const w = weekOf(new Date(t).toISOString().slice(0, 10));
    if (out[out.length - 1] !== w) out.push(w);
  }
  return out;
}

// ---- rows ----

interface Parsed {
  row: RollupCell;
  who: string;
  card: string;
  channel: string;
  helpdesk: string;
}

function parse(row: RollupCell): Parsed {
  const [who = '', card = '', channel = '', helpdesk = ''] = row.value.split(SEP);
  return { row, who, card, channel, helpdesk };
}

/**
 * The card family of a rollup's card key (`id@version`): the id, and for a team's edit of a built-in the
 * built-in's (seriesOf). The scorecard filter offers and matches families.
 */
export function familyOfCardKey(key: string): string {
  return seriesOf(key.slice(0, key.lastIndexOf('@')));
}

/** The scorecard, channel and helpdesk filters: for rollup rows (parse) and reviews (reviewInFilter) alike. */
function matchesSlice(p: Pick<Parsed, 'card' | 'channel' | 'helpdesk'>, f: DashboardFilter): boolean {
  if (f.channel && p.channel !== f.channel) return false;
  if (f.helpdesk && p.helpdesk !== f.helpdesk) return false;
  if (f.scorecard) {
    if (f.scorecard.includes('@') ? p.card !== f.scorecard : familyOfCardKey(p.card) !== f.scorecard) return false;
  }
  return true;
}

/**
 * Whether a review counts under the filter's team (`teamOf`), reviewer, scorecard, channel and helpdesk, as
 * the rollup figures count it. Its agent and month are the caller's to match.
 */
export function reviewInFilter(review: Review, f: DashboardFilter, team: ReadonlySet<string> | null): boolean {
  if (team && !team.has(emailKey(review.reviewee.id))) return false;
  if (f.reviewer && review.reviewer.id !== f.reviewer) return false;
  return matchesSlice({ card: cardKey(review), channel: review.channel, helpdesk: review.ticket.helpdesk }, f);
}

/** The rows a dimension holds for one person (or the team), periods from…to: one indexed range read. */
interface RowSource {
  read(dimension: string, who: string, from: string, to: string): Promise<RollupCell[]>;
}

const indexedSource: RowSource = {
  async read(dimension, who, from, to) {
    if (who === '*') {
      return db().rollups.where('[dimension+period]').between([dimension, from], [dimension, to], true, true).toArray();
    }
    const rows = await db()
      .rollups.where('[dimension+value+period]')
      .between([dimension, `${who}${SEP}`, Dexie.minKey], [dimension, `${who}${SEP}\uffff`, Dexie.maxKey])
      .toArray();
    return rows.filter((r) => r.period >= from && r.period <= to);
  },
};

/** Rows computed in memory from one agent's reviews: used only when both an agent and a reviewer are chosen. */
function memorySource(cells: Map<string, RollupDelta>): RowSource {
  const rows = [...cells.values()].filter((r) => r.count > 0);
  return {
    async read(dimension, who, from, to) {
      return rows.filter(
        (r) => r.dimension === dimension && r.period >= from && r.period <= to && (who === '*' || r.value.startsWith(`${who}${SEP}`)),
      );
    },
  };
}

function emptyTotals(): Totals {
  return { count: 0, scored: 0, sum: 0, passes: 0, criticalFails: 0, qualityScore: null, passRate: null };
}

function addInto(t: Totals, r: RollupRow): void {
  t.count += r.count;
  t.scored += r.scored;
  t.sum += r.sum;
  t.passes += r.passes;
  t.criticalFails += r.criticalFails;
}

function finish<T extends Totals>(t: T): T {
  t.qualityScore = qualityScore(t);
  t.passRate = passRate(t);
  return t;
}

function bestNames(rows: RollupRow[]): Map<string, string> {
  const best = new Map<string, { name: string; count: number }>();
  for (const r of rows) {
    const cut = r.value.indexOf(SEP);
    const id = r.value.slice(0, cut);
    const name = r.value.slice(cut + 1);
    const seen = best.get(id);
    if (!seen || r.count > seen.count) best.set(id, { name, count: r.count });
  }
  return new Map([...best].map(([id, v]) => [id, v.name]));
}

/** Who is in the data, for the filter pickers: a few hundred directory rows at most. */
export async function filterOptions(): Promise<FilterOptions> {
  const rollups = db().rollups;
  const [agents, reviewers, slices] = await Promise.all([
    rollups.where('[dimension+period]').equals(['agent.all', ALL_PERIOD]).toArray(),
    rollups.where('[dimension+period]').equals(['reviewer.all', ALL_PERIOD]).toArray(),
    rollups.where('[dimension+period]').equals(['slice.all', ALL_PERIOD]).toArray(),
  ]);
  const people = (rows: RollupRow[]) => {
    const names = bestNames(rows);
    const counts = new Map<string, number>();
    for (const r of rows) {
      const id = r.value.slice(0, r.value.indexOf(SEP));
      counts.set(id, (counts.get(id) ?? 0) + r.count);
    }
    return [...names].map(([id, name]) => ({ id, name, count: counts.get(id) ?? 0 })).sort((a, b) => a.name.localeCompare(b.name));
  };
  const parts = slices.map((r) => r.value.split(SEP));
  const distinct = (i: number) => [...new Set(parts.map((p) => p[i] ?? ''))].sort();
  const teams = [...(await teamsOfRoster())].map(([name, members]) => ({ name, members: [...members] }));
  return { teams, agents: people(agents), reviewers: people(reviewers), scorecards: distinct(0), channels: distinct(1), helpdesks: distinct(2) };
}

/** The chosen team's members' e-mails (emailKey), per the roster; null when no team is chosen, or one agent is. */
export async function teamOf(filter: DashboardFilter): Promise<Set<string> | null> {
  return filter.team && !filter.agent ? ((await teamsOfRoster()).get(filter.team) ?? new Set<string>()) : null;
}

/** Teams come from the backend's roster (local reviews carry no team): none without a backend. */
async function teamsOfRoster(): Promise<Map<string, Set<string>>> {
  const roster = await readRoster(db());
  return roster ? rosterTeams(roster.members) : new Map();
}

/** The agents (or reviewers) reviews name, id → the name most of their reviews carry: a directory row per person and name. */
export async function namesOf(who: 'agent' | 'reviewer'): Promise<Map<string, string>> {
  return bestNames(await db().rollups.where('[dimension+period]').equals([`${who}.all`, ALL_PERIOD]).toArray());
}

/** Every figure of the dashboard for one filter. Reads a few thousand small rows at most, by index. */
export async function dashboardData(filter: DashboardFilter, knownCards?: readonly Scorecard[]): Promise<DashboardData> {
  const months = monthsBetween(filter.from, filter.to);
  const firstMonth = months[0] ?? filter.from;
  const lastMonth = months[months.length - 1] ?? filter.to;
  const periods = filter.granularity === 'month' ? months : weeksBetween(filter.from, filter.to);

  let source = indexedSource;
  let scope: Who = 'all';
  let who = '*';
  // A team is its agents' rows added up (per agent and month, never per review); one chosen agent wins.
  const team = await teamOf(filter);
  /** Rows keyed by person kept to the team's members: agents, and (with no reviewer chosen) the team's own reviewers. */
  let byTeam = false;
  if (filter.agent && filter.reviewer) {
    source = memorySource(await agentCellsByReviewer([filter.agent], filter.reviewer, firstMonth, lastMonth));
    scope = 'agent';
    who = filter.agent;
  } else if (filter.agent) {
    scope = 'agent';
    who = filter.agent;
  } else if (team && filter.reviewer) {
    // Only this reviewer's reviews of the team's agents: each member's reviews by index, as for one agent.
    source = memorySource(await agentCellsByReviewer([...team], filter.reviewer, firstMonth, lastMonth));
    scope = 'agent';
  } else if (team) {
    scope = 'agent';
    byTeam = true;
  } else if (filter.reviewer) {
    scope = 'reviewer';
    who = filter.reviewer;
  }
  const g = filter.granularity === 'month' ? 'm' : 'w';
  const monthDim = `${scope}.mx`;
  // Without a slice filter, people's tables read one row per person and month instead of one per slice.
  const sliced = Boolean(filter.scorecard || filter.channel || filter.helpdesk);
  const agentDim = sliced ? 'agent.m' : 'agent.t';
  const [trendRows, monthRows, agentRows, reviewerRows, agentNames, reviewerNames, cards, historyRows] = await Promise.all([
    g === 'm' ? Promise.resolve(null) : source.read(`${scope}.w`, who, periods[0] ?? firstMonth, periods[periods.length - 1] ?? lastMonth),
    source.read(monthDim, who, firstMonth, lastMonth),
    source.read(agentDim, filter.agent ?? '*', firstMonth, lastMonth),
    source.read(sliced ? 'reviewer.m' : 'reviewer.t', filter.reviewer ?? '*', firstMonth, lastMonth),
    namesOf('agent'),
    namesOf('reviewer'),
    knownCards ?? db().scorecards.toArray(),
    // Agents' months up to the range's end, by any reviewer: when each agent's reviews began (AgentRow.since).
    indexedSource.read(agentDim, filter.agent ?? '*', '', lastMonth),
  ]);
  const keep = (rows: RollupCell[]) => rows.map(parse).filter((p) => matchesSlice(p, filter) && (!byTeam || team?.has(emailKey(p.who))));
  const monthCells = keep(monthRows);

  const totals = emptyTotals();
  const byPeriod = new Map<string, PeriodTotals>(periods.map((period) => [period, { period, ...emptyTotals() }]));
  for (const p of trendRows ? keep(trendRows) : monthCells) {
    const t = byPeriod.get(p.row.period);
    if (t) addInto(t, p.row);
  }
  const buckets = new Array<number>(SCORE_BUCKETS + 1).fill(0);
  for (const p of monthCells) {
    addInto(totals, p.row);
    p.row.buckets?.forEach((n, i) => (buckets[i] = (buckets[i] ?? 0) + n));
  }

  const cardByKey = new Map(cards.map((c) => [`${c.id}@${c.version}`, c]));
  // Per scorecard family (a card's id across its versions, a team's edit of a built-in with the built-in:
  // seriesOf): cards that share a criterion id (the chat and phone cards both have `tone`) measure
  // different things. Named from the family's newest version.
  const crit = new Map<
    string,
    { scorecardId: string; criterionId: string; sum: number; count: number; title: string; scorecardName: string; scorecardLanguage: Language; version: number }
  >();
  for (const p of monthCells) {
    const card = cardByKey.get(p.card);
    if (!card || !p.row.criteria) continue;
    for (const [criterionId, [sum, count]] of Object.entries(p.row.criteria)) {
      const criterion = card.criteria.find((c) => c.id === criterionId);
      if (!criterion || count === 0) continue;
      const family = seriesOf(card.id);
      const key = `${family}${SEP}${criterionId}`;
      const entry = crit.get(key) ?? {
        scorecardId: family,
        criterionId,
        sum: 0,
        count: 0,
        title: criterion.title,
        scorecardName: card.name,
        scorecardLanguage: card.language,
        version: card.version,
      };
      entry.sum += criterionScoreSum(criterion, sum);
      entry.count += count;
      if (card.version > entry.version) {
        entry.title = criterion.title;
        entry.scorecardName = card.name;
        entry.scorecardLanguage = card.language;
        entry.version = card.version;
      }
      crit.set(key, entry);
    }
  }
  const criteria = [...crit.values()]
    .flatMap(({ scorecardId, criterionId, title, scorecardName, scorecardLanguage, ...e }) => {
      const mean = criterionMean(e);
      return mean === null ? [] : [{ scorecardId, scorecardName, scorecardLanguage, criterionId, title, mean, count: e.count }];
    })
    .sort((a, b) => b.mean - a.mean || a.title.localeCompare(b.title) || a.scorecardName.localeCompare(b.scorecardName));

  const people = (rows: RollupRow[], names: Map<string, string>): PersonRow[] => {
    const out = new Map<string, PersonRow>();
    for (const p of keep(rows)) {
      let person = out.get(p.who);
      if (!person) {
        person = { id: p.who, name: names.get(p.who) ?? p.who, months: {}, ...emptyTotals() };
        out.set(p.who, person);
      }
      addInto(person, p.row);
      person.months[p.row.period] = (person.months[p.row.period] ?? 0) + p.row.count;
    }
    return [...out.values()].map(finish).sort((a, b) => a.name.localeCompare(b.name));
  };

  // Coverage is about who was *not* reviewed: every agent of the directory (of the team's, by the roster) is
  // listed, with zeros. Roster members never reviewed are not: the roster names leads too, and they have no start.
  const since = new Map<string, string>();
  for (const p of historyRows.map(parse)) {
    if (!matchesSlice(p, filter)) continue;
    const seen = since.get(p.who);
    if (seen === undefined || p.row.period < seen) since.set(p.who, p.row.period);
  }
  const known = new Map(people(agentRows, agentNames).map((a) => [a.id, a]));
  const listed = filter.agent ? [filter.agent] : [...agentNames.keys()].filter((id) => !team || team.has(emailKey(id)));
  for (const id of listed) if (!known.has(id)) known.set(id, finish({ id, name: agentNames.get(id) ?? id, months: {}, ...emptyTotals() }));
  const agents: AgentRow[] = [...known.values()]
    .map((a) => ({ ...a, since: since.get(a.id) ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name));

  return {
    totals: finish(totals),
    trend: [...byPeriod.values()].map(finish),
    distribution: buckets.map((count, i) => ({ bucket: i === SCORE_BUCKETS ? 'none' : String(i), count })),
    criteria,
    months,
    agents,
    reviewers: people(reviewerRows, reviewerNames),
  };
}

/** Agents and a reviewer together: each agent's reviews by index, narrowed in memory (a team's, not everyone's). */
async function agentCellsByReviewer(agents: readonly string[], reviewer: string, from: string, to: string): Promise<Map<string, RollupDelta>> {
  const end = monthsBetween(to, '9999-12')[1] ?? '9999-12';
  // Months are local, createdAt is UTC: the bounds are the moments the local months begin.
  const [lower, upper] = [startOf(from), startOf(end)];
  const perAgent = await Promise.all(
    agents.map((agent) => db().reviews.where('[reviewee.id+createdAt]').between([agent, lower], [agent, upper], true, false).toArray()),
  );
  const cells = new Map<string, RollupDelta>();
  addReviews(cells, perAgent.flat().filter((review) => review.reviewer.id === reviewer), 1);
  return cells;
}

/** How a month of an agent's coverage is judged (months in the browser's time zone, as the rollups'): only whole months since the agent's first review count. */
export type CoverageCell = 'met' | 'below' | 'inactive' | 'inProgress';

export interface Coverage {
  /** `YYYY-MM` of now: this month and later are in progress. */
  currentMonth: string;
  /** The latest whole month shown (before `currentMonth`), the one agents are flagged for; null if none. */
  month: string | null;
  /** Agents active by `month` whose reviews in it fell short of the target. */
  below: AgentRow[];
  cell(agent: AgentRow, month: string): CoverageCell;
}

/**
 * Coverage against the lead's target per agent and month. A month before the agent's first review
 * (`since`, from all of history: an agent not started yet) is not theirs to miss (inactive); the current
 * month is still running (in progress); the rest are met or below, a month without reviews too.
 */
export function judgeCoverage(agents: readonly AgentRow[], months: readonly string[], target: number, now: Date): Coverage {
  const currentMonth = monthOf(now);
  const cell = (agent: AgentRow, month: string): CoverageCell => {
    if (month >= currentMonth) return 'inProgress';
    if (!agent.since || month < agent.since) return 'inactive';
    return (agent.months[month] ?? 0) < target ? 'below' : 'met';
  };
  const month = months.filter((m) => m < currentMonth).at(-1) ?? null;
  return { currentMonth, month, below: month ? agents.filter((a) => cell(a, month) === 'below') : [], cell };
}

export async function getCoverageTarget(): Promise<number> {
  const row = await db().settings.get(COVERAGE_KEY);
  const parsed = z.number().int().min(0).max(10_000).safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_COVERAGE_TARGET;
}

export async function setCoverageTarget(target: number): Promise<void> {
  await db().settings.put({ key: COVERAGE_KEY, value: z.number().int().min(0).max(10_000).parse(target) });
}

/** An agent's own reviews, newest first, by the `[reviewee.id+createdAt]` index; tombstones left out. */
export async function agentReviews(agentId: string, limit = 50): Promise<Review[]> {
  return db()
    .reviews.where('[reviewee.id+createdAt]')
    .between([agentId, Dexie.minKey], [agentId, Dexie.maxKey])
    .reverse()
    .filter((r) => !r.deleted)
    .limit(limit)
    .toArray();
}

/**
 * The agent has read the review. Only acknowledgedAt changes (not updatedAt or revision: the server
 * accepts an acknowledgement only when nothing else changed); the outbox row makes it sync.
 */
export async function acknowledgeReview(id: string, now: Date): Promise<Review | null> {
  const database = db();
  return writeSynced(database, ['reviews'], 'local', async (writer) => {
    const review = await database.reviews.get(id);
    if (!review || review.deleted) return null;
    if (review.acknowledgedAt) return review;
    const at = now.toISOString();
    const acknowledged = { ...review, acknowledgedAt: at };
    await writer.put('reviews', [acknowledged], { before: [review], at });
    return acknowledged;
  });
}
