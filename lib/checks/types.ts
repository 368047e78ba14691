// The data shapes of draft checks: zod schemas first, types inferred, so hints and options can cross boundaries.
import { z } from 'zod';
import { CHECK_MESSAGE_KEYS } from './messages';

export const CHECK_IDS = [
  'greeting',
  'customerName',
  'closing',
  'placeholder',
  'shouting',
  'blame',
  'longSentence',
  'wallOfText',
  'personalData',
] as const;
export const checkIdSchema = z.enum(CHECK_IDS);
export type CheckId = z.infer<typeof checkIdSchema>;

export const checkLangSchema = z.enum(['fi', 'en']);
export type CheckLang = z.infer<typeof checkLangSchema>;

/** The scorecard criterion kinds a hint can speak to (the phases and interaction kinds of DOMAIN.md). */
export const hintCriterionSchema = z.enum(['opening', 'tone', 'clarity', 'closing', 'privacy', 'accuracy']);
export type HintCriterion = z.infer<typeof hintCriterionSchema>;

/**
 * How urgently the UI should surface a hint: `critical` would harm the customer or leak data if sent,
 * `warning` hurts the reply's quality, `info` is a style suggestion.
 */
export const hintSeveritySchema = z.enum(['info', 'warning', 'critical']);
export type HintSeverity = z.infer<typeof hintSeveritySchema>;

/** Offsets in UTF-16 code units into the draft exactly as passed in (end exclusive), like String#slice. */
export const hintSpanSchema = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end >= s.start, 'span end before start');
export type HintSpan = z.infer<typeof hintSpanSchema>;

export const checkMessageKeySchema = z.enum(CHECK_MESSAGE_KEYS);

export const hintSchema = z.object({
  check: checkIdSchema,
  criterion: hintCriterionSchema,
  severity: hintSeveritySchema,
  /** null for hints about something missing (no greeting) or about the draft as a whole. */
  span: hintSpanSchema.nullable(),
  /** i18n key of lib/checks/messages.ts; the UI translates and fills `{param}`s from params. */
  messageKey: checkMessageKeySchema,
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Hint = z.infer<typeof hintSchema>;

const phraseListSchema = z.array(z.string().max(200)).max(500);

export const checkOptionsSchema = z.object({
  /** The draft's language; 'auto' (the default) detects it. Only suggestions in params depend on it. */
  lang: z.enum(['fi', 'en', 'auto']).optional(),
  /** The customer's name as the helpdesk shows it; null or absent skips the name check. */
  customerName: z.string().max(300).nullable().optional(),
  disabled: z.array(checkIdSchema).optional(),
  /** The team's own blaming phrases; `*` matches the rest of a word (e.g. "kuten jo kerro*"). */
  extraBlamePhrases: z.object({ fi: phraseListSchema.optional(), en: phraseListSchema.optional() }).optional(),
  /** The team's own acronyms and brand names written in capitals, not to be taken as shouting. */
  acronyms: z.array(z.string().max(60)).max(500).optional(),
});
export type CheckOptions = z.infer<typeof checkOptionsSchema>;

export interface CheckResult {
  lang: CheckLang;
  hints: Hint[];
}
