// FreeScout (self-hosted): the open conversation and its threads, read from the server-rendered page.
import type { Channel, MessageRole } from '../../model';
import { firstMatch } from '../dom';
import { idFrom, siteAdapter, subjectIn, type ThreadSpec } from '../thread-reader';
import * as S from './selectors';

/** `/conversation/123` on any host and under any base path (self-hosted installs live in folders too). */
const CONVERSATION_PATH = /\/conversation\/(\d{1,18})(?:\/|$)/;

export function conversationIdFromUrl(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * FreeScout's default tooltip time, `M j, Y H:i` ("Feb 14, 2025 09:12", optionally "9:12am"), in the
 * agent's time zone. Read as the browser's local time: the agent's browser is where that zone lives.
 */
export function freescoutTime(text: string): string | null {
  const m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2})\s*([ap]m)?$/i.exec(text.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.toLowerCase());
  if (month < 0) return null;
  let hour = Number(m[4]);
  const half = m[6]?.toLowerCase();
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  const date = new Date(Number(m[3]), month, Number(m[2]), hour, Number(m[5]));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function threadType(item: Element): string {
  for (const name of Array.from(item.classList)) {
    if (name.startsWith(S.threadTypePrefix)) return name.slice(S.threadTypePrefix.length);
  }
  return '';
}

function roleOf(item: Element): MessageRole | 'skip' | null {
  switch (threadType(item)) {
    case 'customer':
      return 'customer';
    case 'message':
      return 'agent';
    case 'note':
      return 'internal';
    // Line items ("assigned to Aino") and unsent drafts are not conversation; chat/phone modules vary.
    case 'lineitem':
    case 'draft':
      return 'skip';
    default:
      return null;
  }
}

const thread: ThreadSpec = {
  items: S.threadItem,
  role: roleOf,
  body: S.threadBody,
  author: S.threadAuthor,
  time: S.threadTime,
  id: (item) => item.getAttribute('data-thread_id') ?? idFrom(item.id),
  skip: S.threadSkip,
  attachments: S.threadAttachments,
  timeOf: (element) => freescoutTime(element.getAttribute('title') ?? element.getAttribute('data-original-title') ?? ''),
};

function channelOf(pane: Element): Channel {
  if (firstMatch(pane, S.phoneBadge)) return 'call';
  if (pane.querySelector('.thread-type-chat')) return 'chat';
  return 'email';
}

export const freescoutAdapter = siteAdapter({
  id: 'freescout',
  urlMatches: (url) => url.pathname.includes('/conversation/') || url.pathname.includes('/mailbox/'),
  marker: S.pageMarker,
  ticketId: (url) => conversationIdFromUrl(url),
  pane: (doc) => firstMatch(doc, S.conversationPane)?.element ?? null,
  subject: (pane) => subjectIn(pane, S.subject),
  channel: channelOf,
  thread: () => thread,
  editors: { internal: S.noteEditor, public: S.replyEditor },
  layout: S.layout,
});
