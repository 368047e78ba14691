// Zammad: classic and desktop UI, read from the same-origin API when it answers and from the page when not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { apiUrl, createZammadAdapter, parseZammadArticles, ticketIdFromUrl, uiOf, type FetchLike } from '../../../lib/helpdesks/zammad/adapter';
import { extractionSchema } from '../../../lib/model/ticket';
import { FIXTURE_ROOT, loadFixture, runFixtures } from './run-fixtures';

const offline: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
const apiJson = JSON.parse(readFileSync(join(FIXTURE_ROOT, 'zammad/api/by_ticket-4711.json'), 'utf8')) as unknown;

runFixtures('zammad', createZammadAdapter(offline), ['classic-email', 'desktop', 'desktop-non-ticket-page', 'non-ticket-page', 'two-tickets']);

describe('Zammad URLs', () => {
  it.each([
    ['https://support.example.fi/#ticket/zoom/4711', 'classic', '4711'],
    ['https://support.example.fi/#ticket/zoom/4711/102', 'classic', '4711'],
    ['http://127.0.0.1:5180/#ticket/zoom/4720', 'classic', '4720'],
    ['https://support.example.fi/desktop/tickets/4712', 'desktop', '4712'],
    ['https://support.example.fi/#dashboard', 'classic', null],
    ['https://support.example.fi/', null, null],
    ['https://support.example.fi/blog/post', null, null],
  ])('%s is the %s UI, ticket %s', (href, ui, id) => {
    const url = new URL(href);
    expect(uiOf(url)).toBe(ui);
    expect(ticketIdFromUrl(url)).toBe(id);
  });

  it('asks the API of the install the page belongs to', () => {
    expect(apiUrl(new URL('https://support.example.fi/#ticket/zoom/4711'), '4711')).toBe(
      'https://support.example.fi/api/v1/ticket_articles/by_ticket/4711?expand=true',
    );
    expect(apiUrl(new URL('https://x.fi/zammad/desktop/tickets/9'), '9')).toBe('https://x.fi/zammad/api/v1/ticket_articles/by_ticket/9?expand=true');
  });
});

describe('Zammad API answer', () => {
  it('becomes the same conversation the classic page shows, quoted history and empty system notes left out', () => {
    const { messages, channel } = parseZammadArticles(apiJson);
    expect(channel).toBe('email');
    expect(messages).toEqual(loadFixture('zammad', 'classic-email').expected.messages);
  });

  it('rejects an answer that is not a list of articles', () => {
    expect(() => parseZammadArticles({ error: 'not authorized' })).toThrow();
  });
});

describe('Zammad adapter', () => {
  it('prefers the API with the session cookie, and says so', async () => {
    const fetchSpy = vi.fn<FetchLike>(() => Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(apiJson) }));
    const adapter = createZammadAdapter(fetchSpy);
    const { doc, url } = loadFixture('zammad', 'classic-email');
    const extraction = await adapter.extract(adapter.context(doc, url)!);
    expect(extraction.source).toBe('api');
    expect(extractionSchema.parse(extraction).messages).toHaveLength(4);
    const [input, init] = fetchSpy.mock.calls[0]!;
    expect(input).toBe('https://support.example.fi/api/v1/ticket_articles/by_ticket/4711?expand=true');
    expect(init.credentials).toBe('include');
  });

  it('falls back to the page when the API refuses or answers nonsense', async () => {
    const { doc, url } = loadFixture('zammad', 'classic-email');
    for (const fetchImpl of [
      (() => Promise.resolve({ ok: false, status: 401, json: () => Promise.resolve({}) })) satisfies FetchLike,
      (() => Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve({ oops: 1 }) })) satisfies FetchLike,
    ]) {
      const adapter = createZammadAdapter(fetchImpl);
      const extraction = await adapter.extract(adapter.context(doc, url)!);
      expect(extraction.source).toBe('dom');
      expect(extraction.messages).toHaveLength(4);
      expect(extraction.diagnostics.notes.join(' ')).toMatch(/read the page instead/);
    }
  });

  it('follows the URL between two open tickets, hidden or not', async () => {
    const adapter = createZammadAdapter(offline);
    const { doc } = loadFixture('zammad', 'two-tickets');
    const at = (hash: string) => adapter.context(doc, new URL(`https://support.example.fi/${hash}`));
    expect(at('#ticket/zoom/4720')?.subject).toBe('Laskun osoite väärin');
    const other = at('#ticket/zoom/4711')!;
    expect(other.subject).toBe('Tilaus 88213 ei ole saapunut');
    expect((await adapter.extract(other)).messages.map((m) => m.id)).toEqual(['101', '102', '103', '104']);
    expect(at('#ticket/zoom/9999')).toBeNull();
  });

  it('finds the classic reply editor of the shown ticket', () => {
    const adapter = createZammadAdapter(offline);
    const { doc, url } = loadFixture('zammad', 'classic-email');
    expect(adapter.composer(adapter.context(doc, url)!)?.mode).toBe('public');
  });
});
