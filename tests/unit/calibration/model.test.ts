// Calibration documents: a lead's session and each participant's ratings of one ticket.
import { describe, expect, it } from 'vitest';
import { calibrationRatingsId, calibrationRatingsSchema, calibrationSessionSchema } from '@/lib/model';
import { calibrationRatings, calibrationSession } from '../../../server/tests/helpers/docs';
import { refusedFields } from '../model/refusals';

const LEAD = 'lead@arvio.test';
const session = (over = {}) => calibrationSession('cal-1', LEAD, 'team-a', { participants: [LEAD, 'rev1@arvio.test', 'rev2@arvio.test'], ...over });

describe('a calibration session', () => {
  it('a lead starts a session on two tickets with three participants, blind until the facilitator reveals', () => {
    expect(refusedFields(calibrationSessionSchema, session())).toEqual([]);
  });

  it('after the reveal it holds the agreed ratings, a clarification and each participant’s alignment', () => {
    const revealed = session({
      status: 'closed',
      revealedAt: '2026-03-09T17:00:00.000Z',
      agreed: [{ ticketKey: 'zendesk:101', criterionId: 'greet', value: 1, na: false }],
      clarifications: [{ criterionId: 'greet', text: 'A greeting without the name is “Partly”', by: LEAD, at: '2026-03-09T17:10:00.000Z', retiredAt: null }],
      alignments: [{ participant: 'rev1@arvio.test', alignment: 0.9, rated: 20 }],
    });
    expect(refusedFields(calibrationSessionSchema, revealed)).toEqual([]);
  });

  it.each<[string, object, string]>([
    ['no tickets', { tickets: [] }, 'tickets'],
    ['eleven tickets', { tickets: Array.from({ length: 11 }, (_, i) => ({ ticketKey: `zendesk:${i}`, ticket: { helpdesk: 'zendesk', ticketId: String(i), url: '', subject: '', channel: 'chat' } })) }, 'tickets'],
    ['the same ticket twice', { tickets: [session().tickets[0], session().tickets[0]] }, 'tickets.1'],
    ['a ticket key that is not the ticket’s', { tickets: [{ ...session().tickets[0], ticketKey: 'zendesk:999' }] }, 'tickets.0.ticketKey'],
    ['one participant only', { participants: [LEAD] }, 'participants'],
    ['a participant twice', { participants: [LEAD, LEAD] }, 'participants.1'],
    ['a participant in capitals', { participants: [LEAD, 'Rev1@Arvio.test'] }, 'participants.1'],
    ['a name for a facilitator', { facilitator: 'Aino' }, 'facilitator'],
    ['an unknown reveal mode', { revealMode: 'never' }, 'revealMode'],
    ['an open session already revealed', { revealedAt: '2026-03-09T17:00:00.000Z' }, 'revealedAt'],
    ['a closed session never revealed', { status: 'closed' }, 'revealedAt'],
    ['an agreed rating for a ticket not in the session', { agreed: [{ ticketKey: 'zendesk:999', criterionId: 'greet', value: 1, na: false }] }, 'agreed.0.ticketKey'],
    ['an alignment of someone who did not take part', { alignments: [{ participant: 'x@arvio.test', alignment: 1, rated: 1 }] }, 'alignments.0.participant'],
    ['an alignment above 1', { alignments: [{ participant: LEAD, alignment: 1.5, rated: 1 }] }, 'alignments.0.alignment'],
    ['a session id with a bar (ratings ids join on it)', { id: 'cal|1' }, 'id'],
    ['a field the schema does not know', { secret: true }, '(root)'],
  ])('refuses %s, naming the field', (_label, over, field) => {
    expect(refusedFields(calibrationSessionSchema, session(over))).toContain(field);
  });
});

describe('a participant’s ratings of one ticket', () => {
  it('a participant submits ratings whose id is derived from session, participant and ticket', () => {
    const doc = calibrationRatings('cal-1', 'rev1@arvio.test');
    expect(doc.id).toBe(calibrationRatingsId('cal-1', 'rev1@arvio.test', 'zendesk:101'));
    expect(refusedFields(calibrationRatingsSchema, doc)).toEqual([]);
    expect(refusedFields(calibrationRatingsSchema, { ...doc, submittedAt: null })).toEqual([]);
  });

  it.each<[string, object, string]>([
    ['an id naming another participant', { id: calibrationRatingsId('cal-1', 'rev2@arvio.test', 'zendesk:101') }, 'id'],
    ['an id of another ticket', { id: calibrationRatingsId('cal-1', 'rev1@arvio.test', 'zendesk:102') }, 'id'],
    ['the same criterion twice', { ratings: [{ criterionId: 'greet', value: 1, na: false, comment: '' }, { criterionId: 'greet', value: 0, na: false, comment: '' }] }, 'ratings.1'],
    ['a rating out of scale', { ratings: [{ criterionId: 'greet', value: 11, na: false, comment: '' }] }, 'ratings.0.value'],
    ['a participant who is not an e-mail', { participant: 'Aino' }, 'participant'],
    ['a field the schema does not know', { agent: 'x' }, '(root)'],
  ])('refuses %s, naming the field', (_label, over, field) => {
    expect(refusedFields(calibrationRatingsSchema, { ...calibrationRatings('cal-1', 'rev1@arvio.test'), ...over })).toContain(field);
  });
});
