// The PGlite Db runs statements prepared once per text (server/src/db.ts): answers must be those of a
// freshly planned statement, whatever the parameters, the order, the errors or the schema changes between.
// @vitest-environment node
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Db } from '../src/db';

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arvio-db-'));
  db = await openPglite(dir);
  await db.exec(`CREATE TABLE t (id text PRIMARY KEY, n int, tags text[], doc json, flag boolean, at timestamptz)`);
});

afterAll(async () => {
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('statements prepared once on PGlite', () => {
  it('bind each call’s own parameters: text, numbers, arrays, JSON, booleans, dates and nulls', async () => {
    const insert = 'INSERT INTO t (id, n, tags, doc, flag, at) VALUES ($1, $2, $3, $4::json, $5, $6) RETURNING id';
    for (let i = 0; i < 12; i++) {
      const rows = await db.query(insert, [`r${i}`, i, i % 3 === 0 ? null : ['a', `b${i}`, 'quote " and , comma'], JSON.stringify({ i }), i % 2 === 0, new Date(Date.UTC(2026, 0, i + 1))]);
      expect(rows).toEqual([{ id: `r${i}` }]);
    }
    const select = 'SELECT id, n, tags, doc, flag, at FROM t WHERE id = $1';
    for (const i of [7, 0, 11, 3]) {
      const [row] = await db.query(select, [`r${i}`]);
      expect(row).toEqual({
        id: `r${i}`,
        n: i,
        tags: i % 3 === 0 ? null : ['a', `b${i}`, 'quote " and , comma'],
        doc: { i },
        flag: i % 2 === 0,
        at: new Date(Date.UTC(2026, 0, i + 1)),
      });
    }
    // Array parameters, as the push's unnest() takes them.
    const ids = await db.query<{ id: string }>('SELECT t.id FROM t JOIN unnest($1::text[]) AS k(id) ON k.id = t.id ORDER BY t.id', [['r2', 'r10', 'nope']]);
    expect(ids.map((r) => r.id)).toEqual(['r10', 'r2']);
  });

  it('run the queries of one transaction started together one after another', async () => {
    const counts = await db.transaction((tx) =>
      Promise.all(Array.from({ length: 20 }, (_, i) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE n >= $1', [i]))),
    );
    expect(counts.map((rows) => rows[0]!.n)).toEqual(Array.from({ length: 20 }, (_, i) => Math.max(0, 12 - i)));
  });

  it('recover from errors: a failed call leaves the statement and the session usable', async () => {
    const insert = 'INSERT INTO t (id, n) VALUES ($1, $2)';
    await db.query(insert, ['dup', 1]);
    await expect(db.query(insert, ['dup', 2])).rejects.toMatchObject({ code: '23505' });
    await expect(db.query('SELECT id FROM t WHERE n = $1', ['not a number'])).rejects.toMatchObject({ code: '22P02' });
    expect(await db.query('SELECT id FROM t WHERE n = $1', [11])).toEqual([{ id: 'r11' }]);
    await expect(db.query('SELECT nope FROM t')).rejects.toMatchObject({ code: '42703' });
    await db.query(insert, ['dup2', 3]);
    // A transaction that fails is rolled back as a whole, and the next one runs.
    await expect(
      db.transaction(async (tx) => {
        await tx.query(insert, ['in-tx', 4]);
        await tx.query(insert, ['dup', 5]);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await db.query('SELECT id FROM t WHERE id = ANY($1::text[]) ORDER BY id', [['dup', 'dup2', 'in-tx']])).toEqual([{ id: 'dup' }, { id: 'dup2' }]);
  });

  it('prepare anew a statement whose table changed under it', async () => {
    const all = 'SELECT * FROM t WHERE id = $1';
    expect(Object.keys((await db.query(all, ['r1']))[0]!)).not.toContain('extra');
    await db.exec(`ALTER TABLE t ADD COLUMN extra text DEFAULT 'x'`);
    expect((await db.query(all, ['r1']))[0]).toMatchObject({ id: 'r1', extra: 'x' });
  });

  it('keep answering right past the bound on statements kept', async () => {
    for (let i = 0; i < 450; i++) {
      const [row] = await db.query<{ v: number }>(`SELECT $1::int + ${i} AS v`, [i]);
      expect(row!.v).toBe(2 * i);
    }
    // The first texts were let go and are prepared again when they come back.
    const [row] = await db.query<{ v: number }>('SELECT $1::int + 0 AS v', [5]);
    expect(row!.v).toBe(5);
  });
});
