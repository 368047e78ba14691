// A lead opens the Finnish (semicolon) CSVs in a real spreadsheet program, LibreOffice Calc in a Finnish locale:
// dates are dates, scores numbers, text with ; quotes and line breaks intact, and no cell becomes a formula.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArvioDb, useDatabase } from '@/lib/db';
import { submitReview } from '@/lib/db/reviews';
import { localDateTime } from '@/lib/export/csv';
import { RATING_COLUMNS, REVIEW_COLUMNS } from '@/lib/export';
import { exportCsv } from '@/lib/transfer';
import { translator, type MessageKey } from '@/lib/i18n';
import type { Review } from '@/lib/model/review';
import { ensureLibreOffice } from '../../../scripts/system-deps.mjs';
import { CARDS, makeReview, rng } from '../db/factory';
import { isDateFormat, readSheet, serialToText, unzip, type Cell } from './xlsx';

const ZONE = 'Europe/Helsinki';
const FORMULAS = ['=SUM(A1:A2)', '+358 40 123 4567', '-1+2', '@SUM(A1)', '=HYPERLINK("http://evil.example";"klik")'];
const TRICKY = 'Puolipiste; "lainaus" ja\nrivinvaihto\r\nsekä ääkköset 😀';

/** Reviews with everything a spreadsheet could get wrong: formulas in every free text, a name for an id, acknowledged or not. */
function reviews(): Review[] {
  const random = rng(11);
  return FORMULAS.map((formula, i) => {
    const review = makeReview({ id: `s${i}`, random, card: CARDS[i % CARDS.length], createdAt: `2026-0${1 + i}-1${i}T1${i}:3${i}:00.000Z` });
    return {
      ...review,
      // Without a team backend the reviewee's id is the name typed in the settings.
      reviewee: i % 2 === 0 ? { id: 'Aino Virtanen', name: 'Aino Virtanen' } : { id: 'aino@example.com', name: 'Aino Virtanen' },
      strengths: TRICKY,
      developmentAreas: formula,
      feedback: `${formula}; ${TRICKY}`,
      ticket: { ...review.ticket, subject: formula },
      ratings: review.ratings.map((r, j) => (j === 0 ? { ...r, comment: formula } : r)),
      acknowledgedAt: i % 2 === 0 ? `2026-07-0${1 + i}T08:15:00.000Z` : null,
    };
  });
}

let dir = '';
const sheets: Record<'reviews' | 'ratings', Cell[][]> = { reviews: [], ratings: [] };
const seeded = reviews();

