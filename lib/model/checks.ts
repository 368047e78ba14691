// Refinements the kinds' schemas share: each refusal names the field at fault.
import type { z } from 'zod';

/** Flags the second and later items of `items` whose `key` repeats an earlier one. */
export function noDuplicates<T>(items: readonly T[], key: (item: T) => string, path: (string | number)[], what: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `duplicate ${what} "${k}"` });
    seen.add(k);
  });
}

/** Adds an issue at `path` when `ok` is false. */
export function check(ok: boolean, path: (string | number)[], message: string, ctx: z.RefinementCtx): void {
  if (!ok) ctx.addIssue({ code: 'custom', path, message });
}
