// Translation: one typed dictionary per language; the language follows the browser unless overridden.
import { en, type MessageKey } from './en';
import { fi } from './fi';
import type { Language } from '../model/scorecard';

export type { MessageKey };
export type LanguagePreference = Language | 'auto';

const dictionaries: Record<Language, Record<MessageKey, string>> = { en, fi };

export function resolveLanguage(preference: LanguagePreference, browserLanguages: readonly string[]): Language {
  if (preference !== 'auto') return preference;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'fi') return 'fi';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Language): Translate {
  const dict = dictionaries[lang];
  const numbers = new Intl.NumberFormat(lang);
  return (key, params) => {
    const template = dict[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}

/** A 0…1 fraction as a percentage in the user's locale ("82,5 %" in Finnish). */
export function formatPercent(lang: Language, fraction: number, digits = 1): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: digits }).format(fraction);
}

/** Dates shown to users: by locale, in the user's time zone. */
export function formatDateTime(lang: Language, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'fi' ? 'fi-FI' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** A size in bytes as the user reads it: kB under a megabyte, then MB or GB ("1,5 Mt" in Finnish). */
export function formatBytes(lang: Language, bytes: number): string {
  const [unit, size] =
    bytes >= 1e9 ? (['gigabyte', bytes / 1e9] as const) : bytes >= 1e6 ? (['megabyte', bytes / 1e6] as const) : (['kilobyte', bytes / 1e3] as const);
  return new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: 1 }).format(size);
}
