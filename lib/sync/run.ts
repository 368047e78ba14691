// The run loop: one sync run (push, then pull and apply page by page) under a lease, with backoff on failure.
import { MAX_PULL_LIMIT } from '../model';
import { foldPendingRollups, isQuotaError, mergeDeltas, type ArvioDb } from '../db';
import { accessToReconcile, recordSkipped, removeUnsent, skippedByAnotherRelease } from './access';
import { applyPulledDocs } from './apply';
import { getBackendConfig, type BackendConfig } from './backend';
import { nextDelay } from './backoff';
import { readCheckpoint } from './checkpoint';
import { pullPage, type FetchLike } from './client';
import { describeSyncError, SyncError, throwIfAborted } from './errors';
import { acquireLease, releaseLease, renewLease } from './lease';
import { pageFeed } from './pull';
import { pushPass, type PushTally } from './push';
import { refreshRoster } from './roster-store';
import { currentStatus, readStatus, writeStatus, type SyncStatus } from './status';

export interface SyncOptions {
  /** Stops the run between and during requests (the worker going away, the user pressing stop). */
  signal?: AbortSignal;
  /** Per request (default 30 s). */
  timeoutMs?: number;
  /** Jitter source for the backoff. */
  random?: () => number;
  /** Documents per pull page (default 1000, the server's maximum). */
  pullLimit?: number;
  /** Most pulled documents written in one transaction (default 10,000): pages that arrived meanwhile go together. */
  applyLimit?: number;
  /** How long a run may hold the profile's sync lease (default 2 min); a dead worker's lease expires. */
  leaseMs?: number;
  /**
   * The extension's version. Pulled documents a release cannot read (a newer server's kind or field) are
   * skipped; the first run of another release pulls from the beginning to take them. Without it nothing is recorded.
   */
  release?: string;
}

export interface SyncOutcome {
  result: 'ok' | 'failed' | 'busy' | 'no-backend' | 'waiting';
  pushed: number;
  pulled: number;
  conflicts: number;
  refused: number;
  status: SyncStatus;
}

/**
 * Pulled pages written in one transaction hold at most this many docs, and as many more may wait
 * fetched (≈ 1.7 KB of memory each as parsed; a page of bigger docs counts by its length, see
 * FetchedPage.size). Fewer, bigger transactions pay off: each one rewrites
 * every rollup row it touches (hundreds in a busy team) and has its own commit.
 */
const APPLY_LIMIT = 10_000;

/** Documents asked for in a run's first pull page (the others: the pull limit). */
const FIRST_PULL_PAGE = 100;

/**
 * One sync run: push everything queued, then pull everything new. Each step commits on its own, so
 * a run stopped anywhere (worker killed, browser closed) resumes without loss or duplicates.
 */
