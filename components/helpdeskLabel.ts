// How a helpdesk id (TicketRef.helpdesk, a page report's) reads to the user: the product's name, or the generic fallback in words.
import { helpdeskName } from '@/lib/helpdesks';
import type { Translate } from '@/lib/i18n';

/** "Help Scout", "Other site" / "Muu sivusto"; an id Arvio does not know (from a newer release) as it is. */
export function helpdeskLabel(t: Translate, id: string): string {
  return helpdeskName(id) ?? (id === 'generic' ? t('figures.helpdesk.generic') : id);
}
