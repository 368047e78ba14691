// Synced documents: push (accept or conflict, idempotent), pull by sequence, scorecards, export.
import { canonicalJson, emailKey, isKindName, kindNames, kindOf, madeWithParts, MAX_PULL_PAGE_BYTES, type KindName, type PushResult, type SyncChange, type SyncCollection } from '../../lib/model';
import type { User } from './admin';
import {
  accessOf,
  canRead,
  openedKinds,
  openerKey,
  newUses,
  parentKind,
  refuseUses,
  refuseWrite,
  rolesOf,
  teamUsesSql,
  visibleSql,
  type DocAccess,
  type TeamRole,
  type Viewer,
} from './access';
import { named, toNumber, type Db, type Queryable, type Row } from './db';
import { asSentTo, SHAPED_KINDS } from './sent';
import { recordUses } from './uses';

/** Thrown inside the push transaction so that nothing of the batch is written. */
/** The refusal of a write to a document the caller may not read, when its kind's rule names no reason. */
const NOT_YOURS = 'you may not write this document';

export class Refusal extends Error {
  constructor(
    readonly path: string,
    message: string,
    /** 403 for "not yours to change"; 409 for "nobody may change this" (a published scorecard). */
    readonly status: 403 | 409 = 403,
  ) {
    super(message);
  }
}

interface Stored extends DocAccess {
  revision: number;
  seq: number;
}

const keyOf = (collection: string, id: string): string => `${collection}\u0000${id}`;

function toStored(row: Row): Stored {
  return {
    collection: row.collection as SyncCollection,
    id: String(row.id),
    team: row.team === null || row.team === undefined ? null : String(row.team),
    series: row.series === null || row.series === undefined ? null : String(row.series),
    owner: String(row.owner),
    subject: row.subject === null ? null : String(row.subject),
    parent: row.parent === null || row.parent === undefined ? null : String(row.parent),
    grp: row.grp === null || row.grp === undefined ? null : String(row.grp),
    opens: row.opens === 'all' || row.opens === 'own' ? row.opens : null,
    audience: Array.isArray(row.audience) ? row.audience.map(String) : null,
    doc: row.doc as Record<string, unknown>,
    ...(row.stored_for_ms === null || row.stored_for_ms === undefined ? {} : { storedForMs: Number(row.stored_for_ms) }),
    revision: toNumber(row.revision),
    seq: toNumber(row.seq),
  };
}

/**
 * The user as reads are decided for them. `kinds`: the kinds of the documents that will be asked
 * about (default: all); what the `opened` grant needs is read only for those — a push of reviews
 * needs none of it, and skipping two queries is a third of such a push.
 */
export async function viewerOf(db: Queryable, user: User, kinds: readonly KindName[] = kindNames): Promise<Viewer> {
  const rows = await db.query<{ team_id: string; role: TeamRole; email: string }>(
    named(`SELECT mine.team_id, mine.role, u2.email FROM team_members mine JOIN team_members other ON other.team_id = mine.team_id
       JOIN users u2 ON u2.id = other.user_id WHERE mine.user_id = $1`),
    [user.id],
  );
  const teams = new Map<string, { role: TeamRole; members: Set<string> }>();
  for (const row of rows) {
    const team = teams.get(row.team_id) ?? { role: row.role, members: new Set([emailKey(user.email)]) };
    team.members.add(emailKey(row.email));
    teams.set(row.team_id, team);
  }
  const roles = rolesOf({ user, teams });
  const [opening, used] = await Promise.all([openingOf(db, user, roles, kinds), usedBy(db, user, roles, kinds)]);
  return { user, teams, opening, used };
}

/** The versions the user's own and their teams' documents were made with (Viewer.used): read only when one of `kinds` grants `used` to one of their roles. */
async function usedBy(db: Queryable, user: User, roles: ReturnType<typeof rolesOf>, kinds: readonly KindName[]): Promise<Set<string>> {
  const granting = kinds.some((kind) => [...roles].some((role) => role !== 'admin' && kindOf(kind).read[role].includes('used')));
  if (!granting) return new Set();
  const rows = await db.query<{ used: string }>(
    named(`SELECT used FROM doc_uses WHERE person = $1 UNION SELECT u.used FROM ${teamUsesSql('$2')}`),
    [emailKey(user.email), user.id],
  );
  return new Set(rows.map((r) => r.used));
}

