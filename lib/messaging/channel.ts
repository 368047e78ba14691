// A runtime port to the background that comes back: an MV3 worker or a Firefox event page stops when idle, and its ports close with it.

/** The part of `runtime.Port` a channel uses (the real one, or a test's). */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface Channel {
  /** Sends now, connecting first if the port is down. Dropped quietly when the extension is gone. */
  post(message: unknown): void;
  close(): void;
}

export interface ChannelDeps {
  connect: () => PortLike;
  onMessage: (raw: unknown) => void;
  /** After every (re)connection: the state the other end may have lost goes again from here. */
  onOpen?: (channel: Channel) => void;
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
  now: () => number;
}

/** A port that lived this long was closed by a stopping worker: reconnect at once. Shorter: back off. */
export const SETTLED_MS = 5000;
export const MAX_RETRY_MS = 30_000;

export function openChannel(deps: ChannelDeps): Channel {
  let port: PortLike | null = null;
  let openedAt = 0;
  let delay = 0;
  let timer: number | null = null;
  let closed = false;

  const open = (): PortLike | null => {
    if (closed) return null;
    if (port) return port;
    if (timer !== null) deps.clearTimeout(timer);
    timer = null;
    let next: PortLike;
    try {
      next = deps.connect();
    } catch {
      // The extension was reloaded or removed: this end has nothing to talk to any more.
      closed = true;
      return null;
    }
    port = next;
    openedAt = deps.now();
    next.onMessage.addListener((message) => {
      if (port === next) deps.onMessage(message);
    });
    next.onDisconnect.addListener(() => {
      if (port !== next) return;
      port = null;
      if (closed) return;
      delay = deps.now() - openedAt >= SETTLED_MS ? 0 : Math.min(MAX_RETRY_MS, Math.max(100, delay * 2));
      timer = deps.setTimeout(() => {
        timer = null;
        open();
      }, delay);
    });
    deps.onOpen?.(channel);
    return next;
  };

  const channel: Channel = {
    post(message) {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const target = open();
        if (!target) return;
        try {
          target.postMessage(message);
          return;
        } catch {
          // Closed under us before onDisconnect told us: once more on a new port.
          if (port === target) port = null;
        }
      }
    },
    close() {
      closed = true;
      if (timer !== null) deps.clearTimeout(timer);
      timer = null;
      const last = port;
      port = null;
      try {
        last?.disconnect();
      } catch {
        // already gone
      }
    },
  };
  open();
  return channel;
}
