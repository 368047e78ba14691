// The sidebar's end of the port its content script opens; every message is parsed before use.
import { browser } from 'wxt/browser';
import { SIDEBAR_PORT_PREFIX, toSidebarSchema, type ComposerDraft, type ToContent } from '@/lib/model/messages';
import type { TicketSnapshot } from '@/lib/model/ticket';

export interface PageState {
  snapshot: TicketSnapshot | null;
  draft: ComposerDraft | null;
}

type View = 'review' | 'selfcheck';

export interface Connection {
  subscribe(listener: (state: PageState) => void): () => void;
  onShow(listener: (view: View) => void): () => void;
  /** The page's anonymised structure, answering a `reportPage` request. */
  onPageReport(listener: (report: { url: string; html: string }) => void): () => void;
  latest(): PageState;
  send(message: ToContent): void;
}

/** Registered synchronously at load, before the content script sees the iframe's load event. */
export function listenForContentScript(session: string): Connection {
  let port: Browser.runtime.Port | null = null;
  let state: PageState = { snapshot: null, draft: null };
  const listeners = new Set<(state: PageState) => void>();
  const showListeners = new Set<(view: View) => void>();
  const reportListeners = new Set<(report: { url: string; html: string }) => void>();

  browser.runtime.onConnect.addListener((incoming) => {
    // Other tabs' content scripts connect to every extension page too; take only our own.
    if (incoming.name !== SIDEBAR_PORT_PREFIX + session) return;
    port = incoming;
    incoming.onMessage.addListener((raw: unknown) => {
      const parsed = toSidebarSchema.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'show') {
        for (const listener of showListeners) listener(message.view);
        return;
      }
      if (message.type === 'pageReport') {
        for (const listener of reportListeners) listener({ url: message.url, html: message.html });
        return;
      }
      state = message.type === 'snapshot' ? { ...state, snapshot: message.snapshot } : { ...state, draft: message.draft };
      for (const listener of listeners) listener(state);
    });
    incoming.onDisconnect.addListener(() => {
      if (port === incoming) port = null;
    });
  });

  return {
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
      port?.postMessage(message);
    },
  };
}