/** What opens documents of `kinds` to the user under the `opened` grant (Viewer.opening): read only for roles that have one. */
async function openingOf(db: Queryable, user: User, roles: ReturnType<typeof rolesOf>, kinds: readonly KindName[]): Promise<Viewer['opening']> {
  const opened = openedKinds(roles).filter((kind) => kinds.includes(kind));
  const parentKinds = [...new Set(opened.map(parentKind).filter((kind) => kind !== null))];
  const [parents, own] = await Promise.all([
    parentKinds.length === 0
      ? []
      : db.query<{ collection: string; id: string; opens: 'all' | 'own'; named: boolean }>(
          'SELECT collection, id, opens, coalesce(audience ? $2, false) AS named FROM docs WHERE opens IS NOT NULL AND collection = ANY($1::text[])',
          [parentKinds, emailKey(user.email)],
        ),
    opened.length === 0
      ? []
      : db.query<{ collection: string; grp: string }>(
          'SELECT DISTINCT collection, grp FROM docs WHERE owner = $1 AND grp IS NOT NULL AND collection = ANY($2::text[])',
          [emailKey(user.email), opened],
        ),
  ]);
  return {
    parents: new Map(parents.map((r) => [openerKey(r.collection, r.id), r.opens])),
    ownGroups: new Set(own.map((r) => openerKey(r.collection, r.grp))),
    named: new Set(parents.filter((r) => r.named).map((r) => openerKey(r.collection, r.id))),
  };
}

/** Test seams inside a push transaction (the ordering test pauses a push holding its sequence numbers). */
export interface PushHooks {
  /** Runs after the batch got its sequence numbers and before it commits. */
  beforeCommit?: () => Promise<void>;
  /**
   * The server's own edits (./privacy.ts: purges and erasures): every stored document is theirs to
   * change, those no one has opened yet too (an admin reads calibration ratings only once opened).
   */
  asServer?: boolean;
}

/** A concurrent push created one of this batch's new documents first: run the batch again on fresh state. */
class Raced extends Error {}

/** SQLSTATEs after which the whole batch is simply run again: deadlock, serialization, a racing insert. */
const RETRYABLE = new Set(['40P01', '40001', '23505']);
const MAX_ATTEMPTS = 5;

function retryable(error: unknown): boolean {
  if (error instanceof Raced) return true;
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/**
 * Applies a batch in one transaction. Per change: unchanged doc → accepted as is (a retried push);
 * stale baseRevision → conflict with the server's copy; else a new revision and sequence number.
 * Any refused change throws `Refusal` and the whole batch is rolled back.
 *
 * Ordering without serialising whole pushes: reading, deciding and writing run concurrently (row
 * locks on the touched docs); only the last step — taking sequence numbers and committing — holds
 * the advisory lock. Sequence numbers are therefore handed out in commit order, and a pull that
 * sees seq N sees every lower seq that will ever commit. The lock is held for one short UPDATE and
 * the COMMIT, not for the batch's reads and writes.
 */
export async function push(db: Db, user: User, changes: readonly SyncChange[], hooks: PushHooks = {}): Promise<PushResult[]> {
  if (changes.length === 0) return [];
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => pushOnce(tx, user, changes, hooks));
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !retryable(error)) throw error;
      await new Promise((done) => setTimeout(done, Math.random() * 5 * attempt));
    }
  }
}

/**
 * The stored documents of shaped kinds (./sent.ts) as `user` may have them sent (null: not at all), by
 * key: what a conflict answers with, as a pull would send it (another participant under a pseudonym).
 */
async function sentCopies(tx: Queryable, user: User, stored: readonly Stored[]): Promise<Map<string, Record<string, unknown> | null>> {
  const shaped = stored.filter((s) => SHAPED_KINDS.has(s.collection));
  if (shaped.length === 0) return new Map();
  const sent = await asSentTo(tx, user, shaped);
  // A shaped copy is the stored object with fields emptied or renamed: an object still.
  return new Map(shaped.map((s, i) => [keyOf(s.collection, s.id), (sent[i] ?? null) as Record<string, unknown> | null]));
}

