// Coaching in the local database: forms, sessions with their actions and private notes, the rhythm per
// agent, and the reads the plan, the session page and the agent's view make — by index.
import Dexie from 'dexie';
import { z } from 'zod';
import {
  agreedActions,
  coachingActionSchema,
  coachingFormSchema,
  coachingNotesSchema,
  coachingSessionSchema,
  dayOf,
  emailKey,
  rhythmDaysSchema,
  startOf,
  teamSettingsId,
  type CoachingAction,
  type CoachingForm,
  type CoachingNotes,
  type CoachingSession,
  type Language,
  type Person,
  type Review,
  type Scorecard,
  type SelfCheck,
} from '../model';
import { rhythmsOf, withRhythm } from '../teamSettings';
import { agreedIn, db, ensureRollupShape, lastHeldIn, SEP, writeSynced } from '../db';
import { namesOf, reviewOf } from '../dashboard';
import { coachingPlan, planAgents, type PlanRow } from './plan';
import { currentFocus, type FocusNow } from './focus';
import { addDays } from './period';
import { beforeAfter, beforeAfterWindows, evidenceOf, FIRST_LOOKBACK_DAYS, SHOWN_REVIEWS, type BeforeAfter, type DayRow, type Evidence } from './evidence';
import { formTemplates } from './templates';

const SEEDED_KEY = 'coachingForms.seeded';
const RHYTHM_KEY = 'coaching.rhythm';

/** Puts the built-in forms in place the first time; an archived one stays archived. */
export async function ensureBuiltInForms(): Promise<void> {
  const database = db();
  // Read first: a write transaction on every page load would hold up the page's first reads.
  if (await database.settings.get(SEEDED_KEY)) return;
  await writeSynced(
    database,
    ['coachingForms'],
    'builtin',
    async (writer) => {
      if (await database.settings.get(SEEDED_KEY)) return;
      await writer.put('coachingForms', [...formTemplates]);
      await database.settings.put({ key: SEEDED_KEY, value: true });
    },
    [database.settings],
  );
}

/** Every version of every form, newest version first within a form. */
export async function listForms(): Promise<CoachingForm[]> {
  const all = await db().coachingForms.toArray();
  return all.sort((a, b) => a.id.localeCompare(b.id) || b.version - a.version);
}

/** The form a new session uses: the newest published form in the language, a lead's own before a built-in one. */
export async function latestPublishedForm(lang: 'fi' | 'en'): Promise<CoachingForm | undefined> {
  const published = (await db().coachingForms.where('status').equals('published').toArray()).filter((f) => f.language === lang);
  const own = (f: CoachingForm) => (f.templateId === f.id ? 0 : 1);
  return published.sort((a, b) => own(b) - own(a) || b.updatedAt.localeCompare(a.updatedAt) || b.version - a.version)[0];
}

export async function getForm(id: string, version: number): Promise<CoachingForm | undefined> {
  return db().coachingForms.get([id, version]);
}

/** Saves a form; a published version is immutable (only archiving it is allowed), as with scorecards. */
export async function saveForm(form: CoachingForm): Promise<void> {
  const valid = coachingFormSchema.parse(form);
  const database = db();
  await writeSynced(database, ['coachingForms'], 'local', async (writer) => {
    const existing = await database.coachingForms.get([valid.id, valid.version]);
    if (existing && existing.status !== 'draft' && !(existing.status === 'published' && valid.status === 'archived')) {
      throw new Error(`coaching form ${valid.id} version ${valid.version} is ${existing.status} and cannot change`);
    }
    await writer.put('coachingForms', [valid], { at: valid.updatedAt });
  });
}

/** A draft that was never published is deleted outright (it never left this computer). */
export async function deleteFormDraft(form: Pick<CoachingForm, 'id' | 'version'>): Promise<void> {
  const database = db();
  await database.transaction('rw', database.coachingForms, async () => {
    const existing = await database.coachingForms.get([form.id, form.version]);
    if (existing?.status !== 'draft') throw new Error('only drafts can be deleted; archive published forms');
    await database.coachingForms.delete([form.id, form.version]);
  });
}

