// Data protection: conversation text in reviews and self-checks kept N months (scores kept), and erasing a
// person. Both change documents as edits through push (a new revision and seq), so every client pulls them.
import { z } from 'zod';
import { emailKey, kindOf, type KindName, type SyncChange } from '../../lib/model';
import type { User } from './admin';
import type { Db } from './db';
import { erasedId } from './access';
import { push } from './store';

/** The server itself, as the author of purges and erasures (an admin: no write rule stops it; pushed `asServer`, it changes what no one has opened yet). */
const SYSTEM: User = { id: 'system', email: 'system@arvio.invalid', name: 'Arvio', role: 'admin' };
const PAGE = 200;

type Doc = Record<string, unknown>;

/** Kinds whose documents carry the conversation's words (`withoutConversationText`). */
const CONVERSATION_KINDS: readonly KindName[] = ['reviews', 'selfChecks', 'calibrationSessions', 'calibrationRatings'];

/**
 * The document without the conversation's words: a review's free text (strengths, development areas,
 * feedback, rating comments) and the ticket's subject (the customer's); a self-check's kept draft and
 * subject; a calibration session's tickets' subjects, and a participant's rating comments. Scores,
 * ratings' values, agreed ratings, clarifications and dates stay. Null when there is nothing left to remove.
 */
export function withoutConversationText(collection: string, doc: Doc): Doc | null {
  const ticket = doc.ticket as Doc | undefined;
  let next: Doc;
  if (collection === 'reviews') {
    const ratings = (doc.ratings as Doc[] | undefined) ?? [];
    next = {
      ...doc,
      strengths: '',
      developmentAreas: '',
      feedback: '',
      ratings: ratings.map((r) => ({ ...r, comment: '' })),
      ...(ticket ? { ticket: { ...ticket, subject: '' } } : {}),
    };
  } else if (collection === 'selfChecks') {
    next = { ...doc, draftText: null, ...(ticket ? { ticket: { ...ticket, subject: '' } } : {}) };
  } else if (collection === 'calibrationSessions') {
    const tickets = (doc.tickets as Doc[] | undefined) ?? [];
    next = { ...doc, tickets: tickets.map((t) => ({ ...t, ticket: { ...(t.ticket as Doc), subject: '' } })) };
  } else if (collection === 'calibrationRatings') {
    const ratings = (doc.ratings as Doc[] | undefined) ?? [];
    next = { ...doc, ratings: ratings.map((r) => ({ ...r, comment: '' })) };
  } else {
    return null;
  }
  return JSON.stringify(next) === JSON.stringify(doc) ? null : next;
}

/**
 * The tombstone of a document erasure deletes: marked deleted, without the conversation's words; a
 * participant's calibration ratings without their ratings (values and comments: a tombstone needs none).
 */
export function tombstoneOf(collection: string, doc: Doc): Doc {
  if (collection === 'calibrationRatings') return { ...doc, ratings: [], deleted: true };
  return { ...(withoutConversationText(collection, doc) ?? doc), deleted: true };
}

/** Whether a kind's documents can be tombstones: its schema has a `deleted` field (stored documents may still lack it). */
function keepsTombstones(collection: KindName): boolean {
  const schema: unknown = kindOf(collection).schema;
  return schema instanceof z.ZodObject && 'deleted' in schema.shape;
}

/** Pushes server-side edits in pages, each based on the revision read; a doc edited meanwhile is left for the next run. */
type Stored = { collection: string; id: string; revision: number; doc: Doc; owner?: string; subject?: string | null };

async function rewrite(db: Db, select: (after: [string, string]) => Promise<Stored[]>, change: (row: Stored) => Doc | null): Promise<number> {
  let after: [string, string] = ['', ''];
  let changed = 0;
  for (;;) {
    const rows = await select(after);
    if (rows.length === 0) return changed;
    const changes: SyncChange[] = [];
    for (const row of rows) {
      const next = change(row);
      if (next) changes.push({ collection: row.collection as KindName, id: row.id, baseRevision: Number(row.revision), doc: next } as SyncChange);
    }
    if (changes.length > 0) changed += (await push(db, SYSTEM, changes, { asServer: true })).filter((r) => r.status === 'accepted').length;
    const last = rows.at(-1)!;
    after = [last.collection, last.id];
  }
}

