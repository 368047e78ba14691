// What the automatic checks suggest for the agent's self-assessment.
import { describe, expect, it } from 'vitest';
import { runChecks } from '@/lib/checks';
import { hintCounts, hintsFor, mergeRatings, selfCheckableCriteria, suggestedRatings } from '@/lib/review/selfcheck';
import { templates } from '@/lib/scorecards/templates';

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

  // Level indexes on the e-mail cards: greeting, closing 0–2 (Not met, Partly, On target), name 0–1,
  // tone 0–4 (Poor … Excellent), clarity 0–3 (Not met … Excellent).
  const shoutingFi =
    'KUTEN SANOIN, lasku on jo korjattu!!! Se on teidän vikanne, ettet lukenut ohjeita.\n\nTerveisin [nimi]';
  const shoutingEn = 'AS I SAID, the invoice is ALREADY FIXED!!! It is your fault you did not read the instructions.\n\nRegards [name]';
  const carefulFi =
    'Hei Matti,\n\nkiitos viestistäsi. Korjasin laskun, ja uusi lasku tulee sähköpostiisi tänään.\n\nYstävällisin terveisin\nAino';
  const carefulEn = 'Hello Matti,\n\nthank you for your message. I corrected the invoice and the new one reaches you today.\n\nKind regards\nAino';
  const longFi = `Hei Matti,\n\n${'ja sitten tarkistin vielä '.repeat(12)}laskun.\n\nYstävällisin terveisin\nAino`;
  const noNameEn = 'Hello,\n\nthe invoice is corrected.\n\nKind regards\nAino';

  it.each([
    ['fi', shoutingFi, { greeting: 0, name: 0, closing: 1, tone: 0, clarity: 2 }],
    ['en', shoutingEn, { greeting: 0, name: 0, closing: 1, tone: 0, clarity: 2 }],
    ['fi', carefulFi, { greeting: 2, name: 1, closing: 2, tone: 3, clarity: 2, privacy: 2 }],
    ['en', carefulEn, { greeting: 2, name: 1, closing: 2, tone: 3, clarity: 2, privacy: 2 }],
    ['fi', longFi, { greeting: 2, closing: 2, clarity: 1 }],
    ['en', noNameEn, { greeting: 2, name: 0, closing: 2 }],
    ['fi', 'Hei Matti, hetu 131052-308T.\n\nTerveisin\nAino', { privacy: 0 }],
    ['en', 'Hello Matti, your order XXX has shipped.\n\nKind regards\nAino', { closing: 2 }],
  ] as const)('a %s draft is pre-marked as its hints allow: %j', (lang, draft, expected) => {
    const card = templates.find((t) => t.id === `tpl-email-${lang}`)!;
    const { hints } = runChecks(draft, { customerName: 'Matti Virtanen' });
    const suggested = suggestedRatings(card, hints);
    expect(Object.fromEntries(Object.keys(expected).map((id) => [id, suggested.get(id)]))).toEqual(expected);
  });

  it('a criterion with hints never gets the top level; finding nothing keeps a long scale below Excellent', () => {
    for (const draft of [shoutingFi, shoutingEn, carefulFi, carefulEn, longFi, noNameEn]) {
      const { hints } = runChecks(draft, { customerName: 'Matti Virtanen' });
      for (const [id, value] of suggestedRatings(card, hints)) {
        const criterion = card.criteria.find((c) => c.id === id)!;
        const top = criterion.levels.length - 1;
        if (hintsFor(id, hints).length > 0 || top > 2) expect(value, `${id} in ${JSON.stringify(draft)}`).toBeLessThan(top);
      }
    }
  });

  it('stores the agent’s own choice over the suggestion, for self-checkable criteria only', () => {
    const suggested = new Map([['greeting', 2], ['need', 3]]);
    const ratings = mergeRatings(card, suggested, new Map([['greeting', 0]]));
    const selfCheckable = new Set(selfCheckableCriteria(card).map((c) => c.id));
    expect(ratings.every((r) => selfCheckable.has(r.criterionId))).toBe(true);
    expect(ratings.find((r) => r.criterionId === 'greeting')?.value).toBe(0);
  });
});
