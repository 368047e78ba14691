// Counts read right in both languages: "1 message" and "2 messages", "1 viesti" and "2 viestiä", numbers by locale.
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/en';
import { fi } from '@/lib/i18n/fi';
import { contentStrings, translator } from '@/lib/i18n';
import { messageFiller, messageParams } from '@/lib/i18n/message';

describe('the translator picks the plural form by the count', () => {
  it('in English: one for 1, other for 0, many and fractions', () => {
    const t = translator('en');
    expect([0, 1, 2, 1.5, 1234].map((count) => t('sidebar.ticket.messages', { count }))).toEqual(['0 messages', '1 message', '2 messages', '1.5 messages', '1,234 messages']);
    expect(t('scorecards.export.done', { count: 1, versions: 3 })).toBe('Exported 1 scorecard (3 versions).');
    expect(t('scorecards.editor.invalid', { count: 1 })).toBe('1 field needs fixing before this can be saved.');
    expect(t('sync.line.conflicts', { count: 2 })).toBe('2 need your choice (see settings)');
  });

  it('in Finnish: the nominative after 1, the partitive after 0 and many, numbers by locale', () => {
    const t = translator('fi');
    expect([0, 1, 2, 1.5, 1234].map((count) => t('sidebar.ticket.messages', { count }))).toEqual(['0 viestiä', '1 viesti', '2 viestiä', '1,5 viestiä', '1\u00a0234 viestiä']);
    expect(t('scorecards.export.done', { count: 2, versions: 1 })).toBe('Vietiin 2 lomaketta (1 versio).');
    expect(t('dashboard.import.done', { added: 1, updated: 3, unchanged: 0 })).toBe('Tuotu: 1 uusi, 3 päivitettyä, 0 oli jo täällä.');
  });

  it('fills parameters inside a form, and a count given as text takes the other form', () => {
    const fill = messageFiller('en');
    const template = '{n, plural, one {# reply by {who}} other {# replies by {who}}}';
    expect(fill(template, { n: 1, who: 'Agent #7' })).toBe('1 reply by Agent #7');
    expect(fill(template, { n: 3, who: 'Ann' })).toBe('3 replies by Ann');
    expect(fill(template, { n: '1', who: 'Ann' })).toBe('1 replies by Ann');
    expect(fill(template)).toBe(template);
    expect(messageParams(template)).toEqual(['n', 'who']);
    expect(messageFiller('fi')).toBe(messageFiller('fi'));
  });

  it('the helpdesk page’s badge says "1 hint" and "1 huomio"', () => {
    for (const [lang, one, two] of [
      ['en', '1 hint on your reply', '2 hints on your reply'],
      ['fi', '1 huomio vastauksessasi', '2 huomiota vastauksessasi'],
    ] as const) {
      const hints = contentStrings(lang)['content.badge.hints'];
      expect(messageFiller(lang)(hints, { count: 1 })).toContain(one);
      expect(messageFiller(lang)(hints, { count: 2 })).toContain(two);
    }
  });
});

/**
 * The counts in a template that read wrong for 1: a number followed by a plural noun (English "2 messages",
 * Finnish partitive "2 viestiä") that stays the same for 1 ("1 messages", "1 viestiä"). Each parameter is
 * tried alone, the others set to 7. A heuristic: it sees nouns by their endings, so it may miss some
 * (Finnish "-sta" is both a partitive and an elative, and is not looked at) but does not guess at verbs.
 */
function wrongForOne(lang: 'en' | 'fi', template: string): string[] {
  const fill = messageFiller(lang);
  const wordsAfter = (text: string, n: number): string[][] =>
    [...text.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}.,#])${n}\s+([\p{L}’'-]+)(?:\s+([\p{L}’'-]+))?`, 'gu'))].map((m) => [m[1]!, m[2] ?? '']);
  return messageParams(template).filter((name) => !TEXT_PARAMS.has(name)).filter((name) => {
    const render = (n: number) => fill(template, { ...Object.fromEntries(messageParams(template).map((p) => [p, 7])), [name]: n });
    const [one, two] = [wordsAfter(render(1), 1), wordsAfter(render(2), 2)];
    return two.some((words, i) => countsNouns(lang, words) && words.join(' ') === one[i]?.join(' '));
  });
}

/** Parameters that are names or ids, never counts: "{agent} disputes a review" is a verb, not "2 disputes". */
const TEXT_PARAMS = new Set(['agent', 'author', 'by', 'coach', 'facilitator', 'id', 'name', 'place', 'reviewee', 'reviewer', 'team', 'title', 'who']);

/** Verbs that follow a count in Finnish strings and end like a partitive ("2 odottaa synkronointia"). */
const FINNISH_VERBS = new Set(['odottaa']);

function countsNouns(lang: 'en' | 'fi', [first, second]: string[]): boolean {
  if (lang === 'en') return [first, second].some((word) => /^[a-z-]{2,}[^isu’']s$/i.test(word!) || word === 'criteria');
  if (FINNISH_VERBS.has(first!)) return false;
  const partitive = (word: string) => /(?:[aeiouyäö][aä]|[aeiouyäö]tt?[aä])$/i.test(word);
  // A genitive attribute ("2 itsearvioinnin huomiota") puts the noun second.
  return partitive(first!) || (first!.endsWith('n') && partitive(second!));
}

describe('every count in the dictionaries reads right for 1', () => {
  it('the check catches "1 messages" and "1 viestiä", and lets correct strings be', () => {
    expect(wrongForOne('en', '{count} messages')).toEqual(['count']);
    expect(wrongForOne('en', 'Has {count} criteria')).toEqual(['count']);
    expect(wrongForOne('en', 'from {pairable} pairable ratings')).toEqual(['pairable']);
    expect(wrongForOne('en', 'Exported {count} scorecards ({versions} versions).')).toEqual(['count', 'versions']);
    expect(wrongForOne('fi', '{count} viestiä')).toEqual(['count']);
    expect(wrongForOne('fi', '{count} kenttää on korjattava')).toEqual(['count']);
    expect(wrongForOne('fi', '{count} itsearvioinnin huomiota')).toEqual(['count']);
    expect(wrongForOne('fi', 'Tuotu: {added} uutta, {updated} päivitetty')).toEqual(['added']);
    for (const fine of ['Open: {count}', '{count} %', '{count} waiting to sync', 'Line {line} is not a ticket link', '{count, plural, one {# field needs} other {# fields need}} fixing']) {
      expect(wrongForOne('en', fine), fine).toEqual([]);
    }
    for (const fine of ['Avoinna: {count}', '{count} odottaa synkronointia', '{rated} kriteeristä', '{days} päivän välein', '{count, plural, one {# viesti} other {# viestiä}}']) {
      expect(wrongForOne('fi', fine), fine).toEqual([]);
    }
  });

  it('in English and in Finnish, the content script’s and the checks’ strings included', () => {
    const wrong = (lang: 'en' | 'fi', dict: Record<string, string>) =>
      Object.entries(dict).flatMap(([key, template]) => wrongForOne(lang, template).map((name) => `${key} {${name}}: ${messageFiller(lang)(template, { [name]: 1 })}`));
    expect(wrong('en', en)).toEqual([]);
    expect(wrong('fi', fi)).toEqual([]);
  });
});
