// Where the content script runs statically: the hosted helpdesks' own agent apps. Self-hosted helpdesks
// (Zammad, osTicket, FreeScout on a company domain) are added at runtime instead.
export const HELPDESK_MATCHES = [
  '*://*.zendesk.com/agent/*',
  'https://*.freshdesk.com/a/*',
  'https://secure.helpscout.net/*',
  'https://app.intercom.com/a/*',
  'https://app.frontapp.com/*',
  // Zammad's hosted service; its classic UI routes by the hash on `/`.
  'https://*.zammad.com/*',
  // The demo helpdesk and the e2e tests serve on loopback; a release build leaves these out (wxt.config.ts).
  'http://127.0.0.1/*',
  'http://localhost/*',
];

/** The loopback matches of the demo and test builds: a release manifest (`ARVIO_RELEASE=1`) has none of them. */
export const LOOPBACK_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

/** web_accessible_resources accept origins only (path `/*`), so the sidebar is exposed per origin. */
export const HELPDESK_ORIGINS = HELPDESK_MATCHES.map((pattern) => pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*'));
