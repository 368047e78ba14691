// Reading and writing many rows in few requests: the same answers as Dexie's bulk calls, all or nothing.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ArvioDb } from '@/lib/db';
import { bulkGetFew, putRows } from '@/lib/db/bulk';

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

describe('putRows', () => {
  const rows = (keys: readonly string[]) => keys.map((key, i) => ({ key, revision: i + 1, seq: i }));

  it('writes like bulkPut inside a transaction, replacing rows that exist', async () => {
    const database = await withRows(ids(0, 50));
    await database.transaction('rw', database.syncState, () => putRows(database.syncState, rows(ids(25, 100)).map((r) => ({ ...r, seq: 7 }))));
    expect(await database.syncState.count()).toBe(100);
    expect((await database.syncState.get('reviews:00030'))?.seq).toBe(7);
    expect((await database.syncState.get('reviews:00010'))?.seq).toBe(10);
  });

  it('is bulkPut outside a transaction', async () => {
    const database = await withRows([]);
    await putRows(database.syncState, rows(ids(0, 20)));
    expect(await database.syncState.count()).toBe(20);
  });

  it('takes the whole transaction down when one row cannot be stored', async () => {
    const database = await withRows(ids(0, 10));
    const bad = [...rows(ids(10, 40)), { revision: 1, seq: 1 } as unknown as { key: string; revision: number; seq: number }];
    await expect(
      database.transaction('rw', database.syncState, async () => {
        await database.syncState.put({ key: 'reviews:99999', revision: 1, seq: 1 });
        await putRows(database.syncState, bad);
      }),
    ).rejects.toThrow();
    expect(await database.syncState.count()).toBe(10);
  });
});
