// User-added (self-hosted) helpdesk sites as the content script and the background see them: storage.local, checked by hand.

export const SITE_TYPES = ['zammad', 'osticket', 'freescout', 'generic'] as const;
export type SiteType = (typeof SITE_TYPES)[number];

export interface Site {
  /** `https://support.example.fi` (scheme, host, port; no path). */
  origin: string;
  type: SiteType;
}

/** Mirrored from the settings table by lib/db/sites.ts: the content script never opens IndexedDB. */
export const SITES_STORAGE_KEY = 'arvio.sites';
/** The conversation region picked per origin on generic sites: `{ [origin]: cssSelector }`. */
export const REGIONS_STORAGE_KEY = 'arvio.regions';

/** Prefix of the ids of the content scripts registered for sites (one per host pattern). */
export const SITE_SCRIPT_PREFIX = 'arvio-site:';

const isSiteType = (value: unknown): value is SiteType => (SITE_TYPES as readonly unknown[]).includes(value);

/** The stored list, keeping only well-formed entries: storage is a boundary. */
export function parseSites(raw: unknown): Site[] {
  if (!Array.isArray(raw)) return [];
  const sites: Site[] = [];
  for (const item of raw.slice(0, 200)) {
    if (typeof item !== 'object' || item === null) continue;
    const { origin, type } = item as { origin?: unknown; type?: unknown };
    if (typeof origin !== 'string' || !isSiteType(type)) continue;
    const normal = normaliseOrigin(origin);
    if (normal) sites.push({ origin: normal, type });
  }
  return sites;
}

export function parseRegions(raw: unknown): Record<string, string> {
  const regions: Record<string, string> = {};
  if (typeof raw !== 'object' || raw === null) return regions;
  for (const [origin, selector] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof selector === 'string' && selector.length <= 2000) regions[origin] = selector;
  }
  return regions;
}

/** `https://Support.Example.fi:443/x` → `https://support.example.fi`; null for anything but http(s). */
export function normaliseOrigin(input: string): string | null {
  try {
    const url = new URL(input.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!url.hostname || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** The host permission and content-script match for a site: every port of its host, one scheme. */
export function sitePattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

export function siteFor(origin: string, sites: readonly Site[]): Site | null {
  return sites.find((site) => site.origin === origin) ?? null;
}
