// Whether the browser may clear Arvio's data to free up space, and asking it not to.
//
// Two things protect it. `unlimitedStorage` (wxt.config.ts) exempts the extension's origin from
// eviction in Chromium and, in Firefox, grants it persistent storage as well. `navigator.storage.persist()`
// is the web's way; Chromium answers false to extensions (the permission is what counts there), and
// its service worker has no persist() at all, only persisted().

/** The parts of `navigator.storage` used here; persist() exists only in windows. */
export interface StorageManagerLike {
  persisted(): Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate(): Promise<{ usage?: number }>;
}

export type Protection = 'unlimited' | 'persistent' | 'none';

export interface StorageStatus {
  protection: Protection;
  /** Bytes used by the extension's origin; null when the browser does not say. */
  usage: number | null;
}

/** Asks for persistent storage unless it is granted already; true when the storage is persistent. */
export async function requestPersistence(storage: StorageManagerLike | undefined): Promise<boolean> {
  if (!storage) return false;
  if (await storage.persisted()) return true;
  return storage.persist ? storage.persist() : false;
}

/** What the options page shows: asks for persistence on the way (harmless when already granted). */
export async function readStorageStatus(
  storage: StorageManagerLike | undefined,
  hasUnlimitedStorage: () => Promise<boolean>,
): Promise<StorageStatus> {
  const [persistent, unlimited, estimate] = await Promise.all([
    requestPersistence(storage).catch(() => false),
    hasUnlimitedStorage().catch(() => false),
    storage ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return {
    protection: unlimited ? 'unlimited' : persistent ? 'persistent' : 'none',
    usage: typeof estimate?.usage === 'number' ? estimate.usage : null,
  };
}
