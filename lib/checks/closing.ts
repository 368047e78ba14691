// Closing: does the draft end with a sign-off, and is its signature filled in?
import { findPlaceholders } from './placeholder';
import { excerpt, NOT_AFTER_WORD, NOT_BEFORE_WORD, phraseSource, type Check, type Line } from './text';
import type { CheckLang } from './types';

// Sign-offs that only ever close a message: accepted anywhere in the last SIGN_OFF_LINES lines,
// which leaves room for a signature block (name, team, company, phone) under them.
const SIGN_OFFS: Record<CheckLang, readonly string[]> = {
  fi: [
    'ystävällisin terveisin', 'parhain terveisin', 'lämpimin terveisin', 'terveisin', 'terveisiä', 't.',
    'hyvää päivänjatkoa', 'mukavaa päivänjatkoa', 'hyvää päivää', 'mukavaa päivää', 'hyvää viikonloppua',
    'mukavaa viikonloppua', 'hyvää illanjatkoa', 'mukavaa illanjatkoa', 'hyvää kesää', 'hyvää joulua',
    'hyvää jatkoa', 'mukavaa jatkoa', 'kaikkea hyvää', 'yhteistyöterveisin', 'palvelemme mielellämme',
    'ole hyvä ja ota yhteyttä', 'otathan yhteyttä', 'ota rohkeasti yhteyttä', 'ottakaa rohkeasti yhteyttä',
  ],
  en: [
    'best regards', 'kind regards', 'warm regards', 'regards', 'sincerely', 'yours sincerely', 'yours truly',
    'best wishes', 'all the best', 'cheers', 'have a nice day', 'have a great day', 'have a good day',
    'have a nice weekend', 'have a great weekend', 'take care', "don't hesitate to contact", 'feel free to contact',
    'feel free to reach out', 'let us know if',
  ],
};

// Thanks closes a message only at its very end ("Kiitos!\nAnna"); earlier it is usually an opening
// ("Kiitos yhteydenotostasi"), so these count only in the last THANKS_LINES lines.
const THANKS: Record<CheckLang, readonly string[]> = {
  fi: ['kiitos', 'kiitokset', 'kiittäen', 'kiitos kärsivällisyydestä*'],
  en: ['thanks', 'thank you', 'many thanks', 'thanks again'],
};

const SIGN_OFF_LINES = 6;
const THANKS_LINES = 2;

function anyOf(lists: Record<CheckLang, readonly string[]>): RegExp {
  const sources = [...lists.fi, ...lists.en].sort((a, b) => b.length - a.length).map(phraseSource);
  // "t." ends in punctuation, so the end guard must not demand a letter after it.
  return new RegExp(`${NOT_AFTER_WORD}(?:${sources.join('|')})(?:${NOT_BEFORE_WORD}|(?<=\\.))`, 'iu');
}
const SIGN_OFF_RE = anyOf(SIGN_OFFS);
const THANKS_RE = anyOf(THANKS);

const EXAMPLE: Record<CheckLang, string> = { fi: 'Ystävällisin terveisin', en: 'Kind regards' };

/** The span of the last `n` non-blank lines, never including the first one (that is the greeting). */
function tailRange(lines: readonly Line[], n: number): { start: number; end: number } | null {
  const filled = lines.filter((l) => !l.blank);
  if (filled.length === 0) return null;
  const from = filled.length === 1 ? 0 : Math.max(1, filled.length - n);
  return { start: filled[from]!.start, end: filled[filled.length - 1]!.end };
}

/** The offset where the draft's closing begins (its sign-off or closing thanks), or null without one. */
function closingStart(text: string, lines: readonly Line[]): number | null {
  for (const [re, n] of [[SIGN_OFF_RE, SIGN_OFF_LINES], [THANKS_RE, THANKS_LINES]] as const) {
    const tail = tailRange(lines, n);
    const m = tail ? re.exec(text.slice(tail.start, tail.end)) : null;
    if (tail && m) return tail.start + m.index;
  }
  return null;
}

export const checkClosing: Check = (draft) => {
  const start = closingStart(draft.text, draft.lines);
  if (start === null) {
    return [
      {
        check: 'closing',
        criterion: 'closing',
        severity: 'info',
        span: null,
        messageKey: 'checks.closing.missing',
        params: { example: EXAMPLE[draft.lang] },
      },
    ];
  }
  // "Terveisin [nimi]": a sign-off whose signature is still a template slot is not a finished closing.
  return findPlaceholders(draft.text, start).map(({ span, text }) => ({
    check: 'closing' as const,
    criterion: 'closing' as const,
    severity: 'warning' as const,
    span,
    messageKey: 'checks.closing.placeholder' as const,
    params: { text: excerpt(text) },
  }));
};
