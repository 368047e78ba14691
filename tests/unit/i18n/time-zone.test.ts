// The dashboard names the calendar its months are counted in: by the zone's name in the reader's
// language, never a bare offset where the zone has a name.
import { afterEach, describe, expect, it } from 'vitest';
import { formatTimeZone } from '@/lib/i18n';

afterEach(() => {
  process.env.TZ = 'UTC';
});

describe('the time zone as people name it', () => {
  it('says the zone’s name in English and Finnish; UTC by its name; a zone without a name by its offset', () => {
    process.env.TZ = 'Europe/Helsinki';
    expect(formatTimeZone('en')).toBe('Eastern European Time');
    expect(formatTimeZone('fi')).toBe('Itä-Euroopan aika');
    process.env.TZ = 'UTC';
    expect(formatTimeZone('en')).toBe('Coordinated Universal Time');
    expect(formatTimeZone('fi')).toBe('UTC-yleisaika');
    process.env.TZ = 'Etc/GMT-3';
    expect(formatTimeZone('en')).toBe('GMT+03:00');
  });
});
