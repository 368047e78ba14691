// The Zendesk adapter reads saved Agent Workspace pages and the demo helpdesk exactly as a reviewer would see them.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTicketPane } from '../../../demo/public/render.js';
import { tickets } from '../../../demo/tickets.mjs';
import { pickAdapter } from '../../../lib/helpdesks/registry';
import { ticketIdFromUrl, zendeskAdapter } from '../../../lib/helpdesks/zendesk/adapter';
import { extractionSchema, type Extraction, type TicketMessage } from '../../../lib/model/ticket';

// A string, not `new URL(...)`: under happy-dom the global URL is the page's, not Node's.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/helpdesks/zendesk');

interface Expected {
  context: { ticketId: string; subject: string; channel: string } | null;
  messages: TicketMessage[];
  /** Optional: what the reply editor holds and in which mode. */
  composer?: { mode: 'public' | 'internal'; text: string } | null;
}

const variants = readdirSync(FIXTURES, { withFileTypes: true })
  // Saved API answers live beside the pages, in a folder without page.html.
  .filter((entry) => entry.isDirectory() && entry.name !== 'api')
  .map((entry) => entry.name)
  .sort();

function load(variant: string): { doc: Document; html: string; url: URL; expected: Expected } {
  const html = readFileSync(join(FIXTURES, variant, 'page.html'), 'utf8');
  const url = new URL(readFileSync(join(FIXTURES, variant, 'url.txt'), 'utf8').trim());
  const expected = JSON.parse(readFileSync(join(FIXTURES, variant, 'expected.json'), 'utf8')) as Expected;
  // DOMParser gives an inert document: nothing in the fixture runs while it is read.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { doc, html, url, expected };
}

/** Extract synchronously: the Zendesk adapter never returns a promise. */
function extractSync(ctx: NonNullable<ReturnType<typeof zendeskAdapter.context>>): Extraction {
  const result = zendeskAdapter.extract(ctx);
  if (result instanceof Promise) throw new Error('expected a synchronous extraction');
  return result;
}

const pwned = (): unknown => (globalThis as Record<string, unknown>).__arvioPwned;

afterEach(() => {
  delete (globalThis as Record<string, unknown>).__arvioPwned;
});

describe('Zendesk fixtures', () => {
  it('has every variant the adapter must handle', () => {
    expect(variants).toEqual(
      expect.arrayContaining([
        'chat', 'email', 'grouped-messages', 'hostile', 'hostile-empty', 'internal-note', 'non-ticket-page', 'two-tickets-open',
      ]),
    );
  });

  it.each(variants)('%s: the reviewer sees the expected ticket and every message', (variant) => {
    const { doc, url, expected } = load(variant);
    expect(zendeskAdapter.matches(url, doc)).toBe(true);
    expect(pickAdapter(url, doc)?.id).toBe('zendesk');

    const ctx = zendeskAdapter.context(doc, url);
    if (expected.context === null) {
      expect(ctx).toBeNull();
      return;
    }
    expect(ctx).not.toBeNull();
    expect({ ticketId: ctx!.ticketId, subject: ctx!.subject, channel: ctx!.channel }).toEqual(expected.context);
    expect(ctx!.url).toBe(url.href);

    const extraction = extractSync(ctx!);
    expect(() => extractionSchema.parse(extraction)).not.toThrow();
    expect(extraction.source).toBe('dom');
    expect(extraction.messages).toEqual(expected.messages);
    expect(extraction.diagnostics.counts.messages).toBe(expected.messages.length);

    if (expected.composer !== undefined) {
      const composer = zendeskAdapter.composer(ctx!);
      expect(composer && { mode: composer.mode, text: composer.text() }).toEqual(expected.composer);
      if (composer) expect(ctx!.root.contains(composer.element)).toBe(true);
    }
  });
});

