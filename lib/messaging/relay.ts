// The background's switchboard between each tab's content script and its sidebar frame. Firefox gives
// a framed extension page no way to its page but through here (w3c/webextensions#787), so both browsers use it.
import { z } from 'zod';
import {
  fromPageSchema,
  fromSidebarSchema,
  PAGE_PORT_PREFIX,
  sessionIdSchema,
  SIDEBAR_PORT_PREFIX,
  type FromPage,
  type ToContent,
  type ToSidebar,
} from '../model';
import type { PortLike } from './channel';

/** A connecting port as the background sees it: `sender` is the browser's word, not the frame's. */
export interface RelayPort extends PortLike {
  name: string;
  sender?: { tab?: { id?: number }; frameId?: number; url?: string };
}

export interface Relay {
  /** For `runtime.onConnect`: takes the ports named for it (true), leaves others alone (false). */
  accept(port: RelayPort): boolean;
  /**
   * Whether a sender (a port's or a message's, as the browser says) is a sidebar frame that Arvio's own
   * content script docked: its tab's page registered the session in the frame's URL, and this frame is
   * the one frame of that tab the session was given to. Only such a sidebar is served data.
   */
  docked(sender: RelayPort['sender']): boolean;
  /** The database changed: every sidebar reloads what it shows. */
  changed(): void;
  /** Live pairs, for tests. */
  size(): number;
}

export interface RelayDeps {
  /** The sidebar page's address without its fragment (`runtime.getURL('/sidebar.html')`). */
  sidebarUrl: () => string;
  openOptions: () => void;
}

const tabIdSchema = z.number().int().min(0);

/** Messages kept for an end that is not there yet. State (snapshot, draft) is not: it is sent again on attach. */
const HELD = 16;

/**
 * A tab's page and the sidebar frame it docked. The session is the page's; a session is served to one
 * frame only (`frame`, bound when the page and a sidebar first meet), so a second frame that learnt the
 * session from the page (the frame's `src`) gets nothing. Sidebars not (yet) bound wait in `waiting`.
 */
interface Pair {
  page: RelayPort | null;
  frame: number | null;
  sidebars: Set<RelayPort>;
  waiting: Map<RelayPort, number>;
  /** Requests from sidebar frames while the page is away, delivered only if that frame is the docked one. */
  toPage: Array<{ frame: number; message: ToContent }>;
  toSidebar: FromPage[];
}

type Role = { role: 'page'; key: string } | { role: 'sidebar'; key: string; frame: number };

