// One sync at a time per profile: a lease row that a killed worker's run lets expire.
import { z } from 'zod';
import type { ArvioDb } from '../db';
import { LEASE_KEY, readSetting } from './meta';

const leaseSchema = z.object({ owner: z.string(), until: z.number() });

/**
 * One sync at a time per profile, without globals: a lease row in the database. A worker killed
 * mid-sync leaves a lease that simply expires; a live run renews it as it goes (renewLease).
 */
export async function acquireLease(database: ArvioDb, now: number, ttlMs: number): Promise<string | null> {
  const owner = `${now}-${Math.random().toString(36).slice(2)}`;
  return database.transaction('rw', database.settings, async () => {
    const lease = await readSetting(database, LEASE_KEY, leaseSchema.nullable(), null);
    if (lease && lease.until > now) return null;
    await database.settings.put({ key: LEASE_KEY, value: { owner, until: now + ttlMs } });
    return owner;
  });
}

/**
 * Extends the caller's lease to `now + ttlMs`: a long run (a first pull of a big team) keeps it for as
 * long as it makes progress. False when the lease is no longer the caller's (it ran out and another
 * run took it over): the caller must stop, so two runs never write at once.
 */
export async function renewLease(database: ArvioDb, owner: string, now: number, ttlMs: number): Promise<boolean> {
  return database.transaction('rw', database.settings, async () => {
    const lease = await readSetting(database, LEASE_KEY, leaseSchema.nullable(), null);
    if (lease?.owner !== owner) return false;
    await database.settings.put({ key: LEASE_KEY, value: { owner, until: now + ttlMs } });
    return true;
  });
}

export async function releaseLease(database: ArvioDb, owner: string): Promise<void> {
  await database.transaction('rw', database.settings, async () => {
    const lease = await readSetting(database, LEASE_KEY, leaseSchema.nullable(), null);
    if (lease?.owner === owner) await database.settings.delete(LEASE_KEY);
  });
}
