// What the sync engine keeps between runs, as settings rows parsed with zod: status, checkpoint, conflicts, lease.
import Dexie from 'dexie';
import { z } from 'zod';
import { canonicalJson, syncCollectionSchema, type SyncCollection } from '../model/sync';
import { bulkGetFew } from '../db/bulk';
import type { ArvioDb, PulledStatesRow, SyncStateRow } from '../db/database';

export const STATUS_KEY = 'sync.status';
export const CHECKPOINT_KEY = 'sync.checkpoint';
export const CONFLICTS_KEY = 'sync.conflicts';
export const LEASE_KEY = 'sync.lease';
/** Hashes of docs sent whose answer was not seen yet: a "conflict" with one of them is our own write. */
export const SENT_KEY = 'sync.sent';

const errorKindSchema = z.enum(['offline', 'timeout', 'unauthorized', 'forbidden', 'conflict', 'rejected', 'server', 'aborted']);

export const syncStatusSchema = z.object({
  lastSuccessAt: z.number().nullable(),
  lastAttemptAt: z.number().nullable(),
  lastError: z.object({ kind: errorKindSchema, message: z.string(), detail: z.string(), at: z.number() }).nullable(),
  pendingCount: z.number().int().min(0),
  conflictCount: z.number().int().min(0),
  /** Failed attempts in a row: the exponent of the backoff. */
  attempt: z.number().int().min(0),
  /** No automatic attempt before this time (ms since epoch); null = whenever. */
  nextAttemptAt: z.number().nullable(),
  /** Changes the server refused (role or validation); kept locally, not retried. */
  refused: z.array(z.object({ collection: syncCollectionSchema, id: z.string(), reason: z.string() })).max(50),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const emptyStatus: SyncStatus = {
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
  pendingCount: 0,
  conflictCount: 0,
  attempt: 0,
  nextAttemptAt: null,
  refused: [],
};

const docRecord = z.record(z.string(), z.unknown());

/** Both sides of a document changed apart: shown to the user, who keeps one. Neither side is overwritten. */
export const syncConflictSchema = z.object({
  collection: syncCollectionSchema,
  id: z.string().min(1),
  /** The local document as it is now. */
  mine: docRecord,
  /** The server's document and its revision (the base a "keep mine" push must name). */
  theirs: docRecord,
  theirsRevision: z.number().int().min(1),
  theirsSeq: z.number().int().min(0),
  detectedAt: z.number(),
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;

const conflictsSchema = z.array(syncConflictSchema);
const leaseSchema = z.object({ owner: z.string(), until: z.number() });
const sentSchema = z.record(z.string(), z.array(z.string()).max(5));

export const stateKey = (collection: SyncCollection, id: string): string => `${collection}:${id}`;

/** A 53-bit hash of a document's canonical JSON (cyrb53): cheap to keep for every in-flight doc. */
export function docHash(doc: unknown): string {
  const text = canonicalJson(doc);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

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

async function read<S extends z.ZodType>(database: ArvioDb, key: string, schema: S, fallback: z.infer<S>): Promise<z.infer<S>> {
  const row = await database.settings.get(key);
  const parsed = schema.safeParse(row?.value);
  return parsed.success ? parsed.data : fallback;
}

export const readStatus = (database: ArvioDb): Promise<SyncStatus> => read(database, STATUS_KEY, syncStatusSchema, emptyStatus);
export const readCheckpoint = (database: ArvioDb): Promise<number> =>
  read(database, CHECKPOINT_KEY, z.number().int().min(0), 0);
export const readConflicts = (database: ArvioDb): Promise<SyncConflict[]> => read(database, CONFLICTS_KEY, conflictsSchema, []);
export const readSent = (database: ArvioDb): Promise<Record<string, string[]>> => read(database, SENT_KEY, sentSchema, {});

export async function writeStatus(database: ArvioDb, patch: Partial<SyncStatus>): Promise<SyncStatus> {
  return database.transaction('rw', database.settings, database.outbox, async () => {
    const next: SyncStatus = {
      ...(await readStatus(database)),
      ...patch,
      pendingCount: await pendingCount(database),
      conflictCount: (await readConflicts(database)).length,
    };
    await database.settings.put({ key: STATUS_KEY, value: next });
    return next;
  });
}

/** Documents waiting to be pushed (an outbox row per write; one doc written twice counts once). */
export async function pendingCount(database: ArvioDb): Promise<number> {
  const keys = await database.outbox.orderBy('[collection+docId]').uniqueKeys();
  return keys.length;
}

/** The status as the UI shows it: stored fields with live pending and conflict counts. */
export async function currentStatus(database: ArvioDb): Promise<SyncStatus> {
  return database.transaction('r', database.settings, database.outbox, async () => ({
    ...(await readStatus(database)),
    pendingCount: await pendingCount(database),
    conflictCount: (await readConflicts(database)).length,
  }));
}

/**
 * One sync at a time per profile, without globals: a lease row in the database. A worker killed
 * mid-sync leaves a lease that simply expires.
 */
export async function acquireLease(database: ArvioDb, now: number, ttlMs: number): Promise<string | null> {
  const owner = `${now}-${Math.random().toString(36).slice(2)}`;
  return database.transaction('rw', database.settings, async () => {
    const lease = await read(database, LEASE_KEY, leaseSchema.nullable(), null);
    if (lease && lease.until > now) return null;
    await database.settings.put({ key: LEASE_KEY, value: { owner, until: now + ttlMs } });
    return owner;
  });
}

export async function releaseLease(database: ArvioDb, owner: string): Promise<void> {
  await database.transaction('rw', database.settings, async () => {
    const lease = await read(database, LEASE_KEY, leaseSchema.nullable(), null);
    if (lease?.owner === owner) await database.settings.delete(LEASE_KEY);
  });
}

/** The status with whether a backend is configured at all: what the sidebar's status line takes. */
export type SyncStatusView = SyncStatus & { connected: boolean };

export async function statusView(database: ArvioDb): Promise<SyncStatusView> {
  const backend = await database.settings.get('sync.backend');
  return { ...(await currentStatus(database)), connected: backend !== undefined };
}
