// Helpdesk adapters inside Chromium for `npm run bench -- adapters`: 300-message tickets grown from the fixtures, and detection on an ordinary page.
import { allMatches } from '../lib/helpdesks/dom';
import * as freescout from '../lib/helpdesks/freescout/selectors';
import * as freshdesk from '../lib/helpdesks/freshdesk/selectors';
import * as front from '../lib/helpdesks/front/selectors';
import { createGenericAdapter } from '../lib/helpdesks/generic/adapter';
import * as helpscout from '../lib/helpdesks/helpscout/selectors';
import * as intercom from '../lib/helpdesks/intercom/selectors';
import * as osticket from '../lib/helpdesks/osticket/selectors';
import { adapters, pickAdapter } from '../lib/helpdesks/registry';
import type { HelpdeskAdapter, TicketContext } from '../lib/helpdesks/types';
import { createZammadAdapter, parseZammadArticles } from '../lib/helpdesks/zammad/adapter';
import * as zammad from '../lib/helpdesks/zammad/selectors';
import { parseZendeskComments } from '../lib/helpdesks/zendesk/api';
import { zendeskDomAdapter } from '../lib/helpdesks/zendesk/adapter';
import * as zendesk from '../lib/helpdesks/zendesk/selectors';
import type { Extraction, TicketMessage } from '../lib/model/ticket';

/** The generic fallback reads the region the user picked; the fixture's region is `#thread`. */
const GENERIC_REGION = '#thread';

/**
 * Per fixture: the message items (to find the thread's rows to clone) and the reader to time. The
 * Zendesk and Zammad adapters ask their same-origin API first; the bench times their page read,
 * which is what runs when the API is unavailable (and the only read of every other adapter).
 */
const CASES: Record<string, { items: readonly string[]; reader?: () => HelpdeskAdapter }> = {
  'zendesk/email': { items: zendesk.messageItem, reader: () => zendeskDomAdapter },
  'freshdesk/mint-ticket': { items: freshdesk.conversationItem },
  'intercom/chat-grouped': { items: intercom.part },
  'helpscout/conversation': { items: helpscout.threadItem },
  'front/email-with-comment': { items: front.item },
  'freescout/email': { items: freescout.threadItem },
  'osticket/ticket': { items: osticket.threadEntry },
  'zammad/classic-email': { items: zammad.classic.item, reader: () => createZammadAdapter(null) },
  'zammad/desktop': { items: zammad.desktop.item, reader: () => createZammadAdapter(null) },
  'generic/plain-page': {
    items: [`${GENERIC_REGION} > *`],
    reader: () => createGenericAdapter({ region: () => GENERIC_REGION, manual: () => null }),
  },
};

interface Prepared {
  reader: HelpdeskAdapter;
  ctx: TicketContext;
  /** The selector the adapter matched its items with: the baseline walks the same nodes. */
  itemSelector: string;
}

const prepared = new Map<string, Prepared>();

const extractNow = async (reader: HelpdeskAdapter, ctx: TicketContext): Promise<Extraction> => {
  const result = reader.extract(ctx);
  return result instanceof Promise ? await result : result;
};

/** The lowest element holding both nodes. */
function commonAncestor(a: Element, b: Element): Element {
  for (let node: Element | null = a; node; node = node.parentElement) if (node.contains(b)) return node;
  throw new Error('items share no ancestor');
}

// Attributes adapters take message ids from; a cloned row gets fresh ones, as a real long thread has.
const ID_ATTRIBUTES = new Set([
  'id',
  'data-id',
  'data-thread_id',
  'data-thread-id',
  'data-comment-id',
  'data-message-id',
  'data-part-id',
  'data-conversation-part-id',
  'data-conversation-id',
]);

function renumber(row: Element, serial: number): void {
  for (const element of [row, ...Array.from(row.querySelectorAll('*'))]) {
    for (const { name, value } of Array.from(element.attributes)) {
      const idLike =
        ID_ATTRIBUTES.has(name) ||
        (name === 'name' && value.startsWith('entry-')) ||
        (name === 'data-test-id' && /-\d+$/.test(value));
      if (!idLike) continue;
      element.setAttribute(name, /\d+$/.test(value) ? value.replace(/\d+$/, String(serial)) : `${value}-${serial}`);
    }
  }
}

