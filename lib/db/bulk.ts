// Reading many rows by key in few requests (a first pull into a fresh profile, rollup cells rewritten batch after batch, an import).
import Dexie, { type Table } from 'dexie';

/**
 * Which of the keys between the smallest and the largest of `keys` the table holds, sorted: one
 * keys-only request reading at most twice as many as asked. null when the range holds more (a full
 * table, scattered keys): then nothing is known about `keys`.
 */
export async function presentKeys<T, TInsert>(table: Table<T, string, TInsert>, keys: readonly string[]): Promise<string[] | null> {
  if (keys.length === 0) return [];
  let low = keys[0]!;
  let high = keys[0]!;
  // Strings compare by UTF-16 code units both here and in IndexedDB.
  for (const key of keys) {
    if (key < low) low = key;
    if (key > high) high = key;
  }
  const bound = keys.length * 2;
  const present = (await table.where(':id').between(low, high, true, true).limit(bound).primaryKeys()) as string[];
  return present.length < bound ? present : null;
}

/**
 * `table.bulkGet(keys)` in few requests. Every `get` is a request of its own (in Chromium ≈ 25 µs of
 * script each plus the backend's work), so which keys exist is read first (presentKeys). None: nothing
 * to fetch (a first pull into a fresh profile). A few: fetched one by one. Many: their whole range in
 * one more request (rollup cells rewritten batch after batch). A range holding more keys than the
 * probe reads (a full table, scattered keys): plain bulkGet.
 */
export async function bulkGetFew<T, TInsert>(table: Table<T, string, TInsert>, keys: readonly string[]): Promise<Array<T | undefined>> {
  if (keys.length < 16) return table.bulkGet([...keys]);
  const present = await presentKeys(table, keys);
  if (present === null) return table.bulkGet([...keys]);
  if (present.length === 0) return keys.map(() => undefined);
  const asked = new Set(keys);
  const wanted = present.filter((key) => asked.has(key));
  const keyPath = table.schema.primKey.keyPath;
  const byKey = new Map<string, T | undefined>();
  if (wanted.length >= 16 && typeof keyPath === 'string') {
    // Each row's own key: outside a transaction rows may have come or gone since the keys were read.
    const rows = await table.where(':id').between(present[0]!, present.at(-1)!, true, true).toArray();
    for (const row of rows) byKey.set(Dexie.getByKeyPath(row as object, keyPath) as string, row);
  } else if (wanted.length > 0) {
    const rows = await table.bulkGet(wanted);
    wanted.forEach((key, i) => byKey.set(key, rows[i]));
  }
  return keys.map((key) => byKey.get(key));
}