describe('Zendesk adapter', () => {
  it.each([
    ['https://acme.zendesk.com/agent/tickets/12', '12'],
    ['http://127.0.0.1:5178/agent/tickets/12', '12'],
    ['https://acme.zendesk.com/agent/tickets/12/events', '12'],
    ['https://acme.zendesk.com/agent/tickets/12?x=1#c', '12'],
    ['https://acme.zendesk.com/agent/tickets/new/1', null],
    ['https://acme.zendesk.com/agent/dashboard', null],
    ['https://acme.zendesk.com/tickets/12', null],
    ['https://acme.zendesk.com/agent/tickets/12abc', null],
  ])('reads the ticket id of %s as %s', (href, id) => {
    expect(ticketIdFromUrl(new URL(href))).toBe(id);
  });

  it('does not claim pages without Zendesk markers or outside /agent', () => {
    const blank = new DOMParser().parseFromString('<p>hello</p>', 'text/html');
    expect(zendeskAdapter.matches(new URL('https://example.com/agent/tickets/1'), blank)).toBe(false);
    expect(pickAdapter(new URL('https://example.com/agent/tickets/1'), blank)).toBeNull();
    const { doc } = load('email');
    expect(zendeskAdapter.matches(new URL('https://acme.zendesk.com/hc/en-us'), doc)).toBe(false);
  });

  it('reports only the ticket the URL names, and only when its pane is shown', () => {
    const { doc } = load('two-tickets-open');
    const at = (id: string) => zendeskAdapter.context(doc, new URL(`https://acme.zendesk.com/agent/tickets/${id}`));
    expect(at('303')?.ticketId).toBe('303');
    expect(at('301')).toBeNull(); // hidden attribute
    expect(at('302')).toBeNull(); // inline display:none
    expect(at('999')).toBeNull(); // not open at all
    // The active pane's messages only: the hidden tickets' messages never leak in.
    const ctx = at('303')!;
    expect(extractSync(ctx).messages.map((m) => m.id)).toEqual(['303001', '303002']);
  });

  it('says what matched and what was wrong with a broken page, without throwing', () => {
    const { doc, url } = load('hostile');
    const extraction = extractSync(zendeskAdapter.context(doc, url)!);
    expect(extraction.diagnostics.matched.items).toBe('[data-test-id="omni-log-comment-item"]');
    expect(extraction.diagnostics.counts).toMatchObject({ items: 9, messages: 6, skipped: 2, nested: 1, withoutTime: 4 });
    const notes = extraction.diagnostics.notes.join('\n');
    expect(notes).toMatch(/empty message skipped \(×2\)/);
    expect(notes).toMatch(/duplicate message id/);
    expect(notes).toMatch(/message type missing; assumed customer/);
    expect(notes).toMatch(/item wrapping another item skipped/);
  });

  it('runs none of a hostile page’s scripts or handlers, even in a live document', async () => {
    const { html, url } = load('hostile');
    document.documentElement.innerHTML = html;
    const ctx = zendeskAdapter.context(document, url);
    expect(ctx?.ticketId).toBe('666');
    const extraction = extractSync(ctx!);
    expect(zendeskAdapter.composer(ctx!)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pwned()).toBeUndefined();
    for (const message of extraction.messages) expect(message.text).not.toMatch(/__arvioPwned|<script/i);
    document.documentElement.innerHTML = '<head></head><body></body>';
  });

  it('extracts a generated 10,000-message ticket without throwing', () => {
    const items: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      items.push(
        `<article data-test-id="omni-log-comment-item"><div data-test-id="omni-log-item-message" type="${i % 2 ? 'agent' : 'end-user'}">` +
          `<div data-test-id="omni-log-message-content">message ${i}</div></div></article>`,
      );
    }
    const doc = new DOMParser().parseFromString(
      `<main id="main_panes"><div data-side-conversations-anchor-id="9000"><div data-test-id="omni-log-container">${items.join('')}</div></div></main>`,
      'text/html',
    );
    const ctx = zendeskAdapter.context(doc, new URL('http://127.0.0.1/agent/tickets/9000'))!;
    const extraction = extractSync(ctx);
    expect(extraction.messages).toHaveLength(10_000);
    expect(extraction.messages[9_999]).toMatchObject({ id: 'i9999', role: 'agent', text: 'message 9999' });
    expect(() => extractionSchema.parse(extraction)).not.toThrow();
  });

  it('stops early with a note when the caller aborts', () => {
    const { doc, url } = load('email');
    const controller = new AbortController();
    controller.abort();
    const result = zendeskAdapter.extract(zendeskAdapter.context(doc, url)!, controller.signal) as Extraction;
    expect(result.messages).toEqual([]);
    expect(result.diagnostics.notes).toContain('aborted; messages are partial');
  });

  it('notices tab switches and back/forward, and stops listening when asked', async () => {
    const onChange = vi.fn();
    document.body.innerHTML = '<main id="main_panes"><div data-side-conversations-anchor-id="1"></div></main>';
    const stop = zendeskAdapter.observe(document, onChange);
    document.querySelector('[data-side-conversations-anchor-id]')!.setAttribute('hidden', '');
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(onChange).toHaveBeenCalled();
    onChange.mockClear();
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
    onChange.mockClear();
    document.body.append(document.createElement('div'));
    window.dispatchEvent(new PopStateEvent('popstate'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(onChange).not.toHaveBeenCalled();
    document.body.innerHTML = '';
  });
});

describe('the demo helpdesk', () => {
  /** The demo page as app.js builds it: every ticket's pane in #main_panes. Built once; tests pick the shown one. */
  let demo: Document | null = null;
  function demoDocument(active: string): Document {
    if (!demo) {
      demo = document.implementation.createHTMLDocument('demo');
      const panes = demo.createElement('main');
      panes.id = 'main_panes';
      for (const ticket of tickets) panes.append(createTicketPane(demo, ticket, { hidden: true }));
      demo.body.append(panes);
    }
    for (const pane of demo.querySelectorAll('[data-side-conversations-anchor-id]')) {
      pane.toggleAttribute('hidden', pane.getAttribute('data-side-conversations-anchor-id') !== active);
    }
    return demo;
  }

  it('has the tickets the README and e2e tests rely on', () => {
    expect(tickets.map((t) => t.id)).toEqual(['101', '102', '103', '104', '105', '106']);
    expect(tickets.find((t) => t.id === '101')).toMatchObject({ channel: 'email', language: 'fi' });
    expect(tickets.find((t) => t.id === '102')).toMatchObject({ channel: 'chat', language: 'en' });
    expect(tickets.find((t) => t.id === '106')!.messages).toHaveLength(300);
    expect(tickets.some((t) => t.messages.some((m) => m.role === 'internal'))).toBe(true);
  });

  it.each(tickets.map((t) => [t.id, t.subject] as const))(
    'ticket %s (%s) reads back exactly as the demo shows it',
    (id) => {
      const ticket = tickets.find((t) => t.id === id)!;
      const doc = demoDocument(id);
      const url = new URL(`http://127.0.0.1:5178/agent/tickets/${id}`);
      expect(zendeskAdapter.matches(url, doc)).toBe(true);
      const ctx = zendeskAdapter.context(doc, url)!;
      expect({ ticketId: ctx.ticketId, subject: ctx.subject, channel: ctx.channel }).toEqual({
        ticketId: id,
        subject: ticket.subject,
        channel: ticket.channel,
      });
      const extraction = extractSync(ctx);
      expect(extraction.messages).toEqual(ticket.messages);
      expect(extraction.diagnostics.notes).toEqual([]);
      expect(zendeskAdapter.composer(ctx)?.mode).toBe('public');
    },
  );

  it('reads the internal-note mode of the demo composer', () => {
    const doc = demoDocument('104');
    const ctx = zendeskAdapter.context(doc, new URL('http://127.0.0.1:5178/agent/tickets/104'))!;
    ctx.root
      .querySelector('[data-test-id="omnichannel-channel-switcher-button"]')!
      .setAttribute('data-channel', 'internal');
    expect(zendeskAdapter.composer(ctx)?.mode).toBe('internal');
    ctx.root.querySelector('[data-test-id="omnichannel-channel-switcher-button"]')!.setAttribute('data-channel', 'email');
  });

  it('has no ticket on the dashboard', () => {
    const doc = demoDocument('none');
    expect(zendeskAdapter.context(doc, new URL('http://127.0.0.1:5178/agent/dashboard'))).toBeNull();
  });
});
