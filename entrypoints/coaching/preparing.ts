// A session's evidence read from the plan's "Prepare session" click, before the session page renders;
// the page takes it once (a later visit reads afresh).
import { prepareSession } from '@/lib/coaching';
import { dayOf, type CoachingSession, type Language, type Scorecard } from '@/lib/model';

export type Prepared = Awaited<ReturnType<typeof prepareSession>>;

let started: { sessionId: string; read: Promise<Prepared> } | null = null;

export function startPreparing(session: CoachingSession, cards: readonly Scorecard[], language: Language): void {
  if (cards.length === 0) return;
  const read = prepareSession(session, cards, dayOf(new Date()), language);
  read.catch(() => undefined); // the page reads again if this one failed
  started = { sessionId: session.id, read };
}

/** The read started for the session, once; null when none was (the page then reads itself). */
export function takePrepared(sessionId: string): Promise<Prepared> | null {
  if (started?.sessionId !== sessionId) return null;
  const { read } = started;
  started = null;
  return read;
}
