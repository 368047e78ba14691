// The .ics file of a scheduled session, downloaded from the page (it opens in the user's calendar app).
import { downloadBlob } from '@/components/download';
import { sessionIcs } from '@/lib/coaching';
import type { Translate } from '@/lib/i18n';
import type { CoachingSession } from '@/lib/model';

export function downloadIcs(session: CoachingSession, t: Translate): void {
  const text = sessionIcs(
    session,
    t('coaching.ics.summary', { agent: session.agent.name || session.agent.id, coach: session.coach.name || session.coach.id }),
    t('coaching.ics.description'),
    new Date(),
  );
  downloadBlob(new Blob([text], { type: 'text/calendar;charset=utf-8' }), `coaching-${session.id}.ics`);
}
