// Shared fixture runner: every saved page of a helpdesk must yield exactly its expected.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../lib/helpdesks/registry';
import type { HelpdeskAdapter } from '../../../lib/helpdesks/types';
import { extractionSchema, type TicketMessage } from '../../../lib/model/ticket';

// A string, not `new URL(...)`: under happy-dom the global URL is the page's, not Node's.
export const FIXTURE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/helpdesks');

export interface Expected {
  context: { ticketId: string; subject: string; channel: string } | null;
  messages: TicketMessage[];
}

export interface Fixture {
  variant: string;
  doc: Document;
  html: string;
  url: URL;
  expected: Expected;
}

/** Variants are the folders holding a page.html (other folders, such as saved API answers, are not pages). */
export function variantsOf(site: string): string[] {
  return readdirSync(join(FIXTURE_ROOT, site), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(FIXTURE_ROOT, site, entry.name, 'page.html')))
    .map((entry) => entry.name)
    .sort();
}

export function loadFixture(site: string, variant: string): Fixture {
  const dir = join(FIXTURE_ROOT, site, variant);
  const html = readFileSync(join(dir, 'page.html'), 'utf8');
  const url = new URL(readFileSync(join(dir, 'url.txt'), 'utf8').trim());
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  // DOMParser gives an inert document: nothing in the fixture runs while it is read.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { variant, doc, html, url, expected };
}

/**
 * One test per variant: the registry picks this helpdesk, the context is the expected ticket (or
 * none), and the extraction is every expected message with role, author, time and text.
 */
export function runFixtures(site: string, adapter: HelpdeskAdapter, required: readonly string[]): void {
  const variants = variantsOf(site);

  describe(`${site} fixtures`, () => {
    it('has every variant the adapter must handle', () => {
      expect(variants).toEqual(expect.arrayContaining([...required]));
    });

    it.each(variants)('%s: the reviewer sees the expected ticket and every message', async (variant) => {
      const { doc, url, expected } = loadFixture(site, variant);
      expect(adapter.matches(url, doc)).toBe(true);
      expect(pickAdapter(url, doc)?.id).toBe(adapter.id);

      const ctx = adapter.context(doc, url);
      if (expected.context === null) {
        expect(ctx).toBeNull();
        return;
      }
      expect(ctx).not.toBeNull();
      expect({ ticketId: ctx!.ticketId, subject: ctx!.subject, channel: ctx!.channel }).toEqual(expected.context);
      expect(ctx!.url).toBe(url.href);

      const extraction = await adapter.extract(ctx!);
      expect(() => extractionSchema.parse(extraction)).not.toThrow();
      expect(extraction.messages).toEqual(expected.messages);
      expect(extraction.diagnostics.counts.messages).toBe(expected.messages.length);
    });
  });
}
