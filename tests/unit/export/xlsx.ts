// Reads back what a spreadsheet program saved as .xlsx: each cell's type, value, formula and number format (no library).
import { inflateRawSync } from 'node:zlib';

/** The files of a zip archive by name (stored or deflated entries, as .xlsx writers use). */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, method === 0 ? data : inflateRawSync(data));
    at += 46 + skip;
  }
  return files;
}

export interface Cell {
  /** The cell's type as saved: n (number), s (shared string), str (a formula's text), b, e, inlineStr. */
  type: string;
  /** Text for strings, the number as written for numbers. */
  value: string;
  /** The formula, if the program made one of the cell. */
  formula: string | null;
  /** The number format's code ("YYYY-MM-DD HH:MM", "General"…). */
  format: string;
}

const decode = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of a string item: plain `<t>` or rich-text runs. */
const itemText = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\/>/g)].map((m) => decode(m[1] ?? '')).join('');

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30). */
const BUILT_IN_FORMATS: Record<number, string> = { 0: 'General', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm' };

/** The first sheet's cells by reference ("A1"), as rows of cells. */
export function readSheet(files: Map<string, Buffer>): Cell[][] {
  const text = (name: string) => files.get(name)?.toString('utf8') ?? '';
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => itemText(m[1]!));
  const styles = text('xl/styles.xml');
  const custom = new Map([...styles.matchAll(/<numFmt [^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)].map((m) => [Number(m[1]), decode(m[2]!)]));
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const formats = [...xfs.matchAll(/<xf [^>]*?numFmtId="(\d+)"/g)].map((m) => {
    const id = Number(m[1]);
    return custom.get(id) ?? BUILT_IN_FORMATS[id] ?? `#${id}`;
  });
  const rows: Cell[][] = [];
  for (const row of text('xl/worksheets/sheet1.xml').matchAll(/<row [^>]*?r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: Cell[] = [];
    for (const c of row[2]!.matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const column = [...c[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const attrs = c[2]!;
      const body = c[3] ?? '';
      const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0);
      const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const value = type === 's' ? (shared[Number(raw)] ?? '') : type === 'inlineStr' ? itemText(body) : decode(raw ?? '');
      const formula = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/.exec(body)?.[1];
      cells[column] = { type, value, formula: formula === undefined ? null : decode(formula), format: formats[style] ?? 'General' };
    }
    rows[Number(row[1]) - 1] = cells;
  }
  return rows;
}

/** A spreadsheet date serial (days since 1899-12-30, the wall-clock time it shows) as `YYYY-MM-DD HH:mm`. */
export function serialToText(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 16).replace('T', ' ');
}

/** Whether a number format shows a date (it has a day, month or year part outside quotes and brackets). */
export function isDateFormat(code: string): boolean {
  return /[dmy]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')) && !/^general$/i.test(code);
}
