// One small database interface over PGlite (embedded default) and PostgreSQL (`DATABASE_URL`).
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { lockDataDir, type LockOptions } from './lock';

export type Row = Record<string, unknown>;

/**
 * A statement the database parses and plans once per session and then reuses (`named(text)`): for the
 * hot paths (a token's user, a pull page, a push's reads and writes), whose planning is most of their cost.
 * On PostgreSQL node-postgres's named statements (`{ name, text, values }`, prepared per connection);
 * on PGlite PostgreSQL's own `PREPARE`/`EXECUTE`. Either way PostgreSQL re-plans it itself when a
 * table it reads changes.
 */
export interface Named {
  readonly name: string;
  readonly text: string;
}

const namedCache = new Map<string, Named>();

/** The named statement of `text`: its name is derived from the text, so one text is one statement. */
export function named(text: string): Named {
  let statement = namedCache.get(text);
  if (!statement) {
    statement = { name: `arvio_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`, text };
    namedCache.set(text, statement);
  }
  return statement;
}

/**
 * A parameter as an SQL literal, for `EXECUTE name(…)` (PostgreSQL takes no bind parameters there):
 * numbers, booleans, null, text and arrays of these; anything else is refused. Text is quoted by
 * node-postgres's own `escapeLiteral` (right whatever standard_conforming_strings says); PostgreSQL
 * coerces each literal to the statement's parameter type, as it does a bound value. An array with no
 * value but nulls is an untyped array literal, since `ARRAY[NULL]` would be text[] whatever the
 * parameter's type.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('a parameter must be a finite number');
    return String(value);
  }
  if (typeof value === 'string') {
    if (value.includes('\0')) throw new Error('a text parameter cannot hold a NUL character');
    return pg.escapeLiteral(value);
  }
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || v === undefined)) return `'{${value.map(() => 'NULL').join(',')}}'`;
    return `ARRAY[${value.map(sqlLiteral).join(', ')}]`;
  }
  throw new Error(`a parameter of type ${typeof value} has no literal form here`);
}

export interface Queryable {
  /** One statement with `$1…` parameters; a `Named` one is planned once per session (see `named`). */
  query<R extends Row = Row>(sql: string | Named, params?: readonly unknown[]): Promise<R[]>;
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
  /** The named statements this session has prepared (a PREPARE outlives a rolled-back transaction). */
  const prepared = new Set<string>();
  const direct: Queryable = {
    async query<R extends Row = Row>(sql: string | Named, params: readonly unknown[] = []) {
      if (typeof sql === 'string') return (await lite.query<R>(sql, [...params])).rows;
      if (!prepared.has(sql.name)) {
        await lite.query(`PREPARE ${sql.name} AS ${sql.text}`);
        prepared.add(sql.name);
      }
      const args = params.length === 0 ? '' : `(${params.map(sqlLiteral).join(', ')})`;
      return (await lite.query<R>(`EXECUTE ${sql.name}${args}`)).rows;
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
    async query<R extends Row = Row>(sql: string | Named, params: readonly unknown[] = []) {
      const result = typeof sql === 'string' ? await client.query<R>(sql, [...params]) : await client.query<R>({ name: sql.name, text: sql.text, values: [...params] });
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
