// What calibration agreed about a scorecard's criteria, shown under their target-level texts: in a review and in blind scoring.
import type { ShownClarification } from '@/lib/calibration';
import { remoteDb as db } from '@/lib/service';
import { useRemote } from '../useRemote';

/** The clarifications in force for the scorecard, per criterion id (none while there is no scorecard). */
export function useClarifications(scorecardId: string | null): Readonly<Record<string, readonly ShownClarification[]>> {
  return useRemote(() => (scorecardId ? db.clarificationsOfScorecard(scorecardId) : Promise.resolve({})), [scorecardId], {});
}
