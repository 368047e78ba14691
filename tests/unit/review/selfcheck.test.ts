// What the automatic checks suggest for the agent's self-assessment.
import { describe, expect, it } from 'vitest';
import { runChecks } from '@/lib/checks';
import { hintCounts, mergeRatings, selfCheckableCriteria, suggestedRatings } from '@/lib/review/selfcheck';
import { templates } from '@/lib/scorecards';

const card = templates.find((t) => t.id === 'tpl-email-fi')!;

describe('self-check suggestions', () => {
  it('pre-marks criteria the checks speak to: top level without hints, lower with them', () => {
    const good = runChecks('Hei Matti,\n\nlasku on korjattu.\n\nYstävällisin terveisin\nAino', { customerName: 'Matti Virtanen' });
    const bad = runChecks('moi, KUTEN JO KERROIN lasku on korjattu!!! hetu 131052-308T', { customerName: 'Matti Virtanen' });
    const greeting = card.criteria.find((c) => c.id === 'greeting')!;
    expect(suggestedRatings(card, good.hints).get('greeting')).toBe(greeting.levels.length - 1);
    expect(suggestedRatings(card, bad.hints).get('tone')).toBeLessThan(card.criteria.find((c) => c.id === 'tone')!.levels.length - 1);
    expect(suggestedRatings(card, bad.hints).get('privacy')).toBe(0);
    expect(hintCounts(bad.hints)).toMatchObject({ blame: 1, personalData: 1 });
  });

  it('stores the agent’s own choice over the suggestion, for self-checkable criteria only', () => {
    const suggested = new Map([['greeting', 2], ['need', 3]]);
    const ratings = mergeRatings(card, suggested, new Map([['greeting', 0]]));
    const selfCheckable = new Set(selfCheckableCriteria(card).map((c) => c.id));
    expect(ratings.every((r) => selfCheckable.has(r.criterionId))).toBe(true);
    expect(ratings.find((r) => r.criterionId === 'greeting')?.value).toBe(0);
  });
});
