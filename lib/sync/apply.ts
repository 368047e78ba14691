// Apply: pulled documents and the checkpoint after them in one transaction, never over a local change waiting to be pushed or refused.
import type { Table } from 'dexie';
import { bulkParser, canonicalJson, kindNames, type ServerDoc, type SyncCollection } from '../model';
import {
  bulkGetFew,
  DocWriter,
  hasRollups,
  PENDING_ROLLUPS_KEY,
  readPendingRollups,
  readRollups,
  tableOf,
  writeScope,
  type ArvioDb,
  type RollupDelta,
  type SyncStateRow,
} from '../db';
import { BULK_STATES, knownStates, recordPulledStates, stateKey } from './checkpoint';
import { readConflicts, upsertConflict } from './conflicts';
import { localDocs, type LocalDoc } from './local';
import { CHECKPOINT_KEY, CONFLICTS_KEY, STATUS_KEY } from './meta';
import { docsOf, pulledCells, readPulled, type PulledDoc } from './pull';
import { readStatus } from './status';

/** The stored versions of pulled docs (of kinds with string keys: those that count in rollups). */
async function storedVersions(database: ArvioDb, docs: readonly PulledDoc[]): Promise<Array<LocalDoc | undefined>> {
  const out: Array<LocalDoc | undefined> = [];
  for (const kind of kindNames) {
    const mine = docs.filter((p) => p.collection === kind);
    if (mine.length > 0) out.push(...(await bulkGetFew(tableOf(database, kind) as Table<LocalDoc, string>, mine.map((p) => p.id))));
  }
  // Back in the order of `docs`.
  const byKey = new Map<string, LocalDoc | undefined>();
  kindNames.flatMap((kind) => docs.filter((p) => p.collection === kind)).forEach((p, i) => byKey.set(p.key, out[i]));
  return docs.map((p) => byKey.get(p.key));
}

/** Applies one pulled page and its checkpoint in one transaction; never overwrites a doc with pending changes. */
export async function applyPulled(database: ArvioDb, docs: readonly ServerDoc[], checkpoint: number, now: number): Promise<{ applied: number; conflicts: number }> {
  return applyPulledDocs(database, readPulled(docs, await bulkParser()), checkpoint, now);
}

/**
 * Applies pulled docs (one page or several in a row) and the checkpoint after them in one
 * transaction: all of it or none, so a stop anywhere loses nothing and a repeat changes nothing.
 * Reads go out together, then the writes together; rollups are summed in memory and written once.
 * A bulk transaction with `more` of the pull to come (a fresh profile catching up) adds its rollup
 * deltas to the pending ones; the others write the rollup rows, with any pending deltas folded in.
 * `cells`: pulledCells(pulled) when the caller has summed them already (it is consumed).
 * `reconcile`: a pull from the beginning after the user's access changed (./access.ts): a document
 * the server sends at a revision this profile knows is written again when what is stored differs from
 * it (the server now sends it whole, or less of it, to this user).
 */
