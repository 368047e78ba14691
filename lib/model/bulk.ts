// Documents parsed in bulk (pulled pages, imported files): by the validator compiled ahead of time
// from the kind's schema where there is one (scripts/validators.ts; the extension's CSP keeps zod
// from compiling its own checks), else by the schema. A compiled validator gives zod's verdict
// (tests/unit/model/validators.test.ts proves it) without zod's copy of every document: it refuses
// unknown keys, as zod does (every document schema is strict), and fills defaults in place, so the
// object checked is the parsed value. A document it
// refuses goes to zod, whose first issue is what the user reads.
import type { z } from 'zod';
import { kindOf, type DocOf, type KindName } from './kinds';

/** Parses one document of a kind: the compiled validator's verdict, or zod's with its issues. */
export type BulkParse = <K extends KindName>(kind: K, raw: unknown) => z.ZodSafeParseResult<DocOf<K>>;

type Compiled = { readonly [K in KindName]?: (data: unknown) => boolean };

let loading: Promise<BulkParse> | undefined;

/**
 * The bulk parser, with the compiled validators loaded on first use: they are their own chunk, so no
 * page carries them in its start-up (an import or a pull is never the first thing a page draws).
 */
export function bulkParser(): Promise<BulkParse> {
  loading ??= import('./compiled/validators.js').then(({ validateReview }) => parserOf({ reviews: validateReview }));
  return loading;
}

function parserOf(compiled: Compiled): BulkParse {
  return <K extends KindName>(kind: K, raw: unknown): z.ZodSafeParseResult<DocOf<K>> =>
    compiled[kind]?.(raw) ? { success: true, data: raw as DocOf<K> } : (kindOf(kind).schema as z.ZodType<DocOf<K>>).safeParse(raw);
}
