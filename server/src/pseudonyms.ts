// Calibration as sent to a reader who may not see who gave which rating: the other participants by pseudonym.
import { createHmac } from 'node:crypto';
import { namesVisible } from '../../lib/calibration';
import { calibrationRatingsId, emailKey, pseudonymAddress, type CalibrationRatings, type CalibrationSession } from '../../lib/model';
import type { User } from './admin';
import { erasedId, isErasedId } from './access';
import type { Queryable } from './db';

/** Who reads, as far as names go: their address, and the teams they lead (an admin leads all). */
interface NamesReader {
  me: string;
  admin: boolean;
  leads: ReadonlySet<string>;
}

/**
 * How a reader may know a session's participants: `ranked`, the participants in the order they are
 * sent in (the session's for a reader with names; else by pseudonym number, so that no place in the
 * list tells who is who), and `as`, each one's address as sent (null: not sent at all).
 */
export interface Naming {
  ranked: readonly string[];
  as(participant: string): string | null;
}

const secrets = new WeakMap<Queryable, Promise<Buffer>>();

/** The HMAC key behind the pseudonyms (migration 008 made it once), read once per database. */
function pseudonymSecret(db: Queryable): Promise<Buffer> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = db.query<{ value: string }>("SELECT value FROM server_secrets WHERE name = 'calibration-pseudonyms'").then(([row]) => {
      if (!row) throw new Error('the calibration pseudonym secret is missing (migration 008)');
      return Buffer.from(row.value, 'hex');
    });
    secret.catch(() => secrets.delete(db));
    secrets.set(db, secret);
  }
  return secret;
}

async function namesReaderOf(db: Queryable, user: User): Promise<NamesReader> {
  const rows = await db.query<{ team_id: string }>("SELECT team_id FROM team_members WHERE user_id = $1 AND role = 'lead'", [user.id]);
  return { me: emailKey(user.email), admin: user.role === 'admin', leads: new Set(rows.map((r) => String(r.team_id))) };
}

/**
 * The one decision: `namesVisible` (lib/calibration/session.ts) with "lead" as the server knows it —
 * a lead of the session's team, or an admin.
 */
const mayKnowNames = (session: CalibrationSession, reader: NamesReader): boolean =>
  namesVisible(session, reader.me, reader.admin || reader.leads.has(session.team));

/**
 * Each participant's pseudonym, in number order: the rank of HMAC(secret, session id, participant's
 * stand-in) among the session's participants. Stable while the participants are (fixed after the
 * reveal), the same for every reader, and neither their place in the session nor the order they
 * submitted in: without the secret the ranks are a random permutation. The stand-in (`erasedId`),
 * not the address: erasing a participant puts that stand-in in their place (./privacy.ts), so their
 * number, and with it everyone else's, stays.
 */
function pseudonyms(secret: Buffer, session: CalibrationSession): Map<string, string> {
  const keyed = session.participants.map((p) => {
    const drawnFrom = isErasedId(p) ? p : erasedId(p);
    return { p, mac: createHmac('sha256', secret).update(`${session.id}\u0000${drawnFrom}`).digest('hex') };
  });
  keyed.sort((a, b) => (a.mac < b.mac ? -1 : a.mac > b.mac ? 1 : 0));
  return new Map(keyed.map(({ p }, i) => [p, pseudonymAddress(i + 1)]));
}

/** Oneself by name and, where the reader may not know names, the others by pseudonym (someone no longer a participant not at all). */
function namingFor(secret: Buffer, session: CalibrationSession, reader: NamesReader): Naming {
  if (mayKnowNames(session, reader)) return { ranked: session.participants, as: (p) => p };
  const of = pseudonyms(secret, session);
  return { ranked: [...of.keys()], as: (p) => (p === reader.me ? p : (of.get(p) ?? null)) };
}

/** A calibration document as a reader may have it (null: not at all); any other document as it is. Stored documents never change. */
function pseudonymised(collection: string, doc: unknown, naming: Naming): unknown {
  const { as } = naming;
  if (collection === 'calibrationSessions') {
    const session = doc as CalibrationSession;
    const alignments = session.alignments.flatMap((a) => {
      const participant = as(a.participant);
      return participant === null ? [] : [{ ...a, participant }];
    });
    return { ...session, participants: naming.ranked.flatMap((p) => as(p) ?? []), alignments };
  }
  if (collection === 'calibrationRatings') {
    const ratings = doc as CalibrationRatings;
    // An erased participant's tombstone still names them, while the session names their stand-in: it
    // goes out as the stand-in would (the same pseudonym), so it reaches the copy each reader holds.
    const participant = as(ratings.participant) ?? (ratings.deleted === true ? as(erasedId(ratings.participant)) : null);
    if (participant === null) return null;
    return participant === ratings.participant ? ratings : { ...ratings, participant, id: calibrationRatingsId(ratings.sessionId, participant, ratings.ticketKey) };
  }
  return doc;
}

/** The kinds whose documents name calibration participants: sent only through asSentTo. */
export const CALIBRATION_KINDS: ReadonlySet<string> = new Set(['calibrationSessions', 'calibrationRatings']);
const sessionOf = (collection: string, doc: unknown): string | null =>
  collection === 'calibrationSessions' ? (doc as CalibrationSession).id : collection === 'calibrationRatings' ? (doc as CalibrationRatings).sessionId : null;

/**
 * Documents as `user` may have them sent, in order: calibration sessions and ratings pseudonymised
 * for a reader who may not see names (a ratings document's id names its participant, so it changes
 * too), null for one not to send; everything else as given. Every answer that carries calibration
 * documents (the pull, a push's conflict) goes through here.
 */
export async function asSentTo(db: Queryable, user: User, docs: ReadonlyArray<{ collection: string; doc: unknown }>): Promise<unknown[]> {
  const ids = [...new Set(docs.flatMap((d) => (CALIBRATION_KINDS.has(d.collection) ? [sessionOf(d.collection, d.doc)!] : [])))];
  if (ids.length === 0) return docs.map((d) => d.doc);
  const namings = await namingsFor(db, user, ids);
  return docs.map(({ collection, doc }) => {
    const id = sessionOf(collection, doc);
    const naming = id === null ? undefined : namings.get(id);
    // A ratings document whose session is gone tells nobody but its participant anything.
    if (id !== null && naming === undefined) return collection === 'calibrationRatings' && (doc as CalibrationRatings).participant !== emailKey(user.email) ? null : doc;
    return naming ? pseudonymised(collection, doc, naming) : doc;
  });
}

/** How `user` may know the participants of each stored session of `ids` (absent ones left out). */
export async function namingsFor(db: Queryable, user: User, ids: readonly string[]): Promise<Map<string, Naming>> {
  const [secret, reader, rows] = await Promise.all([
    pseudonymSecret(db),
    namesReaderOf(db, user),
    db.query<{ doc: unknown }>("SELECT doc FROM docs WHERE collection = 'calibrationSessions' AND id = ANY($1::text[])", [ids]),
  ]);
  const sessions = rows.map((r) => (typeof r.doc === 'string' ? JSON.parse(r.doc) : r.doc) as CalibrationSession);
  return new Map(sessions.map((s) => [s.id, namingFor(secret, s, reader)]));
}
