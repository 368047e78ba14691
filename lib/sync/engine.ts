// The sync engine: pushes the outbox in batches, pulls by checkpoint, keeps conflicts for the user; all state in Dexie.
import type { Review, SelfCheck } from '../model/review';
import type { Scorecard } from '../model/scorecard';
import {
  canonicalJson,
  MAX_PUSH_BATCH,
  MAX_PULL_LIMIT,
  scorecardSyncId,
  syncDocSchemas,
  type PushResult,
  type ServerDoc,
  type SyncChange,
  type SyncCollection,
} from '../model/sync';
import type { ArvioDb } from '../db/database';
import { getBackendConfig, type BackendConfig } from '../db/backend';
import { applyRollups, mergeDeltas, rollupDeltas, type RollupDelta } from '../db/rollups';
import { nextDelay } from './backoff';
import { chunkChanges, pullSince, pushBatch, type FetchLike } from './client';
import { describeSyncError, SyncError } from './errors';
import { refreshRoster } from './roster-store';
import {
  acquireLease,
  CHECKPOINT_KEY,
  CONFLICTS_KEY,
  currentStatus,
  docHash,
  readCheckpoint,
  readConflicts,
  readSent,
  readStatus,
  releaseLease,
  SENT_KEY,
  stateKey,
  STATUS_KEY,
  writeStatus,
  type SyncConflict,
  type SyncStatus,
} from './engine-state';

export interface SyncOptions {
  /** Stops the run between and during requests (the worker going away, the user pressing stop). */
  signal?: AbortSignal;
  /** Per request (default 30 s). */
  timeoutMs?: number;
  /** Jitter source for the backoff. */
  random?: () => number;
  /** Documents per pull page (default 1000, the server's maximum). */
  pullLimit?: number;
  /** How long a run may hold the profile's sync lease (default 2 min); a dead worker's lease expires. */
  leaseMs?: number;
}

export interface SyncOutcome {
  result: 'ok' | 'failed' | 'busy' | 'no-backend' | 'waiting';
  pushed: number;
  pulled: number;
  conflicts: number;
  refused: number;
  status: SyncStatus;
}

type LocalDoc = Review | Scorecard | SelfCheck;

interface Group {
  collection: SyncCollection;
  docId: string;
  key: string;
  seqs: number[];
}

const syncTables = (database: ArvioDb) => [database.reviews, database.rollups, database.scorecards, database.selfChecks];

/** `card@3` → ['card', 3]; scorecards sync per immutable version. */
function scorecardKey(docId: string): [string, number] | null {
  const at = docId.lastIndexOf('@');
  const version = Number(docId.slice(at + 1));
  return at > 0 && Number.isInteger(version) ? [docId.slice(0, at), version] : null;
}

async function localDocs(database: ArvioDb, collection: SyncCollection, ids: readonly string[]): Promise<Array<LocalDoc | undefined>> {
  switch (collection) {
    case 'reviews':
      return database.reviews.bulkGet([...ids]);
    case 'selfChecks':
      return database.selfChecks.bulkGet([...ids]);
    case 'scorecards': {
      const keys = ids.map(scorecardKey);
      const found = await database.scorecards.bulkGet(keys.filter((k): k is [string, number] => k !== null));
      let i = 0;
      return keys.map((k) => (k === null ? undefined : found[i++]));
    }
  }
}

export async function localDoc(database: ArvioDb, collection: SyncCollection, id: string): Promise<LocalDoc | undefined> {
  return (await localDocs(database, collection, [id]))[0];
}

/** Reviews written by sync keep the dashboard's rollups in step, like every local write does. */
async function putReviews(database: ArvioDb, reviews: readonly Review[]): Promise<void> {
  const before = await database.reviews.bulkGet(reviews.map((r) => r.id));
  const deltas = new Map<string, RollupDelta>();
  reviews.forEach((review, i) => mergeDeltas(deltas, rollupDeltas(before[i] ?? null, review)));
  await database.reviews.bulkPut([...reviews]);
  await applyRollups(database.rollups as unknown as Parameters<typeof applyRollups>[0], [...deltas.values()]);
}

