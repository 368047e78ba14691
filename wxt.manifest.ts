// The manifest's surface on web pages, per build: a release build injects nothing into loopback (the demo
// and test builds do, for the demo helpdesk and the e2e tests), and framed resources use dynamic URLs where supported.
import { LOOPBACK_MATCHES } from './lib/helpdesks/matches';

interface ManifestSurface {
  content_scripts?: Array<{ matches?: string[] }>;
  web_accessible_resources?: Array<{ resources: string[]; matches?: string[]; use_dynamic_url?: boolean } | string>;
}

export function shapeManifest(manifest: ManifestSurface, build: { release: boolean; browser: string }): void {
  const keep = (patterns: string[] | undefined): string[] | undefined =>
    build.release ? patterns?.filter((p) => !LOOPBACK_MATCHES.includes(p)) : patterns;
  if (manifest.content_scripts) {
    manifest.content_scripts = manifest.content_scripts
      .map((script) => ({ ...script, matches: keep(script.matches) }))
      .filter((script) => (script.matches?.length ?? 0) > 0);
  }
  if (manifest.web_accessible_resources) {
    manifest.web_accessible_resources = manifest.web_accessible_resources
      .map((entry) => {
        if (typeof entry === 'string') return entry;
        // A page can probe a static chrome-extension:// URL to tell that Arvio is installed; a dynamic one changes
        // every session. Firefox does not know the key (its moz-extension:// host is random per profile already).
        const dynamic = build.browser === 'firefox' ? {} : { use_dynamic_url: true };
        return { ...entry, matches: keep(entry.matches), ...dynamic };
      })
      .filter((entry) => typeof entry === 'string' || (entry.matches?.length ?? 0) > 0);
  }
}
