// Zendesk Agent Workspace: finds the active ticket, reads its conversation from the same-origin API, else the DOM.
import type { Channel, Extraction, MessageRole, TicketMessage } from '../../model';
import { allMatches, firstMatch, readableText } from '../dom';
import type { Composer, HelpdeskAdapter, TicketContext } from '../types';
import * as S from './selectors';
import { isoTime, observePage, readItems, Report } from '../thread-reader';
import { commentsUrl, nextPageOf, parseZendeskComments } from './api';

/** `/agent/tickets/123` and deeper (`/agent/tickets/123/events`); the host is never looked at. */
const TICKET_PATH = /^\/agent\/tickets\/(\d{1,18})(?:\/|$)/;

// Limits of the shared schema (lib/model/ticket.ts): stay inside them instead of failing a parse later.
const MAX_TEXT = 200_000;
const MAX_AUTHOR = 300;

/** Attributes whose change means another pane is active, or the composer switched public ↔ internal. */
const ACTIVE_PANE_ATTRIBUTES = ['hidden', 'style', 'aria-hidden', 'aria-selected', 'data-selected', 'data-channel'];

/** The ticket id in a Zendesk agent URL, or null. Pure: tested over URLs. */
export function ticketIdFromUrl(url: URL): string | null {
  return TICKET_PATH.exec(url.pathname)?.[1] ?? null;
}

function paneTicketId(pane: Element): string | null {
  for (const name of S.paneTicketIdAttributes) {
    const value = pane.getAttribute(name);
    if (value) return value.trim();
  }
  return null;
}

/**
 * Hidden by markup: attributes and inline style only, so no layout or style recalculation is forced.
 * Zendesk hides inactive tabs with inline `display: none` (classic) or `hidden`/aria (workspace).
 */
function hiddenByMarkup(pane: Element): boolean {
  if (pane.hasAttribute('hidden') || pane.getAttribute('aria-hidden') === 'true') return true;
  const style = (pane as HTMLElement).style as CSSStyleDeclaration | undefined;
  return style !== undefined && (style.display === 'none' || style.visibility === 'hidden');
}

/** One computed-style check for the chosen pane, for UIs that hide tabs by class. */
function hiddenByStyle(pane: Element): boolean {
  const view = pane.ownerDocument.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  const computed = view.getComputedStyle(pane);
  return computed.display === 'none' || computed.visibility === 'hidden';
}

/** Outer panes only: a candidate nested inside another candidate is part of that pane. */
function outermost(elements: Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (set.has(parent)) return false;
    }
    return true;
  });
}

function findActivePane(doc: Document, ticketId: string): Element | null {
  const { elements } = allMatches(doc, S.ticketPane);
  const visible = outermost(elements).filter((pane) => !hiddenByMarkup(pane));
  // A pane that names its ticket must name the one in the URL; during a tab switch the URL and
  // the shown pane disagree for a moment, and reporting neither is better than the wrong one.
  const exact = visible.find((pane) => paneTicketId(pane) === ticketId);
  const chosen = exact ?? (visible.length === 1 && paneTicketId(visible[0]!) === null ? visible[0]! : null);
  if (!chosen || hiddenByStyle(chosen)) return null;
  return chosen;
}

function subjectOf(pane: Element): string {
  const found = firstMatch(pane, S.subject);
  if (!found) return '';
  const { element } = found;
  // A live input keeps its edited text in `.value`; saved HTML keeps it in the attribute.
  const value =
    'value' in element && typeof element.value === 'string' ? element.value : readableText(element);
  return value.replace(/\s+/g, ' ').trim().slice(0, 1000);
}

/** Channel words in English and Finnish UI texts ("via messaging", "sähköpostitse", ...). */
function channelFromWords(text: string): Channel | null {
  const t = text.toLowerCase();
  if (/messag|chat|widget|whatsapp|messenger|sms|viesti|keskustel/.test(t)) return 'chat';
  if (/call|phone|voice|talk|puhelu|puhelin/.test(t)) return 'call';
  if (/mail|sähköpost/.test(t)) return 'email';
  return null;
}

/** The composer channel switcher's data-channel values (Zendesk: email, web, native_messaging, voice, internal). */
function channelFromSwitcher(value: string): Channel | null {
  if (value === 'internal' || value === '') return null;
  if (value === 'email') return 'email';
  return channelFromWords(value === 'web' ? 'chat' : value);
}

