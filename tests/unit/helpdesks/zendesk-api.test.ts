// Zendesk's same-origin API: the reviewer sees the same conversation as from the page, with notes, attachments and pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { channelFromVia, commentsUrl, nextPageOf, parseZendeskComments } from '../../../lib/helpdesks/zendesk/api';
import { createZendeskAdapter, type FetchLike } from '../../../lib/helpdesks/zendesk/adapter';
import { extractionSchema } from '../../../lib/model/ticket';
import { FIXTURE_ROOT, loadFixture } from './run-fixtures';
import { commentsPage } from '../../../demo/zendesk-api.mjs';
import { tickets } from '../../../demo/tickets.mjs';

const json = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURE_ROOT, 'zendesk/api', name), 'utf8')) as unknown;
const answer = (body: unknown, status = 200) => Promise.resolve({ ok: status < 400, status, json: () => Promise.resolve(body) });
const ORIGIN = 'https://acme.zendesk.com';

describe('Zendesk comments API answer', () => {
  it('is the same conversation the e-mail ticket page shows', () => {
    const { messages } = parseZendeskComments([json('comments-2041.json')]);
    expect(messages).toEqual(loadFixture('zendesk', 'email').expected.messages);
  });

  it('marks private comments as internal notes, names attachments-only comments, and reads every page', () => {
    const { messages, report } = parseZendeskComments([json('comments-2050-page1.json'), json('comments-2050-page2.json')]);
    expect(messages.map((m) => [m.id, m.role, m.author, m.text])).toEqual([
      ['39019', 'internal', 'Aino Virtanen', 'Hyvitys tehty, tiketti 77120.'],
      ['39021', 'customer', 'Matti Meikäläinen', '[attachment: kuitti.jpg]'],
      ['39030', 'system', '', 'Tiketti suljettu automaattisesti.'],
    ]);
    expect(report.counts.attachmentOnly).toBe(1);
  });

  it('rejects an answer that is not a comments list', () => {
    expect(() => parseZendeskComments([{ error: 'Couldn\u2019t authenticate you' }])).toThrow();
    expect(() => parseZendeskComments([{ comments: [{ id: 1, html_body: 42 }] }])).toThrow();
  });

  it.each([
    ['email', 'email'],
    ['native_messaging', 'chat'],
    ['voice', 'call'],
    ['rule', null],
    [7, null],
  ])('via %s is the %s channel', (via, channel) => {
    expect(channelFromVia(via)).toBe(channel);
  });

  it('follows next_page only on the helpdesk origin', () => {
    expect(nextPageOf(json('comments-2050-page1.json'), ORIGIN)).toContain('page=2');
    expect(nextPageOf(json('comments-2050-page2.json'), ORIGIN)).toBeNull();
  });

  it('asks for the users sideload', () => {
    expect(commentsUrl(new URL('https://acme.zendesk.com/agent/tickets/2041'), '2041')).toBe(
      'https://acme.zendesk.com/api/v2/tickets/2041/comments.json?include=users',
    );
  });
});

describe('Zendesk adapter with the API', () => {
  const email = () => {
    const { doc, url } = loadFixture('zendesk', 'email');
    return { doc, url };
  };

  it('prefers the API with the session cookie on the helpdesk origin, and says so', async () => {
    const fetchSpy = vi.fn<FetchLike>(() => answer(json('comments-2041.json')));
    const adapter = createZendeskAdapter(fetchSpy, () => ORIGIN);
    const { doc, url } = email();
    const extraction = await adapter.extract(adapter.context(doc, url)!);
    expect(extraction.source).toBe('api');
    expect(extractionSchema.parse(extraction).messages).toEqual(loadFixture('zendesk', 'email').expected.messages);
    expect(extraction.diagnostics.matched.source).toContain('comments.json');
    const [input, init] = fetchSpy.mock.calls[0]!;
    expect(input).toBe('https://acme.zendesk.com/api/v2/tickets/2041/comments.json?include=users');
    expect(init.credentials).toBe('include');
  });

  it('follows next_page on the same origin only', async () => {
    const fetchSpy = vi.fn<FetchLike>((input) => answer(json(input.includes('page=2') ? 'comments-2050-page2.json' : 'comments-2050-page1.json')));
    const adapter = createZendeskAdapter(fetchSpy, () => ORIGIN);
    const { doc } = email();
    const ctx = { ...adapter.context(doc, new URL('https://acme.zendesk.com/agent/tickets/2041'))!, ticketId: '2050' };
    const extraction = await adapter.extract(ctx);
    expect(extraction.messages).toHaveLength(3);
    expect(fetchSpy.mock.calls.map(([input]) => new URL(input).origin)).toEqual([ORIGIN, ORIGIN]);
  });

  it('falls back to the page when the API fails, and does not ask again until a comment arrives', async () => {
    const fetchSpy = vi.fn<FetchLike>(() => answer({ error: 'Forbidden' }, 403));
    const adapter = createZendeskAdapter(fetchSpy, () => ORIGIN);
    const { doc, url } = email();
    const ctx = adapter.context(doc, url)!;
    const first = await adapter.extract(ctx);
    expect(first.source).toBe('dom');
    expect(first.messages).toEqual(loadFixture('zendesk', 'email').expected.messages);
    expect(first.diagnostics.notes[0]).toMatch(/API unavailable \(API answered 403\)/);
    const second = adapter.extract(ctx);
    expect(second).not.toBeInstanceOf(Promise);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('reuses one answer while the page only re-renders', async () => {
    const fetchSpy = vi.fn<FetchLike>(() => answer(json('comments-2041.json')));
    const adapter = createZendeskAdapter(fetchSpy, () => ORIGIN);
    const { doc, url } = email();
    const ctx = adapter.context(doc, url)!;
    await Promise.all([adapter.extract(ctx), adapter.extract(ctx), adapter.extract(ctx)]);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('reads the page synchronously on another origin (never sends the cookie elsewhere)', () => {
    const fetchSpy = vi.fn<FetchLike>(() => answer(json('comments-2041.json')));
    const adapter = createZendeskAdapter(fetchSpy, () => 'https://evil.example');
    const { doc, url } = email();
    const extraction = adapter.extract(adapter.context(doc, url)!);
    expect(extraction).not.toBeInstanceOf(Promise);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('the demo helpdesk’s API', () => {
  const DEMO = 'http://127.0.0.1:5178';
  const allPages = (ticket: (typeof tickets)[number]): unknown[] => {
    const pages: unknown[] = [commentsPage(ticket, 1, DEMO)];
    for (let next = nextPageOf(pages[0], DEMO); next; next = nextPageOf(pages.at(-1), DEMO)) {
      pages.push(commentsPage(ticket, Number(new URL(next).searchParams.get('page')), DEMO));
    }
    return pages;
  };

  it.each(tickets.map((t) => [t.id, t] as const))('answers ticket %s as the conversation the demo shows, bots, notes and system lines included', (_id, ticket) => {
    const { messages } = parseZendeskComments(allPages(ticket));
    expect(messages).toEqual(ticket.messages);
  });

  it('pages a long ticket as Zendesk does, 100 comments a page', () => {
    const long = tickets.find((t) => t.messages.length > 200)!;
    expect(allPages(long)).toHaveLength(Math.ceil(long.messages.length / 100));
  });
});
