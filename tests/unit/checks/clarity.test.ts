// Clarity: one hint per overlong sentence, and walls of text without paragraph breaks.
import { describe, expect, it } from 'vitest';
import { only, spans } from './helpers';

/** A sentence body of n words, capitalised as a sentence starts (a full stop before lower case is no end). */
const words = (n: number, word = 'sana'): string =>
  Array.from({ length: n }, (_, i) => (i === 0 ? word[0]!.toUpperCase() + word.slice(1) : word)).join(' ');

describe('long sentences', () => {
  it('a sentence of 36 words gets one hint pointing at it, with its count', () => {
    const long = `${words(36)}.`;
    const draft = `Hei Matti. ${long} Lyhyt lause.`;
    const hints = only('longSentence', draft);
    expect(spans(draft, hints)).toEqual([long]);
    expect(hints[0]).toMatchObject({ criterion: 'clarity', messageKey: 'checks.longSentence.tooLong', params: { words: 36, max: 35 } });
  });

  it('35 words is still fine, and every long sentence is its own hint', () => {
    expect(only('longSentence', `${words(35)}.`)).toEqual([]);
    const draft = `${words(40, 'word')}! ${words(10)}. ${words(36, 'ord')}?`;
    expect(only('longSentence', draft).map((h) => h.params.words)).toEqual([40, 36]);
  });

  it('line breaks end sentences, so a list is not one long sentence', () => {
    const list = Array.from({ length: 10 }, (_, i) => `- kohta ${i} on tässä`).join('\n');
    expect(only('longSentence', list)).toEqual([]);
  });

  it('abbreviations, dates and decimals do not cut a sentence short', () => {
    const draft = `Toimitus esim. Postin kautta 12.5. klo 14 maksaa 4.90 euroa ja ${words(30)}.`;
    expect(only('longSentence', draft)).toHaveLength(1);
  });
});

describe('wall of text', () => {
  it('a paragraph over 120 words gets a hint pointing at that paragraph', () => {
    const big = `${words(121)}.`;
    const draft = `Hei,\n\n${big}\n\nTerveisin\nAnna`;
    const hints = only('wallOfText', draft);
    expect(spans(draft, hints)).toEqual([big]);
    expect(hints[0]).toMatchObject({ criterion: 'clarity', messageKey: 'checks.wallOfText.paragraph', params: { words: 121, max: 120 } });
  });

  it('paragraphs of at most 120 words are fine', () => {
    expect(only('wallOfText', `${words(120)}\n\n${words(120)}\n\n${words(120)}`)).toEqual([]);
  });

  it('over 250 words without a single blank line is one hint about the whole reply', () => {
    const draft = Array.from({ length: 26 }, () => `${words(10)}.`).join('\n');
    const hints = only('wallOfText', draft);
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ span: null, messageKey: 'checks.wallOfText.noBreaks', params: { words: 260 } });
  });

  it('blank lines only at the ends do not count as paragraph breaks', () => {
    const draft = `\n\n${words(251)}\n\n  \n`;
    expect(only('wallOfText', draft)[0]?.messageKey).toBe('checks.wallOfText.noBreaks');
  });
});
