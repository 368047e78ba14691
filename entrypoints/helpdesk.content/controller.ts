// The content script's job: find the active ticket, read it, and keep the docked sidebar current.
import type { Composer, HelpdeskAdapter, HelpdeskLayout, TicketContext } from '@/lib/helpdesks';
import type { TicketRef, TicketSnapshot } from '@/lib/model';

export interface ControllerDeps {
  doc: Document;
  location: () => URL;
  pickAdapter: (url: URL, doc: Document) => HelpdeskAdapter | null;
  /** Called with every new snapshot of the page; the caller relays it to the sidebar. */
  publish: (snapshot: TicketSnapshot) => void;
  /** Called when a ticket appears or disappears (the dock is shown only on ticket pages). */
  onTicketPresence: (present: boolean) => void;
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
  /** How to find the active ticket's reply editor, after every read (null when there is no ticket). */
  onComposer?: (resolve: (() => Composer | null) | null) => void;
  /** Told when each read of the page started, once it is done (the bench build times reads). */
  measured?: (startMs: number) => void;
}

/** Coalesce bursts of DOM mutations: a ticket switch settles within a few frames. */
export const SETTLE_MS = 40;

export interface Controller {
  /** Re-read the page now (the sidebar asked, or it just connected). */
  refresh(): void;
  current(): TicketSnapshot;
  /** The current helpdesk's layout, for making room for the sidebar. */
  layout(): HelpdeskLayout | undefined;
  /** Live observers and timers, for leak tests. */
  resources(): number;
  destroy(): void;
}

export function startController(deps: ControllerDeps): Controller {
  let adapter: HelpdeskAdapter | null = null;
  let stopObserving: (() => void) | null = null;
  let timer: number | null = null;
  let signature = '';
  let snapshot: TicketSnapshot = { state: 'none' };
  let abort: AbortController | null = null;
  let destroyed = false;
  /** What onTicketPresence was last told without throwing: a call that threw is made again at the next change or refresh. */
  let told: boolean | null = null;

  const observeWith = (next: HelpdeskAdapter | null): void => {
    if (next === adapter && stopObserving) return;
    stopObserving?.();
    stopObserving = null;
    adapter = next;
    if (adapter) stopObserving = adapter.observe(deps.doc, schedule);
  };

  function schedule(): void {
    if (timer !== null || destroyed) return;
    timer = deps.setTimeout(() => {
      timer = null;
      read(false);
    }, SETTLE_MS);
  }

  const signatureOf = (ctx: TicketContext | null, count: number, lastId: string): string =>
    ctx ? `${ctx.ticketId}|${ctx.subject}|${ctx.channel}|${count}|${lastId}` : 'none';

  function emit(next: TicketSnapshot, sig: string, force: boolean): void {
    if (!force && sig === signature) return;
    signature = sig;
    snapshot = next;
    const hasTicket = next.state !== 'none';
    // The caller's hooks make the dock and message the sidebar: a throw there must not leave here, where
    // it would end the page's reading (at start, the whole content script); the page keeps working.
    if (told !== hasTicket || force) {
      try {
        deps.onTicketPresence(hasTicket);
        told = hasTicket;
      } catch {
        // Made again at the next change or refresh (told stays behind).
      }
    }
    try {
      deps.publish(next);
    } catch {
      // The next snapshot goes as usual.
    }
  }

  function read(force: boolean): void {
    if (destroyed) return;
    const { measured } = deps;
    const started = measured ? performance.now() : 0;
    try {
      readNow(force);
    } catch (error) {
      // Outside the adapter's own reading (picking or observing it): fails soft all the same.
      fail(null, null, error, force);
    } finally {
      measured?.(started);
    }
  }

  function readNow(force: boolean): void {
    const url = deps.location();
    // The adapter is picked again only when the page is not (yet) recognised: SPAs load late.
    if (!adapter || !adapter.matches(url, deps.doc)) observeWith(deps.pickAdapter(url, deps.doc));
    if (!adapter) {
      deps.onComposer?.(null);
      emit({ state: 'none' }, 'none', force);
      return;
    }
    const current = adapter;
    let ctx: TicketContext | null = null;
    try {
      ctx = current.context(deps.doc, url);
      const found = ctx;
      deps.onComposer?.(found ? () => current.composer(found) : null);
      if (!ctx) {
        emit({ state: 'none' }, 'none', force);
        return;
      }
      const ticket: TicketRef = { helpdesk: current.id, ticketId: ctx.ticketId, url: ctx.url, subject: ctx.subject, channel: ctx.channel };
      abort?.abort();
      abort = new AbortController();
      const result = current.extract(ctx, abort.signal);
      const settle = (extraction: Awaited<typeof result>): void => {
        const last = extraction.messages[extraction.messages.length - 1];
        emit(
          { state: 'ticket', ticket, extraction },
          signatureOf(ctx, extraction.messages.length, last?.id ?? ''),
          force,
        );
      };
      if (result instanceof Promise) {
        const mine = abort;
        result.then(
          (extraction) => {
            if (!mine.signal.aborted) settle(extraction);
          },
          (error: unknown) => {
            if (!mine.signal.aborted) fail(ctx, ticket, error, force);
          },
        );
      } else {
        settle(result);
      }
    } catch (error) {
      fail(ctx, null, error, force);
    }
  }

  function fail(ctx: TicketContext | null, ticket: TicketRef | null, error: unknown, force: boolean): void {
    // Adapters fail soft: the host page keeps working and the sidebar says what went wrong.
    emit(failSnapshot(ticket, error), `error|${ctx?.ticketId ?? ''}`, force);
  }

  read(true);

  return {
    refresh: () => read(true),
    current: () => snapshot,
    layout: () => adapter?.layout,
    resources: () => (stopObserving ? 1 : 0) + (timer !== null ? 1 : 0),
    destroy() {
      destroyed = true;
      abort?.abort();
      if (timer !== null) deps.clearTimeout(timer);
      timer = null;
      stopObserving?.();
      stopObserving = null;
    },
  };
}

function failSnapshot(ticket: TicketRef | null, error: unknown): TicketSnapshot {
  const message = error instanceof Error ? error.message : String(error);
  return { state: 'error', ticket, message: message.slice(0, 500) };
}