function channelOf(pane: Element): Channel {
  // The first message's "via" says how the conversation started, which is what a review is about;
  // the composer's channel can be switched by the agent, so it comes second.
  const via = firstMatch(pane, S.messageVia);
  const fromVia = via ? channelFromWords(readableText(via.element)) : null;
  if (fromVia) return fromVia;
  const switcher = firstMatch(pane, S.composerChannel);
  const fromSwitcher = switcher ? channelFromSwitcher(switcher.element.getAttribute('data-channel') ?? '') : null;
  return fromSwitcher ?? 'email';
}

function roleFromType(type: string | null): MessageRole | null {
  switch (type?.trim().toLowerCase()) {
    case 'end-user':
    case 'end_user':
    case 'customer':
      return 'customer';
    case 'agent':
      return 'agent';
    case 'bot':
    case 'ai-agent':
    case 'answer-bot':
      return 'bot';
    case 'system':
      return 'system';
    default:
      return null;
  }
}

function messageIdOf(item: Element): string | null {
  for (const name of S.messageIdAttributes) {
    const value = item.getAttribute(name)?.trim();
    if (value) return value.slice(0, 200);
  }
  return null;
}

function readMessages(ctx: TicketContext, report: Report, signal?: AbortSignal): TicketMessage[] {
  const log = firstMatch(ctx.root, S.conversationLog);
  report.match('log', log?.selector ?? null);
  if (!log) report.note('no conversation log container; searched the whole pane');
  return readItems(log?.element ?? ctx.root, S.messageItem, report, signal, (item, index, previous) => readItem(item, index, previous, report));
}

function readItem(
  item: Element,
  index: number,
  previous: TicketMessage | null,
  report: Report,
): TicketMessage | null {
  const bubble = firstMatch(item, S.messageBubble);
  report.match('bubble', bubble?.selector ?? null);
  const internal = firstMatch(item, S.internalNoteTag);
  if (internal) report.match('internal', internal.selector);

  let role: MessageRole | null = internal ? 'internal' : roleFromType(bubble?.element.getAttribute('type') ?? null);
  if (!role) {
    const badge = firstMatch(item, S.agentBadge);
    if (badge) {
      role = 'agent';
      report.match('agentBadge', badge.selector);
    }
  }
  const sender = firstMatch(item, S.messageSender);
  report.match('sender', sender?.selector ?? null);
  let author = sender ? readableText(sender.element).replace(/\s+/g, ' ').slice(0, MAX_AUTHOR) : '';

  // A continuation of a group (no sender shown) belongs to the same sender as the message before.
  const continuation = !author && previous !== null && previous.role !== 'system';
  if (!role) {
    if (continuation) {
      role = previous.role;
      report.tally('message type missing; role taken from its group');
    } else {
      role = 'customer';
      report.tally('message type missing; assumed customer');
    }
  }
  if (!author && role !== 'system') {
    if (continuation && previous.role === role) {
      author = previous.author;
      report.count('authorInherited');
    } else {
      report.tally('message without sender');
    }
  }

  const content = firstMatch(item, S.messageContent);
  report.match('content', content?.selector ?? null);
  if (!content) {
    report.tally('item without message content skipped');
    report.count('skipped');
    return null;
  }
  let text = readableText(content.element);
  if (!text) {
    report.tally('empty message skipped');
    report.count('skipped');
    return null;
  }
  if (text.length > MAX_TEXT) {
    text = text.slice(0, MAX_TEXT);
    report.tally('message text truncated');
  }

  const time = firstMatch(item, S.messageTime);
  report.match('time', time?.selector ?? null);
  const at = isoTime(time?.element.getAttribute('datetime') ?? null);
  if (!at) report.count('withoutTime');

  report.count(role);
  return { id: messageIdOf(item) ?? `i${index}`, role, author, at, text };
}

function readComposer(ctx: TicketContext): Composer | null {
  const editor = firstMatch(ctx.root, S.composerEditor);
  if (!editor) return null;
  const switcher = firstMatch(ctx.root, S.composerChannel);
  const channel = switcher?.element.getAttribute('data-channel')?.toLowerCase() ?? '';
  const label = switcher ? (switcher.element.getAttribute('aria-label') ?? readableText(switcher.element)) : '';
  const internal = channel === 'internal' || (!channel && /internal|sisäinen/i.test(label));
  const element = editor.element;
  return { mode: internal ? 'internal' : 'public', element, text: () => readableText(element) };
}