const sameMessage = (a: TicketMessage, b: TicketMessage): boolean =>
  a.role === b.role && a.author === b.author && a.at === b.at && a.text === b.text;

/**
 * Parses a fixture page, checks that the registry picks its helpdesk, then clones the thread's rows
 * (in order, with fresh ids) until the adapter extracts exactly `target` messages. Checks that the
 * big thread reads as the fixture's messages repeated, so the figure is really `target` messages.
 */
export async function buildTicket(
  key: string,
  site: string,
  html: string,
  href: string,
  expectedCount: number,
  target: number,
): Promise<{ messages: number; rows: number; elements: number; textChars: number }> {
  const spec = CASES[key];
  if (!spec) throw new Error(`${key}: no bench case`);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const url = new URL(href);
  const picked = site === 'generic' ? null : pickAdapter(url, doc);
  if (site !== 'generic' && picked?.id !== site) throw new Error(`${key}: the registry picked ${picked?.id ?? 'nothing'}`);
  const reader = spec.reader?.() ?? picked!;
  const ctx = reader.context(doc, url);
  if (!ctx) throw new Error(`${key}: no ticket context`);

  const original = (await extractNow(reader, ctx)).messages;
  if (original.length !== expectedCount) throw new Error(`${key}: fixture reads as ${original.length} messages, expected.json has ${expectedCount}`);
  const found = allMatches(ctx.root, spec.items);
  if (!found.selector || found.elements.length === 0) throw new Error(`${key}: no message items`);
  const container = commonAncestor(found.elements[0]!, found.elements[found.elements.length - 1]!);
  const rows = Array.from(container.children);

  let count = original.length;
  let serial = 100_000;
  // Whole rounds of the thread while they fit, then one row at a time to land on `target` exactly.
  while (count + original.length <= target) {
    for (const row of rows) {
      const copy = row.cloneNode(true) as Element;
      renumber(copy, serial++);
      container.append(copy);
    }
    count += original.length;
  }
  let messages = (await extractNow(reader, ctx)).messages;
  for (let i = 0; messages.length < target; i++) {
    const copy = rows[i % rows.length]!.cloneNode(true) as Element;
    renumber(copy, serial++);
    container.append(copy);
    messages = (await extractNow(reader, ctx)).messages;
  }
  if (messages.length !== target) throw new Error(`${key}: built ${messages.length} messages, wanted ${target}`);
  if (new Set(messages.map((m) => m.id)).size !== target) throw new Error(`${key}: message ids are not unique`);
  messages.forEach((message, i) => {
    if (!sameMessage(message, original[i % original.length]!)) throw new Error(`${key}: message ${i} does not repeat the fixture`);
  });
  prepared.set(key, { reader, ctx, itemSelector: found.selector });
  return {
    messages: messages.length,
    rows: container.children.length,
    elements: ctx.root.getElementsByTagName('*').length,
    textChars: messages.reduce((sum, m) => sum + m.text.length, 0),
  };
}

/** Extraction beside the floor (querySelectorAll + textContent over the same items), interleaved, after a warm-up. */
export async function timeTicket(key: string, warmup: number, runs: number): Promise<{ work: number[]; floor: number[] }> {
  const p = prepared.get(key);
  if (!p) throw new Error(`${key}: not built`);
  const floorOnce = (): number => {
    let chars = 0;
    for (const item of p.ctx.root.querySelectorAll(p.itemSelector)) chars += (item.textContent ?? '').length;
    return chars;
  };
  let sink = 0;
  for (let i = 0; i < warmup; i++) {
    sink += (await extractNow(p.reader, p.ctx)).messages.length + floorOnce();
  }
  const work: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    sink += (await extractNow(p.reader, p.ctx)).messages.length;
    work.push(performance.now() - t0);
    t0 = performance.now();
    sink += floorOnce();
    floor.push(performance.now() - t0);
  }
  if (sink < 0) throw new Error('unreachable');
  return { work, floor };
}

