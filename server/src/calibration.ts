// What the server says of a calibration session's ratings before they are opened: who submitted what.
import type { CalibrationSession, CalibrationSubmittedResponse } from '../../lib/model';
import { canRead, inAudience } from './access';
import type { User } from './admin';
import type { Db } from './db';
import { namingsFor } from './pseudonyms';
import { viewerOf } from './store';

/**
 * Who of the participants has submitted which tickets, for a caller whom its ratings reach once
 * revealed (its participants and facilitator, the team's leads); null for anyone else (or when there
 * is no such session: the answer does not tell the two apart).
 */
export async function calibrationSubmitted(db: Db, user: User, sessionId: string): Promise<CalibrationSubmittedResponse | null> {
  const [session] = await db.query<{ team: string | null; owner: string; subject: string | null; parent: string | null; grp: string | null; opens: 'all' | 'own' | null; audience: string[] | null; doc: unknown }>(
    "SELECT team, owner, subject, parent, grp, opens, audience, doc FROM docs WHERE collection = 'calibrationSessions' AND id = $1",
    [sessionId],
  );
  if (!session) return null;
  const viewer = await viewerOf(db, user);
  const access = { collection: 'calibrationSessions', id: sessionId, series: null, team: session.team, owner: session.owner, subject: session.subject, parent: session.parent, grp: session.grp, opens: session.opens, audience: session.audience } as const;
  if (!canRead(viewer, access) || !inAudience(viewer, 'calibrationRatings', access)) return null;
  const doc = (typeof session.doc === 'string' ? JSON.parse(session.doc) : session.doc) as CalibrationSession;
  if (doc.deleted) return null;
  // Only the ticket key of each submitted ratings document: its ratings stay where the grants keep them.
  // A deleted one (its participant erased) is not there.
  const rows = await db.query<{ owner: string; ticket: string }>(
    "SELECT owner, doc::jsonb->>'ticketKey' AS ticket FROM docs WHERE collection = 'calibrationRatings' AND parent = $1 AND NOT deleted ORDER BY owner, ticket",
    [sessionId],
  );
  // The participants as this caller may know them (./pseudonyms.ts): the same names as their pull.
  const naming = (await namingsFor(db, user, [sessionId])).get(sessionId);
  if (!naming) return null;
  return {
    submitted: naming.ranked.flatMap((participant) => {
      const as = naming.as(participant);
      return as === null ? [] : [{ participant: as, tickets: rows.filter((r) => r.owner === participant).map((r) => r.ticket) }];
    }),
  };
}