export async function applyPulledDocs(
  database: ArvioDb,
  pulled: readonly PulledDoc[],
  checkpoint: number,
  now: number,
  { cells = pulledCells(pulled), more = false, reconcile = false }: { cells?: Map<string, RollupDelta>; more?: boolean; reconcile?: boolean } = {},
): Promise<{ applied: number; conflicts: number }> {
  // A doc changed between two pages comes twice: its later state is the one to apply.
  const latest = new Map<string, PulledDoc>();
  for (const p of pulled) {
    const seen = latest.get(p.key);
    if (seen && seen.seq >= p.seq) continue;
    latest.set(p.key, p);
  }
  const docs = [...latest.values()];
  // Cells were summed for every pulled review: the states passed over come out here, those that do
  // not apply and the versions replaced inside the transaction.
  const writer = new DocWriter(database, 'pulled', { cells });
  const passedOver = pulled.filter((p) => latest.get(p.key) !== p);
  for (const kind of kindNames) writer.uncount(kind, docsOf(passedOver, kind));
  const journal = more && docs.length >= BULK_STATES;
  // Stored versions are read only where they count: the kinds whose writes change rollups.
  const counted = docs.filter((p) => hasRollups(p.collection));
  let applied = 0;
  let found = 0;
  await database.transaction('rw', writeScope(database, kindNames, [database.syncState, database.pulledStates, database.settings]), async () => {
    const keys = docs.map((p) => p.key);
    const [states, pendingRows, storedConflicts, storedCounted, storedCells, pendingCells, status] = await Promise.all([
      // Per-document rows only: bulk-pulled states all have a seq at or below the checkpoint, so none
      // can be newer than a doc pulled after it. Docs with pending changes get the full lookup below.
      bulkGetFew(database.syncState, keys),
      // A fresh profile's first pull has an empty outbox: skip the per-doc lookup then.
      database.outbox.count().then((n) =>
        n > 0 && docs.length > 0 ? database.outbox.where('[collection+docId]').anyOf(docs.map((p) => [p.collection, p.id])).toArray() : [],
      ),
      readConflicts(database),
      storedVersions(database, counted),
      journal ? new Map<string, undefined>() : readRollups(database.rollups, writer.cellKeys()),
      readPendingRollups(database.settings),
      readStatus(database),
    ]);
    const before = new Map(counted.map((p, i) => [p.key, storedCounted[i]]));
    const pending = new Map<string, number[]>();
    for (const row of pendingRows) {
      const key = stateKey(row.collection, row.docId);
      pending.set(key, [...(pending.get(key) ?? []), row.seq ?? -1]);
    }
    // A change the server refused left the outbox but is the user's all the same: held like one waiting.
    const refused = new Set(status.refused.map((r) => stateKey(r.collection, r.id)));
    const held = (key: string): boolean => pending.has(key) || refused.has(key);
    // Docs with local changes waiting or refused: their full known state and their local version decide.
    const waitingDocs = docs.filter((p) => held(p.key));
    const waitingStates = new Map<string, SyncStateRow | undefined>();
    const locals = new Map<string, LocalDoc | undefined>();
    if (waitingDocs.length > 0) {
      const full = await knownStates(database, waitingDocs.map((p) => p.key));
      waitingDocs.forEach((p, i) => waitingStates.set(p.key, full[i]));
    }
    // A reconciling pull compares every doc with its stored version.
    const compared = reconcile ? docs : waitingDocs;
    for (const collection of kindNames) {
      const mine = compared.filter((p) => p.collection === collection);
      if (mine.length === 0) continue;
      const stored = await localDocs(database, collection, mine.map((p) => p.id));
      mine.forEach((p, i) => locals.set(p.key, stored[i]));
    }
    let conflicts = storedConflicts;
    const conflicted = new Set(conflicts.map((c) => stateKey(c.collection, c.id)));
    const toPut = new Map<SyncCollection, PulledDoc[]>(kindNames.map((kind) => [kind, []]));
    const putting = new Set<PulledDoc>();
    const newStates: SyncStateRow[] = [];
    const dropOutbox: number[] = [];
    /** Refused docs settled here (a conflict holds them now, or the server's copy is theirs): the status stops naming them. */
    const unrefused = new Set<string>();
    for (const [i, p] of docs.entries()) {
      const known = held(p.key) ? waitingStates.get(p.key) : states[i];
      // Our own push coming back, or older. Reconciling, the revision known of a doc not changed here
      // may come as sent differently now: compared below.
      const resent = reconcile && !held(p.key);
      if (known && (known.revision > p.revision || (known.revision === p.revision && !resent))) continue;
      if (conflicted.has(p.key)) {
        conflicts = conflicts.map((c) =>
          stateKey(c.collection, c.id) === p.key ? { ...c, theirs: p.doc as Record<string, unknown>, theirsRevision: p.revision, theirsSeq: p.seq } : c,
        );
        continue;
      }
      const waiting = pending.get(p.key);
      const local = locals.get(p.key);
      if (refused.has(p.key)) unrefused.add(p.key);
      // A refused change is never overwritten by a newer server revision: the user chooses, as for one waiting.
      if (waiting || (refused.has(p.key) && local)) {
        if (waiting) dropOutbox.push(...waiting);
        if (local && canonicalJson(local) === canonicalJson(p.doc)) {
          newStates.push({ key: p.key, revision: p.revision, seq: p.seq });
          continue;
        }
        conflicts = upsertConflict(conflicts, {
          collection: p.collection,
          id: p.id,
          mine: (local ?? {}) as Record<string, unknown>,
          theirs: p.doc as Record<string, unknown>,
          theirsRevision: p.revision,
          theirsSeq: p.seq,
          detectedAt: now,
        });
        conflicted.add(p.key);
        found++;
        continue;
      }
      if (reconcile && local && canonicalJson(local) === canonicalJson(p.doc)) {
        newStates.push({ key: p.key, revision: p.revision, seq: p.seq });
        continue;
      }
      toPut.get(p.collection)!.push(p);
      putting.add(p);
      newStates.push({ key: p.key, revision: p.revision, seq: p.seq });
      applied++;
    }
    // Counted ahead as new: the docs not put come out again, and those put replace their stored version.
    for (const kind of kindNames) writer.uncount(kind, docsOf(docs.filter((p) => !putting.has(p)), kind));
    const folding = !journal && pendingCells.size > 0;
    if (folding) writer.fold(pendingCells);
    // Everything goes out at once: no round trip between the writes of one transaction.
    await Promise.all([
      ...[...toPut].map(([kind, put]) =>
        writer.put(kind, put.map((p) => p.doc), { counted: true, before: hasRollups(kind) ? put.map((p) => before.get(p.key)) : [] }),
      ),
      writer.flush({ storedCells, journal: journal ? pendingCells : undefined }),
      folding ? database.settings.delete(PENDING_ROLLUPS_KEY) : undefined,
      recordPulledStates(database, newStates, checkpoint),
      dropOutbox.length > 0 ? database.outbox.bulkDelete(dropOutbox) : undefined,
      database.settings.bulkPut([
        ...(conflicts === storedConflicts ? [] : [{ key: CONFLICTS_KEY, value: conflicts }]),
        ...(unrefused.size === 0 ? [] : [{ key: STATUS_KEY, value: { ...status, refused: status.refused.filter((r) => !unrefused.has(stateKey(r.collection, r.id))) } }]),
        { key: CHECKPOINT_KEY, value: checkpoint },
      ]),
    ]);
  });
  return { applied, conflicts: found };
}
