// The sidebar's view of the database: every call goes to the background's database service.
import { browser } from 'wxt/browser';
import { DB_REQUEST, dbReplySchema, NoAnswerError, NotDockedError } from './protocol';
import { DisputeStateError, StorageFullError } from '../db';
import type { OperationName, RemoteDb } from './service';

/** How long a refused call waits for its sidebar to be docked again (the page reconnecting after the worker stopped). */
const REDOCK_MS = 5000;

async function call(op: OperationName, args: unknown[], again = true): Promise<unknown> {
  const raw: unknown = await browser.runtime.sendMessage({ type: DB_REQUEST, op, args });
  if (raw === undefined) throw new NoAnswerError(op);
  const reply = dbReplySchema.parse(raw);
  // Refused: this sidebar is not docked (now). Once more if its page docks it again soon.
  if (!reply.ok && reply.refused && again && (await nextDock(REDOCK_MS))) return call(op, args, false);
  if (!reply.ok && reply.refused) throw new NotDockedError(reply.error);
  // Rethrown typed so that pages name the reason here as they would of the database's own error there.
  if (!reply.ok && reply.dispute) throw new DisputeStateError(reply.dispute, reply.error);
  // Rethrown so that isQuotaError says the same of it here as of the database's own error there.
  if (!reply.ok) throw reply.quota ? new StorageFullError(reply.error) : new Error(reply.error);
  // Structured clone turns `undefined` into a missing reply; the service sends null for "nothing".
  return reply.value ?? undefined;
}

export const remoteDb = new Proxy({} as RemoteDb, {
  get: (_target, op: string) => (...args: unknown[]) => call(op as OperationName, args),
});

const dockWaiters = new Set<() => void>();

/** Resolves true when the background next says this sidebar is docked, false after `ms`. */
function nextDock(ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (docked: boolean): void => {
      dockWaiters.delete(onDock);
      clearTimeout(timer);
      resolve(docked);
    };
    const onDock = (): void => done(true);
    const timer = setTimeout(() => done(false), ms);
    dockWaiters.add(onDock);
  });
}

/** The background said this sidebar is docked (entrypoints/sidebar/connection.ts): refused calls may go again. */
export function remoteDocked(): void {
  for (const waiter of [...dockWaiters]) waiter();
}

const changeListeners = new Set<() => void>();

/** Calls back when the database changed through the service (any tab's sidebar, a sync). */
export function onRemoteChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/**
 * The background said the database changed. It says so over the sidebar's port (see
 * entrypoints/sidebar/connection.ts): its runtime.sendMessage broadcast never reaches a framed page in Firefox.
 */
export function remoteChanged(): void {
  for (const listener of [...changeListeners]) listener();
}
