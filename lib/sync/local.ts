// The local documents of a kind by sync id: what push sends, what apply compares, what a conflict keeps.
import { kindOf, type AnyDoc, type SyncCollection } from '../model';
import { tableOf, type ArvioDb } from '../db';

export type LocalDoc = AnyDoc;

/** The local documents of one kind by sync id (undefined where there is none). */
export async function localDocs(database: ArvioDb, collection: SyncCollection, ids: readonly string[]): Promise<Array<LocalDoc | undefined>> {
  const keys = ids.map((id) => kindOf(collection).keyOfSyncId(id));
  const present = keys.filter((k) => k !== null);
  const found = await tableOf(database, collection).bulkGet(present);
  let i = 0;
  return keys.map((k) => (k === null ? undefined : found[i++]));
}

export async function localDoc(database: ArvioDb, collection: SyncCollection, id: string): Promise<LocalDoc | undefined> {
  return (await localDocs(database, collection, [id]))[0];
}
