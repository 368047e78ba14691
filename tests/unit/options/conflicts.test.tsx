// A conflict in the settings: both versions side by side, and a choice that either lands or says why not.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, vi } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { getReview, submitReview } from '@/lib/db';
import type { Language } from '@/lib/model';
import { readConflicts, runSync, type SyncConflict } from '@/lib/sync';
import { ConflictItem } from '@/entrypoints/options/BackendSettings';
import { BACKEND, it, mine, type FakeServer } from '../sync/testbed';

afterEach(() => cleanup());

/** A conflict on review r1: this browser's feedback "mine", the server's "theirs" (with `extra` added to it). */
async function conflictOnR1(database: Parameters<typeof runSync>[0], server: FakeServer, extra: Record<string, unknown> = {}): Promise<SyncConflict> {
  await submitReview(mine('r1', { feedback: 'base' }), null);
  await runSync(database, BACKEND, server.fetch);
  server.put('reviews', 'r1', { ...mine('r1', { feedback: 'theirs' }), ...extra });
  await submitReview(mine('r1', { feedback: 'mine' }), null);
  await runSync(database, BACKEND, server.fetch);
  const [conflict] = await readConflicts(database);
  return conflict!;
}

function shown(conflict: SyncConflict, lang: Language = 'en', onResolved = () => {}) {
  return render(
    <I18nProvider fixed={lang}>
      <ConflictItem conflict={conflict} onResolved={onResolved} />
    </I18nProvider>,
  );
}

describe('a conflict in the settings', () => {
  it('offers both choices; taking theirs replaces the local review', async ({ database, server }) => {
    const resolved = vi.fn();
    shown(await conflictOnR1(database, server), 'en', resolved);
    expect(screen.getByRole('button', { name: 'Keep mine' })).toHaveProperty('disabled', false);
    fireEvent.click(screen.getByRole('button', { name: 'Take theirs' }));
    await waitFor(() => expect(resolved).toHaveBeenCalled());
    expect((await getReview('r1'))?.feedback).toBe('theirs');
  });

  // Taken, it would be stored without the field this release does not know, and lose it at the next edit.
  it('does not offer to take the server’s version from a newer release, says why in both languages, and still keeps mine', async ({ database, server }) => {
    const conflict = await conflictOnR1(database, server, { sentiment: 'warm' });
    expect(conflict.theirs).toMatchObject({ sentiment: 'warm' });
    const resolved = vi.fn();
    shown(conflict, 'en', resolved);
    const take = screen.getByRole('button', { name: 'Take theirs' });
    expect(take).toHaveProperty('disabled', true);
    expect(take.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(take.getAttribute('aria-describedby')!)?.textContent).toBe(
      'The server’s version comes from a newer release of Arvio, which this one cannot read. Update Arvio to take it, or keep yours.',
    );
    cleanup();
    shown(conflict, 'fi');
    expect(screen.getByRole('button', { name: 'Ota palvelimen versio' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/^Palvelimen versio on tehty Arvion uudemmalla versiolla/)).toBeTruthy();
    cleanup();

    shown(conflict, 'en', resolved);
    fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(resolved).toHaveBeenCalled());
    expect(await readConflicts(database)).toEqual([]);
    expect((await getReview('r1'))?.feedback).toBe('mine');
  });

  it('says so when a choice cannot be saved, and keeps the conflict', async ({ database, server }) => {
    const conflict = await conflictOnR1(database, server);
    const resolved = vi.fn();
    shown(conflict, 'en', resolved);
    // Chosen meanwhile in another window: this one's choice finds no conflict to resolve.
    fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(resolved).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole('button', { name: 'Take theirs' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Your choice on the conflict of Review r1 was not saved: no conflict on reviews r1');
    expect(resolved).toHaveBeenCalledTimes(1);
  });
});
