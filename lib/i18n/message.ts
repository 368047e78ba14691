// Fills a message template with its parameters: numbers by locale, and the plural form a count needs.
// No imports: the content script fills its few strings with this too.

export type MessageParams = Record<string, string | number>;
export type FillMessage = (template: string, params?: MessageParams) => string;

/** A form's text: plain characters and `{name}` parameters, no deeper nesting. */
const FORM_TEXT = String.raw`(?:[^{}]|\{\w+\})*`;
/**
 * `{name}`, or `{name, plural, one {…} other {…}}` (the plural subset of ICU MessageFormat). Keys are the
 * categories of Intl.PluralRules (English and Finnish use `one` and `other`); `#` in a form is the number.
 */
const PLACEHOLDER = new RegExp(String.raw`\{(\w+)(?:, plural,((?:\s*\w+\s*\{${FORM_TEXT}\})+)\s*)?\}`, 'g');
const FORM = new RegExp(String.raw`(\w+)\s*\{(${FORM_TEXT})\}`, 'g');

const fillers = new Map<string, FillMessage>();

/**
 * The filler for a language, made once per language (its Intl objects are slow to make and cheap to use).
 * Pass counts as numbers: the plural form is chosen by the number, and a string always takes `other`.
 */
export function messageFiller(lang: string): FillMessage {
  const made = fillers.get(lang);
  if (made) return made;
  const numbers = new Intl.NumberFormat(lang);
  const plurals = new Intl.PluralRules(lang);
  const fill: FillMessage = (template, params) => {
    if (!params) return template;
    return template.replace(PLACEHOLDER, (whole, name: string, forms: string | undefined) => {
      const value = params[name];
      if (value === undefined) return whole;
      const text = typeof value === 'number' ? numbers.format(value) : value;
      if (forms === undefined) return text;
      const form = pickForm(forms, typeof value === 'number' ? plurals.select(value) : 'other');
      return form.split('#').map((part) => fill(part, params)).join(text);
    });
  };
  fillers.set(lang, fill);
  return fill;
}

function pickForm(forms: string, category: string): string {
  let other = '';
  for (const [, key, text] of forms.matchAll(FORM)) {
    if (key === category) return text!;
    if (key === 'other') other = text!;
  }
  return other;
}

/** The parameter names a template uses, plural choices and their forms included (for tests and checks). */
export function messageParams(template: string): string[] {
  const names = new Set<string>();
  for (const [, name, forms] of template.matchAll(PLACEHOLDER)) {
    names.add(name!);
    for (const [, , text] of forms?.matchAll(FORM) ?? []) for (const inner of messageParams(text!)) names.add(inner);
  }
  return [...names].sort();
}
