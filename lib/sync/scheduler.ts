// When the background syncs: a periodic alarm, a debounced alarm after writes and on coming online, backoff via nextAttemptAt.
import { browser } from 'wxt/browser';
import { db } from '../db';
import { syncIfDue, type SyncOutcome } from './run';

/** Every minute: pulls what others wrote, retries what failed once its backoff has passed. */
export const SYNC_ALARM = 'arvio-sync';
/** One-shot, re-created on every write: creating an alarm of the same name replaces it (a debounce). */
export const SYNC_SOON_ALARM = 'arvio-sync-soon';
const DEBOUNCE_MS = 2_000;

export function isSyncAlarm(name: string): boolean {
  return name === SYNC_ALARM || name === SYNC_SOON_ALARM;
}

/** Alarms outlive the worker; create the periodic one only when it is missing, so its phase holds. */
export async function ensureSyncAlarm(): Promise<void> {
  if (!(await browser.alarms.get(SYNC_ALARM))) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
}

/** A sync shortly after a burst of writes, not one per keystroke. */
export async function syncSoon(delayMs = DEBOUNCE_MS): Promise<void> {
  await browser.alarms.create(SYNC_SOON_ALARM, { when: Date.now() + delayMs });
}

/** Runs a sync when due (or at once when forced) and books the retry a failure asks for. */
export async function runScheduledSync(force = false): Promise<SyncOutcome> {
  const outcome = await syncIfDue(db(), (input, init) => fetch(input, init), Date.now, { force, release: browser.runtime.getManifest().version });
  const next = outcome.status.nextAttemptAt;
  if (outcome.result === 'failed' && next !== null) await browser.alarms.create(SYNC_SOON_ALARM, { when: Math.max(next, Date.now() + 1_000) });
  return outcome;
}
