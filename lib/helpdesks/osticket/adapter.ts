// osTicket staff panel (self-hosted): the open ticket's thread entries, read from the server-rendered page.
import type { Channel, MessageRole } from '../../model';
import { firstMatch, readableText } from '../dom';
import { channelFromWords, idFrom, siteAdapter, subjectIn, type ThreadSpec } from '../thread-reader';
import * as S from './selectors';

/** `…/scp/tickets.php?id=123` under any base path; the id is osTicket's internal ticket id. */
export function ticketIdFromUrl(url: URL): string | null {
  if (!/\/scp\/tickets\.php$/.test(url.pathname)) return null;
  const id = url.searchParams.get('id');
  return id && /^\d{1,18}$/.test(id) ? id : null;
}

function roleOf(entry: Element): MessageRole | 'skip' | null {
  const classes = entry.classList;
  if (classes.contains('system')) return 'system';
  if (classes.contains('note')) return 'internal';
  if (classes.contains('response')) return 'agent';
  if (classes.contains('message')) return 'customer';
  return null;
}

const thread: ThreadSpec = {
  items: S.threadEntry,
  role: roleOf,
  body: S.entryBody,
  author: S.entryAuthor,
  time: S.entryTime,
  id: (entry) => idFrom(firstMatch(entry, S.entryAnchor)?.element.getAttribute('name')) ?? idFrom(entry.id),
  skip: S.entrySkip,
  attachments: S.entryAttachments,
};

function channelOf(pane: Element): Channel {
  const source = firstMatch(pane, S.ticketSource);
  const words = source ? (source.element.getAttribute('data-source') ?? readableText(source.element)) : '';
  return channelFromWords(words) ?? 'email';
}

export const osticketAdapter = siteAdapter({
  id: 'osticket',
  urlMatches: (url) => url.pathname.includes('/scp/'),
  marker: S.pageMarker,
  ticketId: (url) => ticketIdFromUrl(url),
  // A queue page shares the layout; only a ticket page has a thread.
  pane: (doc) => {
    const pane = firstMatch(doc, S.ticketPane)?.element ?? null;
    return pane && firstMatch(pane, S.threadContainer) ? pane : null;
  },
  subject: (pane) => subjectIn(pane, S.subject),
  channel: channelOf,
  thread: () => thread,
  editors: { internal: S.noteEditor, public: S.replyEditor },
});