async function putLocal(database: ArvioDb, collection: SyncCollection, docs: readonly unknown[]): Promise<void> {
  if (docs.length === 0) return;
  if (collection === 'reviews') await putReviews(database, docs as Review[]);
  else if (collection === 'selfChecks') await database.selfChecks.bulkPut(docs as SelfCheck[]);
  else await database.scorecards.bulkPut(docs as Scorecard[]);
}

function toChange(collection: SyncCollection, id: string, baseRevision: number | null, doc: LocalDoc): SyncChange {
  // The local types are the schemas' types; the union is rebuilt per collection for the checker.
  if (collection === 'reviews') return { collection, id, baseRevision, doc: doc as Review };
  if (collection === 'selfChecks') return { collection, id, baseRevision, doc: doc as SelfCheck };
  return { collection, id, baseRevision, doc: doc as Scorecard };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SyncError('aborted', 'stopped between steps');
}

function upsertConflict(conflicts: SyncConflict[], next: SyncConflict): SyncConflict[] {
  return [...conflicts.filter((c) => !(c.collection === next.collection && c.id === next.id)), next];
}

/** The outbox, oldest first, one group per document (a doc written five times is pushed once, as it is now). */
async function outboxGroups(database: ArvioDb): Promise<Group[]> {
  const rows = await database.outbox.orderBy('seq').toArray();
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const key = stateKey(row.collection, row.docId);
    const group = groups.get(key) ?? { collection: row.collection, docId: row.docId, key, seqs: [] };
    if (row.seq !== undefined) group.seqs.push(row.seq);
    groups.set(key, group);
  }
  return [...groups.values()];
}

interface PushTally {
  pushed: number;
  conflicts: number;
  refused: number;
  /** A retried write of ours came back as a "conflict": rebased, push again. */
  again: boolean;
}

async function pushPass(database: ArvioDb, backend: BackendConfig, fetchImpl: FetchLike, now: () => number, options: SyncOptions, tally: PushTally): Promise<void> {
  const groups = await outboxGroups(database);
  for (let start = 0; start < groups.length; start += MAX_PUSH_BATCH) {
    throwIfAborted(options.signal);
    const slice = groups.slice(start, start + MAX_PUSH_BATCH);
    const changes: SyncChange[] = [];
    const byKey = new Map<string, Group>();
    const drop: number[] = [];
    // Read the docs as they are now, and their bases, per collection.
    for (const collection of ['reviews', 'scorecards', 'selfChecks'] as const) {
      const mine = slice.filter((g) => g.collection === collection);
      if (mine.length === 0) continue;
      const docs = await localDocs(database, collection, mine.map((g) => g.docId));
      const states = await database.syncState.bulkGet(mine.map((g) => g.key));
      mine.forEach((group, i) => {
        const doc = docs[i];
        // Gone (a never-published draft deleted) or a draft scorecard: nothing the team should get.
        if (!doc || (collection === 'scorecards' && (doc as Scorecard).status === 'draft')) {
          drop.push(...group.seqs);
          return;
        }
        byKey.set(group.key, group);
        changes.push(toChange(collection, group.docId, states[i]?.revision ?? null, doc));
      });
    }
    if (drop.length > 0) await database.outbox.bulkDelete(drop);
    // Keep the outbox order across collections.
    const order = new Map(slice.map((g, i) => [g.key, i]));
    changes.sort((a, b) => (order.get(stateKey(a.collection, a.id)) ?? 0) - (order.get(stateKey(b.collection, b.id)) ?? 0));
    for (const batch of chunkChanges(changes)) await pushOne(database, backend, fetchImpl, now, options, batch, byKey, tally);
  }
}

