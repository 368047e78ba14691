// Intercom inbox: the open conversation's parts, read from the page.
import { allMatches, firstMatch } from '../dom';
import { channelFromWords, idFrom, roleByMarkers, siteAdapter, subjectIn, type ThreadSpec } from '../thread-reader';
import * as S from './selectors';

/** Inbox URLs end in `/conversation/<id>` (2021–) or `/conversations/<id>` (before 2021). */
const CONVERSATION_PATH = /\/conversations?\/(\d{1,24})(?:\/|$)/;

export function conversationIdFromUrl(url: URL): string | null {
  if (!url.pathname.startsWith('/a/')) return null;
  return CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null;
}

const thread: ThreadSpec = {
  items: S.part,
  role: (item) => roleByMarkers(item, S.roles),
  body: S.body,
  author: S.author,
  time: S.time,
  id: (item) => idFrom(item.getAttribute('data-part-id') ?? item.getAttribute('data-conversation-part-id') ?? item.id),
  attachments: S.attachments,
};

export const intercomAdapter = siteAdapter({
  id: 'intercom',
  urlMatches: (url) => url.pathname.startsWith('/a/'),
  marker: S.pageMarker,
  ticketId: (url) => conversationIdFromUrl(url),
  pane: (doc, id) => allMatches(doc, S.conversationPane).elements.find((el) => el.getAttribute('data-conversation-id') === id) ?? null,
  subject: (pane) => subjectIn(pane, S.subject),
  channel: (pane) => channelFromWords(firstMatch(pane, S.channel)?.element.getAttribute('data-conversation-channel') ?? '') ?? 'chat',
  thread: () => thread,
  editors: { internal: S.noteEditor, public: S.replyEditor },
});
