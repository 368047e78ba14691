// Self-hosted sites: stored entries are checked, the content script is registered only where access was granted, and the generic fallback reads a picked region.
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGenericAdapter } from '../../../lib/helpdesks/generic/adapter';
import { adapterPicker } from '../../../lib/helpdesks/registry';
import { staticallyCovered, syncSiteScripts, type RegistrationApi, type RegisteredScript } from '../../../lib/helpdesks/registration';
import { HELPDESK_MATCHES, LOOPBACK_MATCHES } from '../../../lib/helpdesks/matches';
import { normaliseOrigin, parseSites, sitePattern } from '../../../lib/helpdesks/sites';
import { FIXTURE_ROOT, loadFixture } from './run-fixtures';

describe('stored sites', () => {
  it('keeps only well-formed entries, normalised', () => {
    expect(
      parseSites([
        { origin: 'https://Support.Example.fi:443/x', type: 'zammad' },
        { origin: 'ftp://x', type: 'zammad' },
        { origin: 'https://a.fi', type: 'jira' },
        'junk',
      ]),
    ).toEqual([{ origin: 'https://support.example.fi', type: 'zammad' }]);
    expect(parseSites({})).toEqual([]);
  });

  it.each([
    ['https://help.example.fi/', 'https://help.example.fi', 'https://help.example.fi/*'],
    ['http://127.0.0.2:8080', 'http://127.0.0.2:8080', 'http://127.0.0.2/*'],
    ['https://user:pw@x.fi', null, null],
    ['javascript:alert(1)', null, null],
  ])('%s is the origin %s with the host pattern %s', (input, origin, pattern) => {
    expect(normaliseOrigin(input)).toBe(origin);
    if (origin) expect(sitePattern(origin)).toBe(pattern);
  });

  it('is covered by the manifest only where the static matches run on the whole site', () => {
    expect(staticallyCovered('http://127.0.0.1:5190', HELPDESK_MATCHES)).toBe(true);
    expect(staticallyCovered('http://127.0.0.2:5190', HELPDESK_MATCHES)).toBe(false);
    expect(staticallyCovered('https://acme.zendesk.com', HELPDESK_MATCHES)).toBe(false);
    // A release manifest has no loopback: a loopback site is then registered like any other.
    const release = HELPDESK_MATCHES.filter((m) => !LOOPBACK_MATCHES.includes(m));
    expect(staticallyCovered('http://127.0.0.1:5190', release)).toBe(false);
  });
});

describe('content script registration', () => {
  function fakeApi(granted: string[], existing: RegisteredScript[] = []) {
    const registered = [...existing];
    const api: RegistrationApi = {
      getRegisteredContentScripts: vi.fn(async () => registered.map((s) => ({ ...s }))),
      registerContentScripts: vi.fn(async (scripts) => {
        registered.push(...scripts);
      }),
      unregisterContentScripts: vi.fn(async ({ ids }) => {
        for (const id of ids) registered.splice(registered.findIndex((s) => s.id === id), 1);
      }),
      hasHostPermission: vi.fn(async (pattern: string) => granted.includes(pattern)),
      staticMatches: HELPDESK_MATCHES,
    };
    return { api, registered };
  }

  it('registers granted sites once, skips loopback the manifest covers, and unregisters removed ones', async () => {
    const { api, registered } = fakeApi(['https://help.example.fi/*', 'http://127.0.0.1/*']);
    const sites = [
      { origin: 'https://help.example.fi', type: 'freescout' as const },
      { origin: 'https://denied.example.fi', type: 'zammad' as const },
      { origin: 'http://127.0.0.1:5190', type: 'generic' as const },
    ];
    expect(await syncSiteScripts(api, sites)).toEqual({ registered: ['https://help.example.fi/*'], unregistered: [] });
    expect(registered[0]).toMatchObject({ id: 'arvio-site:https://help.example.fi/*', js: ['content-scripts/helpdesk.js'], matches: ['https://help.example.fi/*'] });
    expect(await syncSiteScripts(api, sites)).toEqual({ registered: [], unregistered: [] });
    expect(await syncSiteScripts(api, [])).toEqual({ registered: [], unregistered: ['arvio-site:https://help.example.fi/*'] });
    expect(registered).toEqual([]);
  });

  it('leaves other scripts alone', async () => {
    const { api, registered } = fakeApi([], [{ id: 'someone-else' }]);
    await syncSiteScripts(api, []);
    expect(registered.map((s) => s.id)).toEqual(['someone-else']);
  });
});

