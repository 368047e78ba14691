// A CSV writer that Excel opens right (BOM, ',' or ';' with decimal commas and local dates, safe quoting, no formulas); shared with the server.
import type { Language } from '../model';

export type CsvDelimiter = ',' | ';';

export interface CsvDialect {
  delimiter: CsvDelimiter;
  /** ',' with ';' (Finnish Excel's list separator goes with decimal commas), '.' with ','. */
  decimal: '.' | ',';
  /**
   * The local form, for a spreadsheet in the reader's locale: dates as `2026-12-05 14:30` in this
   * IANA time zone (named in the header), which Excel and Calc read as dates. null: ISO 8601 UTC with
   * `Z`, for programs (Excel keeps that as text).
   */
  timeZone: string | null;
  /** Headers in this language; null: the column ids. */
  language: Language | null;
}

/** The international form: ids as headers, ISO UTC dates. */
export const COMMA_DIALECT: CsvDialect = { delimiter: ',', decimal: '.', timeZone: null, language: null };
/** Semicolons and decimal commas with ids and ISO dates: the team backend's answer when no locale is asked for. */
export const SEMICOLON_DIALECT: CsvDialect = { delimiter: ';', decimal: ',', timeZone: null, language: null };

/** The reader's locale, for the local form of the semicolon dialect. */
export interface CsvLocale {
  language: Language;
  timeZone: string;
}

/** Semicolons go with the reader's locale when it is known (Finnish Excel); commas stay international. */
export function dialectFor(delimiter: CsvDelimiter, locale?: CsvLocale | null): CsvDialect {
  if (delimiter === ',') return COMMA_DIALECT;
  return locale ? { ...SEMICOLON_DIALECT, ...locale } : SEMICOLON_DIALECT;
}

/** UTF-8 byte order mark: without it Excel reads UTF-8 as the ANSI code page and breaks ä, ö and emoji. */
export const BOM = '\uFEFF';

/** A number cell is written as data, not text, so it is never prefixed; the dialect picks the decimal mark. */
export class CsvNumber {
  constructor(
    readonly value: number,
    readonly fractionDigits: number,
  ) {}
}

/** A moment (ISO 8601), written as the dialect wants dates: local `YYYY-MM-DD HH:mm` or ISO UTC. */
export class CsvDate {
  constructor(readonly iso: string) {}
}

export type CsvValue = string | number | boolean | null | CsvNumber | CsvDate;

const localFormats = new Map<string, Intl.DateTimeFormat>();

/** `2026-12-05 14:30` in the time zone: the date-time form Excel and Calc parse in every locale. */
export function localDateTime(iso: string, timeZone: string): string {
  let format = localFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    localFormats.set(timeZone, format);
  }
  const part: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(new Date(iso))) part[type] = value;
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

const NUMBER_TEXT = /^-?\d+([.,]\d+)?$/;

export function formatNumber(value: number, fractionDigits: number, dialect: CsvDialect): string {
  const text = value.toFixed(fractionDigits);
  return dialect.decimal === ',' ? text.replace('.', ',') : text;
}

/**
 * Quotes when needed, and defuses spreadsheet formulas: subjects and comments come from people, and
 * a cell starting with = + - @ (or a tab / CR that Excel strips first) would run in Excel (OWASP
 * "CSV injection"); a plain negative number is left alone.
 */
export function csvCell(value: string, dialect: CsvDialect | string): string {
  const delimiter = typeof dialect === 'string' ? dialect : dialect.delimiter;
  const safe = /^[=+\-@\t\r]/.test(value) && !NUMBER_TEXT.test(value) ? `'${value}` : value;
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function cellText(value: CsvValue, dialect: CsvDialect): string {
  if (value === null) return '';
  if (value instanceof CsvNumber) return formatNumber(value.value, value.fractionDigits, dialect);
  if (value instanceof CsvDate) return dialect.timeZone ? localDateTime(value.iso, dialect.timeZone) : value.iso;
  if (typeof value === 'number') return formatNumber(value, Number.isInteger(value) ? 0 : 6, dialect);
  if (typeof value === 'boolean') return String(value);
  return csvCell(value, dialect);
}

/** One record, CRLF-terminated (RFC 4180, and what Excel writes). */
export function csvLine(cells: readonly CsvValue[], dialect: CsvDialect): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out += dialect.delimiter;
    out += cellText(cells[i]!, dialect);
  }
  return `${out}\r\n`;
}
