// Ages and waits in whole days, in words of the user's language, not a hand-made unit.
import { describe, expect, it } from 'vitest';
import { formatAge, translator } from '@/lib/i18n';

describe('formatAge', () => {
  it('says "under a day" for less than a day, then days by locale, in both languages', () => {
    const en = translator('en');
    const fi = translator('fi');
    expect([0, 1, 3].map((d) => formatAge(en, 'en', d))).toEqual(['under a day', '1 day', '3 days']);
    expect([0, 1, 3].map((d) => formatAge(fi, 'fi', d))).toEqual(['alle vuorokauden', '1 päivä', '3 päivää']);
    expect(en('disputes.age', { age: formatAge(en, 'en', 3) })).toBe('waiting 3 days');
    expect(fi('ideas.age', { age: formatAge(fi, 'fi', 0) })).toBe('alle vuorokauden vanha');
  });
});