export function createRelay(deps: RelayDeps): Relay {
  const pairs = new Map<string, Pair>();

  const post = (port: RelayPort, message: ToContent | ToSidebar): void => {
    try {
      port.postMessage(message);
    } catch {
      // Closed in the meantime; its onDisconnect tidies up.
    }
  };

  const pairOf = (key: string): Pair => {
    let pair = pairs.get(key);
    if (!pair) {
      pair = { page: null, frame: null, sidebars: new Set(), waiting: new Map(), toPage: [], toSidebar: [] };
      pairs.set(key, pair);
    }
    return pair;
  };

  const tidy = (key: string, pair: Pair): void => {
    if (!pair.page && pair.sidebars.size === 0 && pair.waiting.size === 0 && pairs.get(key) === pair) pairs.delete(key);
  };

  const hold = <T>(queue: T[], message: T): void => {
    queue.push(message);
    if (queue.length > HELD) queue.shift();
  };

  /**
   * Which end a port is, from its name and what the browser says about its sender. The tab is always
   * `sender.tab.id`: a frame cannot name another tab, so it can only ever reach its own tab's page.
   */
  const identify = (name: string, sender: RelayPort['sender']): Role | null => {
    const page = name.startsWith(PAGE_PORT_PREFIX);
    const sidebar = name.startsWith(SIDEBAR_PORT_PREFIX);
    if (!page && !sidebar) return null;
    const session = sessionIdSchema.safeParse(name.slice((page ? PAGE_PORT_PREFIX : SIDEBAR_PORT_PREFIX).length));
    const tab = tabIdSchema.safeParse(sender?.tab?.id);
    const frameId = sender?.frameId;
    const url = sender?.url ?? '';
    if (!session.success || !tab.success || typeof frameId !== 'number') return null;
    const key = `${tab.data}|${session.data}`;
    // The content script runs in the top frame of a web page.
    if (page) return frameId === 0 && !isSidebarPage(url, deps.sidebarUrl(), null) ? { role: 'page', key } : null;
    // The sidebar is our page, framed, and loaded for this very session.
    return frameId > 0 && isSidebarPage(url, deps.sidebarUrl(), session.data) ? { role: 'sidebar', key, frame: frameId } : null;
  };

  /** A sidebar port of the frame the session is bound to: it hears its page, and what it sent while waiting goes. */
  const dock = (pair: Pair, port: RelayPort): void => {
    pair.waiting.delete(port);
    pair.sidebars.add(port);
    post(port, { type: 'dock', docked: true });
    for (const message of pair.toSidebar.splice(0)) post(port, message);
  };

  /** With the page there: binds the session to the one frame waiting for it. Two frames claiming it get nothing. */
  const settle = (pair: Pair): void => {
    if (!pair.page) return;
    if (pair.frame === null) {
      const frames = new Set(pair.waiting.values());
      if (frames.size !== 1) return;
      pair.frame = [...frames][0]!;
    }
    const frame = pair.frame;
    for (const [port, from] of [...pair.waiting]) if (from === frame) dock(pair, port);
    for (const held of pair.toPage.splice(0)) if (held.frame === frame) post(pair.page, held.message);
  };

  const attachPage = (port: RelayPort, key: string): void => {
    const pair = pairOf(key);
    if (pair.page && pair.page !== port) pair.page.disconnect();
    pair.page = port;
    settle(pair);
    port.onMessage.addListener((raw) => {
      const parsed = fromPageSchema.safeParse(raw);
      if (!parsed.success || pair.page !== port) return;
      if (pair.sidebars.size === 0) {
        if (parsed.data.type !== 'snapshot' && parsed.data.type !== 'draft') hold(pair.toSidebar, parsed.data);
        return;
      }
      for (const sidebar of pair.sidebars) post(sidebar, parsed.data);
    });
    port.onDisconnect.addListener(() => {
      if (pair.page !== port) return;
      pair.page = null;
      pair.toPage.length = 0;
      tidy(key, pair);
    });
  };

  const attachSidebar = (port: RelayPort, key: string, frame: number): void => {
    const pair = pairOf(key);
    pair.waiting.set(port, frame);
    settle(pair);
    if (pair.sidebars.has(port)) {
      // The page sends its current ticket and draft when it connects; a sidebar arriving later asks for them.
      if (pair.page) post(pair.page, { type: 'attached' });
    } else {
      // No page has this session in this tab (yet: it may be on its way back after the worker stopped).
      post(port, { type: 'dock', docked: false });
    }
    port.onMessage.addListener((raw) => {
      const parsed = fromSidebarSchema.safeParse(raw);
      const docked = pair.sidebars.has(port);
      if (!parsed.success || (!docked && !pair.waiting.has(port))) return;
      const message = parsed.data;
      if (!docked) {
        // Kept for the page in case this frame turns out to be the docked one; never sent for any other.
        if (!pair.page && message.type !== 'openOptions') hold(pair.toPage, { frame, message });
        return;
      }
      if (message.type === 'openOptions') {
        deps.openOptions();
        return;
      }
      if (pair.page) post(pair.page, message);
      else hold(pair.toPage, { frame, message });
    });
    port.onDisconnect.addListener(() => {
      pair.waiting.delete(port);
      pair.sidebars.delete(port);
      if (pair.sidebars.size === 0) pair.toSidebar.length = 0;
      tidy(key, pair);
    });
  };

  return {
    accept(port) {
      const named = port.name.startsWith(PAGE_PORT_PREFIX) || port.name.startsWith(SIDEBAR_PORT_PREFIX);
      if (!named) return false;
      const role = identify(port.name, port.sender);
      if (!role) {
        // A sidebar page that is not ours to dock learns so before the port closes: it shows no data.
        if (port.name.startsWith(SIDEBAR_PORT_PREFIX)) post(port, { type: 'dock', docked: false });
        port.disconnect();
        return true;
      }
      if (role.role === 'page') attachPage(port, role.key);
      else attachSidebar(port, role.key, role.frame);
      return true;
    },
    docked(sender) {
      const session = sessionOf(sender?.url);
      const role = session ? identify(SIDEBAR_PORT_PREFIX + session, sender) : null;
      if (role?.role !== 'sidebar') return false;
      const pair = pairs.get(role.key);
      return pair?.page != null && pair.frame === role.frame;
    },
    changed() {
      for (const pair of pairs.values()) for (const sidebar of pair.sidebars) post(sidebar, { type: 'changed' });
    },
    size: () => pairs.size,
  };
}

/** The fragment of a frame's address: the session its page gave it. */
function sessionOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hash.slice(1) : '';
  } catch {
    return '';
  }
}

/**
 * Whether `url` is an extension page (the sidebar's scheme; with a session, the sidebar itself loaded for
 * it). The host is not compared: Chromium frames the sidebar by its per-session dynamic URL
 * (`use_dynamic_url`), whose host is not the extension id the background knows, and only this
 * extension's own pages and content scripts can open a port to its background at all.
 */
function isSidebarPage(url: string, sidebarUrl: string, session: string | null): boolean {
  let parsed: URL;
  const ours = new URL(sidebarUrl);
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== ours.protocol) return false;
  return session === null || (parsed.pathname === ours.pathname && parsed.search === '' && parsed.hash === `#${session}`);
}
