// Zammad (self-hosted), classic and desktop UI: reads the ticket's articles from the same-origin REST API, else the DOM.
import type { Channel, Extraction, MessageRole, TicketMessage } from '../../model';
import { allMatches, firstMatch, inertHtml, readableText } from '../dom';
import type { HelpdeskAdapter, TicketContext } from '../types';
import {
  QUOTED_HISTORY,
  Report,
  channelFromWords,
  composerIn,
  domExtraction,
  idFrom,
  isoTime,
  observePage,
  oneLine,
  subjectIn,
  textWithout,
  type ThreadSpec,
} from '../thread-reader';
import { classic as C, desktop as D } from './selectors';

type Ui = 'classic' | 'desktop';

const CLASSIC_HASH = /^#ticket\/zoom\/(\d{1,18})(?:\/|$)/;
const DESKTOP_PATH = /^(.*?)\/desktop\/tickets\/(\d{1,18})(?:\/|$)/;

/** Which UI a URL belongs to, by path shape only (self-hosted: any host, classic at the root path). */
export function uiOf(url: URL): Ui | null {
  if (url.pathname.includes('/desktop')) return 'desktop';
  // The classic app always routes by hash (#dashboard, #ticket/zoom/1); a bare root page is not it.
  if ((url.pathname.endsWith('/') || url.pathname.endsWith('/index.html')) && url.hash.length > 1) return 'classic';
  return null;
}

/** The ticket id (Zammad's internal id, as the API wants it) in a classic `#ticket/zoom/1/2` or desktop URL. */
export function ticketIdFromUrl(url: URL): string | null {
  return DESKTOP_PATH.exec(url.pathname)?.[2] ?? CLASSIC_HASH.exec(url.hash)?.[1] ?? null;
}

/** Where the API lives: the install's base path, for installs under a folder. */
export function apiUrl(url: URL, ticketId: string): string {
  const base = DESKTOP_PATH.exec(url.pathname)?.[1] ?? url.pathname.replace(/\/(index\.html)?$/, '');
  return `${url.origin}${base}/api/v1/ticket_articles/by_ticket/${ticketId}?expand=true`;
}

// ---- API: /api/v1/ticket_articles/by_ticket/<id> ----------------------------------------------

/**
 * One article of the answer. Checked by hand rather than with a zod schema: zod would add ~25 KB
 * gzipped to the content script, whose budget is 25 KB for everything.
 */
interface ApiArticle {
  id: number | string;
  from?: string | null;
  body?: string | null;
  content_type?: string | null;
  internal?: boolean | null;
  sender?: string | null;
  sender_id?: number | null;
  type?: string | null;
  created_by?: string | null;
  created_at?: string | null;
  attachments?: { filename?: string | null }[] | null;
}

const isText = (value: unknown): boolean => value === undefined || value === null || typeof value === 'string';

function isApiArticle(value: unknown): value is ApiArticle {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  return (
    (typeof a.id === 'number' || typeof a.id === 'string') &&
    ['from', 'body', 'content_type', 'sender', 'type', 'created_by', 'created_at'].every((key) => isText(a[key])) &&
    (a.internal === undefined || a.internal === null || typeof a.internal === 'boolean') &&
    (a.sender_id === undefined || a.sender_id === null || typeof a.sender_id === 'number') &&
    (a.attachments === undefined ||
      a.attachments === null ||
      (Array.isArray(a.attachments) &&
        a.attachments.every((file: unknown) => typeof file === 'object' && file !== null && isText((file as Record<string, unknown>).filename))))
  );
}

/** The answer as articles, or an error naming what was wrong (the caller falls back to the page). */
function parseArticles(json: unknown): ApiArticle[] {
  if (!Array.isArray(json)) throw new TypeError('answer is not a list of articles');
  if (json.length > 20_000) throw new RangeError('too many articles');
  if (!json.every(isApiArticle)) throw new TypeError('answer holds something that is not an article');
  return json;
}

/** Zammad's seeded sender ids (Agent 1, Customer 2, System 3), for answers without `expand`. */
const SENDER_BY_ID: Record<number, string> = { 1: 'agent', 2: 'customer', 3: 'system' };

