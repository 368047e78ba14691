// Who the agent writing here is, and the coaching focus in force for them today (from the database service).
import { remoteDb as db } from '@/lib/service';
import { titleOf, type FocusNow } from '@/lib/coaching';
import type { Hint } from '@/lib/checks';
import { CHECK_CRITERIA } from '@/lib/review';
import { dayOf, type Person, type Scorecard, type Settings } from '@/lib/model';
import { selfPerson, type Roster } from '@/lib/sync';
import { useRemote } from '../useRemote';

/** With a team backend the agent is their backend account (its e-mail), as the server authorizes them. */
export function useSelfAgent(settings: Settings): Person | null {
  const roster = useRemote(() => db.teamRoster(), [], null as Roster | null);
  const identity = settings.identity;
  return roster ? selfPerson(identity, roster) : identity.email ? { id: identity.email, name: identity.name } : null;
}

export function useFocus(personId: string | null): FocusNow | null {
  const today = dayOf(new Date());
  return useRemote<FocusNow | null>(() => (personId ? db.coachingFocus(personId, today) : Promise.resolve(null)), [personId, today], null);
}

/** The focus criteria's names: from the card in use where it has them (the reader's language), else their own card. */
export function focusTitles(focus: FocusNow, card: Scorecard | null, cards: readonly Scorecard[]): string[] {
  return focus.focus.map((f) => card?.criteria.find((c) => c.id === f.criterionId)?.title ?? titleOf(f, cards));
}

/** Whether a hint speaks to one of the focus criteria (a check judges the criteria CHECK_CRITERIA names). */
export function onFocus(hint: Pick<Hint, 'check'>, focusIds: ReadonlySet<string>): boolean {
  return CHECK_CRITERIA[hint.check].some((id) => focusIds.has(id));
}
