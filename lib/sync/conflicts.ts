// Conflicts: both sides of a document changed apart; kept for the user, who keeps one. Neither side is overwritten.
import { z } from 'zod';
import { kindNames, syncCollectionSchema, syncDocSchemas, type AnyDoc, type Review, type SyncCollection } from '../model';
import { DocWriter, writeScope, type ArvioDb } from '../db';
import { stateKey } from './checkpoint';
import { localDoc } from './local';
import { CONFLICTS_KEY, readSetting } from './meta';
import { writeStatus } from './status';

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

export const readConflicts = (database: ArvioDb): Promise<SyncConflict[]> => readSetting(database, CONFLICTS_KEY, conflictsSchema, []);

/** The conflicts with `next` in place of any earlier one on the same document. */
export function upsertConflict(conflicts: SyncConflict[], next: SyncConflict): SyncConflict[] {
  return [...conflicts.filter((c) => !(c.collection === next.collection && c.id === next.id)), next];
}

/**
 * The user's choice on a conflict. "theirs": the server's doc replaces the local one (a review's
 * local version is kept in its revision history). "mine": the local doc is queued again on top of
 * the server's revision, so the next push replaces theirs knowingly.
 */
export async function resolveConflict(
  database: ArvioDb,
  collection: SyncCollection,
  id: string,
  choice: 'mine' | 'theirs',
  now: () => number = Date.now,
): Promise<void> {
  await database.transaction('rw', writeScope(database, kindNames, [database.reviewRevisions, database.syncState, database.settings]), async () => {
    const conflicts = await readConflicts(database);
    const conflict = conflicts.find((c) => c.collection === collection && c.id === id);
    if (!conflict) throw new Error(`no conflict on ${collection} ${id}`);
    const key = stateKey(collection, id);
    const local = await localDoc(database, collection, id);
    if (choice === 'theirs') {
      const theirs = syncDocSchemas[collection].parse(conflict.theirs);
      if (collection === 'reviews' && local) {
        const mine = local as Review;
        await database.reviewRevisions.put({ reviewId: mine.id, revision: mine.revision, review: mine });
      }
      // The server's version, as pulled: not queued back to it.
      const pulled = new DocWriter(database, 'pulled');
      await pulled.put(collection, [theirs as AnyDoc], { before: [local] });
      await pulled.flush();
      await database.outbox.where('[collection+docId]').equals([collection, id]).delete();
    } else {
      const at = new Date(now()).toISOString();
      const mine = new DocWriter(database, 'local');
      if (local) mine.requeue(collection, local, at);
      else await mine.put(collection, [syncDocSchemas[collection].parse(conflict.mine) as AnyDoc], { before: [undefined], at });
      await mine.flush();
    }
    await database.syncState.put({ key, revision: conflict.theirsRevision, seq: conflict.theirsSeq });
    await database.settings.put({ key: CONFLICTS_KEY, value: conflicts.filter((c) => c !== conflict) });
  });
  await writeStatus(database, {});
}
