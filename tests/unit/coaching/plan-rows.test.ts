// The coaching plan's row per agent is derived data with one writer: whatever path writes or removes a
// session or an action (saved, held, acknowledged, done, deleted, pulled, no longer readable), the rows
// equal a recomputation from every session and action stored.
import { describe, expect, it } from 'vitest';
import { acknowledgeSession, markActionDone, saveSession } from '@/lib/coaching';
import { agentPlanRows, type ArvioDb } from '@/lib/db';
import type { CoachingAction, CoachingSession } from '@/lib/model';
import type { ServerDoc } from '@/lib/model/sync';
import { removeUnsent } from '@/lib/sync/access';
import { applyPulled } from '@/lib/sync/apply';
import { coachingAction, coachingSession } from '../../../server/tests/helpers/docs';
import { rng } from '../db/factory';
import { freshDb } from '../db/fresh';

const COACH = 'coach@example.com';
const AGENTS = ['a@example.com', 'b@example.com', 'c@example.com'];

async function recomputed(database: ArvioDb) {
  const [sessions, actions] = await Promise.all([database.coachingSessions.toArray(), database.coachingActions.toArray()]);
  const agents = new Set([...sessions.map((s) => s.agent.id), ...actions.map((a) => a.agent.id)]);
  return byAgent(agentPlanRows(agents, sessions, actions));
}

function byAgent<T extends { agentId: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.agentId.localeCompare(b.agentId));
}

describe('the coaching plan’s rows', () => {
  it.each([1, 2, 3])('equal a recomputation after saves, holds, acknowledgements, actions done, deletions, pulls and removals (seed %i)', async (seed) => {
    const database = freshDb();
    const random = rng(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const day = () => `2026-0${1 + Math.floor(random() * 8)}-1${Math.floor(random() * 10)}`;
    const sessions = new Map<string, CoachingSession>();
    const actions = new Map<string, CoachingAction>();
    const pulled: string[] = [];
    let seq = 0;
    for (let step = 0; step < 80; step++) {
      const roll = random();
      const known = [...sessions.values()];
      if (roll < 0.35 || known.length === 0) {
        // A new session, held or being prepared, with an action or two.
        const heldAt = random() < 0.7 ? `${day()}T09:00:00.000Z` : null;
        const session = coachingSession(`s${step}`, COACH, pick(AGENTS), { status: heldAt ? 'held' : 'planned', heldAt });
        const made = Array.from({ length: Math.floor(random() * 3) }, (_, i) => coachingAction(`a${step}-${i}`, session.id, COACH, session.agent.id, { due: day() }));
        await saveSession(session, made, null);
        sessions.set(session.id, session);
        for (const a of made) actions.set(a.id, a);
      } else if (roll < 0.5) {
        // A session being prepared is held (its actions become agreed), or a held one is deleted.
        const session = pick(known);
        const next =
          session.status === 'planned' ? { ...session, status: 'held' as const, heldAt: `${day()}T10:00:00.000Z` } : { ...session, deleted: random() < 0.5 };
        await saveSession({ ...next, updatedAt: `2026-09-0${1 + (step % 9)}T00:00:00.000Z` }, [], null);
        sessions.set(session.id, next);
      } else if (roll < 0.6) {
        await acknowledgeSession(pick(known).id, 'Thanks', new Date('2026-09-10T00:00:00.000Z'));
      } else if (roll < 0.72 && actions.size > 0) {
        await markActionDone(pick([...actions.keys()]), { id: AGENTS[0]!, name: 'A' }, 'done', new Date('2026-09-11T00:00:00.000Z'));
      } else if (roll < 0.9) {
        // Another coach's session or action, pulled from the team backend.
        seq++;
        const id = `p${step}`;
        const doc: ServerDoc =
          random() < 0.5 || known.length === 0
            ? { collection: 'coachingSessions', id, revision: 1, seq, doc: coachingSession(id, 'lead@example.com', pick(AGENTS), { heldAt: `${day()}T11:00:00.000Z` }) }
            : (() => {
                const session = pick(known);
                return { collection: 'coachingActions', id, revision: 1, seq, doc: coachingAction(id, session.id, COACH, session.agent.id, { due: day() }) };
              })();
        await applyPulled(database, [doc], seq, Date.now());
        pulled.push(`${doc.collection}:${id}`);
      } else {
        // The user's access shrank: about half of what was pulled leaves this profile.
        await removeUnsent(database, new Set(pulled.filter(() => random() < 0.5)), 'lead');
      }
    }
    const stored = byAgent(await database.coachingPlanRows.toArray());
    expect(stored).toEqual(await recomputed(database));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((row) => row.open.length > 0)).toBe(true);
  });
});
