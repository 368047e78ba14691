// Translation: one typed dictionary per language; the language follows the browser unless overridden.
import { en, type MessageKey } from './en';
import { fi } from './fi';
import type { Language } from '../model';
import { messageFiller, type MessageParams } from './message';

export type { MessageKey };
export { contentStrings, LANGUAGE_STORAGE_KEY, type ContentKey } from './content';
export { messageFiller, type MessageParams } from './message';
export { sitesContentEn } from './sites-en';
export { sitesContentFi } from './sites-fi';
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

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Numbers in parameters are formatted by locale; a count picks its plural form (see ./message.ts). */
export function translator(lang: Language): Translate {
  const dict = dictionaries[lang];
  const fill = messageFiller(lang);
  return (key, params) => fill(dict[key], params);
}

/** Intl formatters are slow to make and cheap to use: one per language and options, made once. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let made = formatters.get(key) as F | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}

/** Dates and times as this app's users read them: Finnish as in Finland, English as in Britain (24-hour, day first). */
const dateLocale = (lang: Language): string => (lang === 'fi' ? 'fi-FI' : 'en-GB');

/** A 0…1 fraction as a percentage in the user's locale ("82,5 %" in Finnish). */
export function formatPercent(lang: Language, fraction: number, digits = 1): string {
  return formatter(`percent:${lang}:${digits}`, () => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: digits })).format(fraction);
}

/** A count in the user's locale ("12 345" in Finnish). */
export function formatNumber(lang: Language, value: number): string {
  return formatter(`number:${lang}`, () => new Intl.NumberFormat(lang)).format(value);
}

/** A month `YYYY-MM` by locale, short ("Mar 2026", "maalis 2026"); anything else as it is. */
export function formatMonth(lang: Language, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (!y || !m) return month;
  return formatter(`month:${lang}`, () => new Intl.DateTimeFormat(dateLocale(lang), { month: 'short', year: 'numeric', timeZone: 'UTC' })).format(Date.UTC(y, m - 1, 1));
}

/**
 * An ISO week `YYYY-Www` as people name it ("Week 9, 2026", "Viikko 9/2026"); anything else as it is.
 * Year and week go in as text: a number parameter is grouped by locale ("2,026").
 */
export function formatWeek(t: Translate, week: string): string {
  const parts = /^(\d{4})-W(\d{2})$/.exec(week);
  return parts ? t('common.week', { week: String(Number(parts[2])), year: parts[1]! }) : week;
}

/** Dates shown to users: by locale, in the user's time zone. */
export function formatDateTime(lang: Language, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(`datetime:${lang}`, () => new Intl.DateTimeFormat(dateLocale(lang), { dateStyle: 'medium', timeStyle: 'short' })).format(date);
}

/**
 * The computer's time zone as people name it ("Eastern European Time", "Itä-Euroopan aika"): its generic
 * name, else its name now ("Coordinated Universal Time"), else its offset ("GMT+03:00").
 */
export function formatTimeZone(lang: Language): string {
  const names = (['longGeneric', 'long'] as const).map(
    (timeZoneName) => new Intl.DateTimeFormat(dateLocale(lang), { timeZoneName }).formatToParts(Date.now()).find((part) => part.type === 'timeZoneName')?.value ?? '',
  );
  return names.find((name) => name !== '' && !/^(GMT|UTC)([+\u2212-]\d|$)/.test(name)) ?? names[0] ?? '';
}

/** A time of day by locale, in the user's time zone ("14.05", "14:05"). */
export function formatTime(lang: Language, at: Date | number): string {
  return formatter(`time:${lang}`, () => new Intl.DateTimeFormat(dateLocale(lang), { timeStyle: 'short' })).format(at);
}

/** A size in bytes as the user reads it: kB under a megabyte, then MB or GB ("1,5 Mt" in Finnish). */
export function formatBytes(lang: Language, bytes: number): string {
  const [unit, size] =
    bytes >= 1e9 ? (['gigabyte', bytes / 1e9] as const) : bytes >= 1e6 ? (['megabyte', bytes / 1e6] as const) : (['kilobyte', bytes / 1e3] as const);
  return new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: 1 }).format(size);
}

/** A calendar day `YYYY-MM-DD` by locale, short ("2 Jan", "2.1."); with the year when `year` is set. */
export function formatDay(lang: Language, day: string, year = false): string {
  const date = new Date(`${day}T12:00:00.000Z`);
  if (Number.isNaN(date.getTime())) return day;
  return formatter(`day:${lang}:${year}`, () => new Intl.DateTimeFormat(dateLocale(lang), { day: 'numeric', month: 'short', ...(year ? { year: 'numeric' } : {}), timeZone: 'UTC' })).format(date);
}

/** An age or a wait in whole days by locale ("3 days", "3 päivää"); under a day says so. */
export function formatAge(t: Translate, lang: Language, days: number): string {
  if (days < 1) return t('common.underADay');
  return formatter(`days:${lang}`, () => new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long' })).format(days);
}

/** A figure such as an alpha with a fixed number of decimals, by locale ("0,815" in Finnish). */
export function formatDecimal(lang: Language, value: number, digits: number): string {
  return formatter(`decimal:${lang}:${digits}`, () => new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits })).format(value);
}
