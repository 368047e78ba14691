// A field refused for its form reads as a sentence in the user's language, never with zod's name for the format.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue } from '@/components/describeIssue';
import { translator } from '@/lib/i18n';

/** The reason a user reads when `schema` refuses `value`. */
function reason(schema: z.ZodType, value: unknown, lang: 'en' | 'fi'): string {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('the value passed');
  return describeIssue(result.error.issues[0]!, translator(lang));
}

describe('a value refused for its form', () => {
  it.each([
    [z.email(), 'maija(at)example.fi', 'This is not a valid e-mail address.', 'Tämä ei ole kelvollinen sähköpostiosoite.'],
    [z.iso.datetime(), '2026-03-01 14:00', 'This is not a valid date and time.', 'Tämä ei ole kelvollinen aikaleima.'],
    [z.iso.date(), '1.3.2026', 'This is not a valid date.', 'Tämä ei ole kelvollinen päivämäärä.'],
  ])('names the form in words: %#', (schema, value, en, fi) => {
    expect(reason(schema, value, 'en')).toBe(en);
    expect(reason(schema, value, 'fi')).toBe(fi);
  });

  it('any other form (a pattern, lower case) gets a general reason, not the validator’s name for it', () => {
    const pattern = z.string().regex(/^[a-z]+$/, 'letters only');
    expect(reason(pattern, 'A1', 'en')).toBe('This is not in the expected form.');
    expect(reason(pattern, 'A1', 'fi')).toBe('Tämä ei ole oikeassa muodossa.');
    expect(reason(z.email().lowercase(), 'Maija@Example.fi', 'fi')).toBe('Tämä ei ole oikeassa muodossa.');
  });
});
