// Privacy: valid identity codes, card numbers and IBANs in a reply are flagged; look-alikes are not.
import { describe, expect, it } from 'vitest';
import { ibanValid, isValidHetu, luhnValid } from '../../../lib/checks/personalData';
import { only, spans } from './helpers';

describe('Finnish personal identity code', () => {
  it.each([
    ['Hetusi 131052-308T on tallessa.', '131052-308T'],
    ['Tunnus: 290200A002C.', '290200A002C'], // 29 Feb 2000 is a date
    ['hetu 131052-308t', '131052-308t'], // typed in lower case
    ['010101Y123N', '010101Y123N'], // the new century signs of 2023
  ])('"%s" contains the identity code %s', (draft, code) => {
    const hints = only('personalData', draft);
    expect(spans(draft, hints)).toEqual([code]);
    expect(hints[0]).toMatchObject({ criterion: 'privacy', severity: 'critical', messageKey: 'checks.personalData.hetu', params: {} });
  });

  it.each([
    'Hetu 131052-308U on väärä.', // wrong check character
    'Hetu 290200-002C ei ole päivä.', // 29 Feb 1900 never was
    'Hetu 131352-308T.', // month 13
    'Koodi X131052-308T.', // inside a longer token
    'Tilaus 131052-3081 lähti.',
  ])('"%s" has no valid identity code', (draft) => {
    expect(only('personalData', draft)).toEqual([]);
  });

  it('validates by date and mod-31 check', () => {
    expect(isValidHetu('131052-308T')).toBe(true);
    expect(isValidHetu('131052-308R')).toBe(false);
    expect(isValidHetu('131052-000T')).toBe(false);
  });
});

describe('payment card number', () => {
  it.each([
    ['Kortti 4111 1111 1111 1111 on suljettu.', '4111 1111 1111 1111'],
    ['Card 4111-1111-1111-1111.', '4111-1111-1111-1111'],
    ['Card 4111111111111111 here', '4111111111111111'],
    ['Amex 3782 822463 10005 ok', '3782 822463 10005'],
    ['Kortti 4111 1111 1111 1111 12 kpl', '4111 1111 1111 1111'], // trailing number is not part of it
  ])('"%s" contains the card number %s', (draft, card) => {
    const hints = only('personalData', draft);
    expect(spans(draft, hints)).toEqual([card]);
    expect(hints[0]).toMatchObject({ severity: 'critical', messageKey: 'checks.personalData.card', params: {} });
  });

  it.each([
    'Kortti 4111 1111 1111 1112.', // fails Luhn
    'Viite 12345 67890 12345 2', // reference numbers are grouped in fives
    'Soita +358 40 123 4567.',
    'Tilaus 1111111111111111111111111.', // too long to be a card
  ])('"%s" has no card number', (draft) => {
    expect(only('personalData', draft)).toEqual([]);
  });

  it('checks Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
});

describe('IBAN', () => {
  it.each([
    ['Tili FI21 1234 5600 0007 85 on oikein.', 'FI21 1234 5600 0007 85'],
    ['Tili FI2112345600000785.', 'FI2112345600000785'],
    ['Konto DE89 3704 0044 0532 0130 00 bitte', 'DE89 3704 0044 0532 0130 00'],
    ['Account GB82 WEST 1234 5698 7654 32 ok', 'GB82 WEST 1234 5698 7654 32'],
  ])('"%s" contains the IBAN %s', (draft, iban) => {
    const hints = only('personalData', draft);
    expect(spans(draft, hints)).toEqual([iban]);
    expect(hints[0]).toMatchObject({ severity: 'warning', messageKey: 'checks.personalData.iban', params: {} });
  });

  it.each([
    'Tili FI21 1234 5600 0007 86.', // wrong check digits
    'Tili FI21 1234 5600 0007.', // too short for Finland
    'Koodi FI2112345600000785X.', // inside a longer token
  ])('"%s" has no valid IBAN', (draft) => {
    expect(only('personalData', draft)).toEqual([]);
  });

  it('checks mod-97', () => {
    expect(ibanValid('FI21 1234 5600 0007 85')).toBe(true);
    expect(ibanValid('FI21 1234 5600 0007 84')).toBe(false);
  });

  it('an IBAN’s digits are not also reported as a card, and several findings come in text order', () => {
    const draft = 'Tili FI21 1234 5600 0007 85, hetu 131052-308T, kortti 4111 1111 1111 1111.';
    expect(only('personalData', draft).map((h) => h.messageKey)).toEqual([
      'checks.personalData.iban',
      'checks.personalData.hetu',
      'checks.personalData.card',
    ]);
  });
});