/** Pushes one batch; a refused batch is split until the refused change is found and set aside. */
async function pushOne(
  database: ArvioDb,
  backend: BackendConfig,
  fetchImpl: FetchLike,
  now: () => number,
  options: SyncOptions,
  batch: SyncChange[],
  groups: Map<string, Group>,
  tally: PushTally,
): Promise<void> {
  throwIfAborted(options.signal);
  // Remember what is on the wire: if the answer is lost, the retry's "conflict" is our own write.
  await database.transaction('rw', database.settings, async () => {
    const sent = await readSent(database);
    for (const change of batch) {
      const key = stateKey(change.collection, change.id);
      sent[key] = [...(sent[key] ?? []), docHash(change.doc)].slice(-5);
    }
    await database.settings.put({ key: SENT_KEY, value: sent });
  });
  let results: PushResult[];
  try {
    ({ results } = await pushBatch(backend.url, backend.token, batch, fetchImpl, options.signal, { timeoutMs: options.timeoutMs }));
  } catch (error) {
    const refusal = error instanceof SyncError && (error.kind === 'forbidden' || error.kind === 'rejected' || error.kind === 'conflict');
    if (!refusal) throw error;
    if (batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      await pushOne(database, backend, fetchImpl, now, options, batch.slice(0, half), groups, tally);
      await pushOne(database, backend, fetchImpl, now, options, batch.slice(half), groups, tally);
      return;
    }
    const [change] = batch;
    if (!change) return;
    // Not retried: the server will refuse it again. The doc stays local; the user sees why.
    const key = stateKey(change.collection, change.id);
    await database.transaction('rw', database.outbox, database.settings, async () => {
      await database.outbox.bulkDelete(groups.get(key)?.seqs ?? []);
      const status = await readStatus(database);
      const refused = [...status.refused.filter((r) => stateKey(r.collection, r.id) !== key), { collection: change.collection, id: change.id, reason: error.detail }];
      await database.settings.put({ key: STATUS_KEY, value: { ...status, refused: refused.slice(-50) } });
    });
    tally.refused++;
    return;
  }
  if (results.length !== batch.length || results.some((r, i) => r.id !== batch[i]?.id || r.collection !== batch[i]?.collection)) {
    throw new SyncError('server', 'the push answer does not match the changes sent');
  }
  await database.transaction('rw', [database.outbox, database.syncState, database.settings], async () => {
    const sent = await readSent(database);
    let conflicts = await readConflicts(database);
    for (const [i, result] of results.entries()) {
      const change = batch[i]!;
      const key = stateKey(change.collection, change.id);
      const seqs = groups.get(key)?.seqs ?? [];
      if (result.status === 'accepted') {
        await database.syncState.put({ key, revision: result.revision, seq: result.seq });
        // Exactly the rows this push covered: a write made meanwhile has a later row and stays queued.
        await database.outbox.bulkDelete(seqs);
        conflicts = conflicts.filter((c) => stateKey(c.collection, c.id) !== key);
        delete sent[key];
        tally.pushed++;
        continue;
      }
      const ours = (sent[key] ?? []).includes(docHash(result.current.doc));
      if (ours) {
        // An earlier attempt committed but its answer was lost; our doc changed since. Rebase, push again.
        await database.syncState.put({ key, revision: result.current.revision, seq: result.current.seq });
        tally.again = true;
        continue;
      }
      conflicts = upsertConflict(conflicts, {
        collection: change.collection,
        id: change.id,
        mine: change.doc as Record<string, unknown>,
        theirs: result.current.doc,
        theirsRevision: result.current.revision,
        theirsSeq: result.current.seq,
        detectedAt: now(),
      });
      // The conflict now holds this change until the user chooses; "keep mine" queues it again.
      await database.outbox.bulkDelete(seqs);
      delete sent[key];
      tally.conflicts++;
    }
    await database.settings.put({ key: SENT_KEY, value: sent });
    await database.settings.put({ key: CONFLICTS_KEY, value: conflicts });
  });
}

