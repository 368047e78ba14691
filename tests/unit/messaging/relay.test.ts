// The background's relay: a sidebar hears its own page and no other, and can only ask things of its own tab's page.
import { describe, expect, it, vi } from 'vitest';
import { createRelay } from '@/lib/messaging';
import { newSessionId } from '@/lib/model/commands';
import { PAGE_PORT_PREFIX, SIDEBAR_PORT_PREFIX } from '@/lib/model/messages';
import type { TicketSnapshot } from '@/lib/model/ticket';
import { FakePort } from './fake-port';

const EXT = 'moz-extension://0f1e2d3c-aaaa-bbbb-cccc-000000000000';
const SIDEBAR = `${EXT}/sidebar.html`;
const S1 = '6f2c1d0e-1111-4a4a-9b9b-000000000001';
const S2 = '6f2c1d0e-2222-4a4a-9b9b-000000000002';

function setup() {
  const openOptions = vi.fn();
  const relay = createRelay({ sidebarUrl: () => SIDEBAR, openOptions });
  const page = (tab: number, session: string) => {
    const port = new FakePort(PAGE_PORT_PREFIX + session, { tab: { id: tab }, frameId: 0, url: 'https://acme.zendesk.com/agent/tickets/1' });
    relay.accept(port);
    return port;
  };
  const sidebar = (tab: number, session: string, over: Partial<NonNullable<FakePort['sender']>> = {}) => {
    const port = new FakePort(SIDEBAR_PORT_PREFIX + session, { tab: { id: tab }, frameId: 7, url: `${SIDEBAR}#${session}`, ...over });
    relay.accept(port);
    return port;
  };
  return { relay, openOptions, page, sidebar };
}

const snapshot = (id: string): TicketSnapshot => ({
  state: 'ticket',
  ticket: { helpdesk: 'zendesk', ticketId: id, url: `https://acme.zendesk.com/agent/tickets/${id}`, subject: `Ticket ${id}`, channel: 'email' },
  extraction: { messages: [], source: 'dom', diagnostics: { matched: {}, counts: {}, notes: [] } },
});

