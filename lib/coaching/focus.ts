// The coaching focus in force for an agent, and how a focus criterion is named. Pure and Dexie-free (the sidebar uses it).
import type { CoachingSession, FocusCriterion, Scorecard } from '../model';

export interface FocusNow {
  focus: FocusCriterion[];
  /** The period's last day, `YYYY-MM-DD`. */
  until: string;
  sessionId: string;
}

/** The focus in force on `day`: the latest held session whose period holds that day. */
export function currentFocus(
  sessions: readonly CoachingSession[],
  day: string,
): FocusNow | null {
  let best: CoachingSession | null = null;
  for (const s of sessions) {
    if (s.deleted || s.status !== 'held' || !s.period || s.focus.length === 0) continue;
    if (s.period.start > day || s.period.end < day) continue;
    if (!best || (s.heldAt ?? '') > (best.heldAt ?? '')) best = s;
  }
  return best?.period ? { focus: best.focus, until: best.period.end, sessionId: best.id } : null;
}

/** A focus criterion's title from its card (newest version), else its id. */
export function titleOf(focus: FocusCriterion, cards: readonly Scorecard[]): string {
  let best: Scorecard | undefined;
  for (const c of cards) if (c.id === focus.scorecardId && c.criteria.some((k) => k.id === focus.criterionId) && (!best || c.version > best.version)) best = c;
  return best?.criteria.find((k) => k.id === focus.criterionId)?.title ?? focus.criterionId;
}
