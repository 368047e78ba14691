// Shared machinery of the DOM adapters: a page's message items become messages, with diagnostics.
import type { Channel, Diagnostics, Extraction, MessageRole, TicketMessage } from '../model';
import { allMatches, firstMatch, inertCopy, readableText } from './dom';
import type { Composer, HelpdeskAdapter, HelpdeskLayout, TicketContext } from './types';

// Limits of the shared schema (lib/model/ticket.ts): stay inside them instead of failing a parse later.
const MAX_MESSAGES = 20_000;
const MAX_TEXT = 200_000;
const MAX_AUTHOR = 300;
const MAX_NOTES = 50;

/**
 * Quoted history that mail clients append to replies. Removed from a message's text: the earlier
 * messages are in the thread already, and a review is about what this author wrote.
 */
export const QUOTED_HISTORY = [
  '.gmail_quote',
  'blockquote[type="cite"]',
  '.yahoo_quoted',
  '#divRplyFwdMsg',
  '.moz-cite-prefix',
  '[data-quoted-history]',
] as const;

/** Collects what matched and what went wrong, without letting notes grow past the schema's cap. */
export class Report {
  readonly matched: Record<string, string> = {};
  readonly counts: Record<string, number> = {};
  private readonly notes: string[] = [];
  private readonly tallies = new Map<string, number>();

  match(role: string, selector: string | null | undefined): void {
    if (!selector) return;
    const seen = this.matched[role];
    if (seen === undefined) this.matched[role] = selector;
    // A mix of variants in one ticket hints at a half-rolled-out UI: worth knowing, once.
    else if (seen !== selector) this.tally(`${role}: also matched ${selector}`);
  }

  count(key: string, by = 1): void {
    this.counts[key] = (this.counts[key] ?? 0) + by;
  }

  note(text: string): void {
    if (this.notes.length < MAX_NOTES) this.notes.push(text.slice(0, 500));
  }

  /** Per-message problems are reported once each, with a count, not once per message. */
  tally(text: string): void {
    this.tallies.set(text, (this.tallies.get(text) ?? 0) + 1);
  }

  finish(): Diagnostics {
    for (const [text, n] of this.tallies) this.note(n > 1 ? `${text} (×${n})` : text);
    return { matched: this.matched, counts: this.counts, notes: this.notes };
  }
}

/** ISO 8601 in UTC, or null for anything Date cannot read. */
export function isoTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** One line of text: whitespace folded, capped. */
export function oneLine(text: string, max: number): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Readable text without the parts matching `skip`; clones only when there is something to skip. */
export function textWithout(element: Element, skip: readonly string[]): { text: string; removed: number } {
  const selector = skip.join(',');
  if (!selector || !element.querySelector(selector)) return { text: readableText(element), removed: 0 };
  const clone = inertCopy(element);
  const found = clone.querySelectorAll(selector);
  found.forEach((node) => node.remove());
  return { text: readableText(clone), removed: found.length };
}

/** An input's live value, else the element's text: subjects are editable fields in most helpdesks. */
export function fieldText(element: Element): string {
  const value = 'value' in element && typeof element.value === 'string' ? element.value : readableText(element);
  return oneLine(value, 1000);
}

export function subjectIn(root: ParentNode, candidates: readonly string[]): string {
  const found = firstMatch(root, candidates);
  return found ? fieldText(found.element) : '';
}

/** Channel words in English and Finnish UI texts ("via messaging", "sähköposti", "phone", ...). */
export function channelFromWords(text: string): Channel | null {
  const t = text.toLowerCase();
  if (/messag|chat|widget|whatsapp|messenger|sms|viesti|keskustel|telegram|facebook/.test(t)) return 'chat';
  if (/call|phone|voice|talk|puhelu|puhelin/.test(t)) return 'call';
  if (/mail|sähköpost/.test(t)) return 'email';
  return null;
}

/** What a site tells the thread reader about its message items. */
export interface ThreadSpec {
  /** One message each, ordered candidates. */
  items: readonly string[];
  /** Who wrote the item; null when the page does not say (the item's group decides); 'skip' drops it. */
  role(item: Element): MessageRole | 'skip' | null;
  body: readonly string[];
  author: readonly string[];
  /** Elements carrying the time, in `datetime` unless `timeOf` reads it otherwise. */
  time: readonly string[];
  id(item: Element): string | null;
  /** Parts of a body that are not the author's words (quoted history, attachment lists). */
  skip?: readonly string[];
  /** File names of a message's attachments, for messages that are nothing else. */
  attachments?: readonly string[];
  authorOf?(element: Element): string;
  timeOf?(element: Element): string | null;
}

/** Reads every item under `root` into messages; never throws for one bad item. */
export function readThread(root: ParentNode, spec: ThreadSpec, report: Report, signal?: AbortSignal): TicketMessage[] {
  const skip = [...QUOTED_HISTORY, ...(spec.skip ?? [])];
  const messages = readItems(root, spec.items, report, signal, (item, index, previous) => readItem(item, index, previous, spec, skip, report));
  report.counts.messages = messages.length;
  return messages;
}