/** The moment `months` months before `now`: documents created earlier lose their conversation text. */
export function retentionCutoff(months: number, now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/** Removes the conversation text of documents (CONVERSATION_KINDS) created more than `months` months ago. */
export function purgeConversationText(db: Db, months: number, now = new Date()): Promise<number> {
  const cutoff = retentionCutoff(months, now).toISOString();
  return rewrite(
    db,
    ([collection, id]) =>
      db.query(
        `SELECT collection, id, revision, doc FROM docs
          WHERE collection = ANY($4::text[]) AND (doc->>'createdAt') < $1 AND (collection, id) > ($2, $3)
          ORDER BY collection, id LIMIT ${PAGE}`,
        [cutoff, collection, id, CONVERSATION_KINDS],
      ),
    ({ collection, doc }) => withoutConversationText(collection, doc),
  );
}

/**
 * Runs the purge now and then daily while the server runs (every server process may: a document
 * purged by another is unchanged here). Returns the function that stops it.
 */
export function scheduleRetention(db: Db, months: number, report: (line: string) => void, everyMs = 24 * 3600 * 1000): () => void {
  const run = () =>
    purgeConversationText(db, months).then(
      (n) => n > 0 && report(`retention: removed the conversation text of ${n} documents older than ${months} months`),
      (error: unknown) => report(`retention: the purge failed (${error instanceof Error ? error.name : 'error'}); it runs again later`),
    );
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Every mention of `who` (as a string, or as a person `{ id, name }`) replaced by the stand-in. */
function anonymised(value: unknown, who: string, stand: string): unknown {
  if (typeof value === 'string') return emailKey(value) === who ? stand : value;
  if (Array.isArray(value)) return value.map((v) => anonymised(v, who, stand));
  if (value !== null && typeof value === 'object') {
    const record = value as Doc;
    const person = typeof record.id === 'string' && emailKey(record.id) === who && typeof record.name === 'string';
    const out: Doc = {};
    for (const [key, v] of Object.entries(record)) out[key] = person && key === 'name' ? '' : anonymised(v, who, stand);
    return out;
  }
  return value;
}

/**
 * Erases a person who leaves: what is about them (reviews of them, coaching of them) and what is wholly
 * theirs (each kind's `whenOwnerErased` in lib/model/kinds.ts: their self-checks, ideas, disputes and
 * calibration ratings) is deleted — tombstones without text, still naming them so that every client
 * holding one pulls the deletion; in the team's records they made (reviews and coaching of others,
 * calibration sessions, the team's settings), and wherever else a document names them (a calibration
 * session's participant, a team's coaching rhythms), they are replaced by a stand-in; the
 * organisation's scorecards and forms stay. Their tokens and open invites go; the account stays,
 * nameless, as the name its tombstones are read by.
 */
export async function erasePerson(db: Db, email: string): Promise<{ documents: number; account: boolean }> {
  const who = emailKey(email);
  const stand = erasedId(who);
  // Besides what they own and what is about them, every document that names them anywhere as a value
  // (a calibration session's participant, facilitator or clarification's writer, an agent's coaching
  // rhythm in a team's settings, a reviewer allowed to start calibration): their address as a JSON
  // string in the stored text, in any case. Erasure walks the table once either way (owner and subject
  // lead no index).
  const documents = await rewrite(
    db,
    ([collection, id]) =>
      db.query(
        `SELECT collection, id, revision, doc, owner, subject FROM docs
          WHERE (owner = $1 OR subject = $1 OR strpos(lower(doc::text), $4) > 0) AND (collection, id) > ($2, $3)
          ORDER BY collection, id LIMIT ${PAGE}`,
        [who, collection, id, JSON.stringify(who)],
      ),
    ({ collection, doc, owner, subject }) => {
      const policy = kindOf(collection as KindName).whenOwnerErased;
      if (policy === 'keep' && subject !== who) return null;
      // About them or wholly theirs: deleted. A tombstone keeps naming them (who may read a document
      // follows its names, so every client that held it pulls the deletion), without its text.
      const remove = subject === who || (owner === who && policy === 'delete');
      // A kind without tombstones has nothing to delete with. (A document stored before its kind had
      // `deleted` lacks the field: it is deleted all the same.)
      if (remove && !keepsTombstones(collection as KindName)) return null;
      // About someone else: kept, with them replaced by the stand-in.
      const next = remove ? tombstoneOf(collection, doc) : (anonymised(doc, who, stand) as Doc);
      return JSON.stringify(next) === JSON.stringify(doc) ? null : next;
    },
  );
  // The account stays, nameless and without tokens, as the name its tombstones are read by.
  const account = await db.transaction(async (tx) => {
    await tx.query('UPDATE invites SET cancelled_at = now() WHERE email = $1 AND redeemed_at IS NULL AND cancelled_at IS NULL', [who]);
    const [user] = await tx.query<{ id: string }>("UPDATE users SET name = '' WHERE email = $1 RETURNING id", [who]);
    if (user) await tx.query('DELETE FROM tokens WHERE user_id = $1', [user.id]);
    await tx.query('DELETE FROM doc_uses WHERE person = $1', [who]);
    return user !== undefined;
  });
  return { documents, account };
}