describe('the chosen helpdesk on a user-added site', () => {
  it('uses only the type the user named; generic sites get the fallback', () => {
    const { doc, url } = loadFixture('zammad', 'classic-email');
    expect(adapterPicker({ type: 'zammad' }, null)(url, doc)?.id).toBe('zammad');
    expect(adapterPicker({ type: 'freescout' }, null)(url, doc)).toBeNull();
    const generic = createGenericAdapter({ region: () => null, manual: () => null });
    expect(adapterPicker({ type: 'generic' }, generic)(url, doc)?.id).toBe('generic');
    expect(adapterPicker(null, generic)(url, doc)?.id).toBe('zammad');
  });
});

describe('generic fallback adapter', () => {
  const page = join(FIXTURE_ROOT, 'generic/plain-page');
  const html = readFileSync(join(page, 'page.html'), 'utf8');
  const expected = JSON.parse(readFileSync(join(page, 'expected.json'), 'utf8')) as {
    context: { ticketId: string; subject: string; channel: string };
    region: string;
    messages: unknown[];
  };
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const url = new URL(`${readFileSync(join(page, 'url.txt'), 'utf8').trim()}#top`);

  it('before a pick: the page is the ticket, with no messages and a note why', () => {
    const adapter = createGenericAdapter({ region: () => null, manual: () => null });
    const ctx = adapter.context(doc, url)!;
    expect({ ticketId: ctx.ticketId, subject: ctx.subject, channel: ctx.channel }).toEqual(expected.context);
    const extraction = adapter.extract(ctx) as Awaited<ReturnType<typeof adapter.extract>>;
    expect(extraction.messages).toEqual([]);
    expect(extraction.diagnostics.notes[0]).toMatch(/no conversation region/);
  });

  it('reads the picked region, one message per block', () => {
    const adapter = createGenericAdapter({ region: () => expected.region, manual: () => null });
    const extraction = adapter.extract(adapter.context(doc, url)!) as Awaited<ReturnType<typeof adapter.extract>>;
    expect(extraction.messages).toEqual(expected.messages);
    expect(extraction.diagnostics.matched.region).toBe('#thread');
  });

  it('reviews the selected text by hand on the page it was selected on only', () => {
    let manual: { url: string; text: string } | null = { url: expected.context.ticketId, text: '  Tuki:  Pahoittelut!  ' };
    const adapter = createGenericAdapter({ region: () => expected.region, manual: () => manual });
    const extraction = adapter.extract(adapter.context(doc, url)!) as Awaited<ReturnType<typeof adapter.extract>>;
    expect(extraction.source).toBe('manual');
    expect(extraction.messages).toEqual([{ id: 'selection', role: 'agent', author: '', at: null, text: 'Tuki: Pahoittelut!' }]);
    manual = { url: 'http://127.0.0.1:5190/palaute/89', text: 'x' };
    expect((adapter.extract(adapter.context(doc, url)!) as Awaited<ReturnType<typeof adapter.extract>>).source).toBe('dom');
  });
});

describe('static content-script matches', () => {
  /** A WebExtension match pattern as Chromium reads it: scheme, host (with `*.` for subdomains), path glob. */
  const matchesPattern = (pattern: string, href: string): boolean => {
    const [, scheme, host, path] = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern) as unknown as [string, string, string, string];
    const url = new URL(href);
    if (scheme === '*' ? !/^https?:$/.test(url.protocol) : `${scheme}:` !== url.protocol) return false;
    if (host.startsWith('*.') ? !url.hostname.endsWith(host.slice(1)) : url.hostname !== host) return false;
    const glob = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    return glob.test(url.pathname + url.search);
  };
  const covered = (href: string): boolean => HELPDESK_MATCHES.some((pattern) => matchesPattern(pattern, href));

  it.each(['zendesk/email', 'freshdesk/mint-ticket', 'helpscout/conversation', 'intercom/chat-grouped', 'front/email-with-comment'])(
    'the hosted helpdesk of %s gets the content script on its ticket pages, with no site to add',
    (fixture) => {
      const href = readFileSync(join(FIXTURE_ROOT, fixture, 'url.txt'), 'utf8').trim();
      expect(covered(href)).toBe(true);
    },
  );

  it.each([
    'https://www.zendesk.com/pricing/',
    'https://freshdesk.com/',
    'https://www.intercom.com/a/blog',
    'https://example.fi/agent/tickets/1',
    'https://mail.google.com/mail/u/0/',
  ])('an ordinary page (%s) never gets it', (href) => {
    expect(covered(href)).toBe(false);
  });
});
