// The agent's self-check: which criteria the automatic checks speak to, and what they suggest.
import { premarkLevel, type CheckId, type Hint } from '../checks';
import type { Criterion, Rating, Scorecard } from '../model';

/**
 * Built-in criterion ids each check informs. A team's own cards that keep these ids get the same
 * pre-marking; other criteria are left for the agent to rate.
 */
export const CHECK_CRITERIA: Record<CheckId, readonly string[]> = {
  greeting: ['greeting'],
  customerName: ['name'],
  closing: ['closing'],
  placeholder: ['accuracy'],
  personalData: ['privacy'],
  shouting: ['tone'],
  blame: ['tone'],
  longSentence: ['clarity'],
  wallOfText: ['clarity'],
};

export function selfCheckableCriteria(card: Scorecard): Criterion[] {
  return card.groups.flatMap((g) => card.criteria.filter((c) => c.groupId === g.id && c.selfCheckable));
}

/** The hints that speak to one criterion. */
export function hintsFor(criterionId: string, hints: readonly Hint[]): Hint[] {
  return hints.filter((hint) => CHECK_CRITERIA[hint.check].includes(criterionId));
}

/** A suggested rating per self-checkable criterion the checks can judge, as far as its hints allow (lib/checks/premark). */
export function suggestedRatings(card: Scorecard, hints: readonly Hint[]): Map<string, number> {
  const judged = new Set(Object.values(CHECK_CRITERIA).flat());
  const out = new Map<string, number>();
  for (const criterion of selfCheckableCriteria(card)) {
    if (!judged.has(criterion.id)) continue;
    out.set(criterion.id, criterion.levels[premarkLevel(hintsFor(criterion.id, hints), criterion.levels.length)]!.value);
  }
  return out;
}

export function hintCounts(hints: readonly Hint[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const hint of hints) counts[hint.check] = (counts[hint.check] ?? 0) + 1;
  return counts;
}

/** The ratings to store: the agent's own choices over the suggestions. */
export function mergeRatings(card: Scorecard, suggested: Map<string, number>, chosen: Map<string, number>): Rating[] {
  return selfCheckableCriteria(card)
    .filter((c) => chosen.has(c.id) || suggested.has(c.id))
    .map((c) => ({ criterionId: c.id, value: chosen.get(c.id) ?? suggested.get(c.id) ?? null, na: false, comment: '' }));
}
