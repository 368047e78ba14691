// Why an imported file was refused, for every import (scorecard files, review exports): where (a field
// path, '' for the file as a whole), in English words for programs and tests, and the reason a page says in
// its reader's language (components/describeIssue.ts).
import type { z } from 'zod';

export type ImportReason =
  /** A schema refused `checked` (the item or file it checked: what tells a missing field from a wrong one). */
  | { kind: 'issue'; issue: z.core.$ZodIssue; checked: unknown }
  | { kind: 'notJson' }
  | { kind: 'notExport' }
  | { kind: 'tooLarge' }
  | { kind: 'duplicate'; id: string };

export type ImportError = { path: string; message: string; reason: ImportReason };

/** `['scorecards', 0, 'criteria', 2, 'label']` → `scorecards[0].criteria[2].label`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** The first issue of a failed parse of `checked`, found at `prefix` in the file. */
export function issueError(error: z.ZodError, checked: unknown, prefix: readonly (string | number)[] = []): ImportError {
  // A failed parse has an issue: zod's ZodError is never empty.
  const issue = error.issues[0]!;
  return { path: formatPath([...prefix, ...issue.path]), message: issue.message, reason: { kind: 'issue', issue, checked } };
}

/** An id a file holds twice, at `path`. */
export function duplicateError(path: readonly (string | number)[], id: string): ImportError {
  return { path: formatPath(path), message: `"${id}" appears twice in the file`, reason: { kind: 'duplicate', id } };
}
