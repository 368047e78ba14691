// Schema problems of a scorecard (or a coaching form) by field: field keys and localized reasons beside the inputs.
import { describeIssue } from '@/components/describeIssue';
import type { Translate } from '@/lib/i18n';
import { scorecardSchema, type Scorecard } from '@/lib/model';

/** Errors of one card by field key: `name`, `criteria.2.levels.1.label`, or `''` for the card as a whole. */
export type FieldErrors = Record<string, string>;

export function fieldKey(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
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
