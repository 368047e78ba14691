// The sync engine: pushes the outbox in batches, pulls by checkpoint, keeps conflicts for the user; all state in Dexie.
import { kindNames, kindOf, type AnyDoc } from '../model/kinds';
import type { Review } from '../model/review';
import {
  canonicalJson,
  MAX_PUSH_BATCH,
  MAX_PULL_LIMIT,
  syncDocSchemas,
  type PullResponse,
  type PushResult,
  type ServerDoc,
  type SyncChange,
  type SyncCollection,
} from '../model/sync';
import type { ArvioDb, SyncStateRow } from '../db/database';
import { getBackendConfig, type BackendConfig } from '../db/backend';
import { bulkGetFew } from '../db/bulk';
import { foldPendingRollups, mergeDeltas, PENDING_ROLLUPS_KEY, readPendingRollups, readRollups, type RollupDelta } from '../db/rollups';
import { countNew, DocWriter, hasRollups, tableOf, writeScope } from '../db/writes';
import type { Table } from 'dexie';
import type { z } from 'zod';
import { jsonParser } from '../model/fast-parse';
import { nextDelay } from './backoff';
import { chunkChanges, pullSince, pushBatch, type FetchLike } from './client';
import { describeSyncError, SyncError } from './errors';
import { refreshRoster } from './roster-store';
import {
  acquireLease,
  BULK_STATES,
  CHECKPOINT_KEY,
  CONFLICTS_KEY,
  currentStatus,
  docHash,
  knownStates,
  readCheckpoint,
  readConflicts,
  readSent,
  readStatus,
  recordPulledStates,
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
  /** Most pulled documents written in one transaction (default 10,000): pages that arrived meanwhile go together. */
  applyLimit?: number;
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

type LocalDoc = AnyDoc;

interface Group {
  collection: SyncCollection;
  docId: string;
  key: string;
  seqs: number[];
}


/**
 * Pulled pages written in one transaction hold at most this many docs, and as many more may wait
 * fetched (≈ 1.7 KB of memory each as parsed). Fewer, bigger transactions pay off: each one rewrites
 * every rollup row it touches (hundreds in a busy team) and has its own commit.
 */
const APPLY_LIMIT = 10_000;

/** Documents asked for in a run's first pull page (the others: the pull limit). */
const FIRST_PULL_PAGE = 100;

/** The local documents of one kind by sync id (undefined where there is none). */
async function localDocs(database: ArvioDb, collection: SyncCollection, ids: readonly string[]): Promise<Array<LocalDoc | undefined>> {
  const keys = ids.map((id) => kindOf(collection).keyOfSyncId(id));
  const present = keys.filter((k) => k !== null);
  const found = await tableOf(database, collection).bulkGet(present);
  let i = 0;
  return keys.map((k) => (k === null ? undefined : found[i++]));
}

export async function localDoc(database: ArvioDb, collection: SyncCollection, id: string): Promise<LocalDoc | undefined> {
  return (await localDocs(database, collection, [id]))[0];
}

function toChange(collection: SyncCollection, id: string, baseRevision: number | null, doc: LocalDoc): SyncChange {
  // The local types are the kinds' schemas' types: the pairing is the registry's.
  return { collection, id, baseRevision, doc } as SyncChange;
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
    for (const collection of kindNames) {
      const mine = slice.filter((g) => g.collection === collection);
      if (mine.length === 0) continue;
      const [docs, states] = await Promise.all([
        localDocs(database, collection, mine.map((g) => g.docId)),
        knownStates(database, mine.map((g) => g.key)),
      ]);
      mine.forEach((group, i) => {
        const doc = docs[i];
        // Gone (a never-published draft deleted) or a draft scorecard: nothing the team should get.
        if (!doc || !kindOf(collection).shareable(doc)) {
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

/** A pulled document this version can read, parsed before its transaction opens. */
export interface PulledDoc {
  collection: SyncCollection;
  id: string;
  key: string;
  revision: number;
  seq: number;
  /** As parsed: also what a conflict keeps as theirs (the server's text is let go at once). */
  doc: LocalDoc;
}

/** Pulled docs are JSON just parsed and owned by the pull: valid ones are kept as they are (jsonParser). */
const parsePulled = Object.fromEntries(kindNames.map((name) => [name, jsonParser(syncDocSchemas[name] as z.ZodType<AnyDoc>)])) as Record<
  SyncCollection,
  (raw: unknown) => z.ZodSafeParseResult<AnyDoc>
>;

/**
 * Parses pulled docs with their collection's schema. A doc this version cannot read is left on the
 * server rather than stored half-understood. Pure, so it runs while the previous page is written.
 */
export function readPulled(docs: readonly ServerDoc[]): PulledDoc[] {
  const out: PulledDoc[] = [];
  for (const d of docs) {
    const parsed = parsePulled[d.collection](d.doc);
    if (!parsed.success) continue;
    const doc = parsed.data;
    if (kindOf(d.collection).syncId(doc) !== d.id) continue;
    out.push({ collection: d.collection, id: d.id, key: stateKey(d.collection, d.id), revision: d.revision, seq: d.seq, doc });
  }
  return out;
}

/**
 * The rollup cells of pulled docs as if each one were new, summed. Computed as a page arrives
 * (while the batch before it is written), so a transaction reads the rows they touch with its first
 * reads instead of behind the reviews' writes; applyPulledDocs takes out what does not apply.
 */
export function pulledCells(docs: readonly PulledDoc[], into = new Map<string, RollupDelta>()): Map<string, RollupDelta> {
  for (const kind of kindNames.filter(hasRollups)) countNew(kind, docsOf(docs, kind), into);
  return into;
}

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

function docsOf(docs: readonly PulledDoc[], kind: SyncCollection): LocalDoc[] {
  return docs.filter((p) => p.collection === kind).map((p) => p.doc);
}

/** Applies one pulled page and its checkpoint in one transaction; never overwrites a doc with pending changes. */
export function applyPulled(database: ArvioDb, docs: readonly ServerDoc[], checkpoint: number, now: number): Promise<{ applied: number; conflicts: number }> {
  return applyPulledDocs(database, readPulled(docs), checkpoint, now);
}

/**
 * Applies pulled docs (one page or several in a row) and the checkpoint after them in one
 * transaction: all of it or none, so a stop anywhere loses nothing and a repeat changes nothing.
 * Reads go out together, then the writes together; rollups are summed in memory and written once.
 * A bulk transaction with `more` of the pull to come (a fresh profile catching up) adds its rollup
 * deltas to the pending ones; the others write the rollup rows, with any pending deltas folded in.
 * `cells`: pulledCells(pulled) when the caller has summed them already (it is consumed).
 */
export async function applyPulledDocs(
  database: ArvioDb,
  pulled: readonly PulledDoc[],
  checkpoint: number,
  now: number,
  { cells = pulledCells(pulled), more = false }: { cells?: Map<string, RollupDelta>; more?: boolean } = {},
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
    const [states, pendingRows, storedConflicts, storedCounted, storedCells, pendingCells] = await Promise.all([
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
    ]);
    const before = new Map(counted.map((p, i) => [p.key, storedCounted[i]]));
    const pending = new Map<string, number[]>();
    for (const row of pendingRows) {
      const key = stateKey(row.collection, row.docId);
      pending.set(key, [...(pending.get(key) ?? []), row.seq ?? -1]);
    }
    // Docs with local changes waiting: their full known state and their local version decide.
    const waitingDocs = docs.filter((p) => pending.has(p.key));
    const waitingStates = new Map<string, SyncStateRow | undefined>();
    const locals = new Map<string, LocalDoc | undefined>();
    if (waitingDocs.length > 0) {
      const full = await knownStates(database, waitingDocs.map((p) => p.key));
      waitingDocs.forEach((p, i) => waitingStates.set(p.key, full[i]));
      for (const collection of kindNames) {
        const mine = waitingDocs.filter((p) => p.collection === collection);
        if (mine.length === 0) continue;
        const stored = await localDocs(database, collection, mine.map((p) => p.id));
        mine.forEach((p, i) => locals.set(p.key, stored[i]));
      }
    }
    let conflicts = storedConflicts;
    const conflicted = new Set(conflicts.map((c) => stateKey(c.collection, c.id)));
    const toPut = new Map<SyncCollection, PulledDoc[]>(kindNames.map((kind) => [kind, []]));
    const putting = new Set<PulledDoc>();
    const newStates: SyncStateRow[] = [];
    const dropOutbox: number[] = [];
    for (const [i, p] of docs.entries()) {
      const known = pending.has(p.key) ? waitingStates.get(p.key) : states[i];
      if (known && known.revision >= p.revision) continue; // our own push coming back, or older
      if (conflicted.has(p.key)) {
        conflicts = conflicts.map((c) =>
          stateKey(c.collection, c.id) === p.key ? { ...c, theirs: p.doc as Record<string, unknown>, theirsRevision: p.revision, theirsSeq: p.seq } : c,
        );
        continue;
      }
      const waiting = pending.get(p.key);
      if (waiting) {
        const local = locals.get(p.key);
        dropOutbox.push(...waiting);
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
      database.settings.bulkPut([...(conflicts === storedConflicts ? [] : [{ key: CONFLICTS_KEY, value: conflicts }]), { key: CHECKPOINT_KEY, value: checkpoint }]),
    ]);
  });
  return { applied, conflicts: found };
}

interface FetchedPage {
  docs: PulledDoc[];
  /** Pages follow this one. */
  more: boolean;
  /** pulledCells(docs) */
  cells: Map<string, RollupDelta>;
  checkpoint: number;
  /** Docs as sent (before unreadable ones were dropped): what the buffer bound counts. */
  size: number;
}

/**
 * Fetches pages one after another (each from the previous checkpoint, the next asked for while this
 * one is parsed) and parses them while earlier ones are written, holding at most `ahead` docs not yet
 * taken (and one page under way). `take` hands over every page that has arrived (at least one, at
 * most `limit` docs unless one page is bigger), or null at the end; a failed fetch is thrown after
 * the pages before it have been taken.
 */
function pageFeed(fetchPage: (since: number, first: boolean) => Promise<PullResponse>, since: number, ahead: number) {
  const ready: FetchedPage[] = [];
  let failure: unknown = null;
  let finished = false;
  let stopped = false;
  let wakeTaker = () => {};
  let wakeFetcher = () => {};
  const buffered = () => ready.reduce((n, page) => n + page.size, 0);
  void (async () => {
    // One request is always under way: the next page is asked for as soon as the checkpoint is
    // known, and this one is parsed while the server prepares it.
    let next: Promise<PullResponse> | null = fetchPage(since, true);
    next.catch(() => undefined); // awaited below; a failure is taken from there
    try {
      while (next) {
        while (!stopped && buffered() >= ahead) await new Promise<void>((resolve) => (wakeFetcher = resolve));
        if (stopped) return;
        const page: PullResponse = await next;
        if (stopped) return;
        next = page.more && page.docs.length > 0 ? fetchPage(page.checkpoint, false) : null;
        next?.catch(() => undefined);
        const docs = readPulled(page.docs);
        ready.push({ docs, more: next !== null, cells: pulledCells(docs), checkpoint: page.checkpoint, size: page.docs.length });
        wakeTaker();
      }
    } catch (error) {
      failure = error;
    } finally {
      finished = true;
      wakeTaker();
    }
  })();
  return {
    async take(limit: number): Promise<FetchedPage[] | null> {
      while (ready.length === 0 && !finished) await new Promise<void>((resolve) => (wakeTaker = resolve));
      if (ready.length === 0) {
        if (failure !== null) throw failure;
        return null;
      }
      let count = 1;
      let size = ready[0]!.size;
      while (count < ready.length && size + ready[count]!.size <= limit) size += ready[count++]!.size;
      const taken = ready.splice(0, count);
      wakeFetcher();
      return taken;
    },
    /** No further fetches; one under way is let finish and dropped. */
    stop(): void {
      stopped = true;
      wakeFetcher();
    },
  };
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
    const applyLimit = options.applyLimit ?? APPLY_LIMIT;
    // The first page is small: writing starts as soon as it is read, and the rest arrives meanwhile.
    const fetchPage = (since: number, first: boolean) =>
      pullSince(backend.url, backend.token, since, first ? Math.min(limit, FIRST_PULL_PAGE) : limit, fetchImpl, options.signal, { timeoutMs: options.timeoutMs });
    throwIfAborted(options.signal);
    // Pages are fetched and parsed while earlier ones are written: the server, the script and
    // IndexedDB work side by side. Pages that arrived meanwhile are written together (fewer
    // transactions, each rollup row once), always in order, each write with its checkpoint.
    const feed = pageFeed(fetchPage, await readCheckpoint(database), applyLimit);
    // The roster (reviewee choices, own identity) is fetched beside the pull; a server without it is no failure.
    const roster = refreshRoster(database, backend, fetchImpl, now(), options.signal, { timeoutMs: options.timeoutMs }).catch(() => undefined);
    try {
      for (let pages = await feed.take(applyLimit); pages; pages = await feed.take(applyLimit)) {
        throwIfAborted(options.signal);
        const cells = pages[0]!.cells;
        for (const page of pages.slice(1)) mergeDeltas(cells, [...page.cells.values()]);
        const last = pages.at(-1)!;
        const applied = await applyPulledDocs(database, pages.flatMap((p) => p.docs), last.checkpoint, now(), { cells, more: last.more });
        pulled += applied.applied;
        tally.conflicts += applied.conflicts;
      }
    } finally {
      feed.stop();
      await roster;
      // A pull stopped early leaves its bulk transactions' rollup deltas pending: fold them now.
      await foldPendingRollups(database).catch(() => undefined);
    }
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
  // A bulk pull stopped before its end (the worker killed) left rollup deltas pending: folded here
  // too, so the dashboard catches up even when no sync is due or the backend has been removed.
  await foldPendingRollups(database).catch(() => undefined);
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

export { currentStatus, readConflicts, type SyncConflict, type SyncStatus };