/**
 * The message items under `root` (the first of `selectors` that matches), each read by `read`, the
 * way every adapter reads a thread: at most MAX_MESSAGES, prompt to an abort, an item wrapping another
 * skipped, duplicate ids made unique, and one broken item never costing the rest.
 */
export function readItems(
  root: ParentNode,
  selectors: readonly string[],
  report: Report,
  signal: AbortSignal | undefined,
  read: (item: Element, index: number, previous: TicketMessage | null) => TicketMessage | null,
): TicketMessage[] {
  const items = allMatches(root, selectors);
  report.match('items', items.selector);
  report.count('items', items.elements.length);
  if (items.elements.length === 0) report.note('no message items found');

  const messages: TicketMessage[] = [];
  const usedIds = new Set<string>();
  let previous: TicketMessage | null = null;
  for (let index = 0; index < items.elements.length; index++) {
    if (messages.length >= MAX_MESSAGES) {
      report.note(`stopped at ${MAX_MESSAGES} messages`);
      break;
    }
    // Checking every message would cost more than it saves; every 256th keeps aborts prompt.
    if ((index & 255) === 0 && signal?.aborted) {
      report.note('aborted; messages are partial');
      break;
    }
    const item = items.elements[index]!;
    // Broken markup can wrap one item in another; the inner one is the real message.
    if (items.selector && item.querySelector(items.selector)) {
      report.tally('item wrapping another item skipped');
      report.count('nested');
      continue;
    }
    try {
      const message = read(item, index, previous);
      if (!message) continue;
      if (usedIds.has(message.id)) {
        report.tally('duplicate message id; made unique by index');
        message.id = `${message.id.slice(0, 180)}~${index}`;
      }
      usedIds.add(message.id);
      messages.push(message);
      previous = message;
    } catch (error) {
      // One broken item must not cost the rest of the conversation.
      report.tally(`item skipped: ${error instanceof Error ? error.name : 'error'}`);
      report.count('skipped');
    }
  }
  return messages;
}

function readItem(
  item: Element,
  index: number,
  previous: TicketMessage | null,
  spec: ThreadSpec,
  skip: readonly string[],
  report: Report,
): TicketMessage | null {
  let role = spec.role(item);
  if (role === 'skip') {
    report.count('ignored');
    return null;
  }
  const sender = firstMatch(item, spec.author);
  report.match('author', sender?.selector);
  let author = sender ? oneLine(spec.authorOf ? spec.authorOf(sender.element) : readableText(sender.element), MAX_AUTHOR) : '';

  // Chat UIs show the sender once per group; a nameless item continues the group before it.
  const continuation = !author && previous !== null && previous.role !== 'system';
  if (!role) {
    role = continuation ? previous.role : 'customer';
    report.tally(continuation ? 'role missing; taken from its group' : 'role missing; assumed customer');
  }
  if (!author && role !== 'system') {
    if (continuation && previous.role === role) {
      author = previous.author;
      report.count('authorInherited');
    } else report.tally('message without author');
  }

  const body = firstMatch(item, spec.body);
  report.match('body', body?.selector);
  const read = body ? textWithout(body.element, skip) : { text: '', removed: 0 };
  if (read.removed) report.count('quotedRemoved', read.removed);
  let text = read.text;
  if (!text && spec.attachments) {
    // An attachment-only message still happened; the reviewer should see that it did.
    const files = allMatches(item, spec.attachments);
    report.match('attachments', files.selector);
    const names = files.elements.map((file) => oneLine(readableText(file), 200)).filter(Boolean);
    if (names.length) {
      text = names.map((name) => `[attachment: ${name}]`).join('\n');
      report.count('attachmentOnly');
    }
  }
  if (!text) {
    report.tally(body ? 'empty message skipped' : 'item without body skipped');
    report.count('skipped');
    return null;
  }
  if (text.length > MAX_TEXT) {
    text = text.slice(0, MAX_TEXT);
    report.tally('message text truncated');
  }

  const time = firstMatch(item, spec.time);
  report.match('time', time?.selector);
  const at = time
    ? isoTime(time.element.getAttribute('datetime')) ?? (spec.timeOf ? spec.timeOf(time.element) : null)
    : null;
  if (!at) report.count('withoutTime');

  report.count(role);
  return { id: (spec.id(item) ?? `i${index}`).slice(0, 200), role, author, at, text };
}

/** Role markers per role, tried in this order: the item itself or anything inside it may carry them. */
export type RoleMarkers = Partial<Record<MessageRole, readonly string[]>>;
const ROLE_ORDER: readonly MessageRole[] = ['internal', 'system', 'bot', 'agent', 'customer'];

