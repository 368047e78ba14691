// The sync status the user sees: the sidebar's status line, and what it is given (stored fields, live counts, connected or not).
import { h } from 'preact';
import { cleanup, render, screen } from '@testing-library/preact';
import { describe, expect } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { SyncStatus } from '@/components/SyncStatus';
import { submitReview } from '@/lib/db';
import { clearBackendConfig, emptyStatus, resolveConflict, runSync, saveBackendConfig, statusView } from '@/lib/sync';
import { BACKEND, it, mine } from './testbed';

describe('the sidebar status line', () => {
  it('says in plain words whether reviews are synced, waiting, in conflict or failing', () => {
    const line = (status: Parameters<typeof SyncStatus>[0]['status'], lang: 'en' | 'fi' = 'en') => {
      cleanup();
      render(h(I18nProvider, { fixed: lang, children: h(SyncStatus, { status }) }));
      return screen.getByRole('status').textContent;
    };
    expect(line({ ...emptyStatus, connected: false })).toBe('Local only');
    expect(line({ ...emptyStatus, connected: true, pendingCount: 3 })).toBe('3 waiting to sync');
    expect(line({ ...emptyStatus, connected: true, conflictCount: 1 })).toBe('1 needs your choice (see settings)');
    expect(line({ ...emptyStatus, connected: true, pendingCount: 2, lastError: { kind: 'offline', message: '', detail: '', at: 0 } })).toMatch(
      /^Sync problem: Cannot reach the server/,
    );
    expect(line({ ...emptyStatus, connected: true, lastSuccessAt: Date.now() })).toMatch(/^Synced \d/);
    expect(line({ ...emptyStatus, connected: true, pendingCount: 3 }, 'fi')).toBe('3 odottaa synkronointia');
    cleanup();
  });
});

describe('what the status line is given', () => {
  it('local only: no backend, nothing stored yet', async ({ database }) => {
    await clearBackendConfig(database);
    expect(await statusView(database)).toEqual({ ...emptyStatus, connected: false });
  });

  it('counts live what waits (a review written twice waits once) and what needs a choice, over what the last run stored', async ({ database, server }) => {
    await saveBackendConfig(BACKEND);
    await submitReview(mine('r1', { feedback: 'base' }), null);
    await runSync(database, BACKEND, server.fetch);
    server.put('reviews', 'r1', mine('r1', { feedback: 'theirs' }));
    await submitReview(mine('r1', { feedback: 'mine' }), null);
    const run = await runSync(database, BACKEND, server.fetch);
    expect(run.status).toMatchObject({ pendingCount: 0, conflictCount: 1 });

    await submitReview(mine('r2', { feedback: 'first' }), null);
    await submitReview(mine('r2', { feedback: 'second' }), null);
    await submitReview(mine('r3'), null);

    expect(await statusView(database)).toEqual({ ...run.status, pendingCount: 2, conflictCount: 1, connected: true });
  });

  it('a conflict resolved leaves the count at once', async ({ database, server }) => {
    await saveBackendConfig(BACKEND);
    await submitReview(mine('r1', { feedback: 'base' }), null);
    await runSync(database, BACKEND, server.fetch);
    server.put('reviews', 'r1', mine('r1', { feedback: 'theirs' }));
    await submitReview(mine('r1', { feedback: 'mine' }), null);
    await runSync(database, BACKEND, server.fetch);

    await resolveConflict(database, 'reviews', 'r1', 'theirs');

    expect(await statusView(database)).toMatchObject({ conflictCount: 0, pendingCount: 0, connected: true });
  });

  it('the backend removed: local only again', async ({ database }) => {
    await saveBackendConfig(BACKEND);
    expect((await statusView(database)).connected).toBe(true);

    await clearBackendConfig(database);

    expect((await statusView(database)).connected).toBe(false);
  });

  it('a stored status this version cannot read is shown as a fresh one, with the live counts', async ({ database }) => {
    await database.settings.put({ key: 'sync.status', value: { lastSuccessAt: 'yesterday', attempt: -1 } });
    await submitReview(mine('r1'), null);

    expect(await statusView(database)).toEqual({ ...emptyStatus, pendingCount: 1, connected: true });
  });
});