describe('the relay between a page and its sidebar', () => {
  it('brings the page’s ticket to the sidebar of the same tab, and to no other tab’s', () => {
    const { page, sidebar } = setup();
    const one = page(1, S1);
    const two = page(2, S2);
    const mine = sidebar(1, S1);
    const theirs = sidebar(2, S2);
    // A sidebar that joins later asks its page for the state it missed.
    expect(one.types()).toEqual(['attached']);
    one.receive({ type: 'snapshot', snapshot: snapshot('101') });
    one.receive({ type: 'draft', draft: { text: 'Hei', mode: 'public' } });
    expect(mine.sent).toEqual([
      { type: 'snapshot', snapshot: snapshot('101') },
      { type: 'draft', draft: { text: 'Hei', mode: 'public' } },
    ]);
    expect(theirs.sent).toEqual([]);
    expect(two.sent).toEqual([{ type: 'attached' }]);
  });

  it('pairs a page of a plain-http helpdesk, where crypto.randomUUID does not exist, with its sidebar', () => {
    const randomUUID = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(crypto), 'randomUUID');
    // What a non-secure context (http://zammad.intranet) gives the content script.
    Object.defineProperty(Object.getPrototypeOf(crypto), 'randomUUID', { value: undefined, configurable: true });
    try {
      const session = newSessionId();
      expect(session).toMatch(/^[0-9a-f]{32}$/);
      expect(newSessionId()).not.toBe(session);
      const { page, sidebar } = setup();
      const one = page(1, session);
      const mine = sidebar(1, session);
      expect(one.types()).toEqual(['attached']);
      one.receive({ type: 'snapshot', snapshot: snapshot('101') });
      expect(mine.sent).toEqual([{ type: 'snapshot', snapshot: snapshot('101') }]);
    } finally {
      if (randomUUID) Object.defineProperty(Object.getPrototypeOf(crypto), 'randomUUID', randomUUID);
    }
  });

  it('lets a sidebar close only its own tab’s page, whatever session it names', () => {
    const { page, sidebar } = setup();
    const victim = page(1, S1);
    victim.sent.length = 0;
    // A frame in tab 2 that learnt tab 1's session: its tab is the one the browser says, so it pairs with nothing.
    const intruder = sidebar(2, S1, { url: `${SIDEBAR}#${S1}` });
    intruder.receive({ type: 'close' });
    expect(victim.sent).toEqual([]);
    const own = sidebar(1, S1);
    own.receive({ type: 'close' });
    expect(victim.types()).toEqual(['attached', 'close']);
  });

  it('refuses ports that are not what they are named: a top-level or foreign sidebar, a framed page script, a bad session', () => {
    const { relay, sidebar } = setup();
    const refused = [
      sidebar(1, S1, { frameId: 0 }),
      sidebar(1, S1, { url: 'https://evil.example/sidebar.html#' + S1 }),
      sidebar(1, S1, { url: `${SIDEBAR}#${S2}` }),
      sidebar(1, S1, { url: `${EXT}/options.html#${S1}` }),
      sidebar(1, S1, { url: `${SIDEBAR}?x=1#${S1}` }),
      sidebar(1, S1, { tab: undefined }),
      sidebar(1, 'not a session'),
    ];
    const framedPage = new FakePort(PAGE_PORT_PREFIX + S1, { tab: { id: 1 }, frameId: 3, url: 'https://acme.zendesk.com/' });
    const extensionPage = new FakePort(PAGE_PORT_PREFIX + S1, { tab: { id: 1 }, frameId: 0, url: `${EXT}/options.html` });
    relay.accept(framedPage);
    relay.accept(extensionPage);
    for (const port of [...refused, framedPage, extensionPage]) expect(port.closedByUs).toBe(true);
    expect(relay.size()).toBe(0);
    // Ports that are not ours to relay are left to their own listeners.
    const other = new FakePort('someone-else', { tab: { id: 1 }, frameId: 0 });
    expect(relay.accept(other)).toBe(false);
    expect(other.closedByUs).toBe(false);
  });

  it('pairs a sidebar framed by its per-session dynamic URL (Chromium use_dynamic_url), whose host is not the extension id', () => {
    const { page, sidebar } = setup();
    const p = page(1, S1);
    const s = sidebar(1, S1, { url: `moz-extension://a1b2c3d4-dynamic-session-id/sidebar.html#${S1}` });
    expect(s.closedByUs).toBe(false);
    p.receive({ type: 'snapshot', snapshot: snapshot('101') });
    expect(s.sent).toEqual([{ type: 'snapshot', snapshot: snapshot('101') }]);
  });

  it('drops what fails its schema, in both directions', () => {
    const { page, sidebar } = setup();
    const p = page(1, S1);
    const s = sidebar(1, S1);
    p.sent.length = 0;
    p.receive({ type: 'snapshot', snapshot: { state: 'ticket' } });
    p.receive({ type: 'changed' });
    p.receive('<img src=x onerror=alert(1)>');
    s.receive({ type: 'hints', count: -1 });
    s.receive({ type: 'attached' });
    s.receive({ type: 'close', tabId: 2 });
    expect(s.sent).toEqual([]);
    // zod objects strip unknown keys: what reaches the page is the plain close.
    expect(p.sent).toEqual([{ type: 'close' }]);
  });

  it('holds a sidebar’s requests until its page (re)connects, but not stale ticket state', () => {
    const { page, sidebar } = setup();
    const s = sidebar(1, S1);
    s.receive({ type: 'hints', count: 2 });
    s.receive({ type: 'close' });
    const p = page(1, S1);
    // The page sends its own state as it connects; it needs no 'attached' for a sidebar already there.
    expect(p.sent).toEqual([{ type: 'hints', count: 2 }, { type: 'close' }]);
    p.drop();
    p.sent.length = 0;
    // The page's badge click while the sidebar is still loading: the view waits, the state does not.
    const again = page(1, S1);
    s.drop();
    again.receive({ type: 'snapshot', snapshot: snapshot('101') });
    again.receive({ type: 'show', view: 'selfcheck' });
    const late = sidebar(1, S1);
    expect(late.sent).toEqual([{ type: 'show', view: 'selfcheck' }]);
    expect(again.types()).toEqual(['attached']);
  });

  it('tells every docked sidebar that the database changed, and opens the settings for a framed page', () => {
    const { page, sidebar, relay, openOptions } = setup();
    page(1, S1);
    page(2, S2);
    const a = sidebar(1, S1);
    const b = sidebar(2, S2);
    relay.changed();
    expect(a.types()).toEqual(['changed']);
    expect(b.types()).toEqual(['changed']);
    b.receive({ type: 'openOptions' });
    expect(openOptions).toHaveBeenCalledTimes(1);
  });

  it('forgets a tab once both its page and its sidebar are gone', () => {
    const { page, sidebar, relay } = setup();
    const p = page(1, S1);
    const s = sidebar(1, S1);
    expect(relay.size()).toBe(1);
    s.drop();
    p.drop();
    expect(relay.size()).toBe(0);
  });
});
