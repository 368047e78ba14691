// A calibration session's figures: agreement beside alpha, the blind rule, agreeing and alignment.
import { describe, expect, it } from 'vitest';
import {
  agree,
  alignment,
  clarificationsFor,
  clarify,
  indexRatings,
  krippendorffAlpha,
  newCalibrationRatings,
  newCalibrationSession,
  othersVisible,
  pairAgreement,
  retireClarification,
  reveal,
  revealFigures,
  sessionFigures,
  sessionMatrix,
  spread,
  ticketsToRate,
} from '@/lib/calibration';
import type { CalibrationRatings } from '@/lib/model/calibration';
import type { TicketRef } from '@/lib/model/ticket';
import { teamEditId } from '@/lib/model/scorecard';
import { templates } from '@/lib/scorecards/templates';
import { criterionScore } from '@/lib/scoring';

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

  it('its alpha is krippendorffAlpha (interval) of participants × ticket-criteria, each rating as its criterion score, N/A and unsubmitted missing', () => {
    const figures = revealFigures(session(), card, ratings);
    const matrix = sessionMatrix(session(), card, ratings);
    expect(matrix).toHaveLength(3);
    expect(matrix[2]?.[0]).toBeNull();
    expect(matrix[2]?.slice(card.criteria.length).every((v) => v === null)).toBe(true);
    // Criterion scores, the score formula's: B's rating 2 of the second criterion on its own scale.
    const second = card.criteria[1]!;
    expect(matrix[1]?.[1]).toBe(criterionScore(second, Math.min(3, second.levels.length - 1)));
    expect(figures.session.alpha.alpha).toBe(krippendorffAlpha(matrix, 'interval'));
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

  it('leaves a deleted rating out (its participant erased): as if never submitted, in the reveal, the kept figures, the blind rule and agreeing', () => {
    // C's ratings of demo:101, deleted: the flag decides, even with the values still in it.
    const deleted = { ...ratings[2]!, deleted: true };
    const withDeleted = [...ratings.slice(0, 2), deleted, ...ratings.slice(3)];
    const without = [...ratings.slice(0, 2), ...ratings.slice(3)];
    expect(indexRatings(withDeleted).has(`${C}|demo:101`)).toBe(false);
    expect([...indexRatings(withDeleted).keys()]).toEqual([...indexRatings(without).keys()]);
    const figures = revealFigures(session(), card, withDeleted);
    expect(figures).toEqual(revealFigures(session(), card, without));
    expect(figures.submitted.map((s) => s.size)).toEqual([2, 2, 0]);
    expect(figures.tickets[0]?.scores[2]).toBeNull();
    expect(sessionMatrix(session(), card, withDeleted)).toEqual(sessionMatrix(session(), card, without));
    // The figures the one writer keeps, with the scorecard here or not yet.
    expect(sessionFigures(session(), card, withDeleted)).toEqual(sessionFigures(session(), card, without));
    expect(sessionFigures(session(), undefined, withDeleted)).toEqual(sessionFigures(session(), undefined, without));
    // As the server's erasure leaves it: no ratings, deleted.
    const tombstone = { ...ratings[2]!, ratings: [], deleted: true };
    expect(revealFigures(session(), card, [...without, tombstone])).toEqual(revealFigures(session(), card, without));
    const own = session('after-own-submit');
    expect(othersVisible(own, C, 'demo:101', withDeleted)).toBe(false);
    expect(ticketsToRate(own, C, withDeleted)).toEqual(['demo:101', 'demo:102']);
    // Agreeing: no alignment for someone whose only ratings are deleted.
    const agreed = session().tickets.flatMap((t) => card.criteria.map((c) => ({ ticketKey: t.ticketKey, criterionId: c.id, value: 1, na: false })));
    const closed = agree(reveal(session(), NOW), card, withDeleted, agreed, NOW);
    expect(closed.alignments.map((a) => a.participant)).toEqual([A, B]);
    expect(closed).toEqual(agree(reveal(session(), NOW), card, without, agreed, NOW));
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

  it('a team’s edit of a built-in shows the clarifications made on the built-in, and its own; not another team’s', () => {
    const criterion = card.criteria[0]!.id;
    const onBuiltIn = clarify({ ...session(), id: 'on-built-in', scorecardId: 'tpl-email-fi' }, criterion, 'Made on the built-in', LEAD, NOW);
    const onOurs = clarify({ ...session(), id: 'on-ours', scorecardId: teamEditId('tpl-email-fi', 'team-a') }, criterion, 'Made on ours', LEAD, NOW);
    const onTheirs = clarify({ ...session(), id: 'on-theirs', scorecardId: teamEditId('tpl-email-fi', 'team-b') }, criterion, 'Made on theirs', LEAD, NOW);
    const texts = (id: string) => clarificationsFor([onBuiltIn, onOurs, onTheirs], id).get(criterion)?.map((c) => c.text);
    expect(texts(teamEditId('tpl-email-fi', 'team-a'))).toEqual(['Made on the built-in', 'Made on ours']);
    expect(texts('tpl-email-fi')).toEqual(['Made on the built-in']);
  });
});

describe('the session alpha over criteria of different scales', () => {
  // A chat card mixes yes/no criteria with 4- and 5-point ones.
  const mixed = templates.find((t) => t.id === 'tpl-chat-en')!;
  const yesNo = mixed.criteria.filter((c) => c.levels.length === 2);
  const fivePoint = mixed.criteria.filter((c) => c.levels.length === 5);
  const one = (): ReturnType<typeof session> => ({ ...session(), scorecardId: mixed.id, tickets: [session().tickets[0]!] });
  const scored = (who: string, value: (c: (typeof mixed.criteria)[number]) => number): CalibrationRatings => {
    const doc = newCalibrationRatings(one(), who, 'demo:101', mixed, NOW);
    return { ...doc, ratings: doc.ratings.map((r) => ({ ...r, value: value(mixed.criteria.find((c) => c.id === r.criterionId)!) })), submittedAt: NOW.toISOString() };
  };
  const top = (c: (typeof mixed.criteria)[number]) => c.levels.length - 1;
  // What two reviewers both gave: varied, as real ratings are.
  const base = (c: (typeof mixed.criteria)[number]) => {
    const i = mixed.criteria.indexOf(c);
    return c.levels.length === 2 ? i % 2 : Math.max(0, top(c) - (i % 3));
  };
  const alphaOf = (third: CalibrationRatings) => revealFigures(one(), mixed, [scored(A, base), scored(B, base), third]).session.alpha.alpha!;

  it('is lowered more by opposite answers to yes/no criteria than by one step down on each 5-point criterion', () => {
    expect(yesNo.length).toBeGreaterThan(0);
    expect(fivePoint.length).toBeGreaterThan(0);
    const opposite = alphaOf(scored(C, (c) => (c.levels.length === 2 ? 1 - base(c) : base(c))));
    const stepDown = alphaOf(scored(C, (c) => (c.levels.length === 5 ? Math.max(0, base(c) - 1) : base(c))));
    // On raw values, as one ordinal scale, it was the other way round (0.97 against 0.93).
    expect(opposite).toBeLessThan(0.7);
    expect(stepDown).toBeGreaterThan(0.9);
  });
});
