// Ages and waits in whole days, in words of the user's language, not a hand-made unit; times of day
// as the app's dates are written (24-hour in both languages).
import { describe, expect, it } from 'vitest';
import { formatSyncTime } from '@/components/SyncStatus';
import { formatAge, formatTime, formatWeek, translator } from '@/lib/i18n';

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

describe('times of day', () => {
  it('are 24-hour in English as in Finnish, and the sync line shows the date only when it is not today', () => {
    const afternoon = new Date();
    afternoon.setHours(14, 5, 0, 0);
    expect(formatTime('en', afternoon)).toBe('14:05');
    expect(formatTime('fi', afternoon)).toBe('14.05');
    expect(formatSyncTime(afternoon.getTime(), 'en')).toBe('14:05');
    const earlier = new Date(2026, 0, 2, 9, 30);
    expect(formatSyncTime(earlier.getTime(), 'en')).toBe('2 Jan 2026, 09:30');
    expect(formatSyncTime(earlier.getTime(), 'fi')).toBe('2.1.2026 klo 9.30');
  });
});

describe('formatWeek', () => {
  it('names an ISO week as people say it, the year never grouped like a count', () => {
    expect(formatWeek(translator('en'), '2026-W09')).toBe('Week 9, 2026');
    expect(formatWeek(translator('fi'), '2026-W53')).toBe('Viikko 53/2026');
    expect(formatWeek(translator('fi'), '2026-03')).toBe('2026-03');
  });
});
