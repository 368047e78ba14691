// Asking the browser to keep Arvio's data, and telling the user whether it will.
import { describe, expect, it, vi } from 'vitest';
import { readStorageStatus, requestPersistence, type StorageManagerLike } from '@/lib/db/persistence';

function storage({ persisted = false, grants = false, window = true, usage = 1_500_000 as number | null } = {}) {
  let granted = persisted;
  const manager: StorageManagerLike = {
    persisted: vi.fn(async () => granted),
    estimate: vi.fn(async () => (usage === null ? {} : { usage })),
  };
  if (window)
    manager.persist = vi.fn(async () => {
      granted = grants;
      return grants;
    });
  return manager;
}

describe('requestPersistence', () => {
  it('does not ask again when the storage is persistent already', async () => {
    const manager = storage({ persisted: true });
    expect(await requestPersistence(manager)).toBe(true);
    expect(manager.persist).not.toHaveBeenCalled();
  });

  it('asks once, and reports what the browser decided', async () => {
    expect(await requestPersistence(storage({ grants: true }))).toBe(true);
    expect(await requestPersistence(storage({ grants: false }))).toBe(false);
  });

  it("in Chrome's service worker, which has no persist(), only reads it", async () => {
    expect(await requestPersistence(storage({ window: false }))).toBe(false);
    expect(await requestPersistence(undefined)).toBe(false);
  });
});

describe('readStorageStatus', () => {
  it('counts the unlimitedStorage permission as protection even when persist() is refused (Chrome)', async () => {
    expect(await readStorageStatus(storage({ grants: false }), async () => true)).toEqual({ protection: 'unlimited', usage: 1_500_000 });
  });

  it('counts a granted persist() as protection', async () => {
    expect(await readStorageStatus(storage({ grants: true }), async () => false)).toEqual({ protection: 'persistent', usage: 1_500_000 });
  });

  it('says plainly when nothing protects the data, and when the browser does not tell the usage', async () => {
    const refused = async (): Promise<boolean> => {
      throw new Error('permissions API unavailable');
    };
    expect(await readStorageStatus(storage({ usage: null }), refused)).toEqual({ protection: 'none', usage: null });
    expect(await readStorageStatus(undefined, async () => false)).toEqual({ protection: 'none', usage: null });
  });
});
