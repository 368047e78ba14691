// Agents' self-checks: private to this computer unless a team backend syncs them; one per ticket and agent.
import { selfCheckId, selfCheckSchema, type SelfCheck } from '../model';
import { db } from './database';
import { writeSynced } from './writes';

export { selfCheckId };

/** Upserts the agent's self-check for a ticket, with its outbox row in the same transaction. */
export async function saveSelfCheck(selfCheck: SelfCheck): Promise<void> {
  const valid = selfCheckSchema.parse(selfCheck);
  await writeSynced(db(), ['selfChecks'], 'local', (writer) => writer.put('selfChecks', [valid], { at: valid.updatedAt }));
}

export async function selfChecksOfTicket(ticketKey: string): Promise<SelfCheck[]> {
  const rows = await db().selfChecks.where('ticketKey').equals(ticketKey).toArray();
  return rows.filter((row) => !row.deleted).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
