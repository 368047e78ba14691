// Reading and writing many rows at once inside one transaction: fewer requests than Dexie's bulk calls.
import Dexie, { type Table } from 'dexie';

/**
 * `table.bulkGet(keys)` in few requests. Every `get` is a request of its own (in Chromium ≈ 25 µs of
 * script each plus the backend's work), so the primary keys between the smallest and the largest key
 * asked for are read first, at most twice as many as asked (one request). None there: nothing to
 * fetch (a first pull into a fresh profile). A few: fetched one by one. Many: the whole range in one
 * more request (rollup cells rewritten batch after batch). Where the range holds more keys than the
 * bound (a full table, scattered keys) it is plain bulkGet.
 */
export async function bulkGetFew<T, TInsert>(table: Table<T, string, TInsert>, keys: readonly string[]): Promise<Array<T | undefined>> {
  if (keys.length < 16) return table.bulkGet([...keys]);
  let low = keys[0]!;
  let high = keys[0]!;
  // Strings compare by UTF-16 code units both here and in IndexedDB.
  for (const key of keys) {
    if (key < low) low = key;
    if (key > high) high = key;
  }
  const bound = keys.length * 2;
  const range = () => table.where(':id').between(low, high, true, true).limit(bound);
  const present = (await range().primaryKeys()) as string[];
  if (present.length >= bound) return table.bulkGet([...keys]);
  if (present.length === 0) return keys.map(() => undefined);
  const asked = new Set(keys);
  const wanted = present.filter((key) => asked.has(key));
  const keyPath = table.schema.primKey.keyPath;
  const byKey = new Map<string, T | undefined>();
  if (wanted.length >= 16 && typeof keyPath === 'string') {
    // Each row's own key: outside a transaction rows may have come or gone since the keys were read.
    for (const row of await range().toArray()) byKey.set(Dexie.getByKeyPath(row as object, keyPath) as string, row);
  } else if (wanted.length > 0) {
    const rows = await table.bulkGet(wanted);
    wanted.forEach((key, i) => byKey.set(key, rows[i]));
  }
  return keys.map((key) => byKey.get(key));
}

/**
 * `table.bulkPut(rows)` for many rows inside a read-write transaction that holds the table: one put
 * per row straight on the transaction's store, with handlers on the last request only. Dexie's
 * bulkPut gives every request an error handler and collects every result, which in Chromium costs
 * about as much script time as the put itself. A failing put aborts the whole transaction (its error
 * is not handled per row), which is what all-or-nothing writes want. Dexie's hooks and middleware do
 * not see these writes: use it only on tables without hooks. Outside such a transaction it is bulkPut.
 */
export function putRows<T, TKey, TInsert>(table: Table<T, TKey, TInsert>, rows: readonly TInsert[]): Promise<void> {
  const transaction = Dexie.currentTransaction;
  const direct = transaction?.idbtrans?.mode === 'readwrite' && transaction.storeNames.includes(table.name);
  if (!direct) return table.bulkPut([...rows]).then(() => undefined);
  if (rows.length === 0) return Dexie.Promise.resolve();
  const store = transaction.idbtrans.objectStore(table.name);
  return new Dexie.Promise<void>((resolve, reject) => {
    let last: IDBRequest | undefined;
    for (const row of rows) last = store.put(row);
    last!.onsuccess = () => resolve();
    last!.onerror = () => reject(last!.error);
  });
}
