// How scorecards are named to people: families told apart where cards share a name (the Finnish and
// English "Chat"), and levels numbered from 1.
import type { Criterion, Language, Scorecard } from '../model';

/**
 * A label per scorecard id (a family: one id across versions), from its newest version known: the
 * name alone where it is unique, with the language where names repeat, with the id too where even
 * that repeats. Ids without a card are labelled by the id.
 */
export function familyLabels(
  ids: readonly string[],
  cards: readonly Pick<Scorecard, 'id' | 'version' | 'name' | 'language'>[],
  languageName: (language: Language) => string,
): Map<string, string> {
  const newest = new Map<string, Pick<Scorecard, 'id' | 'version' | 'name' | 'language'>>();
  for (const card of cards) {
    const seen = newest.get(card.id);
    if (!seen || card.version > seen.version) newest.set(card.id, card);
  }
  const label = (id: string, detail: 0 | 1 | 2): string => {
    const card = newest.get(id);
    if (!card) return id;
    if (detail === 0) return card.name;
    return detail === 1 ? `${card.name} (${languageName(card.language)})` : `${card.name} (${languageName(card.language)}, ${id})`;
  };
  const unique = [...new Set(ids)];
  const out = new Map<string, string>();
  for (const id of unique) {
    const clash = (detail: 0 | 1) => unique.some((other) => other !== id && label(other, detail) === label(id, detail));
    out.set(id, label(id, clash(0) ? (clash(1) ? 2 : 1) : 0));
  }
  return out;
}

/**
 * The number people see for a level, everywhere (sidebar keys, print, editor): 1 for the lowest,
 * as the keys 1–5 rate. The stored value starts from 0; this is its position on the scale.
 */
export function levelNumber(criterion: Pick<Criterion, 'levels'>, value: number): number {
  return criterion.levels.findIndex((level) => level.value === value) + 1;
}
