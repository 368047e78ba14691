// Reading many keys in few requests: the same answer as bulkGet whatever the table holds.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ArvioDb } from '@/lib/db';
import { bulkGetFew } from '@/lib/db/bulk';

let n = 0;
let open: ArvioDb | null = null;
afterEach(() => open?.close());

async function withRows(keys: readonly string[]): Promise<ArvioDb> {
  open = new ArvioDb(`bulk-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await open.syncState.bulkPut(keys.map((key, i) => ({ key, revision: i + 1, seq: i })));
  return open;
}

const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `reviews:${String(from + i).padStart(5, '0')}`);

describe('bulkGetFew', () => {
  it.each([
    ['an empty table', [], ids(0, 300)],
    ['a few rows among the keys asked for', ids(0, 300).filter((_, i) => i % 97 === 0), ids(0, 300)],
    ['a full table (more rows in range than the bound)', ids(0, 2000), [...ids(500, 700), ...ids(1500, 1550)]],
    ['rows outside the range only', [...ids(0, 50), ...ids(900, 950)], ids(100, 400)],
    ['keys in any order, a few asked for twice', ids(0, 400).filter((_, i) => i % 3 === 0), [...ids(200, 260).reverse(), ...ids(0, 30), 'reviews:00003']],
    ['fewer keys than the probe is worth', ids(0, 10), ['reviews:00002', 'reviews:00099']],
    ['most keys present (the range read at once)', ids(0, 300), ids(0, 320).filter((_, i) => i % 5 !== 0)],
    ['every key present, in reverse', ids(0, 200), ids(0, 200).reverse()],
  ])('answers like bulkGet on %s, in the order asked', async (_label, stored, asked) => {
    const database = await withRows(stored);
    expect(await bulkGetFew(database.syncState, asked)).toEqual(await database.syncState.bulkGet(asked));
  });
});
