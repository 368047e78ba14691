// Clarity: sentences too long to read in one go.
import { countWords, firstWordAtOrAfter, type Check } from './text';
import type { Hint } from './types';

export const MAX_SENTENCE_WORDS = 35;

// Sentence ends: terminal punctuation, or a line break (lists and signature lines end a sentence too).
const END_RE = /[.!?…]+|\n/g;

// Abbreviations after which a full stop does not end a sentence, even before a capital ("esim. Posti").
const ABBREVIATIONS = new Set([
  'esim', 'mm', 'ym', 'yms', 'jne', 'ns', 'n', 'ks', 'vrt', 'klo', 'puh', 'nro', 'os', 'tms', 'ts', 'ao', 'em',
  'eg', 'e.g', 'i.e', 'ie', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'no', 'approx', 'incl', 'ca',
]);

function isSentenceEnd(text: string, at: number, end: number): boolean {
  const mark = text[at]!;
  if (mark === '\n') return true;
  const next = text[end];
  // "1.5", "www.example.fi", "e.g": punctuation inside a token is not an end.
  if (next !== undefined && !/\s|["'”’)\]]/u.test(next)) return false;
  if (mark !== '.' || end - at > 1) return true;
  // A lone full stop: not an end after an abbreviation or before a lower-case word ("12.5. klo", "esim. tilaus").
  const before = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, at - 8), at));
  if (before && ABBREVIATIONS.has(before[0].toLowerCase())) return false;
  const following = /\S/u.exec(text.slice(end, end + 4));
  if (following && /\p{Ll}/u.test(following[0])) return false;
  if (/\d$/.test(text.slice(0, at)) && following && /\d/.test(following[0])) return false;
  return true;
}

export const checkLongSentence: Check = (draft) => {
  const { text, words } = draft;
  const hints: Hint[] = [];
  let sentenceStart = 0;
  const close = (rawEnd: number): void => {
    let end = rawEnd;
    while (end > sentenceStart && /\s/.test(text[end - 1]!)) end--;
    const n = countWords(words, sentenceStart, end);
    if (n > MAX_SENTENCE_WORDS) {
      const first = words[firstWordAtOrAfter(words, sentenceStart)]!;
      hints.push({
        check: 'longSentence',
        criterion: 'clarity',
        severity: 'info',
        span: { start: first.start, end },
        messageKey: 'checks.longSentence.tooLong',
        params: { words: n, max: MAX_SENTENCE_WORDS },
      });
    }
    sentenceStart = rawEnd;
  };
  END_RE.lastIndex = 0;
  for (let m = END_RE.exec(text); m !== null; m = END_RE.exec(text)) {
    const end = m.index + m[0].length;
    if (isSentenceEnd(text, m.index, end)) close(m[0] === '\n' ? m.index : end);
  }
  END_RE.lastIndex = 0;
  close(text.length);
  return hints;
};
