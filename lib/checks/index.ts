// Public face of lib/checks: pure, fast checks of a draft reply against the quality criteria, in Finnish and English.
import { checkBlame } from './blame';
import { checkClosing } from './closing';
import { checkCustomerName } from './customerName';
import { checkGreeting } from './greeting';
import { detectLanguageFromWords } from './language';
import { checkLongSentence } from './longSentence';
import { checkPersonalData } from './personalData';
import { checkPlaceholder } from './placeholder';
import { checkShouting } from './shouting';
import { resolveOptions, splitLines, tokenize, type Check, type PreparedDraft } from './text';
import { checkWallOfText } from './wallOfText';
import type { CheckId, CheckOptions, CheckResult, Hint, HintCriterion } from './types';

export { detectLanguage } from './language';
export { premarkLevel } from './premark';
export { checkMessagesEn, checkMessagesFi, CHECK_MESSAGE_KEYS, type CheckMessageKey } from './messages';
export {
  CHECK_IDS,
  checkIdSchema,
  checkLangSchema,
  checkOptionsSchema,
  hintCriterionSchema,
  hintSchema,
  hintSeveritySchema,
  type CheckId,
  type CheckLang,
  type CheckOptions,
  type CheckResult,
  type Hint,
  type HintCriterion,
  type HintSeverity,
  type HintSpan,
} from './types';

/** In the order hints are returned: the reply's shape from top to bottom, then its content. */
const CHECKS: Record<CheckId, Check> = {
  greeting: checkGreeting,
  customerName: checkCustomerName,
  closing: checkClosing,
  placeholder: checkPlaceholder,
  personalData: checkPersonalData,
  shouting: checkShouting,
  blame: checkBlame,
  longSentence: checkLongSentence,
  wallOfText: checkWallOfText,
};

/** Which scorecard criterion kind each check speaks to, for settings screens and grouping. */
export const CHECK_CRITERION: Record<CheckId, HintCriterion> = {
  greeting: 'opening',
  customerName: 'opening',
  closing: 'closing',
  placeholder: 'accuracy',
  personalData: 'privacy',
  shouting: 'tone',
  blame: 'tone',
  longSentence: 'clarity',
  wallOfText: 'clarity',
};

/**
 * Runs every enabled check over the draft. Pure: the result depends only on the arguments. An empty
 * or whitespace-only draft gets no hints (there is nothing to judge yet). Spans are UTF-16 offsets
 * into `draft` as given.
 */
export function runChecks(draft: string, options: CheckOptions = {}): CheckResult {
  const words = tokenize(draft);
  const lang = options.lang === 'fi' || options.lang === 'en' ? options.lang : detectLanguageFromWords(draft, words);
  if (draft.trim() === '') return { lang, hints: [] };
  const prepared: PreparedDraft = { text: draft, words, lines: splitLines(draft), lang };
  const resolved = resolveOptions(options);
  const disabled = new Set(options.disabled ?? []);
  const hints: Hint[] = [];
  for (const [id, check] of Object.entries(CHECKS) as [CheckId, Check][]) {
    if (!disabled.has(id)) hints.push(...check(prepared, resolved));
  }
  // A slot in the signature is the closing's hint ("Terveisin [nimi]"); the placeholder check would say it again.
  const closingSlots = hints.filter((h) => h.check === 'closing' && h.span);
  const said = (h: Hint) => h.check === 'placeholder' && closingSlots.some((c) => c.span!.start === h.span!.start);
  return { lang, hints: hints.filter((h) => !said(h)) };
}