export async function getSession(id: string): Promise<CoachingSession | undefined> {
  const session = await db().coachingSessions.get(id);
  return session && !session.deleted ? session : undefined;
}

/** The sessions waiting to be held (scheduled or being prepared), every coach's, by the status index: few, never the history. */
export async function plannedSessions(): Promise<CoachingSession[]> {
  const rows = await db().coachingSessions.where('status').equals('planned').toArray();
  return rows.filter((s) => !s.deleted);
}

/** An agent's held and scheduled sessions, newest first, by the agent's two time indexes. */
export async function sessionsOfAgent(agentId: string): Promise<CoachingSession[]> {
  const table = db().coachingSessions;
  const [held, scheduled] = await Promise.all([
    table.where('[agent.id+heldAt]').between([agentId, Dexie.minKey], [agentId, Dexie.maxKey]).toArray(),
    table.where('[agent.id+scheduledFor]').between([agentId, Dexie.minKey], [agentId, Dexie.maxKey]).toArray(),
  ]);
  const byId = new Map([...held, ...scheduled].filter((s) => !s.deleted).map((s) => [s.id, s]));
  const when = (s: CoachingSession) => s.heldAt ?? s.scheduledFor ?? s.createdAt;
  return [...byId.values()].sort((a, b) => when(b).localeCompare(when(a)));
}

/**
 * The last session held with the agent, by any coach (the rhythm is the agent's, whoever coaches them):
 * leaving out `except`, and held before `before` (an ISO time) when given. By index.
 */
export function lastHeldSession(agentId: string, options: { except?: string | null; before?: string | null } = {}): Promise<CoachingSession | null> {
  return lastHeldIn(db(), agentId, options);
}

