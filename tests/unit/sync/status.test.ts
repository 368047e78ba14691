// The sync status the user sees: the sidebar's status line and what it is given.
import { h } from 'preact';
import { cleanup, render, screen } from '@testing-library/preact';
import { describe, expect } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { SyncStatus } from '@/components/SyncStatus';
import { emptyStatus } from '@/lib/sync';
import { it } from './testbed';

describe('the sidebar status line', () => {
  it('says in plain words whether reviews are synced, waiting, in conflict or failing', () => {
    const line = (status: Parameters<typeof SyncStatus>[0]['status'], lang: 'en' | 'fi' = 'en') => {
      cleanup();
      render(h(I18nProvider, { fixed: lang, children: h(SyncStatus, { status }) }));
      return screen.getByRole('status').textContent;
    };
    expect(line({ ...emptyStatus, connected: false })).toBe('Local only');
    expect(line({ ...emptyStatus, connected: true, pendingCount: 3 })).toBe('3 waiting to sync');
    expect(line({ ...emptyStatus, connected: true, conflictCount: 1 })).toBe('1 need your choice (see settings)');
    expect(line({ ...emptyStatus, connected: true, pendingCount: 2, lastError: { kind: 'offline', message: '', detail: '', at: 0 } })).toMatch(
      /^Sync problem: Cannot reach the server/,
    );
    expect(line({ ...emptyStatus, connected: true, lastSuccessAt: Date.now() })).toMatch(/^Synced \d/);
    expect(line({ ...emptyStatus, connected: true, pendingCount: 3 }, 'fi')).toBe('3 odottaa synkronointia');
    cleanup();
  });
});
