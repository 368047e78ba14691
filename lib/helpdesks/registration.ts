// The background's half of self-hosted sites: one dynamically registered content script per granted site host.
import { SITE_SCRIPT_PREFIX, sitePattern, type Site } from './sites';

/** The built content script (WXT's output path for entrypoints/helpdesk.content). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/helpdesk.js';

export interface RegisteredScript {
  id: string;
  matches?: string[];
}

/** The slice of `browser.scripting` and `browser.permissions` this needs (fakes in tests). */
export interface RegistrationApi {
  getRegisteredContentScripts(): Promise<RegisteredScript[]>;
  registerContentScripts(scripts: Array<{ id: string; matches: string[]; js: string[]; runAt: 'document_idle'; persistAcrossSessions: boolean }>): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  hasHostPermission(pattern: string): Promise<boolean>;
  /** The content-script matches of the manifest this build shipped with (a release build has no loopback). */
  staticMatches: readonly string[];
}

/** Whether the manifest's static matches run the content script there already (then registering would inject it twice). */
export function staticallyCovered(origin: string, staticMatches: readonly string[]): boolean {
  const url = new URL(origin);
  return staticMatches.some((pattern) => {
    const match = /^(\*|https?):\/\/([^/]+)\/(.*)$/.exec(pattern);
    if (!match) return false;
    const [, scheme, host, path] = match as unknown as [string, string, string, string];
    if (path !== '*') return false; // path-limited matches (Zendesk's /agent/*) do not cover a whole site
    if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
    if (host.startsWith('*.')) return url.hostname.endsWith(host.slice(1));
    return url.hostname === host;
  });
}

export function scriptIdOf(pattern: string): string {
  return SITE_SCRIPT_PREFIX + pattern;
}

/**
 * Makes the registered scripts match the site list: registers granted sites not yet registered,
 * unregisters ours whose site is gone or whose permission was revoked. Idempotent; run on startup,
 * install, site-list and permission changes.
 */
export async function syncSiteScripts(api: RegistrationApi, sites: readonly Site[]): Promise<{ registered: string[]; unregistered: string[] }> {
  const wanted = new Set<string>();
  for (const site of sites) {
    if (staticallyCovered(site.origin, api.staticMatches)) continue;
    const pattern = sitePattern(site.origin);
    if (await api.hasHostPermission(pattern)) wanted.add(pattern);
  }
  const existing = (await api.getRegisteredContentScripts()).filter((script) => script.id.startsWith(SITE_SCRIPT_PREFIX));
  const have = new Set(existing.map((script) => script.id));
  const unregistered = existing.filter((script) => !wanted.has(script.id.slice(SITE_SCRIPT_PREFIX.length))).map((script) => script.id);
  if (unregistered.length) await api.unregisterContentScripts({ ids: unregistered });
  const toRegister = [...wanted].filter((pattern) => !have.has(scriptIdOf(pattern)));
  if (toRegister.length) {
    await api.registerContentScripts(
      toRegister.map((pattern) => ({
        id: scriptIdOf(pattern),
        matches: [pattern],
        js: [CONTENT_SCRIPT_FILE],
        runAt: 'document_idle' as const,
        persistAcrossSessions: true,
      })),
    );
  }
  return { registered: toRegister, unregistered };
}