/** Applies one pulled page and its checkpoint in one transaction; never overwrites a doc with pending changes. */
export async function applyPulled(database: ArvioDb, docs: readonly ServerDoc[], checkpoint: number, now: number): Promise<{ applied: number; conflicts: number }> {
  let applied = 0;
  let found = 0;
  await database.transaction('rw', [...syncTables(database), database.syncState, database.outbox, database.settings], async () => {
    const keys = docs.map((d) => stateKey(d.collection, d.id));
    const states = await database.syncState.bulkGet(keys);
    // A fresh profile's first pull has an empty outbox: skip the per-doc lookup then.
    const pendingRows = docs.length && (await database.outbox.count()) > 0
      ? await database.outbox.where('[collection+docId]').anyOf(docs.map((d) => [d.collection, d.id])).toArray()
      : [];
    const pending = new Map<string, number[]>();
    for (const row of pendingRows) {
      const key = stateKey(row.collection, row.docId);
      pending.set(key, [...(pending.get(key) ?? []), row.seq ?? -1]);
    }
    let conflicts = await readConflicts(database);
    const conflicted = new Set(conflicts.map((c) => stateKey(c.collection, c.id)));
    const toPut: Record<SyncCollection, unknown[]> = { reviews: [], scorecards: [], selfChecks: [] };
    const newStates: Array<{ key: string; revision: number; seq: number }> = [];
    for (const [i, d] of docs.entries()) {
      const key = keys[i]!;
      const parsed = syncDocSchemas[d.collection].safeParse(d.doc);
      // A doc this version cannot read is left on the server rather than stored half-understood.
      if (!parsed.success) continue;
      const doc = parsed.data;
      const expectedId = d.collection === 'scorecards' ? scorecardSyncId(doc as Scorecard) : doc.id;
      if (expectedId !== d.id) continue;
      const known = states[i];
      if (known && known.revision >= d.revision) continue; // our own push coming back, or older
      if (conflicted.has(key)) {
        conflicts = conflicts.map((c) =>
          stateKey(c.collection, c.id) === key ? { ...c, theirs: d.doc, theirsRevision: d.revision, theirsSeq: d.seq } : c,
        );
        continue;
      }
      const waiting = pending.get(key);
      if (waiting) {
        const local = await localDoc(database, d.collection, d.id);
        if (local && canonicalJson(local) === canonicalJson(doc)) {
          newStates.push({ key, revision: d.revision, seq: d.seq });
          await database.outbox.bulkDelete(waiting);
          continue;
        }
        conflicts = upsertConflict(conflicts, {
          collection: d.collection,
          id: d.id,
          mine: (local ?? {}) as Record<string, unknown>,
          theirs: d.doc,
          theirsRevision: d.revision,
          theirsSeq: d.seq,
          detectedAt: now,
        });
        conflicted.add(key);
        await database.outbox.bulkDelete(waiting);
        found++;
        continue;
      }
      toPut[d.collection].push(doc);
      newStates.push({ key, revision: d.revision, seq: d.seq });
      applied++;
    }
    for (const collection of ['reviews', 'scorecards', 'selfChecks'] as const) await putLocal(database, collection, toPut[collection]);
    if (newStates.length) await database.syncState.bulkPut(newStates);
    await database.settings.put({ key: CONFLICTS_KEY, value: conflicts });
    await database.settings.put({ key: CHECKPOINT_KEY, value: checkpoint });
  });
  return { applied, conflicts: found };
}

/**
 * One sync run: push everything queued, then pull everything new. Each step commits on its own, so
 * a run stopped anywhere (worker killed, browser closed) resumes without loss or duplicates.
 */
