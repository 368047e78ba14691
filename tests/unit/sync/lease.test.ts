// The sync lease: one run at a time per profile, across workers, without globals; a killed worker's lease expires.
import { describe, expect } from 'vitest';
import { acquireLease, releaseLease, renewLease } from '@/lib/sync/lease';
import { it } from './testbed';

const MINUTE = 60_000;
const t0 = 1_000_000;

describe('the sync lease', () => {
  it('refuses a second run while the first holds a valid lease', async ({ database }) => {
    const first = await acquireLease(database, t0, 2 * MINUTE);

    expect(first).toEqual(expect.any(String));
    expect(await acquireLease(database, t0 + 1, 2 * MINUTE)).toBeNull();
    expect(await acquireLease(database, t0 + 2 * MINUTE - 1, 2 * MINUTE)).toBeNull();
  });

  it('lets the next run take over a lease a killed worker left behind, once it has expired', async ({ database }) => {
    const killed = await acquireLease(database, t0, 2 * MINUTE);

    const next = await acquireLease(database, t0 + 2 * MINUTE, 2 * MINUTE);

    expect(next).toEqual(expect.any(String));
    expect(next).not.toBe(killed);
    // The new lease runs from the takeover.
    expect(await acquireLease(database, t0 + 4 * MINUTE - 1, 2 * MINUTE)).toBeNull();
  });

  it('is free again as soon as its owner releases it', async ({ database }) => {
    const owner = (await acquireLease(database, t0, 2 * MINUTE))!;

    await releaseLease(database, owner);

    expect(await acquireLease(database, t0 + 1, 2 * MINUTE)).toEqual(expect.any(String));
  });

  it('is released only by its owner: a run that outlived its lease does not free the run that took over', async ({ database }) => {
    const slow = (await acquireLease(database, t0, 2 * MINUTE))!;
    const next = (await acquireLease(database, t0 + 3 * MINUTE, 2 * MINUTE))!;

    await releaseLease(database, slow);
    expect(await acquireLease(database, t0 + 3 * MINUTE + 1, 2 * MINUTE)).toBeNull();

    await releaseLease(database, next);
    expect(await acquireLease(database, t0 + 3 * MINUTE + 2, 2 * MINUTE)).toEqual(expect.any(String));
  });

  it('is renewed by its owner only: a renewal extends it, and a run whose lease was taken over learns it', async ({ database }) => {
    const first = (await acquireLease(database, t0, 2 * MINUTE))!;

    expect(await renewLease(database, first, t0 + 90_000, 2 * MINUTE)).toBe(true);
    expect(await acquireLease(database, t0 + 2 * MINUTE + 1, 2 * MINUTE)).toBeNull();

    const next = (await acquireLease(database, t0 + 90_000 + 2 * MINUTE, 2 * MINUTE))!;
    expect(await renewLease(database, first, t0 + 4 * MINUTE, 2 * MINUTE)).toBe(false);
    expect(await renewLease(database, next, t0 + 4 * MINUTE, 2 * MINUTE)).toBe(true);
  });
});
