// One small database interface over PGlite (embedded default) and PostgreSQL (`DATABASE_URL`).
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
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
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      const result = await lite.query<R>(sql, [...params]);
      return result.rows;
    },
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