/**
 * Whether the user has a stored document only in part or not at all (`sentCopies`): a reviewer's copy
 * of a coaching session, another participant's ratings under a pseudonym, a member's copy of the
 * team's settings. None of them is the user's to write (their kinds' rules give those documents to
 * whoever has them whole), so a push of one is refused as a document that does not exist, before any
 * comparison: neither a conflict's copy nor an "accepted" for an exact guess tells the user what they
 * may not read — a ratings document's id names its participant. Calibration sessions are left to their
 * rule (their starter may set one up while seeing the participants by pseudonym); their conflicts go
 * out pseudonymised.
 */
function partly(copies: ReadonlyMap<string, Record<string, unknown> | null>, stored: Stored): boolean {
  const key = keyOf(stored.collection, stored.id);
  if (stored.collection === 'calibrationSessions' || !copies.has(key)) return false;
  const copy = copies.get(key);
  return copy === null || canonicalJson(copy) !== canonicalJson(stored.doc);
}

/**
 * Per `madeWith` key, the stored version it names, else the stored versions of the series it names (a
 * series key, or a version not stored whose series is): what naming it would let someone read.
 */
async function storedVersions(tx: Queryable, keys: readonly string[]): Promise<Map<string, Stored[]>> {
  if (keys.length === 0) return new Map();
  const asked = keys.map((key) => {
    const [kind, id] = madeWithParts(key);
    const local = isKindName(kind) ? kindOf(kind).keyOfSyncId(id) : null;
    return { key, kind, id, series: Array.isArray(local) ? String(local[0]) : id };
  });
  const rows = (
    await tx.query(
      named(`SELECT ${STORED_COLUMNS} FROM docs d JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(kind, id, series)
        ON d.collection = k.kind AND (d.id = k.id OR d.series = k.series)`),
      [asked.map((a) => a.kind), asked.map((a) => a.id), asked.map((a) => a.series)],
    )
  ).map(toStored);
  return new Map(
    asked.map(({ key, kind, id, series }) => {
      const exact = rows.filter((r) => r.collection === kind && r.id === id);
      return [key, exact.length > 0 ? exact : rows.filter((r) => r.collection === kind && r.series === series)];
    }),
  );
}

