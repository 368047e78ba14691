// Opening: does the draft start with a greeting?
import { nameParts } from './customerName';
import { NOT_BEFORE_WORD, phraseSource, type Check } from './text';
import type { CheckLang } from './types';

// Both languages are accepted whatever the draft's language: mixed replies are common and a short
// draft may be detected wrong, and a false "missing greeting" is worse than a missed one.
const GREETINGS: Record<CheckLang, readonly string[]> = {
  fi: [
    'hei', 'heippa', 'heipä', 'moi', 'moikka', 'moro', 'morjens', 'terve', 'tervehdys', 'tervehdyksiä',
    'päivää', 'hyvää päivää', 'huomenta', 'hyvää huomenta', 'iltaa', 'hyvää iltaa', 'iltapäivää',
    // "Hyvä asiakas", "Hyvä Matti", "Hyvää …"
    'hyvä', 'hyvää', 'arvoisa', 'tervetuloa',
  ],
  en: [
    'hi', 'hello', 'hey', 'hiya', 'dear', 'greetings', 'good morning', 'good afternoon', 'good evening', 'good day',
    'welcome',
  ],
};

const GREETING_AT_START = new RegExp(
  `^\\s*(?:${[...GREETINGS.fi, ...GREETINGS.en]
    .sort((a, b) => b.length - a.length)
    .map(phraseSource)
    .join('|')})${NOT_BEFORE_WORD}`,
  'iu',
);

const EXAMPLE: Record<CheckLang, string> = { fi: 'Hei', en: 'Hello' };

export function hasGreeting(text: string): boolean {
  return GREETING_AT_START.test(text);
}

export const checkGreeting: Check = (draft, options) => {
  if (hasGreeting(draft.text)) return [];
  const first = nameParts(options.customerName)[0];
  return [
    {
      check: 'greeting',
      criterion: 'opening',
      severity: 'info',
      span: null,
      messageKey: 'checks.greeting.missing',
      // Suggested in the draft's language, whatever the UI's language is.
      params: { example: first ? `${EXAMPLE[draft.lang]} ${first},` : `${EXAMPLE[draft.lang]},` },
    },
  ];
};
