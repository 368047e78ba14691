// A lead imports scorecards from a file: a published version here stays as it is, a draft is replaced only by a newer one.
import { describe, expect, it } from 'vitest';
import { importScorecards } from '@/lib/db/scorecards';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from '@/lib/export';
import type { Scorecard } from '@/lib/model/scorecard';
import { importExportText } from '@/lib/transfer';
import { CARDS } from './factory';
import { freshDb } from './fresh';

const base = CARDS[0]!;
const published = (name: string, updatedAt: string): Scorecard => ({
  ...base,
  id: 'team-card',
  version: 2,
  name,
  status: 'published',
  updatedAt,
  publishedAt: updatedAt,
});
const draft = (name: string, updatedAt: string): Scorecard => ({ ...base, id: 'team-card', version: 3, name, status: 'draft', updatedAt, publishedAt: null });

/** The two ways a file brings scorecards in: the scorecards file (settings page) and the full export (dashboard). */
const imports: [string, (cards: Scorecard[]) => Promise<unknown>][] = [
  ['the scorecards file', (cards) => importScorecards(cards)],
  [
    'the full export file',
    async (cards) => {
      const text = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_FORMAT_VERSION, exportedAt: '2026-07-01T00:00:00.000Z', scorecards: cards, selfChecks: [], reviews: [] });
      expect(await importExportText(text)).toMatchObject({ ok: true });
    },
  ],
];

describe.each(imports)('importing scorecards from %s', (_, importCards) => {
  it('keeps the published version here when the file has a different one of the same number', async () => {
    const database = freshDb();
    const mine = published('Ours as published', '2026-05-01T10:00:00.000Z');
    await database.scorecards.put(mine);
    await importCards([published('Theirs, changed after publishing', '2026-06-01T10:00:00.000Z')]);
    expect(await database.scorecards.get(['team-card', 2])).toEqual(mine);
  });

  it('keeps a newer draft here over the file’s older one, and takes the file’s draft when it is newer', async () => {
    const database = freshDb();
    const mine = draft('My draft', '2026-05-10T10:00:00.000Z');
    await database.scorecards.put(mine);
    await importCards([draft('An older draft', '2026-05-01T10:00:00.000Z')]);
    expect(await database.scorecards.get(['team-card', 3])).toEqual(mine);

    const theirs = draft('A newer draft', '2026-05-20T10:00:00.000Z');
    await importCards([theirs]);
    expect(await database.scorecards.get(['team-card', 3])).toEqual(theirs);
  });

  it('adds the versions this profile does not have', async () => {
    const database = freshDb();
    const card = published('New here', '2026-05-01T10:00:00.000Z');
    await importCards([card]);
    expect(await database.scorecards.get(['team-card', 2])).toEqual(card);
  });
});
