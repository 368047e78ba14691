// The sync status the user sees: last success, last error in plain words, pending and conflict counts, refused docs.
import { z } from 'zod';
import { syncCollectionSchema } from '../model';
import { BACKEND_KEY, type ArvioDb } from '../db';
import { readConflicts } from './conflicts';
import { readSetting, STATUS_KEY } from './meta';

const errorKindSchema = z.enum(['offline', 'timeout', 'unauthorized', 'forbidden', 'conflict', 'rejected', 'server', 'storage', 'aborted']);

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
  /**
   * Changes the server refused (role or validation); kept locally, not retried until edited. Every one
   * of them, uncapped: the list is what keeps a later pull from overwriting them (./apply.ts).
   */
  refused: z.array(z.object({ collection: syncCollectionSchema, id: z.string(), reason: z.string() })),
  /**
   * The last time the user's access changed (a team joined or left, a role changed, the server's read
   * rules changed) and the profile
   * was made to hold what they may read now (./access.ts): when, and how many documents they may no
   * longer read left this computer. Absent from statuses stored before.
   */
  access: z.object({ at: z.number(), removed: z.number().int().min(0) }).nullable().default(null),
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
  access: null,
};

export const readStatus = (database: ArvioDb): Promise<SyncStatus> => readSetting(database, STATUS_KEY, syncStatusSchema, emptyStatus);

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

/** The status with whether a backend is configured at all: what the sidebar's status line takes. */
export type SyncStatusView = SyncStatus & { connected: boolean };

export async function statusView(database: ArvioDb): Promise<SyncStatusView> {
  const backend = await database.settings.get(BACKEND_KEY);
  return { ...(await currentStatus(database)), connected: backend !== undefined };
}
