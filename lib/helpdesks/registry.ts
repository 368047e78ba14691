// The helpdesks Arvio knows, and the choice of one for a page.
import type { HelpdeskAdapter } from './types';
import { zendeskAdapter } from './zendesk/adapter';

export const adapters: HelpdeskAdapter[] = [zendeskAdapter];

/** The first adapter that recognises the page; a throwing adapter counts as "not this one". */
export function pickAdapter(url: URL, doc: Document): HelpdeskAdapter | null {
  for (const adapter of adapters) {
    try {
      if (adapter.matches(url, doc)) return adapter;
    } catch {
      // An adapter's bug must not stop the others from being tried, nor break the host page.
    }
  }
  return null;
}
