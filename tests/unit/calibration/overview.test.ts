// The dashboard's Calibration figures, the calibration CSV and ticket links: from calibration data only.
import { describe, expect, it } from 'vitest';
import { agree, calibrationOverview, krippendorffAlpha, shownParticipants, newCalibrationRatings, newCalibrationSession, reveal, revealFigures, sessionFigures } from '@/lib/calibration';
import { calibrationCsv } from '@/lib/export/calibration';
import { COMMA_DIALECT, SEMICOLON_DIALECT } from '@/lib/export/csv';
import { ticketFromLink } from '@/lib/helpdesks/links';
import type { CalibrationRatings, CalibrationSession } from '@/lib/model/calibration';
import { templates } from '@/lib/scorecards/templates';

const card = templates.find((t) => t.id === 'tpl-chat-en')!;
const people = ['a@arvio.test', 'b@arvio.test', 'c@arvio.test'];
/** The sessions' facilitator (people[0]) exporting. */
const facilitator = { me: people[0]!, lead: false, anonymous: (n: number) => `Participant ${n}` };

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
    const overview = calibrationOverview([march.session, april.session], figures, [card], facilitator);
    expect(overview.sessions.map((r) => r.session.id)).toEqual(['s2', 's1']);
    expect(overview.sessions[1]?.alpha).toEqual(revealFigures(march.session, card, march.ratings).session.alpha);
    expect(overview.months).toEqual(['2026-03', '2026-04']);
  });

  it('gives the same session alpha from figures kept before the scorecard was here', () => {
    const early = new Map([march, april].map((x) => [x.session.id, sessionFigures(x.session, undefined, x.ratings)]));
    const alpha = calibrationOverview([march.session, april.session], early, [card], facilitator).sessions[1]?.alpha;
    const shown = revealFigures(march.session, card, march.ratings).session.alpha;
    expect(alpha).toMatchObject({ pairable: shown.pairable, units: shown.units, tooFew: shown.tooFew });
    expect(alpha?.alpha).toBeCloseTo(shown.alpha!, 12);
  });

  it('pools a criterion’s alpha over the sessions from their kept figures: alpha of all their units at once', () => {
    const overview = calibrationOverview([march.session, april.session], figures, [card], facilitator);
    const first = card.criteria[0]!.id;
    const row = (x: typeof march, p: string) =>
      x.session.tickets.map((t) => x.ratings.find((r) => r.participant === p && r.ticketKey === t.ticketKey)!.ratings.find((r) => r.criterionId === first)!.value);
    const matrix = people.map((p) => [...row(march, p), ...row(april, p)]);
    expect(overview.criteria.find((c) => c.criterionId === first)?.overall.alpha).toBeCloseTo(krippendorffAlpha(matrix, 'ordinal')!, 12);
  });

  it('names the criterion the reviewers disagree on first among the lowest, and keeps alignment per month', () => {
    const overview = calibrationOverview([march.session, april.session], figures, [card], facilitator);
    const first = card.criteria[0]!.id;
    expect(overview.criteria.find((c) => c.criterionId === first)?.byMonth.get('2026-03')?.pairable).toBe(6);
    expect(overview.lowest.map((c) => c.criterionId)).toEqual([first]);
    expect(overview.lowest[0]?.overall.alpha).toBeLessThan(0.5);
    const trend = overview.alignment.find((a) => 'email' in a.participant && a.participant.email === people[2]);
    expect(trend?.byMonth.get('2026-04')).toBe(1);
    expect(trend?.byMonth.get('2026-03')).toBeLessThan(1);
  });

  it('writes the CSV in long format: a row per session, ticket, criterion and participant with the agreed rating', () => {
    const csv = calibrationCsv([march.session], ratings, [card], COMMA_DIALECT, facilitator);
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('session_id,session,session_date,ticket,criterion_id,criterion,participant,rating,agreed_rating');
    expect(lines).toHaveLength(1 + 2 * card.criteria.length * people.length);
    expect(lines[1]).toBe(`s1,s1,2026-03-10,zendesk:s1201,${card.criteria[0]!.id},${card.criteria[0]!.title},a@arvio.test,1,2`);
    expect(calibrationCsv([march.session], ratings, [card], SEMICOLON_DIALECT, facilitator).split('\r\n')[0]).toContain(';');
  });

  it('names the participants in the CSV only to whom the reveal names them: others see their own e-mail and positions', () => {
    const participants = (session: CalibrationSession, viewer: Parameters<typeof calibrationCsv>[4]) =>
      new Set(calibrationCsv([session], ratings, [card], COMMA_DIALECT, viewer).replace('\uFEFF', '').trim().split('\r\n').slice(1).map((line) => line.split(',')[6]));
    const hidden = { ...march.session, namesShown: false };
    const anonymous = (n: number) => `Participant ${n}`;
    expect(participants(hidden, { me: people[1]!, lead: false, anonymous })).toEqual(new Set(['Participant 1', people[1], 'Participant 3']));
    expect(participants(hidden, { me: 'lead@arvio.test', lead: true, anonymous })).toEqual(new Set(people));
    expect(participants(hidden, facilitator)).toEqual(new Set(people));
    // Names shown by the facilitator's choice: everyone sees them.
    expect(participants(march.session, { me: people[1]!, lead: false, anonymous })).toEqual(new Set(people));
  });

  it('names the reviewers in the alignment table only to whom the reveal names them: others see themself and positions', () => {
    const hidden = [march.session, april.session].map((s) => ({ ...s, namesShown: false }));
    const rows = (viewer: { me: string; lead: boolean }) => calibrationOverview(hidden, figures, [card], viewer).alignment.map((a) => a.participant);
    // The same numbering as the reveal: the position in the session.
    expect(rows({ me: people[1]!, lead: false })).toEqual([{ email: people[1] }, { n: 1 }, { n: 3 }]);
    expect(rows({ me: 'lead@arvio.test', lead: true })).toEqual(people.map((email) => ({ email })));
    expect(rows({ me: people[0]!, lead: false })).toEqual(people.map((email) => ({ email })));
    expect(JSON.stringify(calibrationOverview(hidden, figures, [card], { me: people[1]!, lead: false }).alignment)).not.toContain(people[2]);
    // The reveal's headings come from the same function.
    expect(shownParticipants(hidden[0]!, { me: people[1]!, lead: false })).toEqual([{ n: 1 }, { email: people[1] }, { n: 3 }]);
    // Names shown by the facilitator's choice: everyone sees them.
    expect(calibrationOverview([march.session, april.session], figures, [card], { me: people[1]!, lead: false }).alignment.map((a) => a.participant)).toEqual(
      people.map((email) => ({ email })),
    );
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
