// The coaching plan: per agent, the last session held, the next one due, overdue, open actions. Pure.
import { dayOf, emailKey, monthOf, type CoachingAction, type CoachingSession, type Person } from '../model';
import { addDays, DEFAULT_RHYTHM_DAYS } from './period';

export interface PlanRow {
  agent: Person;
  lastHeld: CoachingSession | null;
  /** This coach's next planned session (scheduled, or being prepared), if any. */
  planned: CoachingSession | null;
  /** Another coach's session scheduled with the agent, the earliest, when this coach has none scheduled: not to book a second. */
  otherPlanned: CoachingSession | null;
  /** `YYYY-MM-DD`: the scheduled day (this coach's, else another's), else the last held day plus the rhythm; today when never coached. */
  nextDue: string;
  rhythmDays: number;
  overdue: boolean;
  openActions: number;
  overdueActions: number;
}


/** The agents a coach plans for: `team` and the agents of the coach's planned sessions, once each, without the coach, by name. */
export function planAgents(team: readonly Person[], planned: readonly CoachingSession[], me: Person): Person[] {
  const people = new Map<string, Person>();
  for (const p of team) people.set(emailKey(p.id), p);
  for (const s of planned) if (!people.has(emailKey(s.agent.id))) people.set(emailKey(s.agent.id), s.agent);
  people.delete(emailKey(me.id));
  return [...people.values()].sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id));
}

/**
 * One row per agent. `sessions` (held sessions, and this coach's planned ones) and `actions` may hold
 * other agents' too (they are grouped here); `rhythm` is the per-agent rhythm in days (missing: monthly);
 * `others` are other coaches' planned sessions.
 */
export function coachingPlan(
  agents: readonly Person[],
  sessions: readonly CoachingSession[],
  actions: readonly CoachingAction[],
  rhythm: Readonly<Record<string, number>>,
  today: string,
  others: readonly CoachingSession[] = [],
): PlanRow[] {
  const held = new Map<string, CoachingSession>();
  const planned = new Map<string, CoachingSession>();
  const earliest = (into: Map<string, CoachingSession>, s: CoachingSession): void => {
    const seen = into.get(emailKey(s.agent.id));
    if (!seen || (s.scheduledFor ?? '￿') < (seen.scheduledFor ?? '￿')) into.set(emailKey(s.agent.id), s);
  };
  for (const s of sessions) {
    if (s.deleted) continue;
    const agent = emailKey(s.agent.id);
    if (s.status === 'held') {
      const seen = held.get(agent);
      if (!seen || (s.heldAt ?? '') > (seen.heldAt ?? '')) held.set(agent, s);
    } else if (s.status === 'planned') earliest(planned, s);
  }
  const theirs = new Map<string, CoachingSession>();
  for (const s of others) if (!s.deleted && s.status === 'planned' && s.scheduledFor) earliest(theirs, s);
  const open = new Map<string, { open: number; overdue: number }>();
  for (const a of actions) {
    if (a.deleted || a.status !== 'open') continue;
    const counts = open.get(emailKey(a.agent.id)) ?? { open: 0, overdue: 0 };
    counts.open += 1;
    if (a.due < today) counts.overdue += 1;
    open.set(emailKey(a.agent.id), counts);
  }
  return agents.map((agent) => {
    const k = emailKey(agent.id);
    const lastHeld = held.get(k) ?? null;
    const next = planned.get(k) ?? null;
    const other = next?.scheduledFor ? null : (theirs.get(k) ?? null);
    const rhythmDays = rhythm[k] ?? DEFAULT_RHYTHM_DAYS;
    const byRhythm = lastHeld?.heldAt ? addDays(dayOf(lastHeld.heldAt), rhythmDays) : today;
    const scheduled = next?.scheduledFor ?? other?.scheduledFor ?? null;
    const nextDue = scheduled ? dayOf(scheduled) : byRhythm;
    const counts = open.get(k) ?? { open: 0, overdue: 0 };
    return {
      agent,
      lastHeld,
      planned: next,
      otherPlanned: other,
      nextDue,
      rhythmDays,
      overdue: nextDue < today,
      openActions: counts.open,
      overdueActions: counts.overdue,
    };
  });
}