function apiRole(article: ApiArticle): MessageRole {
  if (article.internal) return 'internal';
  const sender = (article.sender ?? SENDER_BY_ID[article.sender_id ?? 0] ?? '').toLowerCase();
  return sender === 'agent' ? 'agent' : sender === 'system' ? 'system' : 'customer';
}

/** "Matti M. <matti@example.fi>" → "Matti M."; a bare address stays as it is. */
function displayName(from: string): string {
  const name = from.replace(/<[^>]*>/g, '').replace(/^["'\s]+|["'\s]+$/g, '');
  return oneLine(name || from, 300);
}

function apiText(article: ApiArticle): string {
  const body = article.body ?? '';
  if ((article.content_type ?? '').includes('html')) {
    return textWithout(inertHtml(body), [...QUOTED_HISTORY, '.js-signatureMarker ~ *']).text;
  }
  // Plain-text mail quotes with "> "; those lines are earlier messages.
  return body
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('>'))
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Zammad article types (email, phone, web, note, chat, sms, telegram…) as a review channel. */
export function channelFromType(type: string | null | undefined): Channel | null {
  if (!type) return null;
  if (type === 'web') return 'email';
  return channelFromWords(type);
}

/** The API answer as messages and the ticket's channel (its first article's type). Pure: tested on saved JSON. */
export function parseZammadArticles(json: unknown): { messages: TicketMessage[]; channel: Channel | null; report: Report } {
  const report = new Report();
  const articles = parseArticles(json);
  report.count('items', articles.length);
  const messages: TicketMessage[] = [];
  for (const article of articles) {
    let text = apiText(article).slice(0, 200_000);
    if (!text) {
      const names = (article.attachments ?? []).map((file) => file.filename ?? '').filter(Boolean);
      text = names.map((name) => `[attachment: ${oneLine(name, 200)}]`).join('\n');
      if (text) report.count('attachmentOnly');
    }
    if (!text) {
      report.tally('empty article skipped');
      report.count('skipped');
      continue;
    }
    const role = apiRole(article);
    report.count(role);
    messages.push({
      id: String(article.id).slice(0, 200),
      role,
      author: displayName(article.from ?? article.created_by ?? ''),
      at: isoTime(article.created_at),
      text,
    });
  }
  report.counts.messages = messages.length;
  const channel = channelFromType(articles[0]?.type);
  return { messages, channel, report };
}

// ---- DOM --------------------------------------------------------------------------------------

function classicRole(item: Element): MessageRole | null {
  const classes = item.classList;
  if (classes.contains('is-internal')) return 'internal';
  if (classes.contains('agent')) return 'agent';
  if (classes.contains('system')) return 'system';
  if (classes.contains('customer')) return 'customer';
  return null;
}

const classicThread: ThreadSpec = {
  items: C.item,
  role: classicRole,
  body: C.body,
  author: C.author,
  time: C.time,
  id: (item) => idFrom(item.getAttribute('data-id')) ?? idFrom(item.id),
  skip: C.skip,
  attachments: C.attachments,
  authorOf: (element) => displayName(element.getAttribute('title') ?? readableText(element)),
  timeOf: (element) => isoTime(element.getAttribute('data-time')),
};

function desktopRole(item: Element): MessageRole | null {
  const bubble = firstMatch(item, D.bubble);
  // Rows without a bubble are SystemMessage/DeliveryMessage rows.
  if (!bubble) return 'system';
  if (firstMatch(item, D.internal) || bubble.element.matches(D.internal.join(','))) return 'internal';
  const body = firstMatch(item, D.bubbleBody)?.element;
  if (body?.classList.contains('Content--customer')) return 'customer';
  if (body?.classList.contains('Content--agent')) return 'agent';
  return null;
}

const desktopThread: ThreadSpec = {
  items: D.item,
  role: desktopRole,
  body: D.body,
  author: D.author,
  time: D.time,
  id: (item) => idFrom(firstMatch(item, D.bubble)?.element.getAttribute('data-test-id')) ?? idFrom(item.id),
  attachments: D.attachments,
};

/** A classic pane names its ticket in its task id (`…TicketZoom-12`) or in its articles' permalinks. */
function classicPaneTicketId(pane: Element): string | null {
  const fromId = /TicketZoom-(\d+)/.exec(pane.id)?.[1];
  if (fromId) return fromId;
  const link = firstMatch(pane, C.permalink)?.element.getAttribute('href') ?? '';
  return /#ticket\/zoom\/(\d+)/.exec(link)?.[1] ?? null;
}

/**
 * The URL is the truth: the pane of the ticket it names, the active one first. Zammad keeps other
 * open tickets rendered in hidden task containers, and during a switch the classes lag the hash.
 */
function classicPane(doc: Document, ticketId: string): Element | null {
  const zooms = allMatches(doc, C.zoom).elements;
  const candidates = zooms.map((zoom) => zoom.closest('.content') ?? zoom);
  const mine = candidates.filter((pane) => classicPaneTicketId(pane) === ticketId);
  return mine.find((pane) => pane.classList.contains('active')) ?? mine[0] ?? null;
}

function desktopPane(doc: Document): Element | null {
  const feed = firstMatch(doc, D.feed)?.element;
  if (!feed) return null;
  for (const selector of D.pane) {
    const pane = feed.closest(selector);
    if (pane) return pane;
  }
  return feed.parentElement ?? feed;
}

function domChannel(ui: Ui, pane: Element): Channel {
  if (ui === 'classic') {
    // ArticleView adds the article type (email, phone, chat, web…) as a class of the item.
    const first = firstMatch(pane, C.item)?.element;
    for (const name of first ? Array.from(first.classList) : []) {
      const channel = channelFromType(name);
      if (channel) return channel;
    }
  }
  return 'email';
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Pick<Response, 'ok' | 'status' | 'json'>>;

/** The adapter, with the network passed in so tests and the e2e server decide what the API answers. */
export function createZammadAdapter(fetchImpl: FetchLike | null): HelpdeskAdapter {
  const domRead = (ctx: TicketContext, signal?: AbortSignal, report?: Report): Extraction => {
    const ui = uiOf(new URL(ctx.url)) ?? 'classic';
    return domExtraction(ctx.root, ui === 'desktop' ? desktopThread : classicThread, signal, report);
  };

  return {
    id: 'zammad',
    layout: C.layout,

    matches(url, doc) {
      const ui = uiOf(url);
      if (!ui) return false;
      return firstMatch(doc, ui === 'desktop' ? D.pageMarker : C.pageMarker) !== null;
    },

    context(doc, url) {
      try {
        const ui = uiOf(url);
        const ticketId = ticketIdFromUrl(url);
        if (!ui || !ticketId) return null;
        const root = ui === 'desktop' ? desktopPane(doc) : classicPane(doc, ticketId);
        if (!root) return null;
        const subject = subjectIn(root, ui === 'desktop' ? D.subject : C.subject);
        return { ticketId, url: url.href, subject, channel: domChannel(ui, root), root };
      } catch {
        return null;
      }
    },

    async extract(ctx, signal) {
      if (fetchImpl) {
        try {
          const response = await fetchImpl(apiUrl(new URL(ctx.url), ctx.ticketId), {
            credentials: 'include',
            headers: { Accept: 'application/json' },
            signal,
          });
          if (response.ok) {
            const { messages, report } = parseZammadArticles(await response.json());
            report.match('source', '/api/v1/ticket_articles/by_ticket');
            return { messages, source: 'api', diagnostics: report.finish() };
          }
          const report = new Report();
          report.note(`API answered ${response.status}; read the page instead`);
          return domRead(ctx, signal, report);
        } catch (error) {
          if (signal?.aborted) throw error;
          const report = new Report();
          report.note(`API unavailable (${error instanceof Error ? error.name : 'error'}); read the page instead`);
          return domRead(ctx, signal, report);
        }
      }
      return domRead(ctx, signal);
    },

    composer(ctx) {
      try {
        const ui = uiOf(new URL(ctx.url));
        return composerIn(
          ctx.root,
          ui === 'desktop' ? { internal: D.editorInternal, public: D.editor } : { internal: C.editorInternal, public: C.editor },
        );
      } catch {
        return null;
      }
    },

    observe: observePage,
  };
}

export const zammadAdapter = createZammadAdapter((input, init) => fetch(input, init));
