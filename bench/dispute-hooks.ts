// What bench/disputes.mjs drives inside the dashboard page of the bench build: the database functions a
// resolution goes through. The dashboard imports this only under `import.meta.env.ARVIO_BENCH`.
import { db, listScorecards, openDispute, recomputeRollups, resolveDispute } from '../lib/db';
import { newDispute, resolve } from '../lib/disputes';

export function exposeDisputeBench(): void {
  (globalThis as Record<string, unknown>).arvioDisputeBench = { db, listScorecards, openDispute, recomputeRollups, resolveDispute, newDispute, resolve };
}
