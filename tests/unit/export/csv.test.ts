// A lead's CSV opens right in Excel and reads back intact through a real CSV parser, in both dialects.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { submitReview, deleteReview } from '@/lib/db/reviews';
import { BOM, csvCell, csvLine, COMMA_DIALECT, CsvNumber, SEMICOLON_DIALECT } from '@/lib/export/csv';
import { RATING_COLUMNS, REVIEW_COLUMNS } from '@/lib/export';
import { exportCsv } from '@/lib/transfer';
import { CARDS, makeReview, rng } from '../db/factory';
import { freshDb } from '../db/fresh';

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let out = '';
  for await (const piece of gen) out += piece;
  return out;
}

function parse(text: string, delimiter: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  const result = Papa.parse<string[]>(text.slice(1), { delimiter, newline: '\r\n', skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

const TRICKY = ['plain', 'a, b', 'say "hi"', 'line\nbreak', 'cr\r\nlf', 'Äänekoski öljy å', 'emoji 😀👍🏽', 'semi;colon', '', ' spaced '];

describe('CSV for Excel', () => {
  it.each([
    [',', COMMA_DIALECT],
    [';', SEMICOLON_DIALECT],
  ] as const)('round-trips commas, quotes, newlines, Finnish letters and emoji with "%s"', (delimiter, dialect) => {
    const text = BOM + TRICKY.map((v) => csvLine([v, v], dialect)).join('');
    expect(parse(text, delimiter)).toEqual(TRICKY.map((v) => [v, v]));
  });

  it('writes decimal commas with semicolons and points with commas', () => {
    expect(csvLine([new CsvNumber(82.456, 1), 3, true, null], SEMICOLON_DIALECT)).toBe('82,5;3;true;\r\n');
    expect(csvLine([new CsvNumber(82.456, 1), 3, true, null], COMMA_DIALECT)).toBe('82.5,3,true,\r\n');
  });

  it('defuses formulas but leaves negative numbers alone', () => {
    expect(csvCell('=HYPERLINK("x")', ',')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+358 40 1', ',')).toBe("'+358 40 1");
    expect(csvCell('@SUM(A1)', ',')).toBe("'@SUM(A1)");
    expect(csvCell('-12,5', ';')).toBe('-12,5');
    expect(csvCell('-12,5', ',')).toBe('"-12,5"');
    expect(csvCell('-12.5', ',')).toBe('-12.5');
  });

  it('exports one row per live review and one per rating, both dialects parsing back the same', async () => {
    const database = freshDb();
    const random = rng(4);
    const reviews = Array.from({ length: 25 }, (_, i) => makeReview({ id: `r${String(i).padStart(3, '0')}`, random }));
    for (const r of reviews) await submitReview(r, null);
    await database.scorecards.bulkPut(CARDS);
    await deleteReview('r003', new Date('2026-07-01T00:00:00.000Z'));
    const live = reviews.filter((r) => r.id !== 'r003');

    const progress: number[] = [];
    const comma = parse(await collect(exportCsv({ shape: 'reviews', delimiter: ',', chunkSize: 7, onProgress: (p) => progress.push(p.done) })), ',');
    const semi = parse(await collect(exportCsv({ shape: 'reviews', delimiter: ';', chunkSize: 7 })), ';');
    expect(comma[0]).toEqual([...REVIEW_COLUMNS]);
    expect(comma).toHaveLength(live.length + 1);
    expect(progress).toEqual([0, 7, 14, 21, 25]);
    // The same table, except decimal commas in the number column.
    const scoreCol = REVIEW_COLUMNS.indexOf('score');
    expect(semi.map((row) => row.map((c, i) => (i === scoreCol ? c.replace(',', '.') : c)))).toEqual(comma);
    const first = comma[1]!;
    const r0 = live[0]!;
    expect(first[REVIEW_COLUMNS.indexOf('feedback')]).toBe(r0.feedback);
    expect(first[REVIEW_COLUMNS.indexOf('revieweeName')]).toBe(r0.reviewee.name);
    expect(first[scoreCol]).toBe(r0.score === null ? '' : (r0.score * 100).toFixed(1));
    expect(comma.some((row) => row[REVIEW_COLUMNS.indexOf('developmentAreas')] === "'=SUM(A1:A2)")).toBe(true);

    const long = parse(await collect(exportCsv({ shape: 'ratings', delimiter: ';', chunkSize: 10 })), ';');
    expect(long[0]).toEqual([...RATING_COLUMNS]);
    expect(long).toHaveLength(1 + live.reduce((a, r) => a + r.ratings.length, 0));
    const row = long[1]!;
    expect(row[RATING_COLUMNS.indexOf('criterionTitle')]).not.toBe('');
  });

  it('the semicolon form for Finnish Excel: Finnish headers, local times with the zone named; commas stay ISO UTC with ids', async () => {
    freshDb();
    const review = makeReview({ id: 'loc', random: rng(6), createdAt: '2026-12-05T12:30:00.000Z' });
    await submitReview({ ...review, reviewee: { id: 'Aino Virtanen', name: 'Aino Virtanen' }, acknowledgedAt: '2026-06-30T21:05:00.000Z' }, null);
    const local = parse(await collect(exportCsv({ shape: 'reviews', delimiter: ';', locale: { language: 'fi', timeZone: 'Europe/Helsinki' } })), ';');
    const at = (rows: string[][], id: string) => rows[1]![REVIEW_COLUMNS.indexOf(id as (typeof REVIEW_COLUMNS)[number])];
    expect(local[0]!.slice(0, 7)).toEqual(['Arvion tunniste', 'Luotu (Europe/Helsinki)', 'Muokattu (Europe/Helsinki)', 'Arvioijan sähköposti', 'Arvioija', 'Asiakaspalvelijan sähköposti', 'Asiakaspalvelija']);
    expect(at(local, 'createdAt')).toBe('2026-12-05 14:30');
    expect(at(local, 'acknowledgedAt')).toBe('2026-07-01 00:05'); // summer time, past midnight
    // Without a team backend the agent is a name: no e-mail to give, the name in its own column.
    expect(at(local, 'revieweeEmail')).toBe('');
    expect(at(local, 'revieweeName')).toBe('Aino Virtanen');
    const english = parse(await collect(exportCsv({ shape: 'ratings', delimiter: ';', locale: { language: 'en', timeZone: 'America/New_York' } })), ';');
    expect(english[0]!.slice(0, 4)).toEqual(['Review id', 'Created (America/New_York)', 'Reviewer’s e-mail', 'Reviewer']);
    expect(english[1]![1]).toBe('2026-12-05 07:30');
    const international = parse(await collect(exportCsv({ shape: 'reviews', delimiter: ',', locale: { language: 'fi', timeZone: 'Europe/Helsinki' } })), ',');
    expect(international[0]).toEqual([...REVIEW_COLUMNS]);
    expect(at(international, 'createdAt')).toBe('2026-12-05T12:30:00.000Z');
    expect(at(international, 'revieweeEmail')).toBe('');
  });

  it('stops when cancelled', async () => {
    freshDb();
    const random = rng(5);
    for (let i = 0; i < 30; i++) await submitReview(makeReview({ id: `c${i}`, random }), null);
    const controller = new AbortController();
    const pieces: string[] = [];
    await expect(
      (async () => {
        for await (const piece of exportCsv({ shape: 'reviews', delimiter: ',', chunkSize: 5, signal: controller.signal })) {
          pieces.push(piece);
          if (pieces.length === 2) controller.abort();
        }
      })(),
    ).rejects.toThrow(/cancelled/);
    expect(pieces).toHaveLength(2);
  });
});
