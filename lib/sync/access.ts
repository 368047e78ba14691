// When the user's access changes on the server (a team joined or left, a role given or taken, the
// server's read rules changed), the profile is made to hold what they may read now: a pull from the
// beginning brings what a team or role opens to them, and what they may no longer read leaves this
// computer. The same pull brings, after an upgrade, what an earlier release skipped because it could
// not read it.
//
// A pull sends documents changed after the checkpoint only. A team's documents written before the
// user joined it would never come, and a team's documents already here would stay after they left:
// the server decides every read (server/src/access.ts), and only a pull from the beginning tells the
// profile what that decision is now.
import { z } from 'zod';
import { isKindName, kindNames, kindOf, kinds, madeWithKey, type AnyDoc, type SyncCollection } from '../model';
import { cardsReviewed, DocWriter, writeScope, type ArvioDb } from '../db';
import { stateKey } from './checkpoint';
import { readConflicts } from './conflicts';
import { localDocs } from './local';
import { ACCESS_KEY, readSetting, SKIPPED_KEY } from './meta';
import type { Roster } from './roster';
import { readRoster } from './roster-store';
import { readStatus } from './status';

/** What joins the server's read rules to the roles in an access. */
const RULES = ' rules=';

/**
 * What decides which documents the server sends the user: their account's role and their role in
 * each of their teams (an admin reads every team's), and the server's read rules where it says them.
 * Null when the roster does not say (an older server, or none fetched yet).
 */
export function accessOfRoster(roster: Roster | null): string | null {
  if (!roster?.teams) return null;
  const rules = roster.rules === undefined ? '' : `${RULES}${roster.rules}`;
  if (roster.me.role === 'admin') return `admin${rules}`;
  return [roster.me.role, ...roster.teams.map((team) => `${team.id}=${team.role}`).sort()].join(' ') + rules;
}

/**
 * The access to reconcile the profile to after a pull that started at checkpoint `pulledFrom`: the
 * roster's, when the profile's documents were pulled under another one; else null. A profile whose
 * first pull this was holds what that access reads, which is recorded; one pulled by a release that
 * did not record it is reconciled once.
 */
export async function accessToReconcile(database: ArvioDb, pulledFrom: number): Promise<string | null> {
  const [access, recorded] = await Promise.all([readRoster(database).then(accessOfRoster), readSetting(database, ACCESS_KEY, z.string().nullable(), null)]);
  if (access === null || access === recorded) return null;
  // Pulled before the server said its rules: under these rules, which the first release that says them
  // did not change. Only a later change of them is one.
  const firstSaid = recorded !== null && !recorded.includes(RULES) && access.startsWith(`${recorded}${RULES}`);
  if ((recorded === null && pulledFrom === 0) || firstSaid) {
    await database.settings.put({ key: ACCESS_KEY, value: access });
    return null;
  }
  return access;
}

/**
 * Whether pulled documents were skipped by another release than `release` (the extension's version): a
 * kind or a field that release did not know. The pull had passed them; this one may read them.
 */
export async function skippedByAnotherRelease(database: ArvioDb, release: string | undefined): Promise<boolean> {
  const recorded = await readSetting(database, SKIPPED_KEY, z.string().nullable(), null);
  return release !== undefined && recorded !== null && recorded !== release;
}

/**
 * Records which release skipped pulled documents, after a run's pulls: `skipped` of them by `release`.
 * After a pull from the beginning the record is what that pull skipped; after a pull since the checkpoint,
 * a skip adds to it, and none leaves what an earlier pull of this release skipped.
 */
export async function recordSkipped(database: ArvioDb, release: string | undefined, skipped: number, fromBeginning: boolean): Promise<void> {
  if (release === undefined) return;
  if (skipped > 0) await database.settings.put({ key: SKIPPED_KEY, value: release });
  else if (fromBeginning) await database.settings.delete(SKIPPED_KEY);
}

/** Kinds published in versions that other documents are made with (a review's scorecard, a session's form). */
const VERSIONED: readonly SyncCollection[] = ['scorecards', 'coachingForms'];

