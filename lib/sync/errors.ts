// Sync failures sorted into a few kinds, each with plain words for the user and a retry decision.
import type { ErrorResponse } from '../model';
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
    /** The server's own error body (`{ error, message, issues? }`), when the answer was one; null for anything else (a proxy's page). */
    readonly answer: ErrorResponse | null = null,
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

/**
 * The kind of a failed answer. Only the server's own error body (`ownAnswer`) is the server's word on
 * the request: the same status from whatever stands in between (a proxy's or CDN's 403 challenge page,
 * a misrouted 404/405, a body limit's 413) says nothing about the data, so it is a server that is
 * failing, retried later. 401 is the token whoever says it.
 */
export function kindOfStatus(status: number, ownAnswer: boolean): SyncErrorKind {
  if (status === 401) return 'unauthorized';
  if (ownAnswer && status === 403) return 'forbidden';
  if (ownAnswer && status === 409) return 'conflict';
  if (ownAnswer && (status === 400 || status === 422)) return 'rejected';
  // 404, 405, 408, 413, 429, every 5xx and any other status: may pass.
  return 'server';
}

/**
 * What a failed push answer says of its batch of `size` changes. `refused`: the server's own refusal
 * (server/src/app.ts: 400 `invalid_request`, 403 `forbidden`, 409 `immutable`) naming a change
 * (`changes.N…`), or its own 413 `too_large` for a batch of one; `split`: a batch of several the
 * halves of which may pass (one named by a refusal, or too large for someone on the way). null: no
 * word on any change (a proxy's page, another JSON shape, a status the server does not refuse with,
 * a single change too large for a proxy): the outbox keeps it all and the run is retried.
 */
export function pushRefusal(error: SyncError, size: number): 'refused' | 'split' | null {
  if (error.status === 413) {
    if (size > 1) return 'split';
    return error.answer?.error === 'too_large' ? 'refused' : null;
  }
  const code = error.status === null ? undefined : REFUSAL_CODES[error.status];
  if (code === undefined || error.answer?.error !== code) return null;
  const named = (error.answer.issues ?? []).some((issue) => {
    const index = /^changes\.(\d+)(?:\.|$)/.exec(issue.path)?.[1];
    return index !== undefined && Number(index) < size;
  });
  if (!named) return null;
  return size > 1 ? 'split' : 'refused';
}

/** The server's error code for a refused change, by status. */
const REFUSAL_CODES: Partial<Record<number, string>> = { 400: 'invalid_request', 403: 'forbidden', 409: 'immutable' };

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