/** The DOM reader alone (synchronous); `zendeskAdapter` below tries the API first. */
export const zendeskDomAdapter: HelpdeskAdapter = {
  id: 'zendesk',
  layout: S.layout,

  matches(url, doc) {
    if (!url.pathname.startsWith('/agent')) return false;
    return firstMatch(doc, S.pageMarker) !== null;
  },

  context(doc, url) {
    try {
      const ticketId = ticketIdFromUrl(url);
      if (!ticketId) return null;
      const root = findActivePane(doc, ticketId);
      if (!root) return null;
      return { ticketId, url: url.href, subject: subjectOf(root), channel: channelOf(root), root };
    } catch {
      // Odd markup means "no ticket we can read", never an error in the host page.
      return null;
    }
  },

  extract(ctx, signal): Extraction {
    const report = new Report();
    let messages: TicketMessage[] = [];
    try {
      messages = readMessages(ctx, report, signal);
    } catch (error) {
      report.note(`extraction failed: ${error instanceof Error ? error.name : 'error'}`);
    }
    report.counts.messages = messages.length;
    return { messages, source: 'dom', diagnostics: report.finish() };
  },

  composer(ctx) {
    try {
      return readComposer(ctx);
    } catch {
      return null;
    }
  },

  observe(doc, onChange) {
    // Tab switches show up as childList (pane added) or attribute changes (pane shown/hidden);
    // SPA navigation by pushState fires no event, but always changes one of those.
    return observePage(doc, onChange, ACTIVE_PANE_ATTRIBUTES);
  },
};

export type FetchLike = (input: string, init: RequestInit) => Promise<Pick<Response, 'ok' | 'status' | 'json'>>;

interface CacheEntry {
  key: string;
  answer: Promise<Extraction>;
  failed: string | null;
}

/** Pages of comments followed at most; 100 comments each. */
const MAX_PAGES = 20;

/**
 * API first: `/api/v2/tickets/<id>/comments.json?include=users` with the agent's own session cookie,
 * the DOM when the API fails. Same origin only (a cross-origin page, or a test document, reads the
 * DOM synchronously). One answer per ticket and DOM message count is reused: the page mutates far
 * more often than comments arrive.
 */
export function createZendeskAdapter(fetchImpl: FetchLike | null, pageOrigin: () => string | null): HelpdeskAdapter {
  /** One request per ticket state, shared by every read meanwhile; `failed` means "read the DOM". */
  let cached: CacheEntry | null = null;

  const fromApi = async (ctx: TicketContext): Promise<Extraction> => {
    const url = new URL(ctx.url);
    const pages: unknown[] = [];
    let next: string | null = commentsUrl(url, ctx.ticketId);
    while (next && pages.length < MAX_PAGES) {
      const response = await fetchImpl!(next, { credentials: 'include', headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`API answered ${response.status}`);
      const json: unknown = await response.json();
      pages.push(json);
      next = nextPageOf(json, url.origin);
    }
    const { messages, report } = parseZendeskComments(pages);
    report.match('source', '/api/v2/tickets/<id>/comments.json');
    report.counts.pages = pages.length;
    return { messages, source: 'api', diagnostics: report.finish() };
  };

  return {
    ...zendeskDomAdapter,
    extract(ctx, signal) {
      const dom = (note?: string): Extraction => {
        const extraction = zendeskDomAdapter.extract(ctx, signal) as Extraction;
        if (note) extraction.diagnostics.notes = [note, ...extraction.diagnostics.notes].slice(0, 50);
        return extraction;
      };
      let origin: string;
      try {
        origin = new URL(ctx.url).origin;
      } catch {
        return dom();
      }
      if (!fetchImpl || pageOrigin() !== origin) return dom();
      // A new comment shows in the page first: the count of items is the cache's key.
      const key = `${ctx.ticketId}|${allMatches(ctx.root, S.messageItem).elements.length}`;
      if (cached?.key === key) return cached.failed !== null ? dom(cached.failed) : cached.answer;
      const entry: CacheEntry = {
        key,
        failed: null,
        answer: fromApi(ctx).catch((error: unknown) => {
          entry.failed = `API unavailable (${error instanceof Error ? error.message.slice(0, 100) : 'error'}); read the page instead`;
          return dom(entry.failed);
        }),
      };
      cached = entry;
      return entry.answer;
    },
  };
}

export const zendeskAdapter = createZendeskAdapter(
  typeof fetch === 'function' ? (input, init) => fetch(input, init) : null,
  () => (typeof location === 'object' ? location.origin : null),
);
