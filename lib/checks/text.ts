// Shared text plumbing for the checks: one tokenization per draft, line scanning and phrase regexes.
import type { CheckLang, CheckOptions, Hint, HintSpan } from './types';

export interface Word {
  start: number;
  end: number;
  text: string;
}

export interface Line {
  start: number;
  /** Exclusive, before the line break. */
  end: number;
  blank: boolean;
}

/** A draft tokenized once and handed to every check, so no check rescans it for words or lines. */
export interface PreparedDraft {
  text: string;
  words: Word[];
  lines: Line[];
  lang: CheckLang;
}

/** What a check receives besides the draft: options resolved to plain values. */
export interface ResolvedOptions {
  customerName: string | null;
  extraBlamePhrases: string[];
  acronyms: string[];
}

export type Check = (draft: PreparedDraft, options: ResolvedOptions) => Hint[];

export function resolveOptions(options: CheckOptions): ResolvedOptions {
  const extra = options.extraBlamePhrases;
  return {
    customerName: options.customerName ?? null,
    extraBlamePhrases: [...(extra?.fi ?? []), ...(extra?.en ?? [])],
    acronyms: options.acronyms ?? [],
  };
}

// Letters and digits joined by inner apostrophes or hyphens ("it's", "Anna-Liisa") form one word.
// Every repetition must consume a separator, so the nested quantifier cannot backtrack badly.
const WORD_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): Word[] {
  const words: Word[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    words.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return words;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // A trailing \r belongs to the break, not the line (drafts pasted from Windows).
    const contentEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lines.push({ start, end: contentEnd, blank: text.slice(start, contentEnd).trim() === '' });
    start = end + 1;
  }
  return lines;
}

/** Index of the first word starting at or after `offset` (words are sorted by start). */
export function firstWordAtOrAfter(words: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function countWords(words: readonly Word[], start: number, end: number): number {
  return firstWordAtOrAfter(words, end) - firstWordAtOrAfter(words, start);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Lookarounds standing in for \b, which in JS knows nothing of ä, ö or å. */
export const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}])';
export const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}])';

/**
 * A phrase as a regex source: any run of whitespace matches any whitespace (line breaks included),
 * ' matches ’ too, and `*` stands for the rest of a word so one entry covers Finnish endings
 * ("kuten jo kerro*" → kerroin, kerroimme). Everything else is literal.
 */
export function phraseSource(phrase: string): string {
  return phrase
    .trim()
    // Adjacent wildcards would nest quantifiers over the same letters: one is enough.
    .replace(/\*+/g, '*')
    .split(/\s+/)
    .map((word) =>
      word
        .split('*')
        .map((part) => escapeRegExp(part).replace(/['’]/g, "['’]"))
        .join('\\p{L}*'),
    )
    .join('\\s+');
}

/** One case-insensitive regex for a phrase list, longest phrases first so they win over their prefixes. */
export function phraseRegex(phrases: readonly string[]): RegExp | null {
  const sources = [...new Set(phrases.map((p) => p.trim()).filter((p) => p.replace(/\*/g, '').length > 0))]
    .sort((a, b) => b.length - a.length)
    .map(phraseSource);
  if (sources.length === 0) return null;
  return new RegExp(`${NOT_AFTER_WORD}(?:${sources.join('|')})${NOT_BEFORE_WORD}`, 'giu');
}

/** Every non-empty match of a global regex that lies within [from, to); leaves lastIndex at 0. */
export function matchesIn(re: RegExp, text: string, from = 0, to = text.length): { span: HintSpan; text: string }[] {
  const found: { span: HintSpan; text: string }[] = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (m.index + m[0].length <= to) found.push({ span: { start: m.index, end: m.index + m[0].length }, text: m[0] });
  }
  re.lastIndex = 0;
  return found;
}

/** Shortens a quoted excerpt for a message parameter; the span carries the exact extent. */
export function excerpt(s: string, max = 60): string {
  const folded = s.replace(/\s+/g, ' ');
  return folded.length <= max ? folded : `${folded.slice(0, max - 1)}…`;
}
