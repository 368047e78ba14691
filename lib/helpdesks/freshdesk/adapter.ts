// Freshdesk agent UI: the open ticket's conversation, read from the page.
import { firstMatch, readableText } from '../dom';
import { channelFromWords, idFrom, roleByMarkers, siteAdapter, subjectIn, type ThreadSpec } from '../thread-reader';
import * as S from './selectors';

/** `/a/tickets/123` on any host (Freshdesk accounts may use their own domain). */
const TICKET_PATH = /^\/a\/tickets\/(\d{1,18})(?:\/|$)/;

export function ticketIdFromUrl(url: URL): string | null {
  return TICKET_PATH.exec(url.pathname)?.[1] ?? null;
}

const thread: ThreadSpec = {
  items: S.conversationItem,
  role: (item) => roleByMarkers(item, S.roles),
  body: S.body,
  author: S.author,
  time: S.time,
  id: (item) => idFrom(item.getAttribute('data-conversation-id') ?? item.getAttribute('data-id') ?? item.id),
  skip: S.skip,
  attachments: S.attachments,
};

export const freshdeskAdapter = siteAdapter({
  id: 'freshdesk',
  urlMatches: (url) => url.pathname.startsWith('/a/'),
  marker: S.pageMarker,
  ticketId: (url) => ticketIdFromUrl(url),
  pane: (doc) => firstMatch(doc, S.ticketPane)?.element ?? null,
  subject: (pane) => subjectIn(pane, S.subject),
  channel: (pane) => {
    const source = firstMatch(pane, S.source);
    return (source && channelFromWords(readableText(source.element))) ?? 'email';
  },
  thread: () => thread,
  editors: { internal: S.noteEditor, public: S.replyEditor },
});
