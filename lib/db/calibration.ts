// Calibration sessions and participants' ratings: written through the one writer, read by session.
import { calibrationRatingsSchema, calibrationSessionSchema, type CalibrationRatings, type CalibrationSession } from '../model';
import { clarificationsFor, countsAsSubmitted, ratingsThere, type SessionFigures, type ShownClarification } from '../calibration';
import { db } from './database';
import { writeSynced } from './writes';

/** Saves a session (started, set up, revealed or agreed); queued for the team backend. */
export async function saveCalibrationSession(session: CalibrationSession): Promise<void> {
  const valid = calibrationSessionSchema.parse(session);
  await writeSynced(db(), ['calibrationSessions'], 'local', (writer) => writer.put('calibrationSessions', [valid], { at: valid.updatedAt }));
}

/** Saves a participant's ratings: a draft stays on this computer, submitted ratings are queued. */
export async function saveCalibrationRatings(ratings: CalibrationRatings): Promise<void> {
  const valid = calibrationRatingsSchema.parse(ratings);
  await writeSynced(db(), ['calibrationRatings'], 'local', (writer) => writer.put('calibrationRatings', [valid], { at: valid.updatedAt }));
}

/** Every session in this profile (the server sends each person only those of their teams), newest first. */
export async function listCalibrationSessions(): Promise<CalibrationSession[]> {
  const rows = await db().calibrationSessions.toArray();
  return rows.filter((s) => !s.deleted).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function getCalibrationSession(id: string): Promise<CalibrationSession | undefined> {
  return db().calibrationSessions.get(id);
}

/** The ratings of a session held here: one's own (drafts too), and the others' once the server opened them. */
export async function ratingsOfCalibration(sessionId: string): Promise<CalibrationRatings[]> {
  return (await db().calibrationRatings.where('sessionId').equals(sessionId).toArray()).filter(ratingsThere);
}

/** A participant's own ratings (drafts and submitted) across sessions. */
export async function calibrationRatingsOf(participant: string): Promise<CalibrationRatings[]> {
  return (await db().calibrationRatings.where('participant').equals(participant).toArray()).filter(ratingsThere);
}

/** The clarifications in force for a scorecard, per criterion id (shown under its target-level text in reviews). */
export async function clarificationsOfScorecard(scorecardId: string): Promise<Record<string, ShownClarification[]>> {
  return Object.fromEntries(clarificationsFor(await listCalibrationSessions(), scorecardId));
}

/** Every session and its figures (kept as its ratings change): what the dashboard's Calibration view reads — never the ratings, never reviews. */
export async function calibrationOverviewData(): Promise<{ sessions: CalibrationSession[]; figures: Map<string, SessionFigures> }> {
  const [sessions, figures] = await Promise.all([listCalibrationSessions(), db().calibrationFigures.toArray()]);
  return { sessions, figures: new Map(figures.map((f) => [f.sessionId, f])) };
}

/** Every session and the submitted ratings held here (not the deleted), by session: what the CSV export writes out. */
export async function calibrationData(): Promise<{ sessions: CalibrationSession[]; ratings: Map<string, CalibrationRatings[]> }> {
  const [sessions, rows] = await Promise.all([listCalibrationSessions(), db().calibrationRatings.toArray()]);
  const ratings = new Map<string, CalibrationRatings[]>();
  for (const r of rows) {
    if (!countsAsSubmitted(r)) continue;
    const list = ratings.get(r.sessionId);
    if (list) list.push(r);
    else ratings.set(r.sessionId, [r]);
  }
  return { sessions, ratings };
}