/**
 * The scorecard and coaching form versions (state keys: `scorecards:id@version`, or `scorecards:id` for
 * every version) that documents held here were made with (the registry's `madeWith`): the reviews' cards
 * (from the dashboard's directory of slices, not the reviews), the calibration sessions' cards, the
 * coaching sessions' forms and their focus criteria's cards. Kept when the user may no longer read them
 * by team, so that their own reviews, sessions and focus still read right.
 */
async function citedVersions(database: ArvioDb): Promise<Set<string>> {
  const [reviewed, calibration, coaching] = await Promise.all([
    cardsReviewed(database.rollups),
    database.calibrationSessions.toArray(),
    database.coachingSessions.toArray(),
  ]);
  return new Set([
    ...[...reviewed].map((card) => madeWithKey('scorecards', card)),
    ...calibration.flatMap((session) => kinds.calibrationSessions.madeWith(session)),
    ...coaching.flatMap((session) => kinds.coachingSessions.madeWith(session)),
  ]);
}

/**
 * After a pull from the beginning under `access` (null: unchanged), which sent the documents `sent` (state
 * keys): removes every document the server had confirmed to this profile and did not send — the user may
 * no longer read it — and records `access`, in one transaction. What waits to be pushed, a conflict
 * waiting for the user and a change the server refused stay: they are the user's own work; so do the
 * scorecard and form versions that documents staying here were made with (citedVersions). A review's
 * kept revisions leave with it. Returns how many documents were removed.
 */
export async function removeUnsent(database: ArvioDb, sent: ReadonlySet<string>, access: string | null): Promise<number> {
  const tables = writeScope(database, kindNames, [database.syncState, database.pulledStates, database.reviewRevisions]);
  return database.transaction('rw', tables, async () => {
    const [own, pulled, queued, conflicts, { refused }] = await Promise.all([
      database.syncState.toCollection().primaryKeys(),
      database.pulledStates.toArray(),
      database.outbox.toArray(),
      readConflicts(database),
      readStatus(database),
    ]);
    const kept = new Set([
      ...queued.map((row) => stateKey(row.collection, row.docId)),
      ...conflicts.map((c) => stateKey(c.collection, c.id)),
      ...refused.map((r) => stateKey(r.collection, r.id)),
    ]);
    const known = new Set([...own, ...pulled.flatMap((row) => row.entries.map(([key]) => key))]);
    const gone = new Map<SyncCollection, string[]>();
    for (const key of known) {
      if (sent.has(key) || kept.has(key)) continue;
      // A state key is `collection:id`; ids may hold colons, collections do not.
      const at = key.indexOf(':');
      const collection = key.slice(0, at);
      if (!isKindName(collection)) continue;
      const ids = gone.get(collection) ?? [];
      ids.push(key.slice(at + 1));
      gone.set(collection, ids);
    }
    const writer = new DocWriter(database, 'pulled');
    const remove = async (collection: SyncCollection, ids: readonly string[]): Promise<number> => {
      const descriptor = kindOf(collection);
      // Drafts and the built-ins as shipped were never the server's to take back.
      const docs = (await localDocs(database, collection, ids)).filter((doc): doc is AnyDoc => doc !== undefined && descriptor.shareable(doc));
      await writer.remove(collection, docs);
      if (collection === 'reviews') await database.reviewRevisions.where('reviewId').anyOf(ids).delete();
      return docs.length;
    };
    // The documents first; then the scorecard and form versions that no document staying here was made with.
    let removed = 0;
    for (const [collection, ids] of gone) if (!VERSIONED.includes(collection)) removed += await remove(collection, ids);
    await writer.flush();
    const cited = await citedVersions(database);
    for (const collection of VERSIONED) {
      const ids = gone.get(collection) ?? [];
      const unused = ids.filter((id) => !cited.has(stateKey(collection, id)) && !cited.has(stateKey(collection, id.slice(0, id.lastIndexOf('@')))));
      gone.set(collection, unused);
      removed += await remove(collection, unused);
    }
    await Promise.all([
      writer.flush(),
      database.syncState.bulkDelete([...gone].flatMap(([collection, ids]) => ids.map((id) => stateKey(collection, id)))),
      access === null ? undefined : database.settings.put({ key: ACCESS_KEY, value: access }),
    ]);
    return removed;
  });
}
