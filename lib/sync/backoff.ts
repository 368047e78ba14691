// Exponential backoff with full jitter: retries spread out instead of arriving at the server together.
export interface BackoffOptions {
  /** The window of the first retry. */
  baseMs?: number;
  /** The largest window, however many attempts failed. */
  capMs?: number;
}

/**
 * Milliseconds to wait before retry number `attempt` (0 = the first retry): a uniform pick in
 * [0, min(cap, base·2^attempt)), the "full jitter" that AWS measured to spread load best.
 */
export function backoff(attempt: number, random: () => number = Math.random, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 2_000;
  const cap = options.capMs ?? 15 * 60_000;
  const n = Number.isFinite(attempt) ? Math.max(0, Math.floor(attempt)) : 0;
  const window = Math.min(cap, base * 2 ** Math.min(n, 52));
  const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.floor(r * window);
}

/** The wait before the next attempt, honouring a server's Retry-After when it asks for longer. */
export function nextDelay(attempt: number, retryAfterMs: number | null, random: () => number = Math.random, options: BackoffOptions = {}): number {
  const jittered = backoff(attempt, random, options);
  return retryAfterMs === null ? jittered : Math.max(jittered, Math.min(retryAfterMs, options.capMs ?? 15 * 60_000));
}