export function roleByMarkers(item: Element, markers: RoleMarkers): MessageRole | null {
  for (const role of ROLE_ORDER) {
    const selectors = markers[role];
    if (!selectors?.length) continue;
    const selector = selectors.join(',');
    if (item.matches(selector) || item.querySelector(selector)) return role;
  }
  return null;
}

/** The digits an attribute value ends in (`thread-123` → `123`), or the whole trimmed value. */
export function idFrom(value: string | null | undefined): string | null {
  if (!value) return null;
  const digits = /(\d+)\s*$/.exec(value)?.[1];
  return digits ?? (value.trim() || null);
}

export function domExtraction(root: ParentNode, spec: ThreadSpec, signal?: AbortSignal, report = new Report()): Extraction {
  let messages: TicketMessage[] = [];
  try {
    messages = readThread(root, spec, report, signal);
  } catch (error) {
    report.note(`extraction failed: ${error instanceof Error ? error.name : 'error'}`);
  }
  report.counts.messages = messages.length;
  return { messages, source: 'dom', diagnostics: report.finish() };
}

/** The reply editor: internal-note editors are tried first, since both can be in the DOM at once. */
export function composerIn(
  root: ParentNode,
  editors: { internal: readonly string[]; public: readonly string[] },
): Composer | null {
  const internal = firstMatch(root, editors.internal);
  const found = internal ?? firstMatch(root, editors.public);
  if (!found) return null;
  const element = found.element;
  return {
    mode: internal ? 'internal' : 'public',
    element,
    text: () => ('value' in element && typeof element.value === 'string' ? element.value : readableText(element)),
  };
}

/** Hidden by markup only (attributes and inline style), so no layout is forced. */
export function hiddenByMarkup(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = (element as HTMLElement).style as CSSStyleDeclaration | undefined;
  return style !== undefined && (style.display === 'none' || style.visibility === 'hidden');
}

const EDITABLE = '[contenteditable]:not([contenteditable="false"]), textarea';

/**
 * Typing in a reply editor is the draft tracker's business, never a new ticket state: without this
 * every pause in typing re-read the whole conversation. An editor's own attributes still count (a
 * switch between public reply and internal note can show there).
 */
function onlyEditing(record: MutationRecord): boolean {
  const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
  const scope = record.type === 'attributes' ? target?.parentElement : target;
  return scope?.closest(EDITABLE) != null;
}

/** Calls onChange on DOM changes (other than typing) and history navigation (pushState fires nothing, but changes the DOM). */
export function observePage(
  doc: Document,
  onChange: () => void,
  attributeFilter: readonly string[] = ['class', 'hidden', 'style', 'aria-hidden'],
): () => void {
  const view = doc.defaultView;
  const observer = view
    ? new view.MutationObserver((records) => {
        if (!records.every(onlyEditing)) onChange();
      })
    : null;
  observer?.observe(doc.body ?? doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: [...attributeFilter],
  });
  const listener = (): void => onChange();
  view?.addEventListener('popstate', listener);
  // Hash-routed apps (Zammad's classic UI) switch tickets by hash only.
  view?.addEventListener('hashchange', listener);
  return () => {
    observer?.disconnect();
    view?.removeEventListener('popstate', listener);
    view?.removeEventListener('hashchange', listener);
  };
}

/** What a plain DOM site declares; `siteAdapter` turns it into a HelpdeskAdapter. */
export interface DomSite {
  id: string;
  /** URL shape, tested before any DOM query so non-matching pages cost next to nothing. */
  urlMatches(url: URL): boolean;
  marker: readonly string[];
  ticketId(url: URL, doc: Document): string | null;
  /** The active ticket's pane, or null when it is not shown. */
  pane(doc: Document, ticketId: string): Element | null;
  subject(pane: Element): string;
  channel(pane: Element): Channel;
  thread(pane: Element): ThreadSpec;
  editors: { internal: readonly string[]; public: readonly string[] };
  layout?: HelpdeskLayout;
}

export function siteAdapter(site: DomSite): HelpdeskAdapter {
  return {
    id: site.id,
    layout: site.layout,
    matches: (url, doc) => site.urlMatches(url) && firstMatch(doc, site.marker) !== null,
    context(doc, url): TicketContext | null {
      try {
        const ticketId = site.ticketId(url, doc);
        const root = ticketId ? site.pane(doc, ticketId) : null;
        if (!ticketId || !root) return null;
        return { ticketId, url: url.href, subject: site.subject(root), channel: site.channel(root), root };
      } catch {
        // Odd markup means "no ticket we can read", never an error in the host page.
        return null;
      }
    },
    extract: (ctx, signal) => domExtraction(ctx.root, site.thread(ctx.root), signal),
    composer(ctx) {
      try {
        return composerIn(ctx.root, site.editors);
      } catch {
        return null;
      }
    },
    observe: observePage,
  };
}
