// Generic fallback: a reviewer picks the conversation region once, or reviews the text they selected.
import { describe, expect, it } from 'vitest';
import { cssPathOf, extractRegion, manualFromSelection } from '../../../lib/helpdesks/generic/adapter';
import { extractionSchema } from '../../../lib/model/ticket';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

describe('cssPathOf', () => {
  it('uses a stable id when there is one', () => {
    const doc = parse('<div id="thread"><p>a</p></div>');
    expect(cssPathOf(doc.querySelector('p')!.parentElement!, doc)).toBe('#thread');
  });

  it('prefers naming data attributes over positions and ignores generated ids', () => {
    const doc = parse('<main id="ember1234"><div data-testid="messages"><p>a</p></div><div data-testid="sidebar"></div></main>');
    const path = cssPathOf(doc.querySelector('[data-testid="messages"]')!, doc);
    expect(path).toBe('[data-testid="messages"]');
    expect(path).not.toContain('ember');
  });

  it('falls back to nth-of-type, and the path finds the same element again', () => {
    const doc = parse('<section><div><p>x</p></div><div><p>y</p><p>z</p></div></section>');
    const target = doc.querySelectorAll('p')[2]!;
    const path = cssPathOf(target, doc);
    expect(path).toMatch(/nth-of-type/);
    expect(doc.querySelector(path)).toBe(target);
  });
});

describe('extractRegion', () => {
  it('gives one message per block of the remembered region', () => {
    const doc = parse('<div id="c"><div>Asiakas: hei</div><div>Agentti: <b>moi</b></div><span>x</span></div>');
    const extraction = extractRegion(doc, '#c');
    expect(extractionSchema.parse(extraction).messages.map((m) => m.text)).toEqual(['Asiakas: hei', 'Agentti: moi']);
  });

  it('gives the whole text when the region is one block', () => {
    expect(extractRegion(parse('<div id="c">Yksi viesti<br>kahdella rivillä</div>'), '#c').messages).toEqual([
      { id: 'b1', role: 'customer', author: '', at: null, text: 'Yksi viesti\n\nkahdella rivillä' },
    ]);
  });

  it('says so when the page no longer has the region, or the selector is broken', () => {
    expect(extractRegion(parse('<p></p>'), '#gone').diagnostics.notes).toEqual(['region not found: pick it again']);
    // The code crosses to the sidebar, which says it in the user's language (the note stays for support).
    expect(extractionSchema.parse(extractRegion(parse('<p></p>'), '#gone')).problem).toBe('regionNotFound');
    expect(extractRegion(parse('<p></p>'), '##').messages).toEqual([]);
  });
});

describe('manualFromSelection', () => {
  it('reviews the selected text with the page as the ticket', () => {
    const { context, extraction } = manualFromSelection('https://crm.example.fi/case/9#notes', '  Case 9 – Kauppa ', 'Hei,\r\n\r\n\r\nkiitos  viestistä.');
    expect(context).toEqual({ ticketId: 'https://crm.example.fi/case/9', url: 'https://crm.example.fi/case/9#notes', subject: 'Case 9 – Kauppa', channel: 'email' });
    expect(extractionSchema.parse(extraction)).toEqual({
      messages: [{ id: 'selection', role: 'agent', author: '', at: null, text: 'Hei,\n\nkiitos viestistä.' }],
      source: 'manual',
      diagnostics: { matched: {}, counts: { messages: 1 }, notes: [] },
    });
  });

  it('offers an empty review when nothing is selected', () => {
    expect(manualFromSelection('about:blank', '', '   ').extraction.messages).toEqual([]);
    expect(extractionSchema.parse(manualFromSelection('about:blank', '', '   ').extraction).problem).toBe('nothingSelected');
  });
});