export async function actionsOfSession(sessionId: string): Promise<CoachingAction[]> {
  const rows = await db().coachingActions.where('sessionId').equals(sessionId).toArray();
  return rows.filter((a) => !a.deleted).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** An agent's agreed actions (every status), by due date, by the `[agent.id+status+due]` index. */
export async function actionsOfAgent(agentId: string): Promise<CoachingAction[]> {
  const rows = await db()
    .coachingActions.where('[agent.id+status+due]')
    .between([agentId, ''], [agentId, '\uffff'])
    .toArray();
  return (await agreedIn(db(), rows)).sort((a, b) => a.due.localeCompare(b.due) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export async function getNotes(sessionId: string): Promise<CoachingNotes | undefined> {
  const notes = await db().coachingNotes.get(sessionId);
  return notes && !notes.deleted ? notes : undefined;
}

const same = <T>(a: T | undefined, b: T): boolean => a !== undefined && JSON.stringify(a) === JSON.stringify(b);

/** A coach's copy of a session with the agent's part (the acknowledgement and its comment) as stored. */
export function withAgentPart(session: CoachingSession, stored: CoachingSession | undefined): CoachingSession {
  return stored ? { ...session, acknowledgedAt: stored.acknowledgedAt, agentComment: stored.agentComment } : session;
}

/** A coach's copy of an action with its completion (status, when, by whom, the comment) as stored. */
export function withCompletion(action: CoachingAction, stored: CoachingAction | undefined): CoachingAction {
  return stored ? { ...action, status: stored.status, doneAt: stored.doneAt, doneBy: stored.doneBy, doneComment: stored.doneComment } : action;
}

/**
 * Saves a session with its actions and the coach's private notes in one transaction; what did not
 * change is not written again (autosave runs often, and each write is queued for the backend).
 * Actions of the session missing from `actions` are left as they are.
 *
 * The page that saves may be stale: the agent may have acknowledged the session or marked an action
 * done since it was opened (a sync brings it in). The agent's part is the stored copy's, whatever the
 * page holds: the acknowledgement and its comment, and an action's completion (status, when, by whom,
 * the comment). An action edited by nobody on the page since a newer copy was stored is not written.
 */
export async function saveSession(session: CoachingSession, actions: readonly CoachingAction[], notes: CoachingNotes | null): Promise<void> {
  const valid = coachingSessionSchema.parse(session);
  const validActions = actions.map((a) => coachingActionSchema.parse(a));
  const validNotes = notes ? coachingNotesSchema.parse(notes) : null;
  if (validActions.some((a) => a.sessionId !== valid.id) || (validNotes && validNotes.sessionId !== valid.id)) {
    throw new Error('actions and notes belong to their session');
  }
  const database = db();
  await writeSynced(database, ['coachingSessions', 'coachingActions', 'coachingNotes'], 'local', async (writer) => {
    const [stored, storedActions, storedNotes] = await Promise.all([
      database.coachingSessions.get(valid.id),
      database.coachingActions.bulkGet(validActions.map((a) => a.id)),
      database.coachingNotes.get(valid.id),
    ]);
    const session = withAgentPart(valid, stored);
    // The stored versions read here go to the writer as `before`: it need not read them again.
    if (!same(stored, session)) await writer.put('coachingSessions', [session], { at: session.updatedAt, before: [stored] });
    const changed = validActions.flatMap((a, i) => {
      const before = storedActions[i];
      if (before && before.updatedAt > a.updatedAt) return [];
      const merged = withCompletion(a, before);
      return same(before, merged) ? [] : [{ merged, before }];
    });
    await writer.put('coachingActions', changed.map((c) => c.merged), { before: changed.map((c) => c.before) });
    if (validNotes && !same(storedNotes, validNotes)) await writer.put('coachingNotes', [validNotes]);
  });
}

/** The agent has read the session (with an optional comment): only the agent's part changes. */
export async function acknowledgeSession(id: string, comment: string, now: Date): Promise<CoachingSession | null> {
  const database = db();
  return writeSynced(database, ['coachingSessions'], 'local', async (writer) => {
    const session = await database.coachingSessions.get(id);
    if (!session || session.deleted || session.status !== 'held') return null;
    const at = now.toISOString();
    const acknowledged = coachingSessionSchema.parse({ ...session, acknowledgedAt: session.acknowledgedAt ?? at, agentComment: comment, updatedAt: at });
    await writer.put('coachingSessions', [acknowledged], { at, before: [session] });
    return acknowledged;
  });
}

/** The agent (or the coach) marks an action done, in their own name, with a comment. */
export async function markActionDone(id: string, by: Person, comment: string, now: Date): Promise<CoachingAction | null> {
  const database = db();
  return writeSynced(database, ['coachingActions'], 'local', async (writer) => {
    const action = await database.coachingActions.get(id);
    if (!action || action.deleted) return null;
    const at = now.toISOString();
    const done = coachingActionSchema.parse({ ...action, status: 'done', doneAt: at, doneBy: by, doneComment: comment, updatedAt: at });
    await writer.put('coachingActions', [done], { at, before: [action] });
    return done;
  });
}

const localRhythmsSchema = z.record(z.string(), rhythmDaysSchema);

/**
 * The rhythm per agent in days (by lower-cased id); agents not listed are coached monthly. With a team
 * backend they are the team's (its settings, which every lead of the team reads); without one, the
 * coach's profile keeps them (by the name reviews give the agent).
 */
export async function getRhythms(): Promise<Record<string, number>> {
  const database = db();
  const [local, teams] = await Promise.all([database.settings.get(RHYTHM_KEY), database.teamSettings.toArray()]);
  const parsed = localRhythmsSchema.safeParse(local?.value);
  return { ...(parsed.success ? parsed.data : {}), ...rhythmsOf(teams) };
}

/**
 * Sets an agent's rhythm (null: back to monthly): in the settings of `team` (rhythmTeamOf), synced, or
 * without one in this profile. One transaction: a rhythm the profile kept before the team's is dropped
 * with it, so that it cannot show through when the team's goes back to monthly.
 */
export async function setRhythm(agentId: string, days: number | null, team: { id: string; by: Person } | null, now: Date): Promise<void> {
  const database = db();
  await writeSynced(
    database,
    ['teamSettings'],
    'local',
    async (writer) => {
      const parsed = localRhythmsSchema.safeParse((await database.settings.get(RHYTHM_KEY))?.value);
      const local = { ...(parsed.success ? parsed.data : {}) };
      delete local[emailKey(agentId)];
      if (team) {
        const before = await database.teamSettings.get(teamSettingsId(team.id));
        const next = withRhythm(before, team.id, agentId, days, team.by, now);
        await writer.put('teamSettings', [next], { before: [before], at: next.updatedAt });
      } else if (days !== null) {
        local[emailKey(agentId)] = rhythmDaysSchema.parse(days);
      }
      await database.settings.put({ key: RHYTHM_KEY, value: local });
    },
    [database.settings],
  );
}

/**
 * The coach's plan, read in one read transaction and one round of reads: the planned sessions (the
 * coach's, and other coaches' scheduled ones), the agents (`team`, or without a backend the agents
 * reviews name), the rhythms, and each agent's row of the plan (the last session held, by any coach,
 * and the open agreed actions), which the one writer keeps (lib/db/planRows.ts). Never the history.
 */
export async function coachingPlanOf(me: Person, team: readonly Person[] | null, today: string): Promise<PlanRow[]> {
  const database = db();
  return database.transaction('r', [database.coachingSessions, database.coachingPlanRows, database.settings, database.teamSettings, database.rollups], async () => {
    const [allPlanned, agents, rhythms, stored] = await Promise.all([
      plannedSessions(),
      team ?? namesOf('agent').then((names) => [...names].map(([id, name]) => ({ id, name }))),
      getRhythms(),
      database.coachingPlanRows.toArray(),
    ]);
    const mine = (s: CoachingSession) => emailKey(s.coach.id) === emailKey(me.id);
    const planned = allPlanned.filter(mine);
    const plan = planAgents(agents, planned, me);
    const byAgent = new Map(stored.map((row) => [row.agentId, row]));
    const rows = plan.flatMap((agent) => byAgent.get(agent.id) ?? []);
    const held = rows.flatMap((row) => row.lastHeld ?? []);
    const others = allPlanned.filter((s) => !mine(s));
    return coachingPlan(plan, [...held, ...planned], rows.flatMap((row) => row.open), rhythms, today, others);
  });
}

/** The agent's day rows from `from` to `to` (rollups `agent.d`, by index: never the reviews themselves). The caller has made sure of the rollups' shape (ensureRollupShape). */
async function daysOf(agentId: string, from: string, to: string): Promise<DayRow[]> {
  const database = db();
  const value = `${agentId}${SEP}`;
  return database.rollups.where('[dimension+value+period]').between(['agent.d', value, from], ['agent.d', value, to], true, true).toArray();
}

/**
 * A page of the agent's reviews of a window, newest first, by the `[reviewee.id+createdAt]` index (at
 * most SHOWN_REVIEWS): the newest, or those after `shown` (the reviews listed so far, oldest last).
 */
export async function evidenceReviews(agentId: string, from: string, to: string, shown: readonly Review[] = []): Promise<Review[]> {
  const oldest = shown.at(-1);
  const seen = new Set(shown.map((r) => r.id));
  // From the oldest listed one inclusive: reviews made in the same millisecond are not skipped.
  // Days are local, createdAt is UTC: the bounds are the moments the local days begin.
  const upper = oldest ? [agentId, oldest.createdAt] : [agentId, startOf(addDays(to, 1))];
  return db()
    .reviews.where('[reviewee.id+createdAt]')
    .between([agentId, startOf(from)], upper, true, oldest !== undefined)
    .reverse()
    .filter((r) => !r.deleted && !seen.has(r.id))
    .limit(SHOWN_REVIEWS)
    .toArray();
}

/** The agent's self-checks of a window, each with the review of its ticket in the window (by the tickets' index). */
async function selfCheckPairs(agentId: string, from: string, to: string): Promise<Array<[SelfCheck, Review]>> {
  const database = db();
  const checks = (await database.selfChecks.where('agent.id').equals(agentId).toArray()).filter(
    (c) => !c.deleted && dayOf(c.createdAt) >= from && dayOf(c.createdAt) <= to,
  );
  const [start, end] = [startOf(from), startOf(addDays(to, 1))];
  const reviews = await Promise.all(
    checks.map((c) => database.reviews.where('[ticketKey+createdAt]').between([c.ticketKey, start], [c.ticketKey, end], true, false).toArray()),
  );
  return checks.flatMap((check, i) => {
    const review = reviewOf(check, reviews[i]!);
    return review ? [[check, review] as [SelfCheck, Review]] : [];
  });
}

/**
 * What the session page shows first: the agent's evidence since the last session held before this
 * one (or the last eight weeks), and that session with its actions and their status. Every read is
 * by index and in one read transaction (a transaction per self-check's ticket cost more than the reads).
 */
export async function prepareSession(
  session: Pick<CoachingSession, 'id' | 'agent' | 'heldAt'>,
  cards: readonly Scorecard[],
  today: string,
  language: Language,
): Promise<{ evidence: Evidence; previous: CoachingSession | null; previousActions: CoachingAction[] }> {
  const database = db();
  await ensureRollupShape(database);
  const agentId = session.agent.id;
  // A held session's evidence is what it was held on: up to its day, since the session before it.
  const to = session.heldAt ? dayOf(session.heldAt) : today;
  return database.transaction('r', [database.coachingSessions, database.coachingActions, database.rollups, database.reviews, database.selfChecks], async () => {
    const previous = await lastHeldSession(agentId, { except: session.id, before: session.heldAt });
    const from = previous?.heldAt ? addDays(dayOf(previous.heldAt), 1) : addDays(to, -FIRST_LOOKBACK_DAYS);
    const [days, latest, pairs, previousActions] = await Promise.all([
      daysOf(agentId, from, to),
      evidenceReviews(agentId, from, to),
      selfCheckPairs(agentId, from, to),
      previous ? actionsOfSession(previous.id) : Promise.resolve([]),
    ]);
    return { evidence: evidenceOf({ days, latest, pairs, cards, language, from, to }), previous, previousActions };
  });
}

/** Before/after figures of a held session's focus criteria (its period and as long on each side). */
export async function sessionOutcome(session: CoachingSession, cards: readonly Scorecard[], today: string): Promise<BeforeAfter[]> {
  if (!session.period || session.focus.length === 0) return [];
  const windows = beforeAfterWindows(session.period, today);
  await ensureRollupShape(db());
  const days = await daysOf(session.agent.id, windows.before[0], windows.after[1]);
  return beforeAfter(session.focus, session.period, days, cards, today);
}

/** The focus in force for an agent today (for the sidebar's self-check and the review form). */
export async function focusOfAgent(agentId: string, today: string): Promise<FocusNow | null> {
  const rows = await db()
    .coachingSessions.where('[agent.id+heldAt]')
    .between([agentId, Dexie.minKey], [agentId, Dexie.maxKey])
    .reverse()
    .limit(12)
    .toArray();
  return currentFocus(rows, today);
}

/**
 * What the dashboard's coaching view reads: every session and action in this profile (a lead's
 * profile holds its teams' only; these tables are small beside reviews), the rhythms, and the
 * before/after figures of the latest finished periods (each by the agent's review index).
 */
export async function coachingDashboard(
  cards: readonly Scorecard[],
  today: string,
  /** The agents in view (the dashboard's filter): the latest finished periods are theirs. */
  inScope: (agentId: string) => boolean = () => true,
  outcomes = 20,
): Promise<{ sessions: CoachingSession[]; actions: CoachingAction[]; rhythms: Record<string, number>; outcomes: Array<{ session: CoachingSession; figures: BeforeAfter[] }> }> {
  const database = db();
  const [sessions, actions, rhythms] = await Promise.all([database.coachingSessions.toArray(), database.coachingActions.toArray(), getRhythms()]);
  const finished = sessions
    .filter((s) => !s.deleted && s.status === 'held' && s.period && s.period.end < today && s.focus.length > 0 && inScope(s.agent.id))
    .sort((a, b) => (b.heldAt ?? '').localeCompare(a.heldAt ?? ''))
    .slice(0, outcomes);
  const figures = await Promise.all(finished.map(async (session) => ({ session, figures: await sessionOutcome(session, cards, today) })));
  return { sessions: sessions.filter((s) => !s.deleted), actions: agreedActions(actions, sessions), rhythms, outcomes: figures };
}
