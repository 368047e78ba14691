// Scorecards in the local database: built-ins seeded once, drafts edited, published versions frozen.
import { scorecardSchema, seriesOf, teamsWithoutEdit, type Scorecard } from '../model';
import { db, type ArvioDb } from './database';
import { writeSynced } from './writes';

const SEEDED_KEY = 'scorecards.seeded';

/**
 * Puts the built-in templates in place the first time; a user who archives them keeps them archived.
 * The templates (≈40 KB) load only then, not in every page's start-up.
 */
export async function ensureBuiltInScorecards(): Promise<void> {
  const database = db();
  // Read first: a write transaction on every page load would hold up the page's first reads of these tables (the rollups among them).
  if (await database.settings.get(SEEDED_KEY)) return;
  const { templates } = await import('../scorecards/templates');
  await writeSynced(
    database,
    ['scorecards'],
    'builtin',
    async (writer) => {
      if (await database.settings.get(SEEDED_KEY)) return;
      await writer.put('scorecards', templates);
      await database.settings.put({ key: SEEDED_KEY, value: true });
    },
    [database.settings],
  );
}

/** Every version of every scorecard, newest version first within a card. Read-only: safe in a live query. */
export async function listScorecards(): Promise<Scorecard[]> {
  const all = await db().scorecards.toArray();
  return all.sort((a, b) => a.name.localeCompare(b.name) || b.version - a.version);
}

/** The latest version of each card or coaching form (what an editor or a picker shows). */
export function latestVersions<T extends Pick<Scorecard, 'id' | 'version'>>(cards: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const card of cards) {
    const seen = latest.get(card.id);
    if (!seen || card.version > seen.version) latest.set(card.id, card);
  }
  return [...latest.values()];
}

/**
 * The rows of a list of cards or forms: the latest version of each, but a built-in that a team's own
 * edit of it continues here (`newDraftFrom`) is no row of its own: the edit's row stands for both —
 * unless a team the user publishes into (`teams`: a lead's) has no edit of it yet, whose edit the
 * built-in's row then starts.
 */
export function listedVersions<T extends Pick<Scorecard, 'id' | 'version'>>(cards: readonly T[], teams: readonly string[] = []): T[] {
  const continued = new Set(cards.filter((c) => seriesOf(c.id) !== c.id).map((c) => seriesOf(c.id)));
  return latestVersions(cards).filter((c) => !continued.has(c.id) || teamsWithoutEdit(cards, c.id, teams).length > 0);
}

/** The versions a list's row stands for, oldest first: its own, and for a team's edit of a built-in, the built-in's before them. */
export function versionsOfRow<T extends Pick<Scorecard, 'id' | 'version'>>(cards: readonly T[], row: Pick<Scorecard, 'id'>): T[] {
  return cards.filter((c) => c.id === row.id || c.id === seriesOf(row.id)).sort((a, b) => a.version - b.version);
}

/**
 * The version of a row (versionsOfRow, oldest first) whose team says who may change the row's card: its
 * newest one that is not a draft, as a draft continues it; the card itself while it is only a draft.
 */
export function decidingVersion<T extends Pick<Scorecard, 'status'>>(versions: readonly T[], card: T): T {
  return versions.findLast((v) => v.status !== 'draft') ?? card;
}

export async function getScorecard(id: string, version: number): Promise<Scorecard | undefined> {
  return db().scorecards.get([id, version]);
}

/**
 * Saves a card. Published versions are immutable: saving over a published version is refused,
 * the editor makes a new draft version first (lib/scorecards newDraftFrom).
 */
export async function saveScorecard(card: Scorecard): Promise<void> {
  const valid = scorecardSchema.parse(card);
  const database = db();
  await writeSynced(database, ['scorecards'], 'local', async (writer) => {
    const existing = await database.scorecards.get([valid.id, valid.version]);
    if (existing && existing.status !== 'draft' && !(existing.status === 'published' && valid.status === 'archived')) {
      throw new Error(`scorecard ${valid.id} version ${valid.version} is ${existing.status} and cannot change`);
    }
    await writer.put('scorecards', [valid], { at: valid.updatedAt });
  });
}

/**
 * Which of an import's cards land, against what is stored (read in the caller's transaction): a stored
 * version that is not a draft is frozen, since reviews were scored on it; a stored draft takes the
 * incoming copy only when that is newer. Every import of scorecards decides by this.
 */
export async function cardsToImport(database: ArvioDb, cards: readonly Scorecard[]): Promise<Scorecard[]> {
  const stored = await database.scorecards.bulkGet(cards.map((c): [string, number] => [c.id, c.version]));
  return cards.filter((card, i) => {
    const existing = stored[i];
    return !existing || (existing.status === 'draft' && card.updatedAt > existing.updatedAt);
  });
}

/** Imports validated cards in one transaction (cardsToImport decides which land); resolves to how many did. */
export async function importScorecards(cards: readonly Scorecard[]): Promise<number> {
  const valid = cards.map((card) => scorecardSchema.parse(card));
  const database = db();
  return writeSynced(database, ['scorecards'], 'local', async (writer) => {
    const landing = await cardsToImport(database, valid);
    await writer.put('scorecards', landing);
    return landing.length;
  });
}

/** A draft that was never published can be deleted outright; anything else is archived instead. */
export async function deleteScorecardDraft(card: Pick<Scorecard, 'id' | 'version'>): Promise<void> {
  const database = db();
  await database.transaction('rw', database.scorecards, async () => {
    const existing = await database.scorecards.get([card.id, card.version]);
    if (existing?.status !== 'draft') throw new Error('only drafts can be deleted; archive published scorecards');
    await database.scorecards.delete([card.id, card.version]);
  });
}
