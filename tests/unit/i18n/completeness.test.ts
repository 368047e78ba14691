// Both languages are complete: every key has a non-empty string in English and Finnish, and the manifest too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/en';
import { fi } from '@/lib/i18n/fi';
import { messageParams } from '@/lib/i18n/message';
import { resolveLanguage, translator } from '@/lib/i18n';

describe('i18n', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(fi).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of [...Object.entries(en), ...Object.entries(fi)]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(messageParams(fi[key]), key).toEqual(messageParams(en[key]));
    }
  });

  it('has the manifest strings in both locales', () => {
    const read = (lang: string) =>
      Object.keys(JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as object).sort();
    expect(read('fi')).toEqual(read('en'));
  });

  it('follows the browser unless the user chose a language', () => {
    expect(resolveLanguage('auto', ['fi-FI', 'en-US'])).toBe('fi');
    expect(resolveLanguage('auto', ['sv-SE', 'en-GB'])).toBe('en');
    expect(resolveLanguage('auto', ['de-DE'])).toBe('en');
    expect(resolveLanguage('en', ['fi-FI'])).toBe('en');
  });

  it('formats numbers in parameters by locale', () => {
    expect(translator('fi')('sidebar.ticket.messages', { count: 1234 })).toBe('1\u00a0234 viestiä');
    expect(translator('en')('sidebar.ticket.messages', { count: 1234 })).toBe('1,234 messages');
  });
});
