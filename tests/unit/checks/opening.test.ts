// An agent's draft opens with a greeting and addresses the customer by name, in Finnish or English.
import { describe, expect, it } from 'vitest';
import { finnishNameStems, matchesName } from '../../../lib/checks/finnishNames';
import { only } from './helpers';

describe('greeting', () => {
  it.each([
    'Hei Matti,\n\nkiitos viestistä.',
    'Moi! Tilaus on matkalla.',
    'Hyvä asiakas,\nkiitos yhteydenotosta.',
    'Hyvää huomenta Liisa!',
    '  Terve, tässä tiedot.',
    'Päivää, kiitos kysymyksestä.',
    'Hello Anna,\n\nthanks for writing.',
    'Dear Mr Smith,',
    'Good morning! Your order has shipped.',
    'HI there',
  ])('a draft starting "%s" has a greeting', (draft) => {
    expect(only('greeting', draft)).toEqual([]);
  });

  it.each([
    'Tilauksesi on lähetetty. Hei vaan!',
    'Kiitos viestistäsi, tarkistin asian.',
    'Your order has shipped. Hello from us.',
    'Heidän tilauksensa on matkalla.', // "Hei…" inside a longer word is no greeting
    'Hiking boots are back in stock.',
  ])('a draft starting "%s" is told to greet, with no span', (draft) => {
    const hints = only('greeting', draft);
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ check: 'greeting', criterion: 'opening', span: null, messageKey: 'checks.greeting.missing' });
  });

  it('suggests a greeting in the draft’s language with the customer’s first name', () => {
    expect(only('greeting', 'Tilauksesi on lähetetty ja se on perillä pian.', { customerName: 'Matti Virtanen' })[0]?.params).toEqual({ example: 'Hei Matti,' });
    expect(only('greeting', 'Your order has shipped and it will arrive soon.', { customerName: 'Anna Smith' })[0]?.params).toEqual({ example: 'Hello Anna,' });
  });
});

describe('customer name', () => {
  const virtanen = { customerName: 'Matti Virtanen' };

  it.each([
    'Hei Matti, kiitos viestistä.',
    'Hyvä Virtanen, kiitos viestistä.',
    'Lähetimme Virtaselle uuden laskun.',
    'Virtasen tilaus on matkalla.',
    'Kiitos Virtaselta saamastamme palautteesta.',
    'Lähetimme Matille uuden laskun.',
    'Matin tilaus on matkalla.',
    'Hei MATTI!',
    "Hi Matti, here is Matti's order.",
  ])('"%s" addresses Matti Virtanen by name', (draft) => {
    expect(only('customerName', draft, virtanen)).toEqual([]);
  });

  it.each([
    'Hei, kiitos viestistä.',
    'Hei Mattias, kiitos viestistä.', // another person's name
    'Matematiikka on kivaa.', // begins like a stem, but the rest is no case ending
    'Virtanen-säätiö kiittää.', // hyphenated compound is a different word
  ])('"%s" does not address Matti Virtanen', (draft) => {
    const hints = only('customerName', draft, virtanen);
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ criterion: 'opening', span: null, messageKey: 'checks.customerName.missing', params: { name: 'Matti' } });
  });

  it('is silent when the name is unknown or not a name', () => {
    expect(only('customerName', 'Hei, kiitos viestistä.')).toEqual([]);
    expect(only('customerName', 'Hei, kiitos viestistä.', { customerName: null })).toEqual([]);
    expect(only('customerName', 'Hei, kiitos viestistä.', { customerName: 'matti.virtanen@example.fi' })).toEqual([]);
  });

  it.each([
    ['Pekka', 'Pekalle'],
    ['Antti', 'Antin'],
    ['Aalto', 'Aallolle'],
    ['Virta', 'Virran'],
    ['Lampi', 'Lammelle'],
    ['Kemppi', 'Kempille'],
    ['Niemi', 'Niemelle'],
    ['Lahti', 'Lahden'],
    ['Mäki', 'Mäelle'],
    ['Outi', 'Oudille'],
    ['Eetu', 'Eetulle'],
    ['Markus', 'Markukselle'],
    ['Mikael', 'Mikaelin'],
    ['Liisa', 'Liisalle'],
    ['Nieminen', 'Niemiselle'],
    ['Anna-Liisa', 'Anna-Liisalle'],
    ['Matti', 'Mattikin'],
  ])('the Finnish stems of %s accept "%s"', (name, form) => {
    expect(matchesName(form, finnishNameStems(name.toLowerCase()))).toBe(true);
  });

  it.each([
    ['Matti', 'Matematiikka'],
    ['Pekka', 'Pekkarinen'],
    ['Aki', 'Ai'],
    ['Virtanen', 'Virtas'.concat('kivi')],
  ])('the Finnish stems of %s reject "%s"', (name, form) => {
    expect(matchesName(form, finnishNameStems(name.toLowerCase()))).toBe(false);
  });
});