export interface AgentCoaching {
  agent: Person;
  /** Sessions held per month `YYYY-MM` of the range. */
  held: Record<string, number>;
  /** The agent's rhythm in days. */
  rhythmDays: number;
  /** Per past month of the range: fewer sessions held than the rhythm asks for (the current month is not judged yet). */
  below: Record<string, boolean>;
  /** The actions whose due date has come (passed, or done before it): those that could be done by it. */
  actions: number;
  doneByDue: number;
  overdue: number;
}

/** The last day `YYYY-MM-DD` of a month `YYYY-MM`. */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Whether a past month fell short of the rhythm. A rhythm of a month or shorter asks for its sessions
 * within the month (monthly: one; every 2 weeks: two); a longer one (every 6 weeks, 2 months) asks
 * that a session was held within the rhythm's days before the month ended, so a month between two
 * sessions two months apart is not marked.
 */
function fellShort(month: string, heldDays: readonly string[], heldInMonth: number, rhythmDays: number): boolean {
  if (rhythmDays <= 30) return heldInMonth < Math.round(30 / rhythmDays);
  const end = monthEnd(month);
  const from = addDays(end, -rhythmDays);
  return !heldDays.some((day) => day > from && day <= end);
}

/**
 * The dashboard's coaching view for a team: per agent, sessions held per month against the rhythm,
 * actions done by their due date, and overdue actions (open past due). `agents` are listed even when
 * never coached (every past month then falls short). Pure.
 */
export function coachingOverview(
  sessions: readonly CoachingSession[],
  actions: readonly CoachingAction[],
  rhythm: Readonly<Record<string, number>>,
  months: readonly string[],
  today: string,
  agents: readonly Person[] = [],
): AgentCoaching[] {
  const rows = new Map<string, AgentCoaching & { heldDays: string[] }>();
  const rowOf = (agent: Person): AgentCoaching & { heldDays: string[] } => {
    const k = emailKey(agent.id);
    let row = rows.get(k);
    if (!row) {
      row = { agent, held: Object.fromEntries(months.map((m) => [m, 0])), rhythmDays: rhythm[k] ?? DEFAULT_RHYTHM_DAYS, below: {}, actions: 0, doneByDue: 0, overdue: 0, heldDays: [] };
      rows.set(k, row);
    }
    return row;
  };
  for (const agent of agents) rowOf(agent);
  for (const s of sessions) {
    if (s.deleted || s.status !== 'held' || !s.heldAt) continue;
    const row = rowOf(s.agent);
    row.heldDays.push(dayOf(s.heldAt));
    const month = monthOf(s.heldAt);
    if (month in row.held) row.held[month] = (row.held[month] ?? 0) + 1;
  }
  for (const a of actions) {
    if (a.deleted || a.status === 'dropped') continue;
    // An open action not due yet has not been missed: it counts once done or once its day has passed.
    if (a.status === 'open' && a.due >= today) continue;
    const row = rowOf(a.agent);
    row.actions += 1;
    if (a.status === 'done' && a.doneAt && dayOf(a.doneAt) <= a.due) row.doneByDue += 1;
    if (a.status === 'open' && a.due < today) row.overdue += 1;
  }
  const thisMonth = today.slice(0, 7);
  return [...rows.values()]
    .map(({ heldDays, ...row }) => ({
      ...row,
      below: Object.fromEntries(months.filter((m) => m < thisMonth).map((m) => [m, fellShort(m, heldDays, row.held[m] ?? 0, row.rhythmDays)])),
    }))
    .sort((a, b) => (a.agent.name || a.agent.id).localeCompare(b.agent.name || b.agent.id));
}
