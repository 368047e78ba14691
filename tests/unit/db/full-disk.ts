// A test database whose writes can be made to fail the way a full disk makes them fail in a browser.
import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import type { ArvioDb } from '@/lib/db';

export interface DiskControl {
  /** From now on every put/add fails with `error` (a QuotaExceededError unless given). */
  fill(error?: unknown): void;
  free(): void;
}

/**
 * Deletes still pass: a full disk refuses new data, not its removal. Call before the database opens.
 * `tables`: only writes to these fail (a big write that does not fit, where a small one still does).
 */
export function withFullDisk(database: ArvioDb, tables?: readonly string[]): DiskControl {
  let failure: unknown = null;
  database.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) =>
            failure !== null && (!tables || tables.includes(name)) && request.type !== 'delete' && request.type !== 'deleteRange' ? Promise.reject(failure) : table.mutate(request),
        };
      },
    }),
  });
  return {
    fill: (error = new DOMException('The quota has been exceeded.', 'QuotaExceededError')) => {
      failure = error;
    },
    free: () => {
      failure = null;
    },
  };
}
