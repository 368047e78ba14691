// Importing into a full storage: the user reads that nothing from the file was imported, and why; nothing changes.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { ComponentChildren } from 'preact';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { ArvioDb, ensureBuiltInScorecards, listScorecards, useDatabase } from '@/lib/db';
import { exportScorecards } from '@/lib/export/scorecards';
import type { Language } from '@/lib/model/scorecard';
import { blankScorecard } from '@/lib/scorecards';
import { ScorecardsSection } from '@/entrypoints/options/scorecards/ScorecardsSection';
import { withFullDisk, type DiskControl } from '../db/full-disk';

let database: ArvioDb;
let disk: DiskControl;

beforeEach(() => {
  database = new ArvioDb(`import-full-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  disk = withFullDisk(database);
  useDatabase(database);
});
afterEach(async () => {
  cleanup();
  await database.delete();
});

function inLanguage(ui: ComponentChildren, lang: Language = 'en') {
  return render(<I18nProvider fixed={lang}>{ui}</I18nProvider>);
}

describe('importing scorecards into a full storage', () => {
  it('says nothing from the file was imported because the storage is full, and the list stays as it was', async () => {
    await ensureBuiltInScorecards();
    inLanguage(<ScorecardsSection />);
    await screen.findByRole('button', { name: 'Edit Written message (e-mail)' });
    const before = await listScorecards();

    disk.fill();
    const own = { ...blankScorecard('team-card', 'en', new Date('2026-03-01T10:00:00Z')), name: 'Team card' };
    const input = screen.getByLabelText('Import scorecards from a JSON file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([exportScorecards([own])], 'team-cards.json')], configurable: true });
    fireEvent.change(input);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      "Nothing from team-cards.json was imported: the browser's storage for Arvio is full. Everything saved before is still there. Free up disk space on this computer, then try again.",
    );
    expect(await listScorecards()).toEqual(before);
  });
});
