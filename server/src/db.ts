// One small database interface over PGlite (embedded default) and PostgreSQL (`DATABASE_URL`).
import { mkdirSync } from 'node:fs';
import { parse, PGlite, protocol } from '@electric-sql/pglite';
import pg from 'pg';
import { lockDataDir, type LockOptions } from './lock';

export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement with `$1…` parameters. */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PGlite is one session: queries and transactions must not interleave, so all go through one queue. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn);
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * Statements prepared once per SQL text, kept while used (least recently used first out). The server's
 * texts are a fixed set (parameters carry every value), so the cache holds them all; the bound keeps a
 * caller that builds texts from data from growing the session without limit.
 */
const MAX_PREPARED = 200;

/**
 * PGlite's own `query()` parses, describes and plans its statement every time, in six calls into the
 * database, about 2 ms of CPU even for a lookup by key: with the embedded database in the server's
 * thread that was most of a request (bench/load.mjs). A statement prepared once by name and then run
 * as one message (bind, describe, execute, sync) costs about a tenth: the database keeps its plan
 * (a generic one, once that is as good as the ones planned for the first runs' parameters).
 */
function preparedPglite(lite: PGlite): Queryable['query'] {
  const { serialize } = protocol;
  const statements = new Map<string, { name: string; types: number[] }>();
  let next = 0;
  const message = (parts: Uint8Array[]): Uint8Array => {
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  };
  const prepare = async (sql: string): Promise<{ name: string; types: number[] }> => {
    const known = statements.get(sql);
    if (known) {
      // Most recently used last: the first in the map is the one to let go.
      statements.delete(sql);
      statements.set(sql, known);
      return known;
    }
    const name = `arvio_${next++}`;
    const { messages } = await lite.execProtocol(
      message([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]),
      { syncToFs: false },
    );
    const statement = { name, types: parse.parseDescribeStatementResults(messages) };
    statements.set(sql, statement);
    if (statements.size > MAX_PREPARED) {
      const [oldSql, old] = statements.entries().next().value!;
      statements.delete(oldSql);
      await lite.execProtocol(message([serialize.close({ type: 'S', name: old.name }), serialize.sync()]), { syncToFs: false });
    }
    return statement;
  };
  const run = async <R extends Row>(sql: string, params: readonly unknown[]): Promise<R[]> => {
    const { name, types } = await prepare(sql);
    // Values serialised as PGlite's query() does: by the parameter's type, else as text.
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const serializer = lite.serializers[types[i] ?? 0];
      return serializer ? serializer(param) : String(param);
    });
    const { messages } = await lite.execProtocol(
      message([serialize.bind({ statement: name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
    );
    return (parse.parseResults(messages, lite.parsers)[0]?.rows ?? []) as R[];
  };
  // One at a time, as PGlite's own query() does: the queries of one transaction may be started together.
  return <R extends Row>(sql: string, params: readonly unknown[] = []) => lite.runExclusive(() => runFresh<R>(sql, params));
  async function runFresh<R extends Row>(sql: string, params: readonly unknown[]): Promise<R[]> {
    try {
      return await run<R>(sql, params);
    } catch (error) {
      // A table changed under a prepared statement (a migration while the process runs): prepare it anew.
      if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === '0A000')) throw error;
      const stale = statements.get(sql);
      if (!stale) throw error;
      statements.delete(sql);
      await lite.execProtocol(message([serialize.close({ type: 'S', name: stale.name }), serialize.sync()]), { syncToFs: false });
      return run<R>(sql, params);
    }
  }
}

/** PGlite in `dataDir`, locked for this process (./lock.ts: a second live process is refused). */
export async function openPglite(dataDir: string, options: { lock?: LockOptions } = {}): Promise<Db> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir, options.lock);
  let lite: PGlite;
  try {
    lite = new PGlite(dataDir);
    await lite.waitReady;
  } catch (error) {
    await unlock();
    throw error;
  }
  const mutex = new Mutex();
  const direct: Queryable = {
    query: preparedPglite(lite),
    async exec(sql: string) {
      await lite.exec(sql);
    },
  };
  return {
    kind: 'pglite',
    query: (sql, params) => mutex.run(() => direct.query(sql, params)),
    exec: (sql) => mutex.run(() => direct.exec(sql)),
    transaction: (fn) =>
      mutex.run(async () => {
        await lite.exec('BEGIN');
        try {
          const value = await fn(direct);
          await lite.exec('COMMIT');
          return value;
        } catch (error) {
          await lite.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () =>
      mutex.run(async () => {
        try {
          await lite.close();
        } finally {
          await unlock();
        }
      }),
  };
}

export async function openPostgres(connectionString: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query<R>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      // Without parameters pg uses the simple protocol, which accepts several statements.
      await client.query(sql);
    },
  });
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    ...on(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn(on(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** PostgreSQL when `DATABASE_URL` is set, else PGlite in `ARVIO_DATA_DIR` (default server/.data/pglite). */
export function openFromEnv(env: NodeJS.ProcessEnv, defaultDataDir: string, lock?: LockOptions): Promise<Db> {
  const url = env.DATABASE_URL;
  if (url) return openPostgres(url);
  return openPglite(env.ARVIO_DATA_DIR ?? defaultDataDir, { lock });
}

/** int8 comes back as a string from pg and a number from PGlite. */
export function toNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${String(value)}`);
  return n;
}
