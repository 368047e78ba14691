// What a schema says about a document it refuses: the fields at fault, as dotted paths.
import type { z } from 'zod';

/** The paths of the issues zod finds (empty when the document is accepted). */
export function refusedFields(schema: z.ZodType, doc: unknown): string[] {
  const result = schema.safeParse(doc);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.map(String).join('.') || '(root)');
}
