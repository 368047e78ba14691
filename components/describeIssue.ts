// A zod issue in the user's words: the reason a field was refused, in the UI language, wherever a
// schema refuses what a user made or brought (an editor's field, an imported file's). The reasons'
// strings are the scorecard editor's, where they were first needed (`scorecards.error.*`).
import type { z } from 'zod';
import type { ImportReason } from '@/lib/export';
import type { MessageKey, Translate } from '@/lib/i18n';

const TYPE_KEYS = {
  number: 'scorecards.error.type.number',
  string: 'scorecards.error.type.string',
  boolean: 'scorecards.error.type.boolean',
  array: 'scorecards.error.type.array',
  object: 'scorecards.error.type.object',
} as const;

/** The string formats our schemas check (z.email, z.iso.datetime, z.iso.date), named for people; any other gets a general reason. */
const FORMAT_KEYS = {
  email: 'scorecards.error.format.email',
  datetime: 'scorecards.error.format.datetime',
  date: 'scorecards.error.format.date',
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
    case 'invalid_format': {
      // Not zod's name for the format ("email", "regex"): a user reads it inside a sentence.
      const key = FORMAT_KEYS[issue.format as keyof typeof FORMAT_KEYS];
      return key ? t('scorecards.error.format', { format: t(key) }) : t('scorecards.error.format.other');
    }
    case 'unrecognized_keys':
      return t('scorecards.error.unknownField', { keys: issue.keys.join(', ') });
    case 'custom':
      if (last === 'groupId') return t('scorecards.error.noGroup');
      // An id refused inside a list is one used twice there; a document's own id (a self-check's, which
      // names its ticket and agent) is refused for its form, in the schema's words.
      if (last === 'id' && issue.path.length > 1) return t('scorecards.error.duplicate');
      if (last === 'levels') return t('scorecards.error.levels');
      return issue.message;
    default:
      return issue.message;
  }
}

/** Why an import refused a file (lib/export's ImportError), in the UI language; `notExport` says what the file should have been. */
export function importReasonText(t: Translate, reason: ImportReason, notExport: MessageKey): string {
  switch (reason.kind) {
    case 'issue':
      return describeIssue(reason.issue, t, reason.checked);
    case 'notJson':
      return t('scorecards.import.notJson');
    case 'tooLarge':
      return t('scorecards.import.tooLarge');
    case 'notExport':
      return t(notExport);
    case 'duplicate':
      return t('dashboard.import.duplicate', { id: reason.id });
  }
}
