// What bench/coaching.mjs drives inside the coaching page of the bench build: the writer and the
// rollup rebuild the seeding goes through. The coaching page imports this only under `import.meta.env.ARVIO_BENCH`.
import { formTemplates, newCoachingAction, newCoachingSession, periodOf } from '../lib/coaching';
import { db, ensureBuiltInScorecards, listScorecards, recomputeRollups, saveIdentity, writeSynced } from '../lib/db';

export function exposeCoachingBench(): void {
  (globalThis as Record<string, unknown>).arvioCoachingBench = {
    db,
    ensureBuiltInScorecards,
    listScorecards,
    recomputeRollups,
    saveIdentity,
    writeSynced,
    formTemplates,
    newCoachingSession,
    newCoachingAction,
    periodOf,
  };
}
