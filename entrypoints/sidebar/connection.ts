// The sidebar's end of the port its content script opens; every message is parsed before use.
import { browser } from 'wxt/browser';
import { SIDEBAR_PORT_PREFIX, toSidebarSchema, type ToContent } from '@/lib/model/messages';
import type { TicketSnapshot } from '@/lib/model/ticket';

type Listener = (snapshot: TicketSnapshot) => void;

export interface Connection {
  subscribe(listener: Listener): () => void;
  latest(): TicketSnapshot | null;
  send(message: ToContent): void;
}

/** Registered synchronously at load, before the content script sees the iframe's load event. */
export function listenForContentScript(session: string): Connection {
  let port: Browser.runtime.Port | null = null;
  let latest: TicketSnapshot | null = null;
  const listeners = new Set<Listener>();

  browser.runtime.onConnect.addListener((incoming) => {
    // Other tabs' content scripts connect to every extension page too; take only our own.
    if (incoming.name !== SIDEBAR_PORT_PREFIX + session) return;
    port = incoming;
    incoming.onMessage.addListener((raw: unknown) => {
      const parsed = toSidebarSchema.safeParse(raw);
      if (!parsed.success) return;
      latest = parsed.data.snapshot;
      for (const listener of listeners) listener(parsed.data.snapshot);
    });
    incoming.onDisconnect.addListener(() => {
      if (port === incoming) port = null;
    });
  });

  return {
    subscribe(listener) {
      listeners.add(listener);
      // A snapshot may arrive between the first render and the subscription: hand it over.
      if (latest) listener(latest);
      return () => listeners.delete(listener);
    },
    latest: () => latest,
    send(message) {
      port?.postMessage(message);
    },
  };
}
