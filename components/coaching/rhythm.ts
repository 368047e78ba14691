// A coaching rhythm as the coach chooses it and reads it: the plan's editor offers these, and the plan
// and the dashboard's coaching view name an agent's rhythm the same way.
import type { Translate } from '@/lib/i18n';

/** The rhythms offered, in days. */
export const RHYTHMS: readonly number[] = [14, 21, 30, 42, 60];

/** "Monthly", "Every 6 weeks"; any other number of days as such. */
export function rhythmText(t: Translate, days: number): string {
  return RHYTHMS.includes(days) ? t(`coaching.rhythm.${days}` as 'coaching.rhythm.30') : t('coaching.plan.rhythmDays', { days });
}
