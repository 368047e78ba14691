// Helpdesks, the page side: which helpdesk a page is (the built-in adapters and their URL patterns, the
// self-hosted sites a user adds, the generic adapter with its element picker), what the page's ticket
// and composer are, and the links and names the other views show. The adapters themselves
// (lib/helpdesks/<helpdesk>/) are reached through the registry.
export { adapterPicker, adapters, pickAdapter } from './registry';
export { allMatches, firstMatch } from './dom';
export { createGenericAdapter, cssPathOf } from './generic/adapter';
export { startPicker } from './generic/picker';
export { HELPDESK_MATCHES } from './matches';
export { helpdeskName } from './names';
export { ticketFromLink } from './links';
export { loadedPageTools, PAGE_TOOLS_FILE, PAGE_TOOLS_GLOBAL, type PageTools } from './page-tools';
export { syncSiteScripts } from './registration';
export {
  normaliseOrigin,
  parseRegions,
  parseSites,
  REGIONS_STORAGE_KEY,
  siteFor,
  sitePattern,
  SITE_TYPES,
  SITES_STORAGE_KEY,
  type Site,
  type SiteType,
} from './sites';
export { structuralSnapshot } from './snapshot';
export type { Composer, HelpdeskAdapter, HelpdeskLayout, TicketContext } from './types';
