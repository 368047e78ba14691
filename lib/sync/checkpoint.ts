// Where the pull stands: the checkpoint, and what the server last confirmed of each document (the base of the next push).
import Dexie from 'dexie';
import { z } from 'zod';
import type { SyncCollection } from '../model';
import { bulkGetFew, type ArvioDb, type PulledStatesRow, type SyncStateRow } from '../db';
import { CHECKPOINT_KEY, readSetting } from './meta';

export const stateKey = (collection: SyncCollection, id: string): string => `${collection}:${id}`;

export const readCheckpoint = (database: ArvioDb): Promise<number> => readSetting(database, CHECKPOINT_KEY, z.number().int().min(0), 0);

/** From this many documents a pull transaction keeps their server states in bucket rows, not one row each. */
export const BULK_STATES = 100;
/** Buckets of pulled states: a bulk transaction writes at most this many rows; a lookup reads one bucket's. */
export const STATE_BUCKETS = 64;

/** A state key's bucket (FNV-1a of the key). */
export function stateBucket(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % STATE_BUCKETS;
}

/**
 * What the server last confirmed for each document: per-document rows (pushes, conflict choices,
 * small pulls) and bulk pulls' bucket rows together, the later by seq winning (a document's seq grows
 * with each of its revisions).
 */
export async function knownStates(database: ArvioDb, keys: readonly string[]): Promise<Array<SyncStateRow | undefined>> {
  const [own, pulled] = await Promise.all([bulkGetFew(database.syncState, keys), newestPulled(database, keys)]);
  return keys.map((key, i) => {
    const [a, b] = [own[i], pulled.get(key)];
    return a && b ? (a.seq >= b.seq ? a : b) : (a ?? b);
  });
}

/** The newest bulk-pulled state of each key, reading the rows of the keys' buckets only. */
async function newestPulled(database: ArvioDb, keys: readonly string[]): Promise<Map<string, SyncStateRow>> {
  const found = new Map<string, SyncStateRow>();
  if (keys.length === 0) return found;
  const wanted = new Set(keys);
  const buckets = [...new Set(keys.map(stateBucket))];
  const rows = await Promise.all(
    buckets.map((bucket) => database.pulledStates.where('[bucket+checkpoint]').between([bucket, Dexie.minKey], [bucket, Dexie.maxKey]).toArray()),
  );
  for (const row of rows.flat()) {
    for (const [key, seq, revision] of row.entries) {
      if (wanted.has(key) && (found.get(key)?.seq ?? -1) < seq) found.set(key, { key, seq, revision });
    }
  }
  return found;
}

/**
 * Stores states a pull learned with the checkpoint after them: a few as per-document rows, many in
 * one row per bucket (tens of writes instead of thousands).
 */
export async function recordPulledStates(database: ArvioDb, states: readonly SyncStateRow[], checkpoint: number): Promise<void> {
  if (states.length === 0) return;
  if (states.length < BULK_STATES) {
    await database.syncState.bulkPut([...states]);
    return;
  }
  const rows = new Map<number, PulledStatesRow>();
  for (const { key, seq, revision } of states) {
    const bucket = stateBucket(key);
    const row = rows.get(bucket) ?? { bucket, checkpoint, entries: [] };
    row.entries.push([key, seq, revision]);
    rows.set(bucket, row);
  }
  await database.pulledStates.bulkPut([...rows.values()]);
}
