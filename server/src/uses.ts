// The `used` read grant's table (`doc_uses`): who may read which published versions because a document
// they own or are the subject of was made with them (lib/model/kinds.ts `madeWith`). Written with every
// stored document (./store.ts) and, once, from the documents stored before the table existed. Rows stay
// when the document goes: someone who was reviewed with a card has seen it. Erasing a person removes theirs.
import { isKindName, kindNames, kindOf, madeWithParts } from '../../lib/model';
import { isErasedId } from './access';
import { named, type Queryable } from './db';

/** What of a stored document decides its rows. */
export interface UsingDoc {
  collection: string;
  owner: string;
  subject: string | null;
  doc: Record<string, unknown>;
}

/** The (person, used) pairs of documents: their owner's and their subject's, for every version they were made with. */
function usesOf(docs: readonly UsingDoc[]): Array<[person: string, used: string]> {
  const pairs = new Map<string, [string, string]>();
  for (const { collection, owner, subject, doc } of docs) {
    if (!isKindName(collection) || doc.deleted === true) continue;
    const madeWith = kindOf(collection).madeWith as ((doc: unknown) => string[]) | undefined;
    if (!madeWith) continue;
    for (const person of [owner, subject]) {
      if (person === null || isErasedId(person)) continue;
      for (const used of madeWith(doc)) pairs.set(`${person}\u0000${used}`, [person, used]);
    }
  }
  // In key order: two pushes inserting the same new rows wait for each other in the same order, never in a circle.
  return [...pairs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, pair]) => pair);
}

/**
 * Records the rows of documents being stored, in the caller's transaction. Returns the versions someone
 * may read now who may not have before (the rows new here, as `[kind, id or series]`): their documents
 * get new sequence numbers with the push (./store.ts), so that a profile already past them pulls them.
 */
export async function recordUses(tx: Queryable, docs: readonly UsingDoc[]): Promise<Array<[kind: string, idOrSeries: string]>> {
  const pairs = usesOf(docs);
  if (pairs.length === 0) return [];
  const added = await tx.query<{ used: string }>(
    named('INSERT INTO doc_uses (person, used) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING RETURNING used'),
    [pairs.map(([person]) => person), pairs.map(([, used]) => used)],
  );
  return [...new Set(added.map((row) => row.used))].map(madeWithParts);
}

const FILL_PAGE = 1000;

/** Fills `doc_uses` from the documents already stored (as its migration is applied), a page at a time. */
export async function fillUses(tx: Queryable): Promise<void> {
  const kinds = kindNames.filter((kind) => kindOf(kind).madeWith !== undefined);
  let after: [string, string] = ['', ''];
  for (;;) {
    const rows = await tx.query<{ collection: string; id: string; owner: string; subject: string | null; doc: unknown }>(
      `SELECT collection, id, owner, subject, doc FROM docs WHERE collection = ANY($1::text[]) AND (collection, id) > ($2, $3)
        ORDER BY collection, id LIMIT ${FILL_PAGE}`,
      [kinds, after[0], after[1]],
    );
    if (rows.length === 0) return;
    await recordUses(
      tx,
      rows.map((r) => ({ ...r, doc: (typeof r.doc === 'string' ? JSON.parse(r.doc) : r.doc) as Record<string, unknown> })),
    );
    const last = rows.at(-1)!;
    after = [last.collection, last.id];
  }
}
