// The sidebar's view of the database: every call goes to the background's database service.
import { browser } from 'wxt/browser';
import { DB_REQUEST, type DbReply } from './protocol';
import type { OperationName, RemoteDb } from './service';

async function call(op: OperationName, args: unknown[]): Promise<unknown> {
  const reply = (await browser.runtime.sendMessage({ type: DB_REQUEST, op, args })) as DbReply | undefined;
  if (!reply) throw new Error(`the background did not answer ${op}`);
  if (!reply.ok) throw new Error(reply.error);
  // Structured clone turns `undefined` into a missing reply; the service sends null for "nothing".
  return reply.value ?? undefined;
}

export const remoteDb = new Proxy({} as RemoteDb, {
  get: (_target, op: string) => (...args: unknown[]) => call(op as OperationName, args),
});

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
