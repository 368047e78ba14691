// The whole self-check as the sidebar uses it: language, options, message texts and serializable hints.
import { describe, expect, it } from 'vitest';
import {
  CHECK_CRITERION,
  CHECK_IDS,
  CHECK_MESSAGE_KEYS,
  checkMessagesEn,
  checkMessagesFi,
  detectLanguage,
  hintSchema,
  runChecks,
} from '../../../lib/checks';
import { messageParams } from '../../../lib/i18n/message';
import { spans } from './helpers';

const goodFi = 'Hei Matti,\n\nkiitos viestistäsi. Tilauksesi lähti tänään ja on perillä huomenna.\n\nYstävällisin terveisin\nAnna\nAsiakaspalvelu';
const badFi =
  'kuten jo kerroin, tilaus on matkalla!! Hetusi 131052-308T on kirjattu ja [nimi] saa LASKUN HUOMENNA POSTISSA.';

describe('an agent checks a draft before sending', () => {
  it('a good Finnish reply gets no hints', () => {
    expect(runChecks(goodFi, { customerName: 'Matti Virtanen' })).toEqual({ lang: 'fi', hints: [] });
  });

  it('a careless reply gets one hint per problem, each naming its criterion and pointing at the text', () => {
    const { lang, hints } = runChecks(badFi, { customerName: 'Matti Virtanen' });
    expect(lang).toBe('fi');
    expect(hints.map((h) => [h.check, h.criterion])).toEqual([
      ['greeting', 'opening'],
      ['customerName', 'opening'],
      ['closing', 'closing'],
      ['placeholder', 'accuracy'],
      ['personalData', 'privacy'],
      ['shouting', 'tone'],
      ['shouting', 'tone'],
      ['blame', 'tone'],
    ]);
    expect(spans(badFi, hints)).toEqual([null, null, null, '[nimi]', '131052-308T', '!!', 'LASKUN HUOMENNA POSTISSA', 'kuten jo kerroin']);
  });

  it('every hint is plain data that survives messaging and matches the schema', () => {
    const { hints } = runChecks(badFi, { customerName: 'Matti Virtanen' });
    for (const hint of hints) {
      expect(hintSchema.parse(JSON.parse(JSON.stringify(hint)))).toEqual(hint);
      expect(hint.criterion).toBe(CHECK_CRITERION[hint.check]);
    }
  });

  it('disabled checks are skipped', () => {
    const { hints } = runChecks(badFi, { disabled: ['greeting', 'closing', 'shouting', 'personalData'] });
    expect(new Set(hints.map((h) => h.check))).toEqual(new Set(['placeholder', 'blame']));
    expect(runChecks(badFi, { disabled: [...CHECK_IDS] }).hints).toEqual([]);
  });

  it('an empty draft has nothing to judge yet', () => {
    expect(runChecks('', { customerName: 'Matti' }).hints).toEqual([]);
    expect(runChecks(' \n\n ').hints).toEqual([]);
  });

  it('gives the same answer for the same input and leaves the options untouched', () => {
    const options = { customerName: 'Matti', disabled: ['wallOfText' as const], extraBlamePhrases: { fi: ['turha*'], en: [] } };
    const frozen = JSON.stringify(options);
    expect(runChecks(badFi, options)).toEqual(runChecks(badFi, options));
    expect(JSON.stringify(options)).toBe(frozen);
  });

  it('handles a 5,000-character draft and finds what is in it', () => {
    const sentence = 'Tilauksesi on lähtenyt varastolta ja se on perillä kahden päivän kuluessa. ';
    const draft = `Hei Matti,\n\n${sentence.repeat(Math.ceil(5000 / sentence.length))}`.slice(0, 5000);
    const { hints } = runChecks(draft, { customerName: 'Matti Virtanen' });
    expect(draft).toHaveLength(5000);
    expect(hints.map((h) => h.messageKey)).toEqual(['checks.closing.missing', 'checks.wallOfText.paragraph']);
  });
});

describe('language', () => {
  it.each([
    ['Hei, kiitos viestistä. Tilaus on matkalla ja se on perillä pian.', 'fi'],
    ['Hello, thank you for your message. The order is on its way.', 'en'],
    ['Hyvää päivää', 'fi'],
    ['Hi Mäkinen, your order has shipped and will arrive this week.', 'en'],
    ['', 'fi'], // no evidence: Arvio's users work in Finnish
    ['12345', 'fi'],
  ])('"%s" is detected as %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('a given language overrides detection, and suggestions follow it', () => {
    const draft = 'Tilaus on matkalla.';
    expect(runChecks(draft, { lang: 'en' }).lang).toBe('en');
    expect(runChecks(draft, { lang: 'en' }).hints.find((h) => h.check === 'closing')?.params.example).toBe('Kind regards');
    expect(runChecks(draft, { lang: 'auto' }).lang).toBe('fi');
  });
});

describe('messages', () => {
  it('Finnish and English explain every key, in one sentence each with the same parameters', () => {
    expect(Object.keys(checkMessagesFi).sort()).toEqual(Object.keys(checkMessagesEn).sort());
    expect([...CHECK_MESSAGE_KEYS].sort()).toEqual(Object.keys(checkMessagesEn).sort());
    for (const key of CHECK_MESSAGE_KEYS) {
      const en = checkMessagesEn[key];
      const fi = checkMessagesFi[key];
      expect(messageParams(fi), key).toEqual(messageParams(en));
      for (const text of [en, fi]) expect(text.match(/[.!?](\s|$)/g), `${key}: ${text}`).toHaveLength(1);
    }
  });

  it('every hint’s parameters are the ones its message uses', () => {
    const drafts = [badFi, `Hi!\n\n${'word '.repeat(300)}`, 'Tili FI21 1234 5600 0007 85 ja kortti 4111 1111 1111 1111.'];
    for (const draft of drafts) {
      for (const hint of runChecks(draft, { customerName: 'Matti' }).hints) {
        const used = messageParams(checkMessagesEn[hint.messageKey]);
        for (const name of used) expect(hint.params, hint.messageKey).toHaveProperty(name);
      }
    }
  });
});