beforeAll(async () => {
  const soffice = ensureLibreOffice();
  dir = mkdtempSync(join(tmpdir(), 'arvio-calc-'));
  useDatabase(new ArvioDb(`calc-${Date.now()}`, { indexedDB: new IDBFactory(), IDBKeyRange }));
  for (const review of seeded) await submitReview(review, null);
  const { db } = await import('@/lib/db');
  await db().scorecards.bulkPut(CARDS);
  for (const shape of ['reviews', 'ratings'] as const) {
    let text = '';
    for await (const piece of exportCsv({ shape, delimiter: ';', locale: { language: 'fi', timeZone: ZONE } })) text += piece;
    writeFileSync(join(dir, `${shape}.csv`), text);
  }
  // Once for both files. The CSV filter's options: ';', '"', UTF-8, from line 1, no column types, the
  // Finnish locale (1035, decimal commas), quoted fields not forced to text, special numbers (dates)
  // detected; formulas are evaluated, as Excel does, so a formula that got through would show.
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--infilter=CSV:59,34,76,1,,1035,false,true,false,false,false,-1,true',
      '--convert-to',
      'xlsx',
      '--outdir',
      dir,
      join(dir, 'reviews.csv'),
      join(dir, 'ratings.csv'),
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  for (const shape of ['reviews', 'ratings'] as const) sheets[shape] = readSheet(unzip(readFileSync(join(dir, `${shape}.xlsx`))));
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const t = translator('fi');
const header = (column: string) => t(`export.col.${column}` as MessageKey, { timeZone: ZONE });
/** The cells of a column, by the column's id, below the header; rows in the order of the file. */
function column(shape: 'reviews' | 'ratings', id: string): Cell[] {
  const columns: readonly string[] = shape === 'reviews' ? REVIEW_COLUMNS : RATING_COLUMNS;
  const index = columns.indexOf(id);
  expect(index, id).toBeGreaterThanOrEqual(0);
  return sheets[shape].slice(1).map((row) => row[index] ?? { type: 'blank', value: '', formula: null, format: 'General' });
}

describe('the Finnish CSV in LibreOffice Calc', () => {
  it('has Finnish headers, the dates’ time zone named', () => {
    expect(sheets.reviews[0]!.map((c) => c.value)).toEqual(REVIEW_COLUMNS.map(header));
    expect(sheets.ratings[0]!.map((c) => c.value)).toEqual(RATING_COLUMNS.map(header));
    expect(header('createdAt')).toBe('Luotu (Europe/Helsinki)');
  });

  it('reads dates as dates, in Helsinki time', () => {
    for (const [shape, id] of [['reviews', 'createdAt'], ['reviews', 'updatedAt'], ['reviews', 'acknowledgedAt'], ['ratings', 'createdAt']] as const) {
      const cells = column(shape, id).filter((c) => c.type !== 'blank');
      expect(cells.length, id).toBeGreaterThan(0);
      for (const cell of cells) {
        expect(cell.type, `${shape}.${id}`).toBe('n');
        expect(isDateFormat(cell.format), `${shape}.${id}: ${cell.format}`).toBe(true);
      }
    }
    expect(column('reviews', 'createdAt').map((c) => serialToText(Number(c.value)))).toEqual(seeded.map((r) => localDateTime(r.createdAt, ZONE)));
    // Winter and summer time both: 10:30 UTC on 10 January is 12:30 in Helsinki, 13:33 UTC on 13 April 16:33.
    expect(serialToText(Number(column('reviews', 'createdAt')[0]!.value))).toBe('2026-01-10 12:30');
    expect(serialToText(Number(column('reviews', 'createdAt')[3]!.value))).toBe('2026-04-13 16:33');
  });

  it('reads scores and counts as numbers, decimal commas understood', () => {
    const scores = column('reviews', 'score');
    expect(scores.map((c) => (c.type === 'n' ? Number(c.value) : c.value))).toEqual(seeded.map((r) => (r.score === null ? '' : Number((r.score * 100).toFixed(1)))));
    expect(scores.some((c) => c.type === 'n' && !Number.isInteger(Number(c.value)))).toBe(true);
    for (const id of ['scorecardVersion', 'activeMs']) for (const cell of column('reviews', id)) expect(cell.type, id).toBe('n');
    for (const cell of column('ratings', 'criterionScore').filter((c) => c.type !== 'blank')) expect(cell.type).toBe('n');
  });

  it('keeps text with semicolons, quotes, line breaks and emoji intact', () => {
    for (const cell of column('reviews', 'strengths')) expect(cell).toMatchObject({ type: 's', value: TRICKY.replace(/\r\n/g, '\n'), formula: null });
    // The feedback starts with a formula-like text: shown with the guard's apostrophe, the rest as written.
    expect(column('reviews', 'feedback').map((c) => c.value)).toEqual(seeded.map((r) => `'${r.developmentAreas}; ${TRICKY}`.replace(/\r\n/g, '\n')));
  });

  it('turns no cell into a formula: what starts with = + - @ stays the text that was written', () => {
    const all = [...sheets.reviews, ...sheets.ratings].flat().filter(Boolean);
    expect(all.filter((c) => c.formula !== null)).toEqual([]);
    for (const [shape, id] of [['reviews', 'developmentAreas'], ['reviews', 'subject'], ['ratings', 'comment']] as const) {
      const cells = column(shape, id).filter((c) => FORMULAS.some((f) => c.value.endsWith(f)));
      expect(cells.length, `${shape}.${id}`).toBeGreaterThanOrEqual(FORMULAS.length);
      // Text, shown with the guard's apostrophe in front, never evaluated.
      for (const cell of cells) expect(cell.type, `${shape}.${id}: ${cell.value}`).toBe('s');
    }
    expect(column('reviews', 'developmentAreas').map((c) => c.value.replace(/^'/, ''))).toEqual(FORMULAS);
  });

  it('keeps e-mail and name apart: an agent known only by name has no e-mail', () => {
    expect(column('reviews', 'revieweeEmail').map((c) => c.value)).toEqual(seeded.map((r) => (r.reviewee.id.includes('@') ? r.reviewee.id : '')));
    expect(column('reviews', 'revieweeName').map((c) => c.value)).toEqual(seeded.map(() => 'Aino Virtanen'));
    expect(column('ratings', 'reviewerName').every((c) => c.value !== '')).toBe(true);
  });
});
