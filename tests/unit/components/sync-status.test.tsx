// The sidebar's sync line, and for a day what left this browser when the user's teams or role changed.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { SyncStatus } from '@/components/SyncStatus';
import { emptyStatus, type SyncStatusView } from '@/lib/sync';

afterEach(() => cleanup());

const HOUR = 60 * 60 * 1000;
const synced = (access: SyncStatusView['access']): SyncStatusView => ({ ...emptyStatus, connected: true, lastSuccessAt: Date.now(), access });

function shown(status: SyncStatusView, lang: 'en' | 'fi' = 'en') {
  render(
    <I18nProvider fixed={lang}>
      <SyncStatus status={status} />
    </I18nProvider>,
  );
  return screen.queryByTestId('sync-access-changed')?.textContent ?? null;
}

describe('the sidebar’s sync status', () => {
  it('says for a day how many items left this browser when the user’s access changed', () => {
    expect(shown(synced({ at: Date.now() - 2 * HOUR, removed: 3 }))).toMatch(/^What you may read on the team backend changed \(.+\)\. Items removed from this browser because you may no longer read them: 3\.$/);
    cleanup();
    expect(shown(synced({ at: Date.now() - 2 * HOUR, removed: 3 }), 'fi')).toMatch(/^Se, mitä saat lukea tiimin palvelimella, muuttui \(.+\)\. Tästä selaimesta poistettiin kohteet, joita et enää saa lukea: 3\.$/);
  });

  it('says nothing after a day, when nothing left, or when the access never changed', () => {
    expect(shown(synced({ at: Date.now() - 25 * HOUR, removed: 3 }))).toBeNull();
    cleanup();
    expect(shown(synced({ at: Date.now(), removed: 0 }))).toBeNull();
    cleanup();
    expect(shown(synced(null))).toBeNull();
    expect(screen.getByTestId('sync-status').textContent).toMatch(/^Synced /);
  });
});
