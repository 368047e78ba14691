// Schema problems in words: zod issues of a scorecard (or an import file) turned into field keys and localized reasons.
import type { z } from 'zod';
import type { Translate } from '@/lib/i18n';
import { scorecardSchema, type Scorecard } from '@/lib/model';

/** Errors of one card by field key: `name`, `criteria.2.levels.1.label`, or `''` for the card as a whole. */
export type FieldErrors = Record<string, string>;

export function fieldKey(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

const TYPE_KEYS = {
  number: 'scorecards.error.type.number',
  string: 'scorecards.error.type.string',
  boolean: 'scorecards.error.type.boolean',
  array: 'scorecards.error.type.array',
  object: 'scorecards.error.type.object',
} as const;

/** The value at a zod path inside parsed data; undefined when any step is absent. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = root;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

/**
 * The reason of one issue, in the UI language; falls back to zod's own words only for unknown shapes.
 * `root` is the data that was checked: a field absent from it is reported as missing, whatever zod's code.
 */
export function describeIssue(issue: z.core.$ZodIssue, t: Translate, root?: unknown): string {
  const last = issue.path[issue.path.length - 1];
  if (root !== undefined && issue.path.length > 0 && issue.code !== 'custom' && valueAt(root, issue.path) === undefined) {
    return t('scorecards.error.missing');
  }
  switch (issue.code) {
    case 'invalid_type': {
      if (/received undefined/.test(issue.message)) return t('scorecards.error.missing');
      const key = TYPE_KEYS[issue.expected as keyof typeof TYPE_KEYS];
      return key ? t('scorecards.error.type', { type: t(key) }) : issue.message;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('scorecards.error.empty') : t('scorecards.error.minLength', { min });
      if (issue.origin === 'array') return t('scorecards.error.minItems', { min });
      return issue.inclusive === false ? t('scorecards.error.greater', { min }) : t('scorecards.error.min', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return t('scorecards.error.maxLength', { max });
      if (issue.origin === 'array') return t('scorecards.error.maxItems', { max });
      return t('scorecards.error.max', { max });
    }
    case 'invalid_value':
      if (last === 'format') return t('scorecards.error.notArvioFile');
      if (last === 'version' && issue.path.length === 1) return t('scorecards.error.fileVersion');
      return t('scorecards.error.oneOf', { values: issue.values.map((v) => String(v)).join(', ') });
    case 'invalid_format':
      return t('scorecards.error.format', { format: issue.format });
    case 'unrecognized_keys':
      return t('scorecards.error.unknownField', { keys: issue.keys.join(', ') });
    case 'custom':
      if (last === 'groupId') return t('scorecards.error.noGroup');
      if (last === 'id') return t('scorecards.error.duplicate');
      if (last === 'levels') return t('scorecards.error.levels');
      return issue.message;
    default:
      return issue.message;
  }
}

/** Validates a card the way saving will; an empty result means it saves. */
export function validateCard(card: Scorecard, t: Translate): FieldErrors {
  const result = scorecardSchema.safeParse(card);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = fieldKey(issue.path);
    errors[key] ??= describeIssue(issue, t, card);
  }
  return errors;
}

/** Props that tie an input to its error text, so screen readers read the reason with the field. */
export function errorProps(errors: FieldErrors, key: string, id: string) {
  const has = errors[key] !== undefined;
  return { 'aria-invalid': has, 'aria-describedby': has ? `${id}-error` : undefined };
}

export function FieldError({ errors, field, id }: { errors: FieldErrors; field: string; id: string }) {
  const message = errors[field];
  if (message === undefined) return null;
  return (
    <p id={`${id}-error`} class="error-text field-error">
      {message}
    </p>
  );
}
