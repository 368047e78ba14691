// Where the content script runs statically. Self-hosted helpdesks are added at runtime instead.
export const HELPDESK_MATCHES = [
  '*://*.zendesk.com/agent/*',
  // The demo helpdesk and the e2e tests serve on loopback.
  'http://127.0.0.1/*',
  'http://localhost/*',
];

/** web_accessible_resources accept origins only (path `/*`), so the sidebar is exposed per origin. */
export const HELPDESK_ORIGINS = HELPDESK_MATCHES.map((pattern) => pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*'));
