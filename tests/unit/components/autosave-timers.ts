// For the editors' autosave tests: the typing pause stopped, and waiting on real time meanwhile.
import { vi } from 'vitest';

/**
 * From now on the autosave's pause never ends by itself (only the timers are stopped; the database's
 * own work goes on), so what is saved is what leaving the editor saved.
 */
export const pauseNeverEnds = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
const realTimeout = globalThis.setTimeout;

/** waitFor for while the timers are stopped: polls on real time, and gives up after two seconds. */
export async function eventually(check: () => Promise<void> | void): Promise<void> {
  for (const started = Date.now(); ; ) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() - started > 2000) throw error;
      await new Promise((resolve) => realTimeout(resolve, 20));
    }
  }
}
