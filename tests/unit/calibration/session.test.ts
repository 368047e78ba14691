// A calibration session's figures: agreement beside alpha, the blind rule, agreeing and alignment.
import { describe, expect, it } from 'vitest';
import {
  agree,
  alignment,
  clarificationsFor,
  clarify,
  krippendorffAlpha,
  newCalibrationRatings,
  newCalibrationSession,
  othersVisible,
  pairAgreement,
  retireClarification,
  reveal,
  revealFigures,
  sessionMatrix,
  spread,
  ticketsToRate,
} from '@/lib/calibration';
import type { CalibrationRatings } from '@/lib/model/calibration';
import type { TicketRef } from '@/lib/model/ticket';
import { templates } from '@/lib/scorecards/templates';

const card = templates.find((t) => t.language === 'en' && t.status === 'published') ?? templates[0]!;
const ticket = (id: string): TicketRef => ({ helpdesk: 'demo', ticketId: id, url: `http://127.0.0.1/tickets/${id}`, subject: `Ticket ${id}`, channel: 'email' });
const [LEAD, A, B, C] = ['lead@arvio.test', 'a@arvio.test', 'b@arvio.test', 'c@arvio.test'] as const;
const NOW = new Date('2026-03-09T12:00:00.000Z');

const session = (revealMode: 'after-own-submit' | 'facilitator-reveals' = 'facilitator-reveals') =>
  newCalibrationSession(
    {
      id: 'cal-1',
      team: 'team-a',
      title: 'March',
      startedBy: LEAD,
      facilitator: LEAD,
      card,
      tickets: [ticket('101'), ticket('102')],
      participants: [A, B, C],
      deadline: new Date('2026-03-10T16:00:00.000Z'),
      hideAgent: true,
      namesShown: false,
      revealMode,
    },
    NOW,
  );

/** Submitted ratings where every criterion gets `value(criterionIndex)` (null: N/A). */
function rated(who: string, key: string, value: (i: number) => number | null): CalibrationRatings {
  const doc = newCalibrationRatings(session(), who, key, card, NOW);
  return {
    ...doc,
    ratings: doc.ratings.map((r, i) => {
      const v = value(i);
      return v === null ? { ...r, na: true } : { ...r, value: Math.min(v, card.criteria[i]!.levels.length - 1) };
    }),
    submittedAt: NOW.toISOString(),
  };
}

describe('agreement figures', () => {
  it('spread, exact and within-one agreement count pairs of different raters, missing values left out', () => {
    expect(spread([1, 3, null, 2])).toBe(2);
    expect(spread([null])).toBeNull();
    expect(pairAgreement([1, 1, 2, null])).toEqual({ pairs: 3, exact: 1, withinOne: 3 });
    expect(pairAgreement([0, 3])).toEqual({ pairs: 1, exact: 0, withinOne: 0 });
  });

  it('alignment is 1 − |rating − agreed| / range, averaged over criteria both rated', () => {
    expect(alignment([{ rating: 4, agreed: 4, range: 4 }, { rating: 2, agreed: 4, range: 4 }, { rating: null, agreed: 1, range: 4 }])).toEqual({ alignment: 0.75, rated: 2 });
    expect(alignment([{ rating: null, agreed: 1, range: 4 }])).toEqual({ alignment: null, rated: 0 });
  });
});

describe('a session', () => {
  const ratings = [
    rated(A, 'demo:101', (i) => 2 + (i % 2)),
    rated(B, 'demo:101', (i) => 2 + (i % 2)),
    rated(C, 'demo:101', (i) => (i === 0 ? null : 1)),
    rated(A, 'demo:102', () => 1),
    rated(B, 'demo:102', () => 2),
  ];

  it('its alpha is krippendorffAlpha (ordinal) of participants × ticket-criteria, N/A and unsubmitted missing', () => {
    const figures = revealFigures(session(), card, ratings);
    const matrix = sessionMatrix(session(), card, ratings);
    expect(matrix).toHaveLength(3);
    expect(matrix[2]?.[0]).toBeNull();
    expect(matrix[2]?.slice(card.criteria.length).every((v) => v === null)).toBe(true);
    expect(figures.session.alpha.alpha).toBe(krippendorffAlpha(matrix, 'ordinal'));
    expect(figures.session.alpha.pairable).toBeGreaterThanOrEqual(10);
    expect(figures.session.alpha.tooFew).toBe(false);
    expect(figures.submitted.map((s) => s.size)).toEqual([2, 2, 1]);
  });

  it('says "too few ratings to tell" for a criterion rated on one ticket only', () => {
    const figures = revealFigures(session(), card, ratings.slice(0, 3));
    expect(figures.criteria[1]?.alpha.tooFew).toBe(true);
  });

  it('is blind: nobody sees the others’ ratings until the reveal; after-own-submit opens a ticket to those who submitted it', () => {
    expect(othersVisible(session(), A, 'demo:101', ratings)).toBe(false);
    expect(othersVisible(reveal(session(), NOW), A, 'demo:101', [])).toBe(true);
    const own = session('after-own-submit');
    expect(othersVisible(own, A, 'demo:101', ratings)).toBe(true);
    expect(othersVisible(own, C, 'demo:102', ratings)).toBe(false);
    expect(ticketsToRate(own, C, ratings)).toEqual(['demo:102']);
    expect(ticketsToRate(own, LEAD, ratings)).toEqual([]);
  });

  it('agreeing stores each participant’s alignment and closes the session once everything is agreed', () => {
    const agreed = session().tickets.flatMap((t) => card.criteria.map((c) => ({ ticketKey: t.ticketKey, criterionId: c.id, value: 1, na: false })));
    const closed = agree(reveal(session(), NOW), card, ratings, agreed, NOW);
    expect(closed.status).toBe('closed');
    const ofA = closed.alignments.find((a) => a.participant === A);
    expect(ofA?.rated).toBe(card.criteria.length * 2);
    expect(closed.alignments.find((a) => a.participant === C)?.rated).toBe(card.criteria.length - 1);
    const partly = agree(reveal(session(), NOW), card, ratings, agreed.slice(0, 1), NOW);
    expect(partly.status).toBe('revealed');
  });

  it('clarifications are shown for the scorecard until a lead retires them', () => {
    const criterion = card.criteria[0]!.id;
    const clarified = clarify(session(), criterion, ' A greeting without the name is “Partly” ', LEAD, NOW);
    const shown = clarificationsFor([clarified], card.id).get(criterion);
    expect(shown?.map((c) => [c.text, c.by])).toEqual([['A greeting without the name is “Partly”', LEAD]]);
    expect(clarificationsFor([clarified], 'another-card').size).toBe(0);
    const retired = retireClarification(clarified, criterion, NOW.toISOString(), NOW);
    expect(clarificationsFor([retired], card.id).get(criterion)).toBeUndefined();
  });
});