export async function runSync(
  database: ArvioDb,
  backend: BackendConfig,
  fetchImpl: FetchLike = fetch,
  now: () => number = Date.now,
  options: SyncOptions = {},
): Promise<SyncOutcome> {
  const tally: PushTally = { pushed: 0, conflicts: 0, refused: 0, again: false };
  let pulled = 0;
  let skipped = 0;
  const leaseMs = options.leaseMs ?? 120_000;
  const owner = await acquireLease(database, now(), leaseMs);
  if (!owner) return { result: 'busy', pushed: 0, pulled: 0, conflicts: 0, refused: 0, status: await currentStatus(database) };
  // Each step of progress renews the lease; a run that lost it (it stalled past leaseMs and another
  // run took over) stops before writing anything more.
  const keepLease = async () => {
    if (!(await renewLease(database, owner, now(), leaseMs))) throw new SyncError('aborted', 'another sync run took over');
  };
  try {
    await writeStatus(database, { lastAttemptAt: now() });
    for (let pass = 0; pass < 3; pass++) {
      tally.again = false;
      await keepLease();
      await pushPass(database, backend, fetchImpl, now, options, tally);
      if (!tally.again) break;
    }
    const limit = Math.min(options.pullLimit ?? MAX_PULL_LIMIT, MAX_PULL_LIMIT);
    const applyLimit = options.applyLimit ?? APPLY_LIMIT;
    // The first page is small: writing starts as soon as it is read, and the rest arrives meanwhile.
    const fetchPage = (since: number, first: boolean) =>
      pullPage(backend.url, backend.token, since, first ? Math.min(limit, FIRST_PULL_PAGE) : limit, fetchImpl, options.signal, { timeoutMs: options.timeoutMs });
    throwIfAborted(options.signal);
    // Pages are fetched and parsed while earlier ones are written: the server, the script and
    // IndexedDB work side by side. Pages that arrived meanwhile are written together (fewer
    // transactions, each rollup row once), always in order, each write with its checkpoint.
    // Reconciling (`sent` given), every doc the server sends is noted and compared with the stored one.
    const pull = async (since: number, sent?: Set<string>): Promise<void> => {
      const feed = pageFeed(fetchPage, since, applyLimit, sent);
      try {
        for (let pages = await feed.take(applyLimit); pages; pages = await feed.take(applyLimit)) {
          throwIfAborted(options.signal);
          await keepLease();
          const cells = pages[0]!.cells;
          for (const page of pages.slice(1)) mergeDeltas(cells, [...page.cells.values()]);
          const last = pages.at(-1)!;
          const applied = await applyPulledDocs(database, pages.flatMap((p) => p.docs), last.checkpoint, now(), { cells, more: last.more, reconcile: sent !== undefined });
          pulled += applied.applied;
          tally.conflicts += applied.conflicts;
          skipped += pages.reduce((n, page) => n + page.skipped, 0);
        }
      } finally {
        feed.stop();
        // A pull stopped early leaves its bulk transactions' rollup deltas pending: fold them now.
        await foldPendingRollups(database).catch(() => undefined);
      }
    };
    const from = await readCheckpoint(database);
    // The roster (reviewee choices, own identity, the user's access) is fetched beside the pull; a server without it is no failure.
    const roster = refreshRoster(database, backend, fetchImpl, now(), options.signal, { timeoutMs: options.timeoutMs }).catch(() => undefined);
    try {
      await pull(from);
    } finally {
      await roster;
    }
    // The user's teams or role or the server's read rules changed, or an earlier release skipped documents this one may read:
    // everything again from the beginning, and what was not sent leaves.
    const access = await accessToReconcile(database, from);
    const again = access !== null || (await skippedByAnotherRelease(database, options.release));
    let changed: SyncStatus['access'] | undefined;
    if (again) {
      skipped = 0;
      const sent = new Set<string>();
      await pull(0, sent);
      await keepLease();
      const removed = await removeUnsent(database, sent, access);
      // What was added shows by itself; what left is said, as dashboards may count less now.
      if (removed > 0) changed = { at: now(), removed };
    }
    await recordSkipped(database, options.release, skipped, again);
    const status = await writeStatus(database, { lastSuccessAt: now(), lastError: null, attempt: 0, nextAttemptAt: null, ...(changed ? { access: changed } : {}) });
    return { result: 'ok', pushed: tally.pushed, pulled, conflicts: tally.conflicts, refused: tally.refused, status };
  } catch (error) {
    // A full disk is this computer's problem, not the server's: the user is told so, and it is retried.
    const detail = error instanceof Error ? error.message : String(error);
    const failure = error instanceof SyncError ? error : new SyncError(isQuotaError(error) ? 'storage' : 'server', detail);
    const before = await readStatus(database);
    const delay = failure.kind === 'aborted' ? 0 : nextDelay(before.attempt, failure.retryAfterMs, options.random);
    const status = await writeStatus(database, {
      lastError: { kind: failure.kind, message: describeSyncError(failure.kind).text, detail: failure.detail, at: now() },
      attempt: failure.kind === 'aborted' ? before.attempt : before.attempt + 1,
      nextAttemptAt: now() + delay,
    });
    return { result: 'failed', pushed: tally.pushed, pulled, conflicts: tally.conflicts, refused: tally.refused, status };
  } finally {
    await releaseLease(database, owner);
  }
}

/** What the scheduler calls (alarm, change, online, "Sync now"): honours the backoff unless forced. */
export async function syncIfDue(
  database: ArvioDb,
  fetchImpl: FetchLike = fetch,
  now: () => number = Date.now,
  { force = false, ...options }: SyncOptions & { force?: boolean } = {},
): Promise<SyncOutcome> {
  const idle = async (result: SyncOutcome['result']): Promise<SyncOutcome> => ({
    result,
    pushed: 0,
    pulled: 0,
    conflicts: 0,
    refused: 0,
    status: await currentStatus(database),
  });
  // A bulk pull stopped before its end (the worker killed) left rollup deltas pending: folded here
  // too, so the dashboard catches up even when no sync is due or the backend has been removed.
  await foldPendingRollups(database).catch(() => undefined);
  const backend = await getBackendConfig(database);
  if (!backend) return idle('no-backend');
  const status = await readStatus(database);
  if (!force && status.nextAttemptAt !== null && now() < status.nextAttemptAt) return idle('waiting');
  return runSync(database, backend, fetchImpl, now, options);
}
