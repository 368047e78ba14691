// The coaching plan's row per agent, kept by the one writer (writes.ts) whenever a session or an
// action is written or removed, and built once for the sessions already here (database.ts, version 8).
// Also the reads by index the rows are made from, which the coaching pages use too (lib/coaching/store.ts).
import Dexie from 'dexie';
import { agreedActions, type CoachingAction, type CoachingSession } from '../model';
import type { ArvioDb } from './database';

/**
 * What the plan reads of one agent: the last session held with the agent, by any coach (the rhythm is
 * the agent's, whoever coaches), and the agent's open agreed actions. The one writer keeps a row per
 * agent as sessions and actions change (refreshPlanRows), so that the plan reads one row per agent
 * beside the planned sessions, not each agent's sessions and actions and then the actions' sessions.
 */
export interface AgentPlanRow {
  /** The agent's id as the documents give it. */
  agentId: string;
  lastHeld: CoachingSession | null;
  open: CoachingAction[];
}

/**
 * The rows of `agentIds` from `sessions` and `actions`, which may hold other agents' too; every
 * action's session must be among `sessions` (an action is agreed once its session is held). An agent
 * with neither a session held nor an open agreed action has no row. Pure.
 */
export function agentPlanRows(agentIds: Iterable<string>, sessions: readonly CoachingSession[], actions: readonly CoachingAction[]): AgentPlanRow[] {
  const wanted = new Set(agentIds);
  const rows = new Map<string, AgentPlanRow>();
  const rowOf = (agentId: string): AgentPlanRow => {
    let row = rows.get(agentId);
    if (!row) rows.set(agentId, (row = { agentId, lastHeld: null, open: [] }));
    return row;
  };
  for (const s of sessions) {
    if (s.deleted || s.status !== 'held' || !s.heldAt || !wanted.has(s.agent.id)) continue;
    const row = rowOf(s.agent.id);
    const seen = row.lastHeld;
    // The newest by the time held, then by id: the order of the `[agent.id+heldAt]` index.
    if (!seen || s.heldAt > seen.heldAt! || (s.heldAt === seen.heldAt && s.id > seen.id)) row.lastHeld = s;
  }
  const open = actions.filter((a) => a.status === 'open' && wanted.has(a.agent.id));
  for (const a of agreedActions(open, sessions)) rowOf(a.agent.id).open.push(a);
  for (const row of rows.values()) row.open.sort((a, b) => (a.due === b.due ? (a.id < b.id ? -1 : 1) : a.due < b.due ? -1 : 1));
  return [...rows.values()];
}

/**
 * The last session held with the agent, by any coach: leaving out `except`, and held before `before`
 * (an ISO time) when given. By the `[agent.id+heldAt]` index, newest first, stopping at the first.
 */
export async function lastHeldIn(
  database: ArvioDb,
  agentId: string,
  { except = null, before = null }: { except?: string | null; before?: string | null } = {},
): Promise<CoachingSession | null> {
  const rows = await database.coachingSessions
    .where('[agent.id+heldAt]')
    .between([agentId, Dexie.minKey], [agentId, before ?? Dexie.maxKey], true, false)
    .reverse()
    .filter((s) => !s.deleted && s.status === 'held' && s.id !== except)
    .limit(1)
    .toArray();
  return rows[0] ?? null;
}

/** The agreed ones among `actions` (agreedActions), their sessions read by key. */
export async function agreedIn(database: ArvioDb, actions: readonly CoachingAction[]): Promise<CoachingAction[]> {
  return agreedActions(actions, await sessionsOf(database, actions));
}

function sessionsOf(database: ArvioDb, actions: readonly CoachingAction[]): Promise<Array<CoachingSession | undefined>> {
  return database.coachingSessions.bulkGet([...new Set(actions.map((a) => a.sessionId))]);
}

/** The open actions of several agents, agreed or not, each agent's by the `[agent.id+status+due]` index. */
function openActionsIn(database: ArvioDb, agentIds: readonly string[]): Promise<CoachingAction[]> {
  const table = database.coachingActions;
  return Promise.all(
    agentIds.map((agent) => table.where('[agent.id+status+due]').between([agent, 'open', Dexie.minKey], [agent, 'open', Dexie.maxKey]).toArray()),
  ).then((rows) => rows.flat());
}

/** What a writer's documents changed: the rows of these agents, and of the agents of these sessions' actions. */
export interface PlanChanges {
  agents: Set<string>;
  sessions: Set<string>;
}

/**
 * Computes the rows `changes` names again from what is stored, by index: puts those that have
 * something, deletes the others, and empties `changes`. In the caller's transaction, which holds the
 * coaching sessions, actions and plan rows (writeScope).
 */
export async function refreshPlanRows(database: ArvioDb, changes: PlanChanges): Promise<void> {
  const sessionIds = [...changes.sessions];
  const agents = new Set(changes.agents);
  changes.agents.clear();
  changes.sessions.clear();
  if (sessionIds.length > 0) for (const action of await database.coachingActions.where('sessionId').anyOf(sessionIds).toArray()) agents.add(action.agent.id);
  if (agents.size === 0) return;
  const agentIds = [...agents];
  const [held, open] = await Promise.all([Promise.all(agentIds.map((id) => lastHeldIn(database, id))), openActionsIn(database, agentIds)]);
  const sessions = [...held.filter((s) => s !== null), ...(await sessionsOf(database, open)).filter((s) => s !== undefined)];
  const rows = agentPlanRows(agentIds, sessions, open);
  const kept = new Set(rows.map((row) => row.agentId));
  await Promise.all([database.coachingPlanRows.bulkPut(rows), database.coachingPlanRows.bulkDelete(agentIds.filter((id) => !kept.has(id)))]);
}
