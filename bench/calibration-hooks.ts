// What bench/calibration.mjs drives inside the dashboard page of the bench build: calibration data
// stored as a pull stores it, through the one writer (which keeps each session's figures). The
// dashboard imports this only under `import.meta.env.ARVIO_BENCH`.
import { db, writeSynced } from '../lib/db';
import type { CalibrationRatings, CalibrationSession } from '../lib/model/calibration';
import type { Scorecard } from '../lib/model/scorecard';

export function exposeCalibrationBench(): void {
  (globalThis as Record<string, unknown>).arvioCalibrationBench = {
    async store({ card, sessions, ratings }: { card: Scorecard; sessions: CalibrationSession[]; ratings: CalibrationRatings[] }): Promise<void> {
      await writeSynced(db(), ['scorecards', 'calibrationSessions', 'calibrationRatings'], 'pulled', async (writer) => {
        await writer.put('scorecards', [card]);
        await writer.put('calibrationSessions', sessions);
        await writer.put('calibrationRatings', ratings);
      });
    },
  };
}