// ---- Detection on an ordinary page --------------------------------------------------------------

/**
 * A blog article as a CMS renders it (≈ 2,000 elements): navigation, long text, a table, comments.
 * No id or class any adapter uses as a page marker, so every marker query is a miss.
 */
export function buildOrdinaryPage(): number {
  const link = (i: number): string => `<a href="/blog/${i}">Artikkeli ${i}</a>`;
  const paragraph = (i: number): string =>
    `<p>Kappale ${i}: asiakaspalvelun <em>laatu</em> näkyy vastauksissa, ja ${link(i)} kertoo lisää. ` +
    `<strong>Arviointi</strong> auttaa tiimiä oppimaan yhdessä.</p>`;
  const sections = Array.from({ length: 16 }, (_, s) =>
    `<section class="entry-section"><h2>Osio ${s + 1}</h2>${Array.from({ length: 10 }, (_, i) => paragraph(s * 10 + i)).join('')}` +
    `<figure><img alt="" src="data:,"><figcaption>Kuva ${s + 1}</figcaption></figure></section>`,
  ).join('');
  const table = `<table class="data"><tbody>${Array.from({ length: 20 }, (_, r) => `<tr>${Array.from({ length: 4 }, (_, c) => `<td>${r * 4 + c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const comments = Array.from({ length: 150 }, (_, i) =>
    `<li class="comment"><div class="comment-meta"><span class="author">Lukija ${i}</span> <time datetime="2025-03-01T10:${String(i % 60).padStart(2, '0')}:00Z">1.3.2025</time></div><div class="comment-body"><p>Hyvä kirjoitus, kiitos ${i}.</p></div></li>`,
  ).join('');
  const widgets = Array.from({ length: 3 }, (_, w) => `<div class="widget"><h3>Lista ${w}</h3><ul>${Array.from({ length: 10 }, (_, i) => `<li>${link(w * 10 + i)}</li>`).join('')}</ul></div>`).join('');
  const footer = Array.from({ length: 4 }, (_, c) => `<div class="footer-col"><ul>${Array.from({ length: 8 }, (_, i) => `<li>${link(c * 8 + i)}</li>`).join('')}</ul></div>`).join('');
  document.title = 'Laadukas asiakaspalvelu – Blogi';
  document.body.innerHTML =
    `<div id="page" class="site"><header class="site-header"><div class="logo">Blogi</div><ul class="menu">${Array.from({ length: 12 }, (_, i) => `<li>${link(i)}</li>`).join('')}</ul>` +
    `<form role="search"><input type="search" name="s"><button>Hae</button></form></header>` +
    `<div id="primary" class="site-main"><article class="post"><h1 class="entry-title">Laadukas asiakaspalvelu</h1>` +
    `<div class="entry-content">${sections}${table}</div></article><ol class="comment-list">${comments}</ol></div>` +
    `<aside class="sidebar">${widgets}</aside><footer class="site-footer">${footer}</footer></div>`;
  return document.getElementsByTagName('*').length;
}

/**
 * Per-call times of `fn`: calls are batched until a batch takes ≥ 2 ms (the page clock is coarse),
 * and each sample is one batch's mean.
 */
function perCall(fn: () => unknown, samples: number): { times: number[]; batch: number } {
  let sink = 0;
  const once = (n: number): number => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) sink += fn() ? 1 : 0;
    return performance.now() - t0;
  };
  let batch = 1;
  while (once(batch) < 2 && batch < 1 << 20) batch *= 2;
  const times = Array.from({ length: samples }, () => once(batch) / batch);
  if (sink < 0) throw new Error('unreachable');
  return { times, batch };
}

/** A URL per adapter that passes its URL test, so `matches` goes on to its DOM markers. */
const URL_SHAPED_LIKE: Record<string, string[]> = {
  zendesk: ['http://localhost:3000/agent/dashboard'],
  freshdesk: ['http://localhost:3000/a/tickets/1'],
  intercom: ['http://localhost:3000/a/inbox/x/inbox/conversation/1'],
  helpscout: ['http://localhost:3000/conversation/1/2'],
  front: ['http://localhost:3000/inboxes/teams/conversation/cnv_1'],
  freescout: ['http://localhost:3000/conversation/1'],
  osticket: ['http://localhost:3000/scp/tickets.php'],
  // Both UIs: a hash-routed app at the root looks like classic Zammad, /desktop like the new view.
  zammad: ['http://localhost:3000/#/settings', 'http://localhost:3000/desktop/settings'],
};

/**
 * On the ordinary page: the registry's pick for an ordinary URL; the worst case, every adapter's
 * `matches` with a URL shaped like its own (all DOM markers queried, all missing); and the floor,
 * one walk over every element of the same page. (A single missing selector is no floor: Blink
 * answers most of them without walking, from the ids, classes and attribute names it has seen.)
 */
export function timeDetect(href: string, samples: number): Record<'pick' | 'everyMarker' | 'floor', { times: number[]; batch: number }> {
  const url = new URL(href);
  if (pickAdapter(url, document) !== null) throw new Error(`${href}: an adapter claimed the ordinary page`);
  const shaped = adapters.flatMap((adapter) => {
    const hrefs = URL_SHAPED_LIKE[adapter.id];
    if (!hrefs) throw new Error(`${adapter.id}: no URL shaped like it`);
    return hrefs.map((h) => ({ adapter, url: new URL(h) }));
  });
  for (const { adapter, url: u } of shaped) {
    if (adapter.matches(u, document)) throw new Error(`${adapter.id}: matched the ordinary page at ${u.href}`);
  }
  const everyMarker = (): boolean => {
    let any = false;
    for (const { adapter, url: u } of shaped) any = adapter.matches(u, document) || any;
    return any;
  };
  return {
    pick: perCall(() => pickAdapter(url, document), samples),
    everyMarker: perCall(everyMarker, samples),
    floor: perCall(() => document.querySelectorAll('*').length, samples),
  };
}

// ---- The same-origin API paths (Zendesk, Zammad): the answer is parsed, each HTML body made text ---

/** The saved answer repeated `cycles` times with fresh ids, as the page's fetch().json() gives it. */
function grownAnswer(kind: 'zendesk' | 'zammad', text: string, cycles: number): unknown[] {
  const json = JSON.parse(text) as unknown;
  const repeat = <T extends { id: number }>(items: T[]): T[] =>
    Array.from({ length: items.length * cycles }, (_, i) => ({ ...items[i % items.length]!, id: 900_000 + i }));
  if (kind === 'zendesk') {
    const answer = json as { comments: { id: number }[] };
    const comments = repeat(answer.comments);
    // Zendesk pages by 100 comments.
    const pages: unknown[] = [];
    for (let i = 0; i < comments.length; i += 100) pages.push({ ...answer, comments: comments.slice(i, i + 100), next_page: null });
    return pages;
  }
  return [repeat(json as { id: number }[])];
}

const parseApi = (kind: 'zendesk' | 'zammad', answer: unknown[]): number =>
  kind === 'zendesk' ? parseZendeskComments(answer).messages.length : parseZammadArticles(answer[0]).messages.length;

/** Parsing the API answer to messages beside JSON.parse of the same answer text (the floor of reading it at all). */
export function timeApi(kind: 'zendesk' | 'zammad', text: string, count: number, warmup: number, runs: number): { messages: number; work: number[]; floor: number[] } {
  // Whole copies of the saved answer (some articles, such as system notes, are not messages) to `count` messages.
  const perCopy = parseApi(kind, grownAnswer(kind, text, 1));
  const answer = grownAnswer(kind, text, Math.ceil(count / perCopy));
  const answerText = answer.map((page) => JSON.stringify(page));
  const parse = (): number => parseApi(kind, answer);
  const messages = parse();
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += parse() + answerText.map((t) => JSON.parse(t) as unknown).length;
  const work: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    sink += parse();
    work.push(performance.now() - t0);
    t0 = performance.now();
    sink += answerText.map((t) => JSON.parse(t) as unknown).length;
    floor.push(performance.now() - t0);
  }
  if (sink < 0) throw new Error('unreachable');
  return { messages, work, floor };
}
