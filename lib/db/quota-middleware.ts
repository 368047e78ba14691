// Keeps "the disk is full" on the errors of the requests a full disk cut short, so isQuotaError sees it.
//
// Seen in Chromium 156 with the profile on a full disk: the transaction is aborted (an UnknownError
// naming FILE_ERROR_NO_SPACE, or a QuotaExceededError at commit), but the requests still pending fail
// with a bare AbortError, and Dexie rejects the write with that AbortError, or with a BulkError listing
// them. Only the IDBTransaction's `error` names the cause.
import Dexie, { type DBCore, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { isQuotaError } from './quota';

/** `error` as it should read: wrapped with the transaction's quota error when that is why it failed. */
export function withQuotaCause(error: unknown, trans: DBCoreTransaction): unknown {
  if (isQuotaError(error)) return error;
  const cause = (trans as { error?: unknown }).error;
  // Dexie's own wrapping of an aborted transaction: AbortError with the cause as `inner`.
  return isQuotaError(cause) ? new Dexie.AbortError(cause as object) : error;
}

function revealed(table: DBCoreTable): DBCoreTable {
  const rethrow =
    (trans: DBCoreTransaction) =>
    (error: unknown): never => {
      throw withQuotaCause(error, trans);
    };
  return {
    ...table,
    mutate: (req) =>
      table.mutate(req).then((res) => {
        if (res.numFailures === 0) return res;
        const failures: typeof res.failures = {};
        for (const [at, failure] of Object.entries(res.failures)) failures[Number(at)] = withQuotaCause(failure, req.trans) as Error;
        return { ...res, failures };
      }, rethrow(req.trans)),
    get: (req) => table.get(req).catch(rethrow(req.trans)),
    getMany: (req) => table.getMany(req).catch(rethrow(req.trans)),
    query: (req) => table.query(req).catch(rethrow(req.trans)),
    count: (req) => table.count(req).catch(rethrow(req.trans)),
  };
}

/** The database core below, with every table's request errors read through withQuotaCause. */
export function revealQuotaAbortsIn(down: DBCore): DBCore {
  return { ...down, table: (name) => revealed(down.table(name)) };
}

export const revealQuotaAborts: Middleware<DBCore> = { stack: 'dbcore', name: 'reveal-quota-aborts', create: revealQuotaAbortsIn };
