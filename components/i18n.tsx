// The UI language for extension pages: the saved preference (mirrored in storage.local), else the browser's.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LANGUAGE_STORAGE_KEY, resolveLanguage, translator, type Translate } from '@/lib/i18n';
import { languagePreferenceSchema, type Language } from '@/lib/model';

interface I18n {
  lang: Language;
  t: Translate;
}

const I18nContext = createContext<I18n>({ lang: 'en', t: translator('en') });

function fromPreference(value: unknown): Language {
  const preference = languagePreferenceSchema.safeParse(value);
  return resolveLanguage(preference.success ? preference.data : 'auto', navigator.languages);
}

/**
 * storage.local, not IndexedDB: framed pages (the sidebar) may be denied IndexedDB, and this way
 * every page and the content script follow a language change at once.
 */
export function I18nProvider({ children, fixed }: { children: ComponentChildren; fixed?: Language }) {
  const [lang, setLang] = useState<Language>(fixed ?? resolveLanguage('auto', navigator.languages));
  useEffect(() => {
    if (fixed) return;
    void browser.storage.local.get(LANGUAGE_STORAGE_KEY).then((stored) => setLang(fromPreference(stored[LANGUAGE_STORAGE_KEY])));
    const onChanged = (changes: Record<string, { newValue?: unknown }>): void => {
      const change = changes[LANGUAGE_STORAGE_KEY];
      if (change) setLang(fromPreference(change.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [fixed]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