async function pushOnce(tx: Queryable, user: User, changes: readonly SyncChange[], hooks: PushHooks): Promise<PushResult[]> {
  // Reads are decided below for the changes' documents as stored, their parents and the documents they cite.
  const asked = changes.flatMap((c) => [c.collection, parentKind(c.collection), kindOf(c.collection).cites?.kind as KindName | undefined]);
  const viewer = await viewerOf(tx, user, [...new Set(asked.filter((kind) => kind !== null && kind !== undefined))]);
  // Rows are locked in key order, so two batches touching the same docs cannot deadlock each other.
  const rows = await tx.query(
    named(`SELECT ${STORED_COLUMNS}
       FROM docs d JOIN unnest($1::text[], $2::text[]) AS k(collection, id) ON d.collection = k.collection AND d.id = k.id
      ORDER BY d.collection, d.id
      FOR UPDATE OF d`),
    [changes.map((c) => c.collection), changes.map((c) => c.id)],
  );
  const state = new Map<string, Stored>(rows.map((r) => [keyOf(String(r.collection), String(r.id)), toStored(r)]));
  const copies = hooks.asServer || user.role === 'admin' ? new Map<string, Record<string, unknown> | null>() : await sentCopies(tx, user, [...state.values()]);
  // The versions the changes newly say they were made with, as stored (refuseUses).
  const claimed = hooks.asServer || user.role === 'admin' ? [] : changes.map((c) => newUses(c, state.get(keyOf(c.collection, c.id)) ?? null));
  const versions = await storedVersions(tx, [...new Set(claimed.flat())]);
  // The parents the kinds' write rules see (a rating's session, a dispute's review), read unlocked.
  const parentOf = (change: SyncChange): { collection: string; id: string } | null => {
    const kind = parentKind(change.collection);
    return kind === null ? null : { collection: kind, id: kindOf(change.collection).parent!.id(change.doc) };
  };
  // The documents the changes cite (a review revision's dispute), read the same way.
  const citedOf = (change: SyncChange): { collection: string; id: string } | null => {
    const cites = kindOf(change.collection).cites;
    const id = cites?.id(change.doc) ?? null;
    return cites && id !== null ? { collection: cites.kind, id } : null;
  };
  const wanted = [...changes.map(parentOf), ...changes.map(citedOf)].filter((p) => p !== null && !state.has(keyOf(p.collection, p.id))) as Array<{
    collection: string;
    id: string;
  }>;
  const parentRows =
    wanted.length === 0
      ? []
      : await tx.query(
          `SELECT ${STORED_COLUMNS} FROM docs d JOIN unnest($1::text[], $2::text[]) AS k(collection, id) ON d.collection = k.collection AND d.id = k.id`,
          [wanted.map((p) => p.collection), wanted.map((p) => p.id)],
        );
  const parents = new Map<string, Stored>(parentRows.map((r) => [keyOf(String(r.collection), String(r.id)), toStored(r)]));
  // The team of each series the batch writes into, as stored (its versions all keep the first's team).
  const seriesOf = (change: SyncChange): string | null => kindOf(change.collection).series?.(change.doc) ?? null;
  const wantedSeries = changes.filter((c) => seriesOf(c) !== null);
  const seriesRows =
    wantedSeries.length === 0
      ? []
      : await tx.query<{ collection: string; series: string; team: string | null }>(
          `SELECT DISTINCT d.collection, d.series, d.team FROM docs d JOIN unnest($1::text[], $2::text[]) AS k(collection, series)
             ON d.collection = k.collection AND d.series = k.series`,
          [wantedSeries.map((c) => c.collection), wantedSeries.map((c) => seriesOf(c))],
        );
  const seriesTeams = new Map(seriesRows.map((r) => [keyOf(r.collection, r.series), r.team]));
  /** Documents a write opened to someone: re-sequenced below, so that pulls past their old seq deliver them. */
  const reopened = {
    parents: [] as Array<[kind: string, id: string]>,
    groups: [] as Array<[kind: string, grp: string, owner: string]>,
    used: [] as Array<[kind: string, idOrSeries: string]>,
  };
  /** The revision each written key had when read (0 = absent): the upsert checks it still holds. */
  const readRevision = new Map<string, number>([...state].map(([k, s]) => [k, s.revision]));
  const written = new Map<string, { change: SyncChange; stored: Stored }>();
  const results: PushResult[] = [];
  const pending: Array<{ index: number; key: string; revision: number }> = [];

  changes.forEach((change, index) => {
    const key = keyOf(change.collection, change.id);
    const current = state.get(key) ?? null;
    const path = `changes.${index}`;
    // (One written earlier in this batch is as its pusher wrote it: `partial` speaks of the stored ones.)
    if (current !== null && !hooks.asServer && (!canRead(viewer, current) || (!written.has(key) && partly(copies, current)))) {
      // Worded as for an id that does not exist: a refusal never tells whether the document does.
      throw new Refusal(path, refuseWrite(viewer, change, null) ?? NOT_YOURS);
    }
    if (current !== null && canonicalJson(current.doc) === canonicalJson(change.doc)) {
      results.push({ id: change.id, collection: change.collection, status: 'accepted', revision: current.revision, seq: current.seq });
      // Written earlier in this batch: its seq is known only once assigned.
      if (written.has(key)) pending.push({ index: results.length - 1, key, revision: current.revision });
      return;
    }
    // A baseRevision for a doc the server lacks has nothing to overwrite, so it is a create.
    if (current !== null && change.baseRevision !== current.revision) {
      results.push({
        id: change.id,
        collection: change.collection,
        status: 'conflict',
        // As stored, or as the pusher may have it sent (one written earlier in this batch is theirs as written).
        current: { revision: current.revision, seq: current.seq, doc: (written.has(key) ? undefined : copies.get(key)) ?? current.doc },
      });
      return;
    }
    // Either as written earlier in this batch (state) or as stored.
    const storedOf = (ref: { collection: string; id: string } | null): Stored | null => {
      const refKey = ref === null ? null : keyOf(ref.collection, ref.id);
      return refKey === null ? null : (state.get(refKey) ?? parents.get(refKey) ?? null);
    };
    const series = seriesOf(change);
    const seriesTeam = series === null ? undefined : seriesTeams.get(keyOf(change.collection, series));
    const reason = refuseWrite(viewer, change, current, storedOf(parentOf(change)), storedOf(citedOf(change)), seriesTeam) ?? refuseUses(viewer, claimed[index] ?? [], versions);
    if (reason !== null) throw new Refusal(path, reason, reason.includes('immutable') ? 409 : 403);
    const revision = (current?.revision ?? 0) + 1;
    const stored: Stored = { ...accessOf(change, user), doc: change.doc, revision, seq: 0 };
    // A document that opens anew (or to other people) opens its children; one new in a group may open its siblings to its owner.
    if (stored.opens !== null && (stored.opens !== (current?.opens ?? null) || canonicalJson(stored.audience) !== canonicalJson(current?.audience ?? null))) {
      for (const child of kindNames.filter((kind) => parentKind(kind) === change.collection)) reopened.parents.push([child, change.id]);
    }
    if (stored.grp !== null && stored.grp !== (current?.grp ?? null)) reopened.groups.push([change.collection, stored.grp, stored.owner]);
    state.set(key, stored);
    // A series this batch starts is the team's from here on, for the rest of the batch too.
    if (stored.series !== null && !seriesTeams.has(keyOf(stored.collection, stored.series))) seriesTeams.set(keyOf(stored.collection, stored.series), stored.team);
    written.set(key, { change, stored });
    pending.push({ index: results.length, key, revision });
    results.push({ id: change.id, collection: change.collection, status: 'accepted', revision, seq: 0 });
  });

  if (written.size === 0) return results;
  // Sorted by key like the row locks above; the same key twice in a batch stores only its last state.
  const entries = [...written.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const final = entries.map(([, w]) => w.stored);
  // Placeholder seqs (negative, unique, never pulled); the real ones are assigned under the lock below.
  const upserted = await tx.query(
    named(`WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::int[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
         AS t(c, i, r, d, o, sub, del, prev, par, g, op, tm, ser, aud))
     INSERT INTO docs (collection, id, revision, seq, doc, owner, subject, deleted, parent, grp, opens, team, series, audience, updated_at)
     SELECT c, i, r, -nextval('docs_seq'), d::json, o, sub, del, par, g, op, tm, ser, aud::jsonb, now() FROM input
     ON CONFLICT (collection, id) DO UPDATE SET revision = excluded.revision, seq = excluded.seq, doc = excluded.doc,
       owner = excluded.owner, subject = excluded.subject, deleted = excluded.deleted,
       parent = excluded.parent, grp = excluded.grp, opens = excluded.opens, team = excluded.team, series = excluded.series,
       audience = excluded.audience, updated_at = now()
       WHERE docs.revision = (SELECT prev FROM input WHERE input.c = excluded.collection AND input.i = excluded.id)
     RETURNING collection, id`),
    [
      final.map((s) => s.collection),
      entries.map(([, w]) => w.change.id),
      final.map((s) => s.revision),
      final.map((s) => JSON.stringify(s.doc)),
      final.map((s) => s.owner),
      final.map((s) => s.subject),
      final.map((s) => s.doc.deleted === true),
      entries.map(([key]) => readRevision.get(key) ?? 0),
      final.map((s) => s.parent),
      final.map((s) => s.grp),
      final.map((s) => s.opens),
      final.map((s) => s.team),
      final.map((s) => s.series),
      final.map((s) => (s.audience === null ? null : JSON.stringify(s.audience))),
    ],
  );
  // A doc absent when read was created by a concurrent push meanwhile: decide again on its state.
  if (upserted.length !== final.length) throw new Raced('a concurrent push created one of these documents');
  // Versions someone may read now by the `used` grant (./uses.ts) are re-sequenced like opened documents.
  reopened.used = await recordUses(tx, final);

  // The short critical section: sequence numbers in commit order. The lock is a one-time filter,
  // taken before any row's nextval, and held until COMMIT (an xact lock): one statement and the commit
  // (two when the batch opened documents to someone: sequenceWithReopened).
  const seqRows =
    reopened.parents.length === 0 && reopened.groups.length === 0 && reopened.used.length === 0
      ? await tx.query<{ collection: string; id: string; seq: unknown }>(
          named(`WITH ordered AS MATERIALIZED (SELECT pg_advisory_xact_lock(4242002))
           UPDATE docs d SET seq = nextval('docs_seq')
             FROM unnest($1::text[], $2::text[]) AS k(collection, id)
            WHERE EXISTS (SELECT 1 FROM ordered) AND d.collection = k.collection AND d.id = k.id
            RETURNING d.collection, d.id, d.seq`),
          [final.map((s) => s.collection), entries.map(([, w]) => w.change.id)],
        )
      : await sequenceWithReopened(tx, final.map((s) => s.collection), entries.map(([, w]) => w.change.id), reopened);
  const seqOf = new Map(seqRows.map((r) => [keyOf(r.collection, r.id), toNumber(r.seq)]));
  // A key written twice in one batch is stored once, at its last state: its results share that seq.
  for (const p of pending) {
    const result = results[p.index];
    if (result?.status === 'accepted') result.seq = seqOf.get(p.key) ?? 0;
  }
  await hooks.beforeCommit?.();
  return results;
}

/** The columns toStored reads. */
const STORED_COLUMNS =
  'd.collection, d.id, d.revision, d.seq, d.doc, d.team, d.series, d.owner, d.subject, d.parent, d.grp, d.opens, d.audience, ' +
  // The write rules' clock: the database's, the same that stamped received_at.
  '(extract(epoch FROM now() - d.received_at) * 1000)::float8 AS stored_for_ms';

/**
 * Sequence numbers for a batch that opened documents to someone (a revealed session, a participant's
 * first ratings of a ticket, a review made with a scorecard version its agent had no grant to read): the
 * batch's own documents and the ones it opened get new numbers, so a
 * reader whose checkpoint is past their old numbers pulls them now. The opened documents are found
 * once the lock is held, in a statement of their own: a document committed by another push until
 * then is seen and numbered too (READ COMMITTED takes each statement's snapshot as it starts).
 * Taking their row locks under the advisory lock can deadlock with a push that holds one of them and
 * waits for the advisory lock; PostgreSQL then aborts one, and push() runs it again.
 */
async function sequenceWithReopened(
  tx: Queryable,
  collections: readonly string[],
  ids: readonly string[],
  reopened: { parents: Array<[string, string]>; groups: Array<[string, string, string]>; used: Array<[string, string]> },
): Promise<Array<{ collection: string; id: string; seq: unknown }>> {
  await tx.query('SELECT pg_advisory_xact_lock(4242002)');
  return tx.query<{ collection: string; id: string; seq: unknown }>(
    `WITH k AS (
       SELECT c AS collection, i AS id FROM unnest($1::text[], $2::text[]) AS t(c, i)
       UNION SELECT r.collection, r.id FROM docs r
         JOIN unnest($3::text[], $4::text[]) AS p(kind, id) ON r.collection = p.kind AND r.parent = p.id
       UNION SELECT r.collection, r.id FROM docs r
         JOIN unnest($5::text[], $6::text[], $7::text[]) AS g(kind, grp, owner) ON r.collection = g.kind AND r.grp = g.grp AND r.owner <> g.owner
       UNION SELECT r.collection, r.id FROM docs r JOIN unnest($8::text[], $9::text[]) AS u(kind, key) ON r.collection = u.kind AND r.id = u.key
       UNION SELECT r.collection, r.id FROM docs r JOIN unnest($8::text[], $9::text[]) AS u(kind, key) ON r.collection = u.kind AND r.series = u.key)
     UPDATE docs d SET seq = nextval('docs_seq') FROM k
      WHERE d.collection = k.collection AND d.id = k.id
      RETURNING d.collection, d.id, d.seq`,
    [
      collections,
      ids,
      reopened.parents.map(([kind]) => kind),
      reopened.parents.map(([, id]) => id),
      reopened.groups.map(([kind]) => kind),
      reopened.groups.map(([, grp]) => grp),
      reopened.groups.map(([, , owner]) => owner),
      reopened.used.map(([kind]) => kind),
      reopened.used.map(([, key]) => key),
    ],
  );
}

/**
 * One pull page as the answer's JSON text (a PullResponse). Each doc goes out as stored: its JSON
 * was validated when pushed, and parsing it only to print it again would be most of the server's
 * work in a large pull.
 *
 * A page holds at most `limit` docs and stops before their JSON would pass `budget` bytes; the first
 * doc always goes, however large, so the client moves on. The running size is a window over the
 * page's rows, computed only for the rows the LIMIT reads; only the docs in the page are sent, with
 * the count of rows read, which tells `more`.
 */
export async function pullJson(db: Db, user: User, since: number, limit: number, budget: number = MAX_PULL_PAGE_BYTES): Promise<string> {
  const visible = visibleSql(user, 4);
  // The page is chosen first, then its docs are read as text (the driver would parse json): the cast
  // in a plain query's list would let the planner cast every visible doc after `since` before sorting.
  const page = await db.query(
    named(`SELECT p.collection, p.id, p.revision, p.seq, p.doc::text AS doc, p.rows_read FROM (
       SELECT w.*, count(*) OVER () AS rows_read FROM (
         SELECT d.collection, d.id, d.revision, d.seq, d.doc,
                row_number() OVER page <= $2 AND (row_number() OVER page = 1 OR sum(octet_length(d.doc::text)) OVER page <= $3) AS fits
           FROM docs d
          WHERE d.seq > $1 AND ${visible.sql}
         WINDOW page AS (ORDER BY d.seq ROWS UNBOUNDED PRECEDING)
          ORDER BY d.seq LIMIT $2 + 1
       ) w
     ) p
     WHERE p.fits
     ORDER BY p.seq`),
    [since, limit, budget, ...visible.params],
  );
  // The rows that fit are a prefix of those read: a row read beyond them waits for the next page.
  const more = page.length > 0 && toNumber(page[0]!.rows_read) > page.length;
  // Calibration documents and coaching sessions go out as this reader may have them (./sent.ts): only those are parsed and printed again.
  const shaped = page.filter((r) => SHAPED_KINDS.has(String(r.collection)));
  const sent = shaped.length === 0 ? [] : await asSentTo(db, user, shaped.map((r) => ({ collection: String(r.collection), doc: JSON.parse(String(r.doc)) as unknown })));
  const sentOf = new Map(shaped.map((r, i) => [r, sent[i]]));
  const line = (r: Row, id: string, doc: string): string => {
    const head = JSON.stringify({ collection: r.collection as SyncCollection, id, revision: toNumber(r.revision), seq: toNumber(r.seq) });
    return `${head.slice(0, -1)},"doc":${doc}}`;
  };
  const docs = page.flatMap((r) => {
    if (!sentOf.has(r)) return [line(r, String(r.id), String(r.doc))];
    const doc = sentOf.get(r);
    return doc === null ? [] : [line(r, kindOf(r.collection as SyncCollection).syncId(doc as never), JSON.stringify(doc))];
  });
  const last = page.at(-1);
  const checkpoint = last ? toNumber(last.seq) : since;
  return `{"docs":[${docs.join(',')}],"checkpoint":${JSON.stringify(checkpoint)},"more":${JSON.stringify(more)}}`;
}

/** The scorecard versions the user may read. */
export async function listScorecards(db: Db, user: User): Promise<Array<{ id: string; revision: number; seq: number; doc: unknown }>> {
  const visible = visibleSql(user, 1);
  const rows = await db.query(
    `SELECT d.id, d.revision, d.seq, d.doc FROM docs d WHERE d.collection = 'scorecards' AND NOT d.deleted AND ${visible.sql} ORDER BY d.id`,
    visible.params,
  );
  return rows.map((r) => ({ id: String(r.id), revision: toNumber(r.revision), seq: toNumber(r.seq), doc: r.doc }));
}

/** Reviews the user may export, oldest first, a page at a time so a large team never sits in memory. */
export async function* exportableReviews(db: Db, user: User, pageSize = 500): AsyncGenerator<unknown[]> {
  const visible = visibleSql(user, 3);
  let after = 0;
  for (;;) {
    const rows = await db.query(
      `SELECT d.seq, d.doc FROM docs d
        WHERE d.collection = 'reviews' AND NOT d.deleted AND d.seq > $1 AND ${visible.sql}
        ORDER BY d.seq LIMIT $2`,
      [after, pageSize, ...visible.params],
    );
    if (rows.length > 0) yield rows.map((row) => row.doc);
    if (rows.length < pageSize) return;
    after = toNumber(rows.at(-1)?.seq);
  }
}
