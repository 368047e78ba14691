// The UI language for extension pages: from settings (live), else the browser's languages.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { getSettings } from '@/lib/db';
import { resolveLanguage, translator, type Translate } from '@/lib/i18n';
import type { Language } from '@/lib/model/scorecard';

interface I18n {
  lang: Language;
  t: Translate;
}

const I18nContext = createContext<I18n>({ lang: 'en', t: translator('en') });

export function I18nProvider({ children, fixed }: { children: ComponentChildren; fixed?: Language }) {
  const [lang, setLang] = useState<Language>(fixed ?? resolveLanguage('auto', navigator.languages));
  useEffect(() => {
    if (fixed) return;
    const subscription = liveQuery(getSettings).subscribe({
      next: (settings) => setLang(resolveLanguage(settings.language, navigator.languages)),
      error: () => undefined,
    });
    return () => subscription.unsubscribe();
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
