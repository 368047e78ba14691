// The database service's wire format, apart from its implementation: clients import this without Dexie.
export const DB_REQUEST = 'arvio-db';

/** `ms`: how long the operation itself took in the worker; only the bench build (ARVIO_BENCH) sends it. */
export type DbReply = { ok: true; value: unknown; ms?: number } | { ok: false; error: string };
