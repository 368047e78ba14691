// The dashboard's first render reads rollups and small tables by index: what it reads does not grow with the review count.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DBCore, Middleware } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ArvioDb, getSettings, listScorecards, useDatabase } from '@/lib/db';
import { dashboardData, filterOptions, getCoverageTarget, type DashboardFilter } from '@/lib/dashboard';
import { recomputeRollups } from '@/lib/db/rollups';
import { selfCheckGap } from '@/lib/dashboard';
import { AGENTS, CARDS, makeReviews } from '../db/factory';

interface Reads {
  /** Rows returned per table. */
  rows: Record<string, number>;
  /** Cursors opened and counts taken per table: walks whose cost is not bounded by the rows returned. */
  walks: Record<string, number>;
}

/** Counts what reaches IndexedDB below Dexie, per table. */
function counting(reads: Reads): Middleware<DBCore> {
  const add = (into: Record<string, number>, table: string, n: number) => (into[table] = (into[table] ?? 0) + n);
  return {
    stack: 'dbcore',
    name: 'count-reads',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          get: async (req) => {
            const row = await table.get(req);
            add(reads.rows, name, row === undefined ? 0 : 1);
            return row;
          },
          getMany: async (req) => {
            const rows = await table.getMany(req);
            add(reads.rows, name, rows.filter((r) => r !== undefined).length);
            return rows;
          },
          query: async (req) => {
            const res = await table.query(req);
            add(reads.rows, name, res.result.length);
            return res;
          },
          openCursor: (req) => {
            add(reads.walks, name, 1);
            return table.openCursor(req);
          },
          count: (req) => {
            add(reads.walks, name, 1);
            return table.count(req);
          },
        };
      },
    }),
  };
}

let n = 0;
const opened: ArvioDb[] = [];
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

/** The same agents, reviewers, cards and months at every size: only the number of reviews differs. */
async function seeded(count: number): Promise<Reads> {
  const reads: Reads = { rows: {}, walks: {} };
  const database = new ArvioDb(`first-render-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  database.use(counting(reads));
  opened.push(database);
  useDatabase(database);
  await database.scorecards.bulkPut(CARDS);
  await database.reviews.bulkPut(makeReviews(count, 11));
  await recomputeRollups(database);
  reads.rows = {};
  reads.walks = {};
  return reads;
}

// The dashboard's default: twelve months ending with the current one (the seeded reviews are January–June 2026).
const DEFAULT: DashboardFilter = { from: '2025-08', to: '2026-07', granularity: 'month', team: null, agent: null, reviewer: null, scorecard: null, channel: null, helpdesk: null };

/** What entrypoints/dashboard reads before and right after it shows its figures (main.tsx, Filters, SelfCheckGap). */
async function firstRender(): Promise<number> {
  const [cards, , , , data] = await Promise.all([listScorecards(), filterOptions(), getCoverageTarget(), getSettings(), dashboardData(DEFAULT)]);
  await selfCheckGap(DEFAULT, cards);
  return data.totals.count;
}

describe('dashboard first render at scale', () => {
  it('reads the same rows at 1,000 and 5,000 reviews, and never the reviews themselves', async () => {
    const small = await seeded(1_000);
    expect(await firstRender()).toBe(1_000);
    const large = await seeded(5_000);
    expect(await firstRender()).toBe(5_000);

    expect(small.rows.reviews ?? 0).toBe(0);
    expect(small.walks).toEqual({});
    expect(large.rows).toEqual(small.rows);
    expect(large.walks).toEqual(small.walks);
  });

  it('a filter change to one agent reads the same rows at both sizes too', async () => {
    const small = await seeded(1_000);
    await dashboardData({ ...DEFAULT, agent: AGENTS[0]!.id });
    const large = await seeded(5_000);
    await dashboardData({ ...DEFAULT, agent: AGENTS[0]!.id });
    expect(small.rows.reviews ?? 0).toBe(0);
    expect(large.rows).toEqual(small.rows);
  });
});
