// The sidebar's line to its page, through the background (the only route a framed extension page has in Firefox); every message is parsed before use.
import { browser } from 'wxt/browser';
import { openChannel } from '@/lib/messaging';
import { SIDEBAR_PORT_PREFIX, toSidebarSchema, type ComposerDraft, type FromPage, type FromSidebar, type TicketSnapshot } from '@/lib/model';
import { remoteChanged, remoteDocked } from '@/lib/service';

export interface PageState {
  snapshot: TicketSnapshot | null;
  draft: ComposerDraft | null;
  /** How the page fitted the open sidebar (null until it has). */
  layout: PageLayout | null;
}

export type PageLayout = Omit<Extract<FromPage, { type: 'layout' }>, 'type'>;

type View = 'review' | 'selfcheck';

export interface Connection {
  /**
   * Whether Arvio's content script docked this frame (the background says so): null until it has
   * answered, then false or true. Once docked, the frame stays so: a page on its way back after the
   * worker stopped is not a refusal. A frame that was never docked is served no data at all.
   */
  docked(): boolean | null;
  onDock(listener: (docked: boolean) => void): () => void;
  subscribe(listener: (state: PageState) => void): () => void;
  onShow(listener: (view: View) => void): () => void;
  /** The page's anonymised structure, answering a `reportPage` request. */
  onPageReport(listener: (report: { url: string; html: string }) => void): () => void;
  latest(): PageState;
  send(message: FromSidebar): void;
  /** The options page, opened by the background (a framed page may not open it itself in Firefox). */
  openSettings(): void;
}

/**
 * Opened at load, before the first render. `session` is the fragment of the frame's URL; the
 * background pairs this frame with the page of the tab it sees the frame in, by that session.
 */
export function connectToPage(session: string): Connection {
  let state: PageState = { snapshot: null, draft: null, layout: null };
  // Without a session in its address no content script framed this page: nothing to ask for.
  let docked: boolean | null = session ? null : false;
  const dockListeners = new Set<(docked: boolean) => void>();
  const listeners = new Set<(state: PageState) => void>();
  const showListeners = new Set<(view: View) => void>();
  const reportListeners = new Set<(report: { url: string; html: string }) => void>();

  const onMessage = (raw: unknown): void => {
    const parsed = toSidebarSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'changed') {
      remoteChanged();
      return;
    }
    if (message.type === 'dock') {
      if (message.docked) remoteDocked();
      if (docked === true || docked === message.docked) return;
      docked = message.docked;
      for (const listener of dockListeners) listener(message.docked);
      return;
    }
    if (message.type === 'show') {
      for (const listener of showListeners) listener(message.view);
      return;
    }
    if (message.type === 'pageReport') {
      for (const listener of reportListeners) listener({ url: message.url, html: message.html });
      return;
    }
    if (message.type === 'layout') state = { ...state, layout: { room: message.room, shortened: message.shortened, viewport: message.viewport } };
    else state = message.type === 'snapshot' ? { ...state, snapshot: message.snapshot } : { ...state, draft: message.draft };
    for (const listener of listeners) listener(state);
  };

  const channel = session
    ? openChannel({
        connect: () => browser.runtime.connect({ name: SIDEBAR_PORT_PREFIX + session }),
        onMessage,
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (id) => window.clearTimeout(id),
        now: () => Date.now(),
      })
    : null;

  return {
    docked: () => docked,
    onDock(listener) {
      dockListeners.add(listener);
      return () => dockListeners.delete(listener);
    },
    subscribe(listener) {
      listeners.add(listener);
      // A message may arrive between the first render and the subscription: hand it over.
      listener(state);
      return () => listeners.delete(listener);
    },
    onShow(listener) {
      showListeners.add(listener);
      return () => showListeners.delete(listener);
    },
    onPageReport(listener) {
      reportListeners.add(listener);
      return () => reportListeners.delete(listener);
    },
    latest: () => state,
    send(message) {
      channel?.post(message);
    },
    openSettings() {
      channel?.post({ type: 'openOptions' } satisfies FromSidebar);
    },
  };
}
