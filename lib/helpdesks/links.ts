// A ticket link, as a lead pastes it into the dashboard, read as a ticket reference (pure).
import { httpUrl, type TicketRef } from '../model';
import { conversationIdFromUrl as freescout } from './freescout/adapter';
import { ticketIdFromUrl as freshdesk } from './freshdesk/adapter';
import { conversationIdFromUrl as front } from './front/adapter';
import { conversationIdFromUrl as helpscout } from './helpscout/adapter';
import { conversationIdFromUrl as intercom } from './intercom/adapter';
import { ticketIdFromUrl as osticket } from './osticket/adapter';
import { ticketIdFromUrl as zendesk } from './zendesk/adapter';

/** Each helpdesk's own reading of its ticket URLs; a host naming the helpdesk is tried first. */
const readers: readonly (readonly [string, (url: URL) => string | null])[] = [
  ['zendesk', zendesk],
  ['freshdesk', freshdesk],
  ['helpscout', helpscout],
  ['intercom', intercom],
  ['front', front],
  ['freescout', freescout],
  ['osticket', osticket],
];

/** The ticket a link points at, or null when no helpdesk Arvio knows reads it as one. Channel and subject are not in a link. */
export function ticketFromLink(link: string): TicketRef | null {
  const url = httpUrl(link);
  if (!url) return null;
  const host = url.hostname.replaceAll('-', '');
  const ordered = [...readers].sort(([a], [b]) => Number(host.includes(b)) - Number(host.includes(a)));
  for (const [helpdesk, read] of ordered) {
    const ticketId = read(url);
    if (ticketId) return { helpdesk, ticketId, url: url.href, subject: '', channel: 'email' };
  }
  return null;
}