export async function runSync(
  database: ArvioDb,
  backend: BackendConfig,
  fetchImpl: FetchLike = fetch,
  now: () => number = Date.now,
  options: SyncOptions = {},
): Promise<SyncOutcome> {
  const tally: PushTally = { pushed: 0, conflicts: 0, refused: 0, again: false };
  let pulled = 0;
  const owner = await acquireLease(database, now(), options.leaseMs ?? 120_000);
  if (!owner) return { result: 'busy', pushed: 0, pulled: 0, conflicts: 0, refused: 0, status: await currentStatus(database) };
  try {
    await writeStatus(database, { lastAttemptAt: now() });
    for (let pass = 0; pass < 3; pass++) {
      tally.again = false;
      await pushPass(database, backend, fetchImpl, now, options, tally);
      if (!tally.again) break;
    }
    const limit = Math.min(options.pullLimit ?? MAX_PULL_LIMIT, MAX_PULL_LIMIT);
    const fetchPage = (since: number) =>
      pullSince(backend.url, backend.token, since, limit, fetchImpl, options.signal, { timeoutMs: options.timeoutMs });
    throwIfAborted(options.signal);
    let next = fetchPage(await readCheckpoint(database));
    for (;;) {
      const page = await next;
      throwIfAborted(options.signal);
      // The next page is fetched while this one is written: the server and IndexedDB work side by side.
      // Pages are still applied in order, each with its checkpoint, so a stop anywhere loses nothing.
      if (page.more) {
        next = fetchPage(page.checkpoint);
        next.catch(() => undefined); // awaited (and its error thrown) in the next round
      }
      const applied = await applyPulled(database, page.docs, page.checkpoint, now());
      pulled += applied.applied;
      tally.conflicts += applied.conflicts;
      if (!page.more) break;
    }
    // The roster (reviewee choices, own identity) follows each sync; a server without it is no failure.
    await refreshRoster(database, backend, fetchImpl, now(), options.signal, { timeoutMs: options.timeoutMs }).catch(() => undefined);
    const status = await writeStatus(database, { lastSuccessAt: now(), lastError: null, attempt: 0, nextAttemptAt: null });
    return { result: 'ok', pushed: tally.pushed, pulled, conflicts: tally.conflicts, refused: tally.refused, status };
  } catch (error) {
    const failure = error instanceof SyncError ? error : new SyncError('server', error instanceof Error ? error.message : String(error));
    const before = await readStatus(database);
    const delay = failure.kind === 'aborted' ? 0 : nextDelay(before.attempt, failure.retryAfterMs, options.random);
    const status = await writeStatus(database, {
      lastError: { kind: failure.kind, message: describeSyncError(failure.kind).text, detail: failure.detail, at: now() },
      attempt: failure.kind === 'aborted' ? before.attempt : before.attempt + 1,
      nextAttemptAt: now() + delay,
    });
    return { result: 'failed', pushed: tally.pushed, pulled, conflicts: tally.conflicts, refused: tally.refused, status };
  } finally {
    await releaseLease(database, owner);
  }
}

/** What the scheduler calls (alarm, change, online, "Sync now"): honours the backoff unless forced. */
export async function syncIfDue(
  database: ArvioDb,
  fetchImpl: FetchLike = fetch,
  now: () => number = Date.now,
  { force = false, ...options }: SyncOptions & { force?: boolean } = {},
): Promise<SyncOutcome> {
  const idle = async (result: SyncOutcome['result']): Promise<SyncOutcome> => ({
    result,
    pushed: 0,
    pulled: 0,
    conflicts: 0,
    refused: 0,
    status: await currentStatus(database),
  });
  const backend = await getBackendConfig(database);
  if (!backend) return idle('no-backend');
  const status = await readStatus(database);
  if (!force && status.nextAttemptAt !== null && now() < status.nextAttemptAt) return idle('waiting');
  return runSync(database, backend, fetchImpl, now, options);
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
  await database.transaction('rw', [...syncTables(database), database.reviewRevisions, database.syncState, database.outbox, database.settings], async () => {
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
      await putLocal(database, collection, [theirs]);
      await database.outbox.where('[collection+docId]').equals([collection, id]).delete();
    } else {
      const mine = local ?? syncDocSchemas[collection].parse(conflict.mine);
      if (!local) await putLocal(database, collection, [mine]);
      await database.outbox.add({ collection, docId: id, at: new Date(now()).toISOString() });
    }
    await database.syncState.put({ key, revision: conflict.theirsRevision, seq: conflict.theirsSeq });
    await database.settings.put({ key: CONFLICTS_KEY, value: conflicts.filter((c) => c !== conflict) });
  });
  await writeStatus(database, {});
}

export { currentStatus, readConflicts, type SyncConflict, type SyncStatus };
