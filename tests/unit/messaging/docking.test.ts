// The pairing decision: a sidebar frame is served data (service calls, broadcasts, ticket context) only when
// Arvio's own content script docked it in the same tab; a page that frames sidebar.html itself gets nothing.
import { describe, expect, it, vi } from 'vitest';
import { createRelay, type RelayPort } from '@/lib/messaging';
import { PAGE_PORT_PREFIX, SIDEBAR_PORT_PREFIX } from '@/lib/model/messages';
import { refuseDbRequest, servesCaller } from '@/lib/service';
import { DB_REQUEST } from '@/lib/service/protocol';
import type { TicketSnapshot } from '@/lib/model/ticket';
import { FakePort } from './fake-port';

const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const SIDEBAR = `${EXT}/sidebar.html`;
const S1 = '6f2c1d0e-1111-4a4a-9b9b-000000000001';
const GUESS = '00000000-0000-4000-8000-000000000000';

type Sender = NonNullable<RelayPort['sender']>;

function setup() {
  const relay = createRelay({ sidebarUrl: () => SIDEBAR, openOptions: vi.fn() });
  const page = (tab: number, session: string) => {
    const port = new FakePort(PAGE_PORT_PREFIX + session, { tab: { id: tab }, frameId: 0, url: 'http://127.0.0.1:5178/agent/tickets/101' });
    relay.accept(port);
    return port;
  };
  const frame = (tab: number, frameId: number, url: string): Sender => ({ tab: { id: tab }, frameId, url });
  const sidebar = (sender: Sender, session = new URL(sender.url ?? '').hash.slice(1)) => {
    const port = new FakePort(SIDEBAR_PORT_PREFIX + session, sender);
    relay.accept(port);
    return port;
  };
  /** What the background's service decides for a message from this sender. */
  const served = (sender: Sender) =>
    servesCaller(sender, { extensionUrl: `${EXT}/`, sidebarUrl: SIDEBAR, docked: (caller) => relay.docked(caller) });
  return { relay, page, frame, sidebar, served };
}

const snapshot: TicketSnapshot = {
  state: 'ticket',
  ticket: { helpdesk: 'zendesk', ticketId: '101', url: 'http://127.0.0.1:5178/agent/tickets/101', subject: 'Lasku', channel: 'email' },
  extraction: { messages: [], source: 'dom', diagnostics: { matched: {}, counts: {}, notes: [] } },
};

