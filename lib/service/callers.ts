// Whom the database service answers: the extension's own top-level pages, and a sidebar frame that Arvio's content script docked in its tab.
import { DB_REQUEST, type DbReply } from './protocol';

/** What the browser says about a message's sender (`runtime.MessageSender`), never what the message says. */
export interface CallerSender {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

export interface CallerDeps {
  /** The extension's own base address (`runtime.getURL('/')`). */
  extensionUrl: string;
  /** The sidebar page's address (`runtime.getURL('/sidebar.html')`): it is web-accessible, so any page can frame it. */
  sidebarUrl: string;
  /** Whether a sidebar sender is docked (the relay's pairing: `Relay.docked`). */
  docked: (sender: CallerSender) => boolean;
}

/**
 * The service's decision for one sender. The sidebar is served only when docked; any other extension
 * page only at the top of its own tab or window (options, dashboard, coaching, admin, print: no web page
 * can frame those, they are not web-accessible). Content scripts are never served: the content script
 * holds no review data.
 */
export function servesCaller(sender: CallerSender, deps: CallerDeps): boolean {
  const url = parse(sender.url);
  const ours = parse(deps.extensionUrl);
  const sidebar = parse(deps.sidebarUrl);
  if (!url || !ours || !sidebar || url.protocol !== ours.protocol) return false;
  // By path, whatever its host: Chromium frames the sidebar by a per-session dynamic URL.
  if (url.pathname === sidebar.pathname) return deps.docked(sender);
  return url.host === ours.host && (sender.frameId ?? 0) === 0;
}

/** The answer to a service request from a sender it does not serve; null for other messages. */
export function refuseDbRequest(raw: unknown): DbReply | null {
  const isRequest = typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === DB_REQUEST;
  // The sidebar throws NotDockedError on `refused`, which pages put in the user's language (undocked.title);
  // `error` is only the fallback wherever a page still shows a failure's own message.
  return isRequest ? { ok: false, error: 'Arvio opens from the helpdesk page', quota: false, refused: true } : null;
}

function parse(url: string | undefined): URL | null {
  try {
    return url ? new URL(url) : null;
  } catch {
    return null;
  }
}
