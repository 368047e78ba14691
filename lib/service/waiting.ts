// "Waiting for you": the count on the toolbar icon, summed over sources. A feature that has work
// waiting for the user (calibration, disputes and ideas) adds one function below.
import { liveQuery } from 'dexie';
import { calibrationRatingsOf, db, ideasSeen, listCalibrationSessions, listDisputes, listIdeas } from '../db';
import { countWaiting } from '../disputes';
import { ticketsToRate } from '../calibration';
import type { TeamRoles } from '../model';
import { readRoster } from '../sync';

export interface WaitingContext {
  /** The user's e-mail on the team backend; null without one. */
  me: string | null;
  /** Their role there (the roster's), null without a backend. */
  role: 'admin' | 'lead' | 'reviewer' | 'agent' | null;
  /** Their role in each of their teams (the roster's; absent from older servers). */
  teams?: TeamRoles['teams'];
}

type WaitingSource = (context: WaitingContext) => Promise<number>;

/** Calibration sessions in which the user still has tickets to score. */
async function calibrationWaiting({ me }: WaitingContext): Promise<number> {
  if (me === null) return 0;
  const [sessions, mine] = await Promise.all([listCalibrationSessions(), calibrationRatingsOf(me)]);
  return sessions.filter((s) => ticketsToRate(s, me, mine).length > 0).length;
}

/** Open disputes the user is to resolve, and ideas waiting for them (lib/disputes/waiting.ts). */
async function disputesAndIdeasWaiting({ me, role, teams }: WaitingContext): Promise<number> {
  if (me === null || role === null) return 0;
  const [disputes, ideas, seen] = await Promise.all([listDisputes(), listIdeas(), ideasSeen()]);
  return countWaiting(disputes, ideas, { email: me, role, teams }, seen);
}

const waitingSources: Record<string, WaitingSource> = {
  calibration: calibrationWaiting,
  disputesAndIdeas: disputesAndIdeasWaiting,
};

/** Everything waiting for the user, over every source (a failing source counts nothing). */
export async function waitingCount(): Promise<number> {
  const roster = await readRoster(db());
  const context: WaitingContext = { me: roster?.me.email.toLowerCase() ?? null, role: roster?.me.role ?? null, teams: roster?.teams };
  const counts = await Promise.all(Object.values(waitingSources).map((source) => source(context).catch(() => 0)));
  return counts.reduce((sum, n) => sum + n, 0);
}

interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

/**
 * Keeps the count on the toolbar icon (nothing when none) as the data changes, whoever changes it:
 * a pull, the sidebar through the service, a page writing the database itself. Returns stop().
 */
export function watchWaitingBadge(action: BadgeApi): () => void {
  void action.setBadgeBackgroundColor({ color: '#b3261e' }).catch(() => undefined);
  const subscription = liveQuery(waitingCount).subscribe({
    next: (count) => void action.setBadgeText({ text: count > 0 ? String(count) : '' }).catch(() => undefined),
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
