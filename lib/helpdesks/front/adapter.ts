// Front: the open conversation's messages and comments, read from the page.
import { firstMatch } from '../dom';
import { channelFromWords, idFrom, roleByMarkers, siteAdapter, subjectIn, type ThreadSpec } from '../thread-reader';
import * as S from './selectors';

/** Front conversation ids are `cnv_…` (public id) in `/open/cnv_…` and in inbox paths `…/conversation/cnv_…` or numeric ids. */
const CONVERSATION_PATH = /\/(?:open|conversation|conversations)\/(cnv_[a-z0-9]{1,40}|\d{1,18})(?:\/|$)/i;

export function conversationIdFromUrl(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null;
}

const thread: ThreadSpec = {
  items: S.item,
  role: (item) => roleByMarkers(item, S.roles),
  body: S.body,
  author: S.author,
  time: S.time,
  id: (item) => item.getAttribute('data-message-id') ?? item.getAttribute('data-comment-id') ?? idFrom(item.id),
  skip: S.skip,
  attachments: S.attachments,
};

export const frontAdapter = siteAdapter({
  id: 'front',
  urlMatches: (url) => url.pathname.startsWith('/inboxes') || url.pathname.startsWith('/open/') || url.pathname.startsWith('/conversations'),
  marker: S.pageMarker,
  ticketId: (url) => conversationIdFromUrl(url),
  pane: (doc) => firstMatch(doc, S.conversationPane)?.element ?? null,
  subject: (pane) => subjectIn(pane, S.subject),
  channel: (pane) => channelFromWords(firstMatch(pane, S.channel)?.element.getAttribute('data-channel-type') ?? '') ?? 'email',
  thread: () => thread,
  editors: { internal: S.noteEditor, public: S.replyEditor },
});
