// Privacy: identity codes, card numbers and IBANs that should not travel in a reply. Only valid ones count.
import { NOT_AFTER_WORD, NOT_BEFORE_WORD, type Check } from './text';
import type { Hint, HintSpan } from './types';

// ---- Finnish personal identity code (henkilötunnus): DDMMYY C ZZZ Q ----

const HETU_RE = new RegExp(`${NOT_AFTER_WORD}(\\d{2})(\\d{2})(\\d{2})([-+A-FU-Y])(\\d{3})([0-9A-Y])${NOT_BEFORE_WORD}`, 'giu');
const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

function centuryOf(sign: string): number {
  if (sign === '+') return 1800;
  if (sign === '-' || 'UVWXY'.includes(sign)) return 1900;
  return 2000; // A–F
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

export function isValidHetu(code: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/.exec(code.toUpperCase());
  if (!m) return false;
  const [, dd = '', mm = '', yy = '', sign = '', individual = '', check = ''] = m;
  if (!isValidDate(centuryOf(sign) + Number(yy), Number(mm), Number(dd))) return false;
  // 000 and 001 are never issued; 900–999 are temporary codes, still a person's.
  if (Number(individual) < 2) return false;
  return HETU_CHECK[Number(dd + mm + yy + individual) % 31] === check;
}

// ---- Payment card numbers: 13–19 digits, plain or grouped as printed on cards, Luhn-valid ----

// Each repetition consumes a digit, the separator before it is optional: no ambiguity to backtrack over.
const CARD_RE = /(?<![\p{L}\p{N}-])\d(?:[ -]?\d){12,18}(?![\p{L}\p{N}])/gu;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Card-shaped: issuers' first digits are 2–6, and a grouped number is grouped like a card (fours, or
 * Amex/Diners 4-6-5 / 4-6-4). This keeps Finnish reference numbers (grouped in fives) and phone
 * numbers out even when they happen to pass Luhn, which one in ten does.
 */
export function isCardNumber(raw: string): boolean {
  const digits = raw.replace(/[ -]/g, '');
  if (digits.length < 13 || digits.length > 19 || !/^[2-6]/.test(digits)) return false;
  const groups = raw.split(/[ -]/);
  if (groups.length > 1) {
    const lens = groups.map((g) => g.length);
    const fours = lens.slice(0, -1).every((l) => l === 4) && lens[lens.length - 1]! <= 4;
    const amex = lens.length === 3 && lens[0] === 4 && lens[1] === 6 && (lens[2] === 5 || lens[2] === 4);
    if (!fours && !amex) return false;
  }
  return luhnValid(digits);
}

/**
 * The length of the card number at the start of a matched digit run, or null. A card followed by
 * other numbers ("… 1111 12 kpl") is matched too long, so shorter runs of whole groups are tried too.
 */
function cardPrefixLength(raw: string): number | null {
  if (!/^[2-6]/.test(raw)) return null;
  // Every card grouping starts with four digits; no shorter prefix can fix a first group of another size.
  if (/^\d{1,3}[ -]|^\d{5,}[ -]/.test(raw)) return null;
  let candidate = raw;
  for (;;) {
    if (isCardNumber(candidate)) return candidate.length;
    const cut = Math.max(candidate.lastIndexOf(' '), candidate.lastIndexOf('-'));
    if (cut === -1) return null;
    candidate = candidate.slice(0, cut);
    if (candidate.replace(/[ -]/g, '').length < 13) return null;
  }
}

// ---- IBAN: country code, check digits, BBAN; spaces allowed; mod-97 valid ----

/** IBAN lengths per country (SWIFT IBAN registry). A country missing here is not checked. */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18,
  GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32,
  LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24,
  PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, TL: 23, TN: 24,
  TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

// Only the start is found by regex; the length comes from the country, read by walkIban.
const IBAN_START_RE = /(?<![\p{L}\p{N}])([A-Za-z]{2})\d{2}/gu;

export function ibanValid(iban: string): boolean {
  const s = iban.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s) || IBAN_LENGTHS[s.slice(0, 2)] !== s.length) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const c of rearranged) {
    const code = c.charCodeAt(0);
    // Letters count as two digits (A = 10 … Z = 35); the remainder is carried digit by digit.
    if (code >= 65) rest = (rest * 100 + (code - 55)) % 97;
    else rest = (rest * 10 + (code - 48)) % 97;
  }
  return rest === 1;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** From an IBAN's start, reads exactly its country's length of characters, single spaces allowed between. */
function walkIban(text: string, start: number, length: number): number | null {
  let taken = 0;
  let i = start;
  while (taken < length) {
    const c = text.charCodeAt(i);
    if (c === 32 && taken > 0 && isAsciiAlnum(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    if (!isAsciiAlnum(c)) return null; // NaN past the end is not alphanumeric either
    taken++;
    i++;
  }
  // The IBAN must end where a word ends, or "FI21…85" would be found inside a longer code.
  return /[\p{L}\p{N}]/u.test(text[i] ?? '') ? null : i;
}

function hint(span: HintSpan, messageKey: Hint['messageKey'], severity: Hint['severity']): Hint {
  // The code itself is never put in params: hints may be shown, counted or logged elsewhere.
  return { check: 'personalData', criterion: 'privacy', severity, span, messageKey, params: {} };
}

export const checkPersonalData: Check = (draft) => {
  const { text } = draft;
  const hints: Hint[] = [];
  const overlaps = (span: HintSpan): boolean =>
    hints.some((h) => h.span !== null && h.span.start < span.end && span.start < h.span.end);

  IBAN_START_RE.lastIndex = 0;
  for (let m = IBAN_START_RE.exec(text); m !== null; m = IBAN_START_RE.exec(text)) {
    const length = IBAN_LENGTHS[m[1]!.toUpperCase()];
    if (length === undefined) continue;
    const end = walkIban(text, m.index, length);
    if (end !== null && ibanValid(text.slice(m.index, end))) {
      hints.push(hint({ start: m.index, end }, 'checks.personalData.iban', 'warning'));
      IBAN_START_RE.lastIndex = end;
    }
  }
  IBAN_START_RE.lastIndex = 0;

  HETU_RE.lastIndex = 0;
  for (let m = HETU_RE.exec(text); m !== null; m = HETU_RE.exec(text)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (isValidHetu(m[0]) && !overlaps(span)) hints.push(hint(span, 'checks.personalData.hetu', 'critical'));
  }
  HETU_RE.lastIndex = 0;

  CARD_RE.lastIndex = 0;
  for (let m = CARD_RE.exec(text); m !== null; m = CARD_RE.exec(text)) {
    const length = cardPrefixLength(m[0]);
    if (length === null) continue;
    const span = { start: m.index, end: m.index + length };
    // Digits inside an IBAN found above are the IBAN's, not a card's.
    if (!overlaps(span)) hints.push(hint(span, 'checks.personalData.card', 'critical'));
  }
  CARD_RE.lastIndex = 0;

  return hints.sort((a, b) => a.span!.start - b.span!.start);
};
