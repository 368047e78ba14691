// Personal data leaves the export only when the lead wants it to: redaction of free text.
import { describe, expect, it } from 'vitest';
import { redactReview, redactText } from '@/lib/export/redact';
import { makeReview, rng } from '../db/factory';

describe('redaction before export', () => {
  it.each([
    ['Mailaa osoitteeseen matti.meikäläinen@example.fi kiitos', 'Mailaa osoitteeseen [email] kiitos'],
    ['Soita 040 123 4567 tai +358 40 123 4567.', 'Soita [phone] tai [phone].'],
    ['Numero 09-1234567', 'Numero [phone]'],
    ['Hetu 131052-308T on asiakkaan', 'Hetu [hetu] on asiakkaan'],
    ['Kortti 4111 1111 1111 1111 vanhentunut', 'Kortti [card] vanhentunut'],
    ['Tili FI21 1234 5600 0007 85.', 'Tili [iban].'],
  ])('%s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('leaves ordinary numbers alone: dates, amounts, ticket numbers, invalid codes', () => {
    for (const text of ['Tilaus 12345 saapuu 2026-03-01', 'Summa 129,90 €', 'Koodi 131052-308A', 'Versio 1.2.3']) {
      expect(redactText(text)).toBe(text);
    }
  });

  it('redacts every free-text field of a review, nothing else', () => {
    const review = makeReview({ id: 'x', random: rng(1) });
    const redacted = redactReview({ ...review, strengths: 'a@b.fi', ratings: review.ratings.map((r) => ({ ...r, comment: 'p 0401234567' })) });
    expect(redacted.feedback).toBe('Soita asiakkaalle numeroon [phone] tai mailaa [email].');
    expect(redacted.strengths).toBe('[email]');
    expect(redacted.ratings.every((r) => r.comment === 'p [phone]')).toBe(true);
    expect(redacted.reviewee).toEqual(review.reviewee);
  });
});
