// The helpdesks' own product names for the ids in TicketRef.helpdesk (proper names: the same in every language).

export const HELPDESK_NAMES: Readonly<Record<string, string>> = {
  zendesk: 'Zendesk',
  freshdesk: 'Freshdesk',
  intercom: 'Intercom',
  helpscout: 'Help Scout',
  front: 'Front',
  freescout: 'FreeScout',
  osticket: 'osTicket',
  zammad: 'Zammad',
};

/** The product name of a helpdesk id; null for the generic fallback and ids Arvio does not know (the caller words those). */
export function helpdeskName(id: string): string | null {
  return Object.hasOwn(HELPDESK_NAMES, id) ? HELPDESK_NAMES[id]! : null;
}
