// Template slots left unfilled are caught before the customer sees them.
import { describe, expect, it } from 'vitest';
import { only, spans } from './helpers';

describe('placeholder', () => {
  it.each([
    ['Hei [nimi], tilaus on matkalla.', '[nimi]'],
    ['Hi [name], your order has shipped.', '[name]'],
    ['Hei [ASIAKKAAN NIMI], tervetuloa.', '[ASIAKKAAN NIMI]'],
    ['Hei {{customer.first_name}}, tervetuloa.', '{{customer.first_name}}'],
    ['Hei {{ }}, tervetuloa.', '{{ }}'],
    ['Tilausnumero on XXX ja se lähti eilen.', 'XXX'],
    ['Your code is <insert code here>.', '<insert code here>'],
    ['Summa on <lisää summa> euroa.', '<lisää summa>'],
    ['Dear %NAME%, welcome.', '%NAME%'],
    ['Toimitus {pvm} klo 12.', '{pvm}'],
  ])('"%s" has the unfilled placeholder %s', (draft, slot) => {
    const hints = only('placeholder', draft);
    expect(spans(draft, hints)).toEqual([slot]);
    expect(hints[0]).toMatchObject({ criterion: 'accuracy', severity: 'critical', messageKey: 'checks.placeholder.unfilled', params: { text: slot } });
  });

  it.each([
    'Katso [ohjeet](https://example.fi/ohje) sivuiltamme.', // a Markdown link
    'Lähteet [1] ja [2].',
    'Hinta on 100 % alennettu ja 20 % ALV.',
    'Koodi xxx-123 on peitetty.',
    'Sivu XXXL-kokoisille.',
    'Pisteet 3 < 5 > 2.',
    'Hei Matti, tilaus on matkalla.',
  ])('"%s" has no placeholder', (draft) => {
    expect(only('placeholder', draft)).toEqual([]);
  });

  it('finds every placeholder, in order', () => {
    const draft = 'Hei [nimi],\ntilaus XXX lähtee {{pvm}}.';
    expect(spans(draft, only('placeholder', draft))).toEqual(['[nimi]', 'XXX', '{{pvm}}']);
  });
});
