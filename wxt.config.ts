import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

import { HELPDESK_ORIGINS } from './lib/helpdesks/matches';
import { shapeManifest } from './wxt.manifest';

// Host access for the built-in helpdesks is static; self-hosted sites and the backend are asked for at runtime.

// bench/run.mjs builds with ARVIO_BENCH=1: its hooks (bench/hooks.ts) are compiled in, and the build goes to
// its own folder (.output/chrome-mv3-bench) so that .output/chrome-mv3 is always the product.
const bench = process.env.ARVIO_BENCH === '1';
// `npm run build`, `build:firefox` and `zip` make release builds (ARVIO_RELEASE=1): nothing injected into
// localhost or 127.0.0.1. A plain `wxt build` is the demo and test build that `npm test` and `npm run demo` use.
const release = process.env.ARVIO_RELEASE === '1';

export default defineConfig({
  // MV3 for Firefox too (WXT's default there is MV2): one manifest shape, runtime host permissions in
  // both browsers, and a background that may stop when idle in both (README: "Firefox").
  manifestVersion: 3,
  // No webextension polyfill, in any entrypoint: `wxt/browser` is WXT's plain export (`browser` where it
  // exists, as in Firefox, else `chrome`). Chrome's MV3 `chrome.*` calls Arvio makes return promises, and
  // its one onMessage listener that answers uses sendResponse (entrypoints/background.ts). The polyfill
  // was 10 KB of every page's start-up chunk and ≈27 ms of its CommonJS interop (README: "no polyfill").
  ...(bench ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-bench' } : {}),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => shapeManifest(manifest, { release, browser: wxt.config.browser }),
    // The bench build carries an empty extension page, the same run's floor for the first renders (bench/browser.mjs),
    // and the coaching plan hand-built, the floor of the plan's first render (bench/coaching.mjs).
    'build:publicAssets': (_wxt, files) => {
      if (!bench) return;
      files.push({ absoluteSrc: resolve('bench/empty-page/empty.html'), relativeDest: 'bench-empty.html' });
      files.push({ absoluteSrc: resolve('bench/empty-page/empty.js'), relativeDest: 'bench-empty.js' });
      files.push({ absoluteSrc: resolve('bench/empty-page/plan.html'), relativeDest: 'bench-plan.html' });
      files.push({ absoluteSrc: resolve('bench/empty-page/plan.js'), relativeDest: 'bench-plan.js' });
    },
  },
  vite: () => ({ plugins: [preact()], define: { 'import.meta.env.ARVIO_BENCH': JSON.stringify(bench) } }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the content script is registered at runtime on self-hosted sites the user adds.
    // unlimitedStorage: without a backend this profile holds the only copy of the reviews; the
    // permission keeps the browser from evicting it under storage pressure (and lifts the quota).
    permissions: ['storage', 'alarms', 'scripting', 'unlimitedStorage'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The toolbar icon carries the "waiting for you" count (lib/service/waiting.ts).
    action: { default_title: '__MSG_extName__' },
    web_accessible_resources: [
      { resources: ['sidebar.html'], matches: HELPDESK_ORIGINS },
      // Self-hosted sites are added at runtime and this list is static: the framed sidebar must be
      // loadable from any http(s) origin (a page can detect that Arvio is installed: the trade-off for self-hosted sites).
      { resources: ['sidebar.html', 'content-scripts/page-tools.js'], matches: ['https://*/*', 'http://*/*'] },
    ],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    browser_specific_settings: {
      gecko: {
        id: 'arvio@arvio.invalid',
        // 140: the first Firefox that reads data_collection_permissions (MV3 host permissions are granted at install since 127).
        strict_min_version: '140.0',
        // Arvio sends nothing to us; a team backend, if any, is the user's organisation's own server.
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});

