// "The browser's storage is full" told apart from other failed writes, the same on both sides of the database service.
//
// No Dexie import: the sidebar bundles this through lib/service/remote.ts. The name equals Dexie's
// `Dexie.errnames.QuotaExceeded` (a unit test keeps them equal).

export const QUOTA_EXCEEDED = 'QuotaExceededError';

/**
 * Names a full store is reported under: the standard one (Chromium, Firefox and Safari IndexedDB,
 * Chromium's "disk full while committing" and "while opening backing store" included) and Firefox's
 * older name from storage APIs.
 */
const QUOTA_NAMES: ReadonlySet<string> = new Set([QUOTA_EXCEEDED, 'NS_ERROR_DOM_QUOTA_REACHED']);

/**
 * Chromium (156, LevelDB backend) meeting a full disk in the middle of a transaction aborts it with an
 * UnknownError, "Connection is closing because of: IO error: …: FILE_ERROR_NO_SPACE (…)": with
 * `unlimitedStorage` this, not a quota, is how the storage runs out. Its file-error name is the only sign.
 */
const DISK_FULL_MESSAGE = /\bFILE_ERROR_NO_SPACE\b/;

/** A write the database service refused because storage is full, as the sidebar receives it. */
export class StorageFullError extends Error {
  constructor(message: string) {
    super(message);
    this.name = QUOTA_EXCEEDED;
  }
}

/**
 * Whether a failed write failed for want of space. The quota shows in different wrappings: Chromium
 * checks it at commit, so Dexie rejects the transaction with an `AbortError` whose `inner` is the
 * QuotaExceededError; a failed request inside a transaction is the error itself; `bulkPut` gives a
 * `BulkError` listing `failures`; other code may chain it as `cause`.
 */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): boolean => {
    if (typeof value !== 'object' || value === null || depth > 5 || seen.has(value)) return false;
    seen.add(value);
    const { name, message, inner, cause, failures } = value as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
    if (typeof message === 'string' && DISK_FULL_MESSAGE.test(message)) return true;
    if (visit(inner, depth + 1) || visit(cause, depth + 1)) return true;
    return Array.isArray(failures) && failures.some((failure) => visit(failure, depth + 1));
  };
  return visit(error, 0);
}
