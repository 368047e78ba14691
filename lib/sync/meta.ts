// The sync engine's state between runs lives in settings rows, each parsed with zod when read: their keys and reader.
import type { z } from 'zod';
import type { ArvioDb } from '../db';

export const STATUS_KEY = 'sync.status';
export const CHECKPOINT_KEY = 'sync.checkpoint';
export const CONFLICTS_KEY = 'sync.conflicts';
export const LEASE_KEY = 'sync.lease';
/** Hashes of docs sent whose answer was not seen yet: a "conflict" with one of them is our own write. */
export const SENT_KEY = 'sync.sent';
/** The user's access (their role and teams) the profile's documents were pulled under: ./access.ts. */
export const ACCESS_KEY = 'sync.access';
/** The release that skipped pulled documents it could not read: ./access.ts. */
export const SKIPPED_KEY = 'sync.skipped';
/** Every key a new server makes meaningless (its checkpoint, revisions, conflicts, status, access and skipped documents). */
export const SERVER_STATE_KEYS = [CHECKPOINT_KEY, CONFLICTS_KEY, SENT_KEY, STATUS_KEY, ACCESS_KEY, SKIPPED_KEY] as const;

/** A settings row parsed with its schema; the fallback when missing or unreadable. */
export async function readSetting<S extends z.ZodType>(database: ArvioDb, key: string, schema: S, fallback: z.infer<S>): Promise<z.infer<S>> {
  const row = await database.settings.get(key);
  const parsed = schema.safeParse(row?.value);
  return parsed.success ? parsed.data : fallback;
}
