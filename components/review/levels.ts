// A rating as words (the level's label, N/A or not rated), and a rating picked in a <select>.
import type { Translate } from '@/lib/i18n';
import type { Criterion } from '@/lib/model';

/** The <select> value of N/A ('' is "no choice", digits are levels). */
export const NA = 'na';

export function levelText(t: Translate, criterion: Pick<Criterion, 'levels'> | undefined, value: number | null, na: boolean): string {
  if (na) return t('review.na');
  if (value === null) return t('history.notRated');
  return criterion?.levels.find((l) => l.value === value)?.label ?? String(value);
}

/** A <select> value as a rating: '' none, NA, or a level's value. */
export function parseChoice(choice: string): { value: number | null; na: boolean } | null {
  if (choice === '') return null;
  if (choice === NA) return { value: null, na: true };
  return { value: Number(choice), na: false };
}
