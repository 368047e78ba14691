// The contract every helpdesk adapter fulfils (see ARCHITECTURE.md, "Helpdesk adapters").
import type { Channel, Extraction } from '../model';

export interface TicketContext {
  ticketId: string;
  url: string;
  subject: string;
  channel: Channel;
  /** The active ticket's pane; other open tickets stay outside it. */
  root: Element;
}

export interface Composer {
  mode: 'public' | 'internal';
  /** The element the agent types into, for placing the badge beside it. */
  element: Element;
  text(): string;
}

export interface HelpdeskLayout {
  main: readonly string[];
  send: readonly string[];
}

export interface HelpdeskAdapter {
  /** Stable id, also the `helpdesk` of a TicketRef. */
  id: string;
  /** Cheap test (URL first, then one marker query): is this page this helpdesk at all? */
  matches(url: URL, doc: Document): boolean;
  /** The active ticket, or null on a non-ticket page. */
  context(doc: Document, url: URL): TicketContext | null;
  extract(ctx: TicketContext, signal?: AbortSignal): Extraction | Promise<Extraction>;
  composer(ctx: TicketContext): Composer | null;
  /**
   * Where the helpdesk lays itself out, as ordered candidates: its main container (narrowed so the
   * open sidebar sits beside it; without one the whole page is) and the composer's send button (the
   * sidebar never covers it).
   */
  layout?: HelpdeskLayout;
  /** Calls onChange (at most once per animation frame is the caller's job) when the page changes. */
  observe(doc: Document, onChange: () => void): () => void;
}
