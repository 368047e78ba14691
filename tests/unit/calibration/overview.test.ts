// The dashboard's Calibration figures, the calibration CSV and ticket links: from calibration data only.
import { describe, expect, it } from 'vitest';
import { agree, calibrationOverview, krippendorffAlpha, newCalibrationRatings, pseudonymAddress, newCalibrationSession, reveal, revealFigures, sessionFigures } from '@/lib/calibration';
import { calibrationCsv } from '@/lib/export/calibration';
import { COMMA_DIALECT, SEMICOLON_DIALECT } from '@/lib/export/csv';
import { ticketFromLink } from '@/lib/helpdesks/links';
import { calibrationRatingsId, type CalibrationRatings, type CalibrationSession } from '@/lib/model/calibration';
import { templates } from '@/lib/scorecards/templates';

const card = templates.find((t) => t.id === 'tpl-chat-en')!;
const people = ['a@arvio.test', 'b@arvio.test', 'c@arvio.test'];
const anonymous = (n: number) => `Participant ${n}`;

/**
 * A session and its ratings as the server sends them to `me` where names are hidden: the others by
 * pseudonym, numbered by the server (here `numbers`, not their places), the list in number order.
 */
function asReceivedBy(me: string, numbers: Record<string, number>, session: CalibrationSession, ratings: readonly CalibrationRatings[]) {
  const as = (p: string) => (p === me ? p : pseudonymAddress(numbers[p]!));
  const byNumber = [...session.participants].sort((a, b) => numbers[a]! - numbers[b]!);
  return {
    session: { ...session, namesShown: false, participants: byNumber.map(as), alignments: session.alignments.map((a) => ({ ...a, participant: as(a.participant) })) },
    ratings: ratings.map((r) => ({ ...r, participant: as(r.participant), id: calibrationRatingsId(r.sessionId, as(r.participant), r.ticketKey) })),
  };
}
/** The server's numbers: none is the participant's place in the session. */
const numbers = { [people[0]!]: 2, [people[1]!]: 3, [people[2]!]: 1 };

function sessionOn(id: string, month: string, values: (p: number, c: number) => number): { session: CalibrationSession; ratings: CalibrationRatings[] } {
  const now = new Date(`2026-${month}-10T10:00:00.000Z`);
  const tickets = ['201', '202'].map((n) => ({ helpdesk: 'zendesk', ticketId: `${id}${n}`, url: '', subject: '', channel: 'chat' as const }));
  const started = newCalibrationSession(
    { id, team: 't', title: id, startedBy: people[0]!, facilitator: people[0]!, card, tickets, participants: people, deadline: now, hideAgent: true, namesShown: true, revealMode: 'facilitator-reveals' },
    now,
  );
  const ratings = people.flatMap((p, pi) =>
    started.tickets.map(({ ticketKey }) => {
      const doc = newCalibrationRatings(started, p, ticketKey, card, now);
      return { ...doc, submittedAt: now.toISOString(), ratings: doc.ratings.map((r, ci) => ({ ...r, value: Math.min(values(pi, ci), card.criteria[ci]!.levels.length - 1) })) };
    }),
  );
  const agreed = started.tickets.flatMap(({ ticketKey }) => card.criteria.map((c) => ({ ticketKey, criterionId: c.id, value: 1, na: false })));
  return { session: agree(reveal(started, now), card, ratings, agreed, now), ratings };
}

