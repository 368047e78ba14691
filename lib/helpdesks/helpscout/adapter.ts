// Help Scout: the open conversation's threads, read from the page.
import { firstMatch } from '../dom';
import { channelFromWords, idFrom, roleByMarkers, siteAdapter, subjectIn, type ThreadSpec } from '../thread-reader';
import * as S from './selectors';

/** `/conversation/<id>/<number>`: the first number is the id Help Scout's API uses. */
const CONVERSATION_PATH = /^\/conversation\/(\d{1,18})(?:\/|$)/;

export function conversationIdFromUrl(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null;
}

const thread: ThreadSpec = {
  items: S.threadItem,
  // Line items ("Aino assigned this") are status changes: kept as system, skipped when empty.
  role: (item) => roleByMarkers(item, S.roles),
  body: S.body,
  author: S.author,
  time: S.time,
  id: (item) => idFrom(item.getAttribute('data-thread-id') ?? item.id),
  skip: S.skip,
  attachments: S.attachments,
};

export const helpscoutAdapter = siteAdapter({
  id: 'helpscout',
  urlMatches: (url) => url.pathname.startsWith('/conversation/') || url.pathname.startsWith('/mailbox/') || url.pathname === '/dashboard/',
  marker: S.pageMarker,
  ticketId: (url) => conversationIdFromUrl(url),
  pane: (doc) => firstMatch(doc, S.conversationPane)?.element ?? null,
  subject: (pane) => subjectIn(pane, S.subject),
  channel: (pane) => channelFromWords(firstMatch(pane, S.typeMarker)?.element.getAttribute('data-conversation-type') ?? '') ?? 'email',
  thread: () => thread,
  editors: { internal: S.noteEditor, public: S.replyEditor },
});
