// Only the shown language's dictionary loads: the other one on a switch (lib/i18n loadLanguage, components/i18n.tsx).
import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LANGUAGE_STORAGE_KEY } from '@/lib/i18n/content';

/** lib/i18n and the provider as a page gets them: no dictionary loaded yet (the test setup loads both). */
async function fresh() {
  vi.resetModules();
  const i18n = await import('@/lib/i18n');
  const provider = await import('@/components/i18n');
  return { ...i18n, ...provider };
}

describe('loading a language', () => {
  it('loads one dictionary at a time, and a translator asks for its language loaded', async () => {
    const { isLanguageLoaded, loadLanguage, translator } = await fresh();
    expect(isLanguageLoaded('en')).toBe(false);
    expect(() => translator('fi')).toThrow(/loadLanguage/);
    await loadLanguage('fi');
    expect(isLanguageLoaded('fi')).toBe(true);
    expect(isLanguageLoaded('en')).toBe(false);
    expect(translator('fi')('common.save')).toBe('Tallenna');
  });

  it('the provider renders in the saved language once its dictionary is there, and loads the other on a switch', async () => {
    await fakeBrowser.storage.local.set({ [LANGUAGE_STORAGE_KEY]: 'fi' });
    const { I18nProvider, useI18n, isLanguageLoaded } = await fresh();
    function Save() {
      const { t, lang } = useI18n();
      return <button type="button" lang={lang}>{t('common.save')}</button>;
    }
    render(
      <I18nProvider>
        <Save />
      </I18nProvider>,
    );
    expect(screen.queryByRole('button')).toBeNull();
    expect(await screen.findByRole('button', { name: 'Tallenna' })).toBeTruthy();
    expect(isLanguageLoaded('en')).toBe(false);
    await fakeBrowser.storage.local.set({ [LANGUAGE_STORAGE_KEY]: 'en' });
    await waitFor(() => expect(screen.getByRole('button').textContent).toBe('Save'));
    expect(isLanguageLoaded('en')).toBe(true);
  });
});
