// Finnish or English? A stopword and letter count, cheap enough to run on every keystroke.
import { tokenize, type Word } from './text';
import type { CheckLang } from './types';

// Short, frequent function words that are rare in the other language; none are names or brands.
const FI_WORDS = new Set([
  'ja', 'on', 'ei', 'että', 'se', 'ne', 'olen', 'olemme', 'olet', 'olette', 'oli', 'ole', 'voit', 'voitte', 'voi',
  'kiitos', 'hei', 'moi', 'tämä', 'tämän', 'nyt', 'kun', 'mutta', 'tai', 'jos', 'myös', 'vielä', 'sinun', 'teidän',
  'meidän', 'me', 'te', 'sinä', 'minä', 'asia', 'asiaa', 'tilaus', 'tilauksesi', 'terveisin', 'ystävällisin',
  'kanssa', 'koska', 'joka', 'jotta', 'niin', 'sitä', 'siitä', 'tässä', 'siis', 'kyllä', 'pian', 'heti', 'mukaan',
]);
const EN_WORDS = new Set([
  'the', 'and', 'you', 'your', 'is', 'are', 'to', 'of', 'we', 'for', 'please', 'thank', 'thanks', 'this', 'that',
  'with', 'have', 'has', 'will', 'it', 'in', 'be', 'not', 'can', 'our', 'us', 'hi', 'hello', 'regards', 'would',
  'could', 'an', 'a', 'i', 'my', 'if', 'as', 'at', 'was', 'do', 'does', 'from', 'by', 'kind', 'best',
]);

/** Used when the evidence is even (an empty or one-word draft): the users of Arvio work in Finnish. */
const FALLBACK: CheckLang = 'fi';

export function detectLanguageFromWords(text: string, words: readonly Word[]): CheckLang {
  let fi = 0;
  let en = 0;
  for (const word of words) {
    const w = word.text.toLowerCase();
    if (FI_WORDS.has(w)) fi += 1;
    else if (EN_WORDS.has(w)) en += 1;
  }
  // ä, ö and å are everywhere in Finnish and almost absent from English; half a point each keeps one
  // Finnish name in an English reply ("Hi Mäkinen") from tipping it.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20; // folds Ä Ö Å onto ä ö å
    if (c === 0xe4 || c === 0xf6 || c === 0xe5) fi += 0.5;
  }
  if (en > fi) return 'en';
  if (fi > en) return 'fi';
  return FALLBACK;
}

export function detectLanguage(text: string): CheckLang {
  return detectLanguageFromWords(text, tokenize(text));
}