describe('a sidebar is served only where Arvio docked it', () => {
  it('serves the dock’s frame once its page registered the session, and tells it so', () => {
    const { page, frame, sidebar, served } = setup();
    const mine = frame(1, 7, `${SIDEBAR}#${S1}`);
    const p = page(1, S1);
    const s = sidebar(mine);
    expect(s.docks).toEqual([true]);
    expect(served(mine)).toBe(true);
    p.receive({ type: 'snapshot', snapshot });
    expect(s.sent).toEqual([{ type: 'snapshot', snapshot }]);
  });

  it('gives a page’s own frame of sidebar.html nothing: no fragment, a guessed session, or one of another tab', () => {
    const { relay, page, frame, sidebar, served } = setup();
    const p = page(1, S1);
    const hostile = [
      frame(2, 4, SIDEBAR),
      frame(2, 5, `${SIDEBAR}#${GUESS}`),
      frame(2, 6, `${SIDEBAR}#${S1}`),
      frame(1, 8, `${SIDEBAR}#${GUESS}`),
    ];
    const ports = hostile.map((sender) => sidebar(sender));
    p.receive({ type: 'snapshot', snapshot });
    relay.changed();
    for (const [index, port] of ports.entries()) {
      expect(port.docks).toEqual([false]);
      expect(port.sent).toEqual([]);
      expect(served(hostile[index]!)).toBe(false);
    }
    // …and none of them can ask anything of the page.
    for (const port of ports) port.receive({ type: 'reportPage' });
    expect(p.sent).toEqual([]);
  });

  it('gives a second frame that learnt the session (the dock frame’s src) nothing, in the same tab', () => {
    const { relay, page, frame, sidebar, served } = setup();
    const p = page(1, S1);
    const dockFrame = frame(1, 7, `${SIDEBAR}#${S1}`);
    const copy = frame(1, 9, `${SIDEBAR}#${S1}`);
    const mine = sidebar(dockFrame);
    const theirs = sidebar(copy);
    p.sent.length = 0;
    p.receive({ type: 'snapshot', snapshot });
    relay.changed();
    theirs.receive({ type: 'close' });
    expect(theirs.docks).toEqual([false]);
    expect(theirs.sent).toEqual([]);
    expect(served(copy)).toBe(false);
    expect(p.sent).toEqual([]);
    expect(mine.types()).toEqual(['snapshot', 'changed']);
    expect(served(dockFrame)).toBe(true);
  });

  it('docks its frame again after the worker stopped, whichever end comes back first; two frames claiming it get nothing', () => {
    const again = setup();
    const dockFrame = again.frame(1, 7, `${SIDEBAR}#${S1}`);
    const s = again.sidebar(dockFrame);
    // The page is not back yet: a moment's "no", which the sidebar does not take back from a docked view.
    expect(s.docks).toEqual([false]);
    expect(again.served(dockFrame)).toBe(false);
    s.receive({ type: 'hints', count: 1 });
    const p = again.page(1, S1);
    expect(s.docks).toEqual([false, true]);
    expect(again.served(dockFrame)).toBe(true);
    expect(p.sent).toEqual([{ type: 'hints', count: 1 }]);

    const contested = setup();
    const one = contested.sidebar(contested.frame(1, 7, `${SIDEBAR}#${S1}`));
    const other = contested.sidebar(contested.frame(1, 9, `${SIDEBAR}#${S1}`));
    other.receive({ type: 'close' });
    const page = contested.page(1, S1);
    expect([one.docks, other.docks]).toEqual([[false], [false]]);
    expect(page.sent).toEqual([]);
    expect(contested.served(contested.frame(1, 7, `${SIDEBAR}#${S1}`))).toBe(false);
  });

  it('stops serving the frame when its page is gone', () => {
    const { page, frame, sidebar, served } = setup();
    const dockFrame = frame(1, 7, `${SIDEBAR}#${S1}`);
    const p = page(1, S1);
    sidebar(dockFrame);
    p.drop();
    expect(served(dockFrame)).toBe(false);
  });

  it('serves the extension’s own top-level pages as before, and never a content script or a top-level sidebar', () => {
    const { page, frame, sidebar, served } = setup();
    page(1, S1);
    sidebar(frame(1, 7, `${SIDEBAR}#${S1}`));
    for (const path of ['options.html', 'dashboard.html', 'coaching.html', 'admin.html', 'print.html?card=x'])
      expect(served({ tab: { id: 3 }, frameId: 0, url: `${EXT}/${path}` })).toBe(true);
    // A popup or an options page embedded by the browser has no tab.
    expect(served({ url: `${EXT}/options.html` })).toBe(true);
    // sidebar.html opened by a page in a tab of its own, even with the live session.
    expect(served({ tab: { id: 1 }, frameId: 0, url: `${SIDEBAR}#${S1}` })).toBe(false);
    // An extension page framed somewhere, another extension's or a web page's address (a content script).
    expect(served({ tab: { id: 1 }, frameId: 3, url: `${EXT}/options.html` })).toBe(false);
    expect(served({ tab: { id: 1 }, frameId: 0, url: 'chrome-extension://otherotherotherotherotherotherot/options.html' })).toBe(false);
    expect(served({ tab: { id: 1 }, frameId: 0, url: 'http://127.0.0.1:5178/agent/tickets/101' })).toBe(false);
    expect(served({ tab: { id: 1 }, frameId: 7 })).toBe(false);
  });

  it('answers a refused service request as refused, and leaves other messages alone', () => {
    expect(refuseDbRequest({ type: DB_REQUEST, op: 'reviewsOfTicket', args: ['zendesk:101'] })).toMatchObject({ ok: false, refused: true, quota: false });
    expect(refuseDbRequest({ type: 'toggle' })).toBeNull();
  });
});
