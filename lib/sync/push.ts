// Push: the outbox, one group per document, in batches; a lost answer recognised as our own write; the server's refusals set aside, anything else retried.
import { z } from 'zod';
import { kindNames, kindOf, MAX_PUSH_BATCH, type PushResult, type SyncChange, type SyncCollection } from '../model';
import { writeSynced, type ArvioDb } from '../db';
import type { BackendConfig } from './backend';
import { knownStates, stateKey } from './checkpoint';
import { chunkChanges, pushBatch, type FetchLike } from './client';
import { readConflicts, upsertConflict } from './conflicts';
import { pushRefusal, SyncError, throwIfAborted } from './errors';
import { docHash } from './hash';
import { localDocs, type LocalDoc } from './local';
import { CONFLICTS_KEY, readSetting, SENT_KEY, STATUS_KEY } from './meta';
import { readStatus } from './status';
import { readRoster, refreshRoster } from './roster-store';
import { documentTeam, type Roster } from './roster';
import type { SyncOptions } from './run';

const sentSchema = z.record(z.string(), z.array(z.string()).max(5));
const readSent = (database: ArvioDb): Promise<Record<string, string[]>> => readSetting(database, SENT_KEY, sentSchema, {});

interface Group {
  collection: SyncCollection;
  docId: string;
  key: string;
  seqs: number[];
}

function toChange(collection: SyncCollection, id: string, baseRevision: number | null, doc: LocalDoc): SyncChange {
  // The local types are the kinds' schemas' types: the pairing is the registry's.
  return { collection, id, baseRevision, doc } as SyncChange;
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

export interface PushTally {
  pushed: number;
  conflicts: number;
  refused: number;
  /** A retried write of ours came back as a "conflict": rebased, push again. */
  again: boolean;
}

/**
 * Documents of no team (written before teams owned data, or without a backend and then connected)
 * get their team before they are sent, stored locally: a child its parent's (placed first, as the
 * registry lists parents before children), any other the one the roster proposes (documentTeam).
 * Not an admin's organisation-wide card; without a team the document goes as it is, and a refusal parks it.
 */
async function withTeams(
  database: ArvioDb,
  rosterOf: () => Promise<Roster | null>,
  collection: SyncCollection,
  docs: Array<LocalDoc | undefined>,
): Promise<Array<LocalDoc | undefined>> {
  const kind = kindOf(collection);
  if (docs.every((doc) => !doc || kind.team(doc) !== null)) return docs;
  let teamOf: (doc: LocalDoc) => string | null;
  if (kind.parent) {
    const { parent } = kind;
    const parentKind = kindOf(parent.kind as SyncCollection);
    const parents = await localDocs(database, parent.kind as SyncCollection, docs.map((doc) => (doc ? parent.id(doc as never) : '')));
    const byId = new Map(docs.map((doc, i) => [doc, parents[i]]));
    teamOf = (doc) => {
      const found = byId.get(doc);
      return found ? parentKind.team(found) : null;
    };
  } else {
    const roster = await rosterOf();
    if (!roster) return docs;
    teamOf = (doc) => documentTeam(roster, { subject: kind.subject(doc), orgWide: kind.orgWide });
  }
  const placed = docs.map((doc) => {
    if (!doc || kind.team(doc) !== null) return doc;
    const team = teamOf(doc);
    return team === null ? doc : ({ ...doc, team } as LocalDoc);
  });
  const changed = placed.filter((doc, i) => doc !== docs[i]) as LocalDoc[];
  if (changed.length > 0) await writeSynced(database, [collection], 'local', (writer) => writer.put(collection, changed));
  return placed;
}

export async function pushPass(database: ArvioDb, backend: BackendConfig, fetchImpl: FetchLike, now: () => number, options: SyncOptions, tally: PushTally): Promise<void> {
  const groups = await outboxGroups(database);
  // Who this is and their teams, once a document needs a team: fetched first when a first sync has none yet.
  let roster: Promise<Roster | null> | undefined;
  const rosterOf = (): Promise<Roster | null> =>
    (roster ??= readRoster(database).then(
      (cached) => cached ?? refreshRoster(database, backend, fetchImpl, now(), options.signal, { timeoutMs: options.timeoutMs }).catch(() => null),
    ));
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
      const [stored, states] = await Promise.all([
        localDocs(database, collection, mine.map((g) => g.docId)),
        knownStates(database, mine.map((g) => g.key)),
      ]);
      const docs = await withTeams(database, rosterOf, collection, stored);
      // A document given its team just now was queued again by the writer: this push covers that row too.
      const placed = mine.filter((_, i) => docs[i] !== stored[i]);
      if (placed.length > 0) {
        const rows = await database.outbox.where('[collection+docId]').anyOf(placed.map((g) => [collection, g.docId])).toArray();
        for (const row of rows) {
          const group = placed.find((g) => g.docId === row.docId);
          if (group && row.seq !== undefined && !group.seqs.includes(row.seq)) group.seqs.push(row.seq);
        }
      }
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

/** A refused change's reason as kept in the status: the server's words, not a whole page of them. */
const MAX_REASON = 500;

/** A 400, 403 or 409 that is not the server refusing a change: a server (or what stands before it) failing, not the user's data, role or a conflict. */
const asFailing = (error: SyncError): SyncError => new SyncError('server', error.detail, error.status, error.retryAfterMs, error.answer);

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
  } catch (thrown) {
    if (!(thrown instanceof SyncError)) throw thrown;
    const error = thrown;
    const refusal = pushRefusal(error, batch.length);
    // Not the server's word on a change (a proxy's page, a misrouted or failing server): every row stays queued and the run is retried.
    if (refusal === null) throw error.kind === 'forbidden' || error.kind === 'conflict' || error.kind === 'rejected' ? asFailing(error) : error;
    if (refusal === 'split') {
      const half = Math.ceil(batch.length / 2);
      await pushOne(database, backend, fetchImpl, now, options, batch.slice(0, half), groups, tally);
      await pushOne(database, backend, fetchImpl, now, options, batch.slice(half), groups, tally);
      return;
    }
    const [change] = batch;
    if (!change) return;
    // Not retried: the server will refuse it again. The doc stays local and listed, and a pull does not overwrite it (./apply.ts).
    const key = stateKey(change.collection, change.id);
    await database.transaction('rw', database.outbox, database.settings, async () => {
      await database.outbox.bulkDelete(groups.get(key)?.seqs ?? []);
      const status = await readStatus(database);
      const reason = error.detail.slice(0, MAX_REASON);
      const refused = [...status.refused.filter((r) => stateKey(r.collection, r.id) !== key), { collection: change.collection, id: change.id, reason }];
      await database.settings.put({ key: STATUS_KEY, value: { ...status, refused } });
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
    /** Docs the server took or a conflict now holds. */
    const settled = new Set<string>();
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
        settled.add(key);
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
      settled.add(key);
      tally.conflicts++;
    }
    await database.settings.put({ key: SENT_KEY, value: sent });
    await database.settings.put({ key: CONFLICTS_KEY, value: conflicts });
    // A refused doc the user has since edited into shape is no longer refused, nor one a conflict now holds: the status stops naming it.
    const status = await readStatus(database);
    const refused = status.refused.filter((r) => !settled.has(stateKey(r.collection, r.id)));
    if (refused.length !== status.refused.length) await database.settings.put({ key: STATUS_KEY, value: { ...status, refused } });
  });
}
