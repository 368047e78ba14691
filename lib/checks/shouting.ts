// Tone: ALL-CAPS runs and repeated !! / ?? read as shouting.
import { excerpt, matchesIn, type Check, type Word } from './text';
import type { Hint } from './types';

/** Capitalised words that are names of things, not raised voices. Compared in upper case. */
const ACRONYMS = new Set([
  'OK', 'IBAN', 'BIC', 'SWIFT', 'SEPA', 'GDPR', 'PDF', 'URL', 'ALV', 'VAT', 'EU', 'ETA', 'FAQ', 'ID', 'IT', 'HR',
  'CEO', 'CV', 'USB', 'SMS', 'MMS', 'PIN', 'PUK', 'API', 'HTML', 'CSV', 'XML', 'JSON', 'EUR', 'USD', 'GBP', 'SEK',
  'USA', 'UK', 'FI', 'SE', 'VIP', 'KELA', 'HSL', 'VR', 'YLE', 'OY', 'OYJ', 'AB', 'RY', 'KY', 'KLO', 'NRO', 'PVM',
  'PS', 'NB', 'CC', 'BCC', 'IMEI', 'SIM', 'WLAN', 'WIFI', 'VPN', 'DNA', 'OP', 'ASAP', 'FYI', 'TV', 'PC', 'IOS',
  'NPS', 'CRM', 'SLA', 'AM', 'PM', 'GPS', 'QR',
]);

const SHOUT_RUN_WORDS = 3;
const SHOUT_WORD_LETTERS = 6;

type Kind = 'shout' | 'neutral' | 'normal';

function kindOf(word: Word, acronyms: ReadonlySet<string>): Kind {
  const w = word.text;
  // Words with digits are codes ("ABC123", "5G"), not words.
  if (/\p{N}/u.test(w)) return 'neutral';
  const upper = w.toUpperCase();
  if (w !== upper) return 'normal';
  // Single letters ("I", "A") and acronyms neither start nor break a run.
  if (upper === w.toLowerCase() || w.length < 2 || acronyms.has(upper)) return 'neutral';
  return 'shout';
}

function capsHint(start: number, end: number): Hint {
  return {
    check: 'shouting',
    criterion: 'tone',
    severity: 'warning',
    span: { start, end },
    messageKey: 'checks.shouting.caps',
    params: {},
  };
}

function letterCount(w: string): number {
  return w.replace(/[^\p{L}]/gu, '').length;
}

const MARKS_RE = /[!?]{2,}/g;

export const checkShouting: Check = (draft, options) => {
  const acronyms = options.acronyms.length
    ? new Set([...ACRONYMS, ...options.acronyms.map((a) => a.toUpperCase())])
    : ACRONYMS;
  const hints: Hint[] = [];

  let run: Word[] = [];
  const flush = (): void => {
    if (run.length >= SHOUT_RUN_WORDS) {
      hints.push(capsHint(run[0]!.start, run[run.length - 1]!.end));
    } else {
      for (const w of run) if (letterCount(w.text) >= SHOUT_WORD_LETTERS) hints.push(capsHint(w.start, w.end));
    }
    run = [];
  };
  for (const word of draft.words) {
    const kind = kindOf(word, acronyms);
    if (kind === 'shout') run.push(word);
    else if (kind === 'normal') flush();
  }
  flush();

  // A run of marks is found whole, then judged: "?!" is fine, "!!" or "??" anywhere in it is not.
  for (const { span, text } of matchesIn(MARKS_RE, draft.text)) {
    if (text.includes('!!') || text.includes('??')) {
      hints.push({
        check: 'shouting',
        criterion: 'tone',
        severity: 'warning',
        span,
        messageKey: 'checks.shouting.punctuation',
        params: { text: excerpt(text, 10) },
      });
    }
  }
  return hints.sort((a, b) => a.span!.start - b.span!.start);
};
