// Tone: shouting in capitals or marks, and blaming phrases, each pointed at where it is.
import { describe, expect, it } from 'vitest';
import { only, spans } from './helpers';

describe('shouting', () => {
  it.each([
    ['Hei, TÄMÄ EI TOIMI NÄIN ja se on selvä.', 'TÄMÄ EI TOIMI NÄIN'],
    ['Please READ THE MANUAL first.', 'READ THE MANUAL'],
    ['Toimitus on TÄRKEÄÄ meille.', 'TÄRKEÄÄ'],
    ['This is ABSOLUTELY wrong.', 'ABSOLUTELY'],
    ['Lue OHJEET JA PDF nyt.', 'OHJEET'], // two words are no run; one of six letters still shouts
    ['LUE TÄMÄ PDF HETI', 'LUE TÄMÄ PDF HETI'], // an acronym inside a run neither counts nor breaks it
  ])('"%s" shouts at %j', (draft, shout) => {
    const hints = only('shouting', draft);
    expect(spans(draft, hints)).toEqual([shout]);
    expect(hints[0]).toMatchObject({ criterion: 'tone', messageKey: 'checks.shouting.caps' });
  });

  it.each([
    'Lähetä IBAN ja BIC sekä GDPR-pyyntö PDF-muodossa.',
    'Send the IBAN, BIC and GDPR request as a PDF via the URL, OK?',
    'Hinta sis. ALV 24 %.',
    'Koodi ABC123DEF ja tuote XYZ9000.',
    'Tilaa Arvio OY:ltä tai soita.',
    'I think I am right.',
    'Mitä?! Hienoa?',
  ])('"%s" is not shouting', (draft) => {
    expect(only('shouting', draft)).toEqual([]);
  });

  it('a team’s own brand names in capitals are not shouting', () => {
    const draft = 'Saat STOCKMANN kanta-asiakasedut.';
    expect(only('shouting', draft)).toHaveLength(1);
    expect(only('shouting', draft, { acronyms: ['stockmann'] })).toEqual([]);
  });

  it.each([
    ['Mitä ihmettä!!', '!!'],
    ['Oletko varma??', '??'],
    ['Really?!?!!', '?!?!!'],
  ])('"%s" has repeated marks %j', (draft, marks) => {
    const hints = only('shouting', draft);
    expect(spans(draft, hints)).toEqual([marks]);
    expect(hints[0]).toMatchObject({ messageKey: 'checks.shouting.punctuation', params: { text: marks } });
  });
});

describe('blame', () => {
  it.each([
    ['Kuten jo kerroin, tilaus on matkalla.', 'Kuten jo kerroin'],
    ['Kuten jo kerroimme, tilaus on matkalla.', 'Kuten jo kerroimme'],
    ['Tämä, kuten aiemmin sanoin, ei onnistu.', 'kuten aiemmin sanoin'],
    ['Olisit voinut lukea ohjeet.', 'Olisit voinut'],
    ['Se ei ole meidän vikamme.', 'ei ole meidän vikamme'],
    ['Teidän olisi pitänyt ilmoittaa.', 'Teidän olisi pitänyt'],
    ['Kuten jo mainittiin, hinta nousi.', 'Kuten jo mainittiin'],
    ['Rauhoittukaa, asia hoituu.', 'Rauhoittukaa'],
    ['As I already said, the order shipped.', 'As I already said'],
    ['As I said before, no.', 'As I said before'],
    ['You should have read the terms.', 'You should have'],
    ["It’s not our fault that it broke.", 'It’s not our fault'],
    ['You must have missed it.', 'You must have'],
    ['This is obviously fine.', 'obviously'],
    ['Please calm down.', 'calm down'],
    ['As stated previously, no refunds.', 'As stated previously'],
  ])('"%s" blames with %j', (draft, phrase) => {
    const hints = only('blame', draft);
    expect(spans(draft, hints)).toEqual([phrase]);
    expect(hints[0]).toMatchObject({ criterion: 'tone', severity: 'warning', messageKey: 'checks.blame.phrase', params: { phrase } });
  });

  it.each([
    'Meidän olisi pitänyt ilmoittaa aiemmin, pahoittelemme.', // an apology, not blame
    'Kuten sovimme, tilaus lähtee tänään.',
    'We should have told you sooner, sorry.',
    'Obviouslyness is not a word.',
    'Hei Matti, tilaus on matkalla.',
  ])('"%s" does not blame', (draft) => {
    expect(only('blame', draft)).toEqual([]);
  });

  it('a phrase broken across lines still counts, and each occurrence is its own hint', () => {
    const draft = 'Kuten jo\nkerroin: ei. Kuten jo kerroin: ei.';
    expect(spans(draft, only('blame', draft))).toEqual(['Kuten jo\nkerroin', 'Kuten jo kerroin']);
    expect(only('blame', draft)[0]?.params.phrase).toBe('Kuten jo kerroin');
  });

  it('the team’s own phrases count too, with * for Finnish endings', () => {
    const draft = 'Tämä ei kuulu tukemme piiriin. Lue käyttöehdot. That is policy.';
    const options = { extraBlamePhrases: { fi: ['ei kuulu tukemme piiri*', 'lue käyttöehdot'], en: ['that is policy'] } };
    expect(only('blame', draft)).toEqual([]);
    expect(spans(draft, only('blame', draft, options))).toEqual(['ei kuulu tukemme piiriin', 'Lue käyttöehdot', 'That is policy']);
  });

  it('team phrases are text, not patterns, and empty ones are ignored', () => {
    const draft = 'Hinta (alv 0 %) on 10 €. Kaikki ok.';
    const options = { extraBlamePhrases: { fi: ['(.*)', '', '   ', '*', '(alv 0 %)'] } };
    expect(spans(draft, only('blame', draft, options))).toEqual(['(alv 0 %)']);
  });
});

describe('blame phrases from a team cannot stall the check', () => {
  it('stacked wildcards on a very long word still answer', () => {
    const draft = `${'a'.repeat(5000)} loppu`;
    const hints = only('blame', draft, { extraBlamePhrases: { fi: ['a*****b', '*'] } });
    expect(hints).toEqual([]);
  });
});
