// Clarity: paragraphs too long to scan, or a long reply with no paragraph breaks at all.
import { countWords, firstWordAtOrAfter, type Check } from './text';
import type { Hint } from './types';

export const MAX_PARAGRAPH_WORDS = 120;
export const MAX_UNBROKEN_WORDS = 250;

export const checkWallOfText: Check = (draft) => {
  const { words, lines } = draft;
  const firstFilled = lines.findIndex((l) => !l.blank);
  const lastFilled = lines.findLastIndex((l) => !l.blank);
  const hasBlankLine = lines.some((l, i) => l.blank && i > firstFilled && i < lastFilled);
  // Without a single blank line the whole reply is one paragraph; one hint about that says it all.
  if (!hasBlankLine && words.length > MAX_UNBROKEN_WORDS) {
    return [
      {
        check: 'wallOfText',
        criterion: 'clarity',
        severity: 'info',
        span: null,
        messageKey: 'checks.wallOfText.noBreaks',
        params: { words: words.length, max: MAX_UNBROKEN_WORDS },
      },
    ];
  }
  const hints: Hint[] = [];
  let paragraphStart: number | null = null;
  let paragraphEnd = 0;
  const close = (): void => {
    if (paragraphStart === null) return;
    const n = countWords(words, paragraphStart, paragraphEnd);
    if (n > MAX_PARAGRAPH_WORDS) {
      const first = words[firstWordAtOrAfter(words, paragraphStart)]!;
      hints.push({
        check: 'wallOfText',
        criterion: 'clarity',
        severity: 'info',
        span: { start: first.start, end: paragraphEnd },
        messageKey: 'checks.wallOfText.paragraph',
        params: { words: n, max: MAX_PARAGRAPH_WORDS },
      });
    }
    paragraphStart = null;
  };
  for (const line of lines) {
    if (line.blank) {
      close();
      continue;
    }
    paragraphStart ??= line.start;
    paragraphEnd = line.end;
  }
  close();
  return hints;
};
