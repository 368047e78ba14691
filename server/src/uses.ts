// The `used` read grant's tables: who may read which published versions because a document was made
// with them (lib/model/kinds.ts `madeWith`). `doc_uses`: the document's owner and subject; `team_uses`:
// the document's team, for the kind of the document (its members who read the team's documents of that
// kind, ./access.ts). Written with every stored document (./store.ts) and, once, from the documents
// stored before the tables existed. Rows stay when the document goes: someone who was reviewed with a
// card has seen it. Erasing a person removes theirs.
import { isKindName, kindNames, kindOf, madeWithParts } from '../../lib/model';
import { isErasedId } from './access';
import { named, type Queryable } from './db';

/** What of a stored document decides its rows. */
export interface UsingDoc {
  collection: string;
  owner: string;
  subject: string | null;
  team: string | null;
  doc: Record<string, unknown>;
}

/** Rows in key order: two pushes inserting the same new rows wait for each other in the same order, never in a circle. */
function sorted<R>(rows: Map<string, R>): R[] {
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/** The rows of documents: (owner or subject, used) and (team, the document's kind, used), for every version they were made with. */
function usesOf(docs: readonly UsingDoc[]): { people: Array<[person: string, used: string]>; teams: Array<[team: string, kind: string, used: string]> } {
  const people = new Map<string, [string, string]>();
  const teams = new Map<string, [string, string, string]>();
  for (const { collection, owner, subject, team, doc } of docs) {
    if (!isKindName(collection) || doc.deleted === true) continue;
    const madeWith = kindOf(collection).madeWith as ((doc: unknown) => string[]) | undefined;
    if (!madeWith) continue;
    for (const used of madeWith(doc)) {
      for (const person of [owner, subject]) {
        if (person !== null && !isErasedId(person)) people.set(`${person}\u0000${used}`, [person, used]);
      }
      if (team !== null) teams.set(`${team}\u0000${collection}\u0000${used}`, [team, collection, used]);
    }
  }
  return { people: sorted(people), teams: sorted(teams) };
}

/**
 * Records the rows of documents being stored, in the caller's transaction. Returns the versions someone
 * may read now who may not have before (the rows new here, as `[kind, id or series]`): their documents
 * get new sequence numbers with the push (./store.ts), so that a profile already past them pulls them.
 */
export async function recordUses(tx: Queryable, docs: readonly UsingDoc[]): Promise<Array<[kind: string, idOrSeries: string]>> {
  const { people, teams } = usesOf(docs);
  const added = [
    ...(people.length === 0
      ? []
      : await tx.query<{ used: string }>(
          named('INSERT INTO doc_uses (person, used) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING RETURNING used'),
          [people.map(([person]) => person), people.map(([, used]) => used)],
        )),
    ...(teams.length === 0
      ? []
      : await tx.query<{ used: string }>(
          named('INSERT INTO team_uses (team, kind, used) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING RETURNING used'),
          [teams.map(([team]) => team), teams.map(([, kind]) => kind), teams.map(([, , used]) => used)],
        )),
  ];
  return [...new Set(added.map((row) => row.used))].map(madeWithParts);
}

const FILL_PAGE = 1000;

/** Fills `doc_uses` and `team_uses` from the documents already stored (as their migrations are applied), a page at a time. */
export async function fillUses(tx: Queryable): Promise<void> {
  const kinds = kindNames.filter((kind) => kindOf(kind).madeWith !== undefined);
  let after: [string, string] = ['', ''];
  for (;;) {
    const rows = await tx.query<{ collection: string; id: string; owner: string; subject: string | null; team: string | null; doc: unknown }>(
      `SELECT collection, id, owner, subject, team, doc FROM docs WHERE collection = ANY($1::text[]) AND (collection, id) > ($2, $3)
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
