// The UI language for extension pages: the saved preference (mirrored in storage.local), else the browser's.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LANGUAGE_STORAGE_KEY } from '@/lib/i18n/content';
import { isLanguageLoaded, loadLanguage, resolveLanguage, translator, type Translate } from '@/lib/i18n';
import type { Language } from '@/lib/model/scorecard';
import { languagePreferenceSchema } from '@/lib/model/settings';

interface I18n {
  lang: Language;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function fromPreference(value: unknown): Language {
  const preference = languagePreferenceSchema.safeParse(value);
  return resolveLanguage(preference.success ? preference.data : 'auto', navigator.languages);
}

/**
 * storage.local, not IndexedDB: framed pages (the sidebar) may be denied IndexedDB, and this way
 * every page and the content script follow a language change at once.
 *
 * Only the shown language's dictionary is loaded (lib/i18n loadLanguage): the children render once it is
 * there, at once when it already is. A page's first render waits for the saved preference and that one
 * dictionary, never shows the browser's language first, and loads the other language only on a switch.
 */
export function I18nProvider({ children, fixed }: { children: ComponentChildren; fixed?: Language }) {
  const [lang, setLang] = useState<Language | null>(() => {
    const first = fixed ?? resolveLanguage('auto', navigator.languages);
    return isLanguageLoaded(first) ? first : null;
  });
  // A layout effect, so that the preference is read and the dictionary asked for in the page's first
  // task, not after the (empty) first frame.
  useLayoutEffect(() => {
    let latest = 0;
    const show = (next: Language): void => {
      const asked = ++latest;
      void loadLanguage(next).then(() => {
        if (asked === latest) setLang(next);
      });
    };
    if (fixed) {
      show(fixed);
      return () => void (latest = -1);
    }
    void browser.storage.local.get(LANGUAGE_STORAGE_KEY).then(
      (stored) => latest === 0 && show(fromPreference(stored[LANGUAGE_STORAGE_KEY])),
      () => latest === 0 && show(fromPreference(undefined)),
    );
    const onChanged = (changes: Record<string, { newValue?: unknown }>): void => {
      const change = changes[LANGUAGE_STORAGE_KEY];
      if (change) show(fromPreference(change.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      latest = -1;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [fixed]);
  useEffect(() => {
    if (lang) document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => (lang ? { lang, t: translator(lang) } : null), [lang]);
  return value ? <I18nContext.Provider value={value}>{children}</I18nContext.Provider> : null;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside an I18nProvider');
  return i18n;
}