describe('the Calibration view’s figures', () => {
  const march = sessionOn('s1', '03', (p, c) => (c === 0 ? p : 1));
  const april = sessionOn('s2', '04', () => 1);
  const ratings = new Map([
    ['s1', march.ratings],
    ['s2', april.ratings],
  ]);
  // The figures the one writer keeps for each session.
  const figures = new Map([march, april].map((x) => [x.session.id, sessionFigures(x.session, card, x.ratings)]));

  it('lists sessions newest first with the session alpha the reveal shows', () => {
    const overview = calibrationOverview([march.session, april.session], figures, [card]);
    expect(overview.sessions.map((r) => r.session.id)).toEqual(['s2', 's1']);
    expect(overview.sessions[1]?.alpha).toEqual(revealFigures(march.session, card, march.ratings).session.alpha);
    expect(overview.months).toEqual(['2026-03', '2026-04']);
  });

  it('gives the same session alpha from figures kept before the scorecard was here', () => {
    const early = new Map([march, april].map((x) => [x.session.id, sessionFigures(x.session, undefined, x.ratings)]));
    const alpha = calibrationOverview([march.session, april.session], early, [card]).sessions[1]?.alpha;
    const shown = revealFigures(march.session, card, march.ratings).session.alpha;
    expect(alpha).toMatchObject({ pairable: shown.pairable, units: shown.units, tooFew: shown.tooFew });
    expect(alpha?.alpha).toBeCloseTo(shown.alpha!, 12);
  });

  it('pools a criterion’s alpha over the sessions from their kept figures: alpha of all their units at once', () => {
    const overview = calibrationOverview([march.session, april.session], figures, [card]);
    const first = card.criteria[0]!.id;
    const row = (x: typeof march, p: string) =>
      x.session.tickets.map((t) => x.ratings.find((r) => r.participant === p && r.ticketKey === t.ticketKey)!.ratings.find((r) => r.criterionId === first)!.value);
    const matrix = people.map((p) => [...row(march, p), ...row(april, p)]);
    expect(overview.criteria.find((c) => c.criterionId === first)?.overall.alpha).toBeCloseTo(krippendorffAlpha(matrix, 'ordinal')!, 12);
  });

  it('names the criterion the reviewers disagree on first among the lowest, and keeps alignment per month', () => {
    const overview = calibrationOverview([march.session, april.session], figures, [card]);
    const first = card.criteria[0]!.id;
    expect(overview.criteria.find((c) => c.criterionId === first)?.byMonth.get('2026-03')?.pairable).toBe(6);
    expect(overview.lowest.map((c) => c.criterionId)).toEqual([first]);
    expect(overview.lowest[0]?.overall.alpha).toBeLessThan(0.5);
    const trend = overview.alignment.find((a) => 'email' in a.participant && a.participant.email === people[2]);
    expect(trend?.byMonth.get('2026-04')).toBe(1);
    expect(trend?.byMonth.get('2026-03')).toBeLessThan(1);
  });

  it('averages a month’s alignment over its ratings: a session resting on one rating weighs one rating, not half the month', () => {
    // Half a scale off on the one criterion both rated in one session; all twenty agreed in the other.
    const stored = (x: typeof march, id: string, day: string, alignment: number, rated: number): CalibrationSession => ({
      ...x.session,
      id,
      createdAt: `2026-05-${day}T10:00:00.000Z`,
      alignments: [{ participant: people[1]!, alignment, rated }],
    });
    const overview = calibrationOverview([stored(march, 'm1', '05', 0.5, 1), stored(april, 'm2', '20', 1, 20)], new Map(), [card]);
    const trend = overview.alignment.find((a) => 'email' in a.participant && a.participant.email === people[1]);
    expect(trend?.byMonth.get('2026-05')).toBeCloseTo((0.5 * 1 + 1 * 20) / 21, 12);
  });

  it('writes the CSV in long format: a row per session, ticket, criterion and participant with the agreed rating', () => {
    const csv = calibrationCsv([march.session], ratings, [card], COMMA_DIALECT, anonymous);
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('session_id,session,session_date,ticket,criterion_id,criterion,participant,rating,agreed_rating');
    expect(lines).toHaveLength(1 + 2 * card.criteria.length * people.length);
    expect(lines[1]).toBe(`s1,s1,2026-03-10,zendesk:s1201,${card.criteria[0]!.id},${card.criteria[0]!.title},a@arvio.test,1,2`);
    expect(calibrationCsv([march.session], ratings, [card], SEMICOLON_DIALECT, anonymous).split('\r\n')[0]).toContain(';');
  });

  it('leaves a deleted rating (its participant erased) out of the CSV: their rows stay, without a rating', () => {
    const gone = march.ratings.filter((r) => r.participant === people[2]).map((r) => ({ ...r, deleted: true }));
    const kept = march.ratings.filter((r) => r.participant !== people[2]);
    const lines = calibrationCsv([march.session], new Map([['s1', [...kept, ...gone]]]), [card], COMMA_DIALECT, anonymous).replace('\uFEFF', '').trim().split('\r\n').slice(1);
    expect(lines).toHaveLength(2 * card.criteria.length * people.length);
    const theirs = lines.filter((line) => line.split(',')[6] === people[2]);
    expect(theirs).toHaveLength(2 * card.criteria.length);
    expect(theirs.every((line) => line.split(',')[7] === '')).toBe(true);
    expect(calibrationCsv([march.session], new Map([['s1', [...kept, ...gone]]]), [card], COMMA_DIALECT, anonymous)).toBe(
      calibrationCsv([march.session], new Map([['s1', kept]]), [card], COMMA_DIALECT, anonymous),
    );
  });

  it('writes the participants in the CSV as the server sent them: pseudonyms as "Participant k" (the server’s number), oneself and names by e-mail', () => {
    const received = asReceivedBy(people[1]!, numbers, march.session, march.ratings);
    const lines = calibrationCsv([received.session], new Map([['s1', received.ratings]]), [card], COMMA_DIALECT, anonymous).replace('\uFEFF', '').trim().split('\r\n').slice(1);
    expect(new Set(lines.map((line) => line.split(',')[6]))).toEqual(new Set(['Participant 1', people[1], 'Participant 2']));
    // Each pseudonym's row carries that participant's rating (people[2] gave 2 on the first criterion of March, as Participant 1).
    expect(lines.find((line) => line.includes(`,${card.criteria[0]!.id},`) && line.includes('Participant 1'))?.split(',')[7]).toBe('3');
    expect(lines.join('\n')).not.toMatch(new RegExp(`${people[0]}|${people[2]}`));
    // Sent with names (the facilitator, a lead, or names shown): everyone by e-mail.
    const named = calibrationCsv([march.session], ratings, [card], COMMA_DIALECT, anonymous).replace('\uFEFF', '').trim().split('\r\n').slice(1);
    expect(new Set(named.map((line) => line.split(',')[6]))).toEqual(new Set(people));
  });

  it('keeps the alignment trend of people it knows by name: oneself and names by e-mail; a pseudonym, a number within one session, is nobody’s trend', () => {
    const received = [march, april].map((x) => asReceivedBy(people[1]!, numbers, x.session, x.ratings).session);
    const rows = calibrationOverview(received, figures, [card]).alignment.map((a) => a.participant);
    expect(rows).toEqual([{ email: people[1] }]);
    expect(JSON.stringify(calibrationOverview(received, figures, [card]).alignment)).not.toMatch(new RegExp(`${people[0]}|${people[2]}`));
    // Sent with names: everyone by e-mail.
    expect(calibrationOverview([march.session, april.session], figures, [card]).alignment.map((a) => a.participant)).toEqual(people.map((email) => ({ email })));
  });

  it('reveals the ratings as received: columns in the session’s (number) order, each pseudonym with its own ratings', () => {
    const received = asReceivedBy(people[1]!, numbers, march.session, march.ratings);
    const figuresOf = revealFigures(received.session, card, received.ratings);
    expect(figuresOf.participants).toEqual([pseudonymAddress(1), pseudonymAddress(2), people[1]]);
    // people[2] (Participant 1) gave 2 on the first criterion, people[0] (Participant 2) gave 0, people[1] 1.
    expect(figuresOf.tickets[0]!.criteria[0]!.ratings).toEqual([2, 0, 1]);
    expect(figuresOf.session.alpha).toEqual(revealFigures(march.session, card, march.ratings).session.alpha);
  });
});

describe('ticket links', () => {
  it.each([
    ['https://acme.zendesk.com/agent/tickets/4521', 'zendesk', '4521'],
    ['http://127.0.0.1:5178/agent/tickets/102', 'zendesk', '102'],
    ['https://acme.freshdesk.com/a/tickets/77', 'freshdesk', '77'],
  ])('%s is %s ticket %s', (link, helpdesk, ticketId) => {
    expect(ticketFromLink(link)).toMatchObject({ helpdesk, ticketId });
  });

  it('refuses what is not a ticket link', () => {
    expect(ticketFromLink('not a link')).toBeNull();
    expect(ticketFromLink('javascript:alert(1)')).toBeNull();
    expect(ticketFromLink('https://example.com/about')).toBeNull();
  });
});
