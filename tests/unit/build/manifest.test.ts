// The manifest's surface on web pages: a release build injects nothing into localhost or 127.0.0.1, and
// framed resources are reachable only by Chromium's per-session dynamic URL (Firefox does not know the key).
import { describe, expect, it } from 'vitest';
import { HELPDESK_MATCHES, HELPDESK_ORIGINS, LOOPBACK_MATCHES } from '@/lib/helpdesks/matches';
import { shapeManifest } from '../../../wxt.manifest';

const generated = () => ({
  content_scripts: [{ matches: [...HELPDESK_MATCHES], js: ['content-scripts/helpdesk.js'] }],
  web_accessible_resources: [
    { resources: ['sidebar.html'], matches: [...HELPDESK_ORIGINS] },
    { resources: ['sidebar.html', 'content-scripts/page-tools.js'], matches: ['https://*/*', 'http://*/*'] },
  ],
});
const loopback = /localhost|127\.0\.0\.1/;

describe('the manifest per build', () => {
  it.each(['chrome', 'firefox'])('a release build for %s names no loopback address anywhere', (browser) => {
    const manifest = generated();
    shapeManifest(manifest, { release: true, browser });
    expect(JSON.stringify(manifest)).not.toMatch(loopback);
    expect(manifest.content_scripts[0]!.matches).toContain('*://*.zendesk.com/agent/*');
  });

  it('the demo and test build keeps the loopback matches the demo helpdesk and the e2e tests need', () => {
    const manifest = generated();
    shapeManifest(manifest, { release: false, browser: 'chrome' });
    for (const pattern of LOOPBACK_MATCHES) expect(manifest.content_scripts[0]!.matches).toContain(pattern);
  });

  it('Chromium gets dynamic URLs for every web-accessible resource; Firefox, which refuses the key, none', () => {
    const chrome = generated();
    shapeManifest(chrome, { release: true, browser: 'chrome' });
    expect(chrome.web_accessible_resources.map((e) => (e as { use_dynamic_url?: boolean }).use_dynamic_url)).toEqual([true, true]);
    const firefox = generated();
    shapeManifest(firefox, { release: true, browser: 'firefox' });
    expect(JSON.stringify(firefox)).not.toContain('use_dynamic_url');
  });
});
