// A CSV writer that Excel opens right (BOM, ',' or ';' with decimal commas, safe quoting, no formulas); shared with the server.

export type CsvDelimiter = ',' | ';';

export interface CsvDialect {
  delimiter: CsvDelimiter;
  /** ',' with ';' (Finnish Excel's list separator goes with decimal commas), '.' with ','. */
  decimal: '.' | ',';
}

export const COMMA_DIALECT: CsvDialect = { delimiter: ',', decimal: '.' };
export const SEMICOLON_DIALECT: CsvDialect = { delimiter: ';', decimal: ',' };

export function dialectFor(delimiter: CsvDelimiter): CsvDialect {
  return delimiter === ';' ? SEMICOLON_DIALECT : COMMA_DIALECT;
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

export type CsvValue = string | number | boolean | null | CsvNumber;

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
