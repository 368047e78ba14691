// The helpdesks Arvio knows, and the choice of one for a page.
import { freescoutAdapter } from './freescout/adapter';
import { freshdeskAdapter } from './freshdesk/adapter';
import { frontAdapter } from './front/adapter';
import { helpscoutAdapter } from './helpscout/adapter';
import { intercomAdapter } from './intercom/adapter';
import { osticketAdapter } from './osticket/adapter';
import type { HelpdeskAdapter } from './types';
import { zammadAdapter } from './zammad/adapter';
import { zendeskAdapter } from './zendesk/adapter';

// Order matters only where URL shapes overlap: Zendesk's /agent, Freshdesk's and Intercom's /a/
// differ by markers; the self-hosted ones (Zammad at "/", FreeScout, osTicket) come last so a
// hosted helpdesk's cheap URL test decides first.
export const adapters: HelpdeskAdapter[] = [
  zendeskAdapter,
  freshdeskAdapter,
  intercomAdapter,
  helpscoutAdapter,
  frontAdapter,
  freescoutAdapter,
  osticketAdapter,
  zammadAdapter,
];

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

/** Self-hosted helpdesks a user can add by origin; the generic fallback is passed in (it holds per-page state). */
const SITE_ADAPTERS: Record<'zammad' | 'osticket' | 'freescout', HelpdeskAdapter> = {
  zammad: zammadAdapter,
  osticket: osticketAdapter,
  freescout: freescoutAdapter,
};

/**
 * The chooser for a page: on a user-added site, only the helpdesk the user said it runs (or the
 * generic fallback on a generic site); elsewhere the known helpdesks in order.
 */
export function adapterPicker(
  site: { type: 'zammad' | 'osticket' | 'freescout' | 'generic' } | null,
  generic: HelpdeskAdapter | null,
): (url: URL, doc: Document) => HelpdeskAdapter | null {
  if (!site) return pickAdapter;
  if (site.type === 'generic') return () => generic;
  const adapter = SITE_ADAPTERS[site.type];
  return (url, doc) => {
    try {
      return adapter.matches(url, doc) ? adapter : null;
    } catch {
      return null;
    }
  };
}
