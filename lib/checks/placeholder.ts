// Accuracy: template placeholders left unfilled ([nimi], {{name}}, XXX, <insert …>, %NAME%).
import { excerpt, matchesIn, NOT_AFTER_WORD, NOT_BEFORE_WORD, type Check } from './text';
import type { HintSpan } from './types';

// Every alternative is bounded in length and has no nested quantifiers, so the scan stays linear.
const PLACEHOLDER_RE = new RegExp(
  [
    String.raw`\{\{[^{}\n]{0,80}\}\}`,
    // Single braces and brackets are only candidates; isLabel decides. "[x](url)" is a Markdown link.
    String.raw`\{[^{}\n]{1,40}\}`,
    String.raw`\[[^[\]\n]{1,40}\](?!\()`,
    String.raw`<\s*(?:insert|add|enter|lisää|kirjoita|täytä|täydennä)${NOT_BEFORE_WORD}[^<>\n]{0,80}>`,
    String.raw`%[\p{L}_][\p{L}\p{N}_]{0,30}%`,
  ].join('|'),
  'giu',
);

// Capital X only, hence a regex of its own without the i flag: "xxx" in lower case is as often
// a masked value as a placeholder.
const X_RUN_RE = new RegExp(`${NOT_AFTER_WORD}X{3,}${NOT_BEFORE_WORD}`, 'gu');

// Words that make a bracketed or braced text a template slot rather than a note like "[1]" or "{sic}".
const LABEL_WORDS = new Set([
  'name', 'first', 'last', 'firstname', 'lastname', 'customer', 'agent', 'date', 'time', 'number', 'order', 'amount',
  'price', 'email', 'phone', 'address', 'company', 'product', 'link', 'url', 'insert', 'here', 'ticket', 'reference',
  'nimi', 'etunimi', 'sukunimi', 'asiakas', 'asiakkaan', 'agentti', 'päivämäärä', 'pvm', 'aika', 'kellonaika',
  'numero', 'tilausnumero', 'tilaus', 'summa', 'hinta', 'sähköposti', 'puhelin', 'puhelinnumero', 'osoite', 'yritys',
  'tuote', 'linkki', 'lisää', 'tähän', 'tiketti', 'viite', 'viitenumero', 'käsittelijä', 'allekirjoitus', 'signature',
]);

function isLabel(inner: string): boolean {
  const trimmed = inner.trim();
  if (trimmed === '') return false;
  // "[CUSTOMER NAME]", "{ORDER_ID}": shouted identifiers are slots in every template language.
  if (/^[\p{Lu}_][\p{Lu}\p{N}_ -]*$/u.test(trimmed) && /\p{Lu}.*\p{Lu}/u.test(trimmed)) return true;
  return trimmed
    .toLowerCase()
    .split(/[\s_.-]+/)
    .some((w) => LABEL_WORDS.has(w));
}

/** Every unfilled slot in text[from, to), in order. */
export function findPlaceholders(text: string, from = 0, to = text.length): { span: HintSpan; text: string }[] {
  return [
    ...matchesIn(PLACEHOLDER_RE, text, from, to).filter(({ text: slot }) => {
      if (slot.startsWith('{{')) return true;
      if (slot.startsWith('{') || slot.startsWith('[')) return isLabel(slot.slice(1, -1));
      return true;
    }),
    ...matchesIn(X_RUN_RE, text, from, to),
  ].sort((a, b) => a.span.start - b.span.start);
}

export const checkPlaceholder: Check = (draft) =>
  findPlaceholders(draft.text)
    .map(({ span, text }) => ({
      check: 'placeholder' as const,
      criterion: 'accuracy' as const,
      severity: 'critical' as const,
      span,
      messageKey: 'checks.placeholder.unfilled' as const,
      params: { text: excerpt(text) },
    }));
