// The options page's account of where the data lives, how much space it takes and whether it is kept safe.
import type { ComponentChildren } from 'preact';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '@/components/i18n';
import type { Language } from '@/lib/model/scorecard';
import { StorageSettings } from '@/entrypoints/options/StorageSettings';

const realStorage = Object.getOwnPropertyDescriptor(navigator, 'storage');

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  if (realStorage) Object.defineProperty(navigator, 'storage', realStorage);
  else Reflect.deleteProperty(navigator, 'storage');
});

function inLanguage(ui: ComponentChildren, lang: Language = 'en') {
  return render(<I18nProvider fixed={lang}>{ui}</I18nProvider>);
}

/** `navigator.storage` as the options page sees it. */
function browserStorage(persisted: boolean, usage: number): void {
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: { persisted: async () => persisted, persist: async () => persisted, estimate: async () => ({ usage }) },
  });
}

/** What `browser.permissions.contains({ permissions: ['unlimitedStorage'] })` answers. */
function unlimitedStorage(granted: boolean): void {
  const contains = (async () => granted) as unknown as typeof fakeBrowser.permissions.contains;
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(contains);
}

describe('the data on this computer', () => {
  it('in Chrome: persist() is refused but unlimitedStorage keeps the data safe; the space used is shown', async () => {
    browserStorage(false, 1_534_000);
    unlimitedStorage(true);
    inLanguage(<StorageSettings />);
    const facts = await screen.findByTestId('storage-status');
    expect(facts.dataset.protection).toBe('unlimited');
    expect(facts.textContent).toContain("Kept safe: the browser does not clear Arvio's data to free up space");
    expect(facts.textContent).toContain('Space used: 1.5 MB');
  });

  it('without either protection it warns, in Finnish', async () => {
    browserStorage(false, 2_000);
    unlimitedStorage(false);
    inLanguage(<StorageSettings />, 'fi');
    const facts = await screen.findByTestId('storage-status');
    expect(facts.dataset.protection).toBe('none');
    expect(facts.textContent).toContain('Ei suojattu: selain voi poistaa Arvion tiedot');
    expect(facts.textContent).toContain('Käytetty tila: 2 kt');
  });
});
