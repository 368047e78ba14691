// A calibration session for the component tests: two reviewers of team A on the English chat card,
// names shown, revealed by the facilitator.
import { newCalibrationSession } from '@/lib/calibration';
import type { CalibrationSession } from '@/lib/model/calibration';
import { templates } from '@/lib/scorecards/templates';

export const card = templates.find((t) => t.id === 'tpl-chat-en')!;
export const people = ['a@arvio.test', 'b@arvio.test'] as const;
export const now = new Date('2026-03-09T10:00:00.000Z');

/** An open session on the chat tickets `ticketIds`, started and facilitated by the first of `people`. */
export function sessionOn(id: string, ticketIds: readonly string[], deadline = now): CalibrationSession {
  return newCalibrationSession(
    {
      id,
      team: 'team-a',
      title: `Session ${id}`,
      startedBy: people[0],
      facilitator: people[0],
      card,
      tickets: ticketIds.map((ticketId) => ({ helpdesk: 'zendesk', ticketId, url: '', subject: '', channel: 'chat' as const })),
      participants: [...people],
      deadline,
      hideAgent: true,
      namesShown: true,
      revealMode: 'facilitator-reveals',
    },
    now,
  );
}
