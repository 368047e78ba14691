// Sync failures sorted into a few kinds, each with plain words for the user and a retry decision.
export type SyncErrorKind =
  | 'offline'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'rejected'
  | 'server'
  | 'storage'
  | 'aborted';

/** English fallbacks; the UI shows `messageKey` from public/_locales when it has one. */
const WORDS: Record<SyncErrorKind, string> = {
  offline: 'Cannot reach the server. Check your connection; syncing resumes on its own.',
  timeout: 'The server took too long to answer. Syncing will try again shortly.',
  unauthorized: 'The server did not accept your token. Check the token in the options.',
  forbidden: 'Your role does not allow this change. Ask your team lead or admin.',
  conflict: 'Someone else changed this review meanwhile. Choose which version to keep.',
  rejected: 'The server refused the data as invalid. Please report this.',
  server: 'The server had a problem. Syncing will try again shortly.',
  storage: 'This computer has no room left for the team’s data. Free some disk space; syncing resumes on its own.',
  aborted: 'Syncing was stopped.',
};

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    /** Technical detail for diagnostics (status, server message); not shown as the main text. */
    readonly detail: string,
    readonly status: number | null = null,
    /** From a Retry-After header on 429/503, when the server sent one. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'SyncError';
  }

  /** Worth retrying later without the user doing anything. */
  get retryable(): boolean {
    return this.kind === 'offline' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'storage';
  }
}

export function describeSyncError(kind: SyncErrorKind): { messageKey: string; text: string } {
  return { messageKey: `syncError_${kind}`, text: WORDS[kind] };
}

export function kindOfStatus(status: number): SyncErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 409) return 'conflict';
  // 408 and 429 are the server asking for time; every 5xx may pass.
  if (status === 408 || status === 429 || status >= 500) return 'server';
  return 'rejected';
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Any thrown value as a SyncError: fetch rejects with TypeError when the network is unreachable. */
export function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new SyncError('offline', detail);
}

/** Stops a run between steps when its signal says so. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SyncError('aborted', 'stopped between steps');
}
