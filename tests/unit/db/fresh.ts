// A fresh profile database for a test: its own fake IndexedDB, made the one lib/db's db() returns,
// and closed after the test (every one a test opened).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { ArvioDb, useDatabase } from '../../../lib/db';

const opened: ArvioDb[] = [];
let made = 0;

afterEach(() => {
  for (const database of opened.splice(0)) database.close();
});

export function freshDb(name = 'test'): ArvioDb {
  const database = new ArvioDb(`${name}-${++made}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  useDatabase(database);
  opened.push(database);
  return database;
}
