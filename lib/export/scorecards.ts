// Scorecards out to a JSON file and back in, all or nothing, with errors that name the field.
import { z } from 'zod';
import { scorecardSchema, type Scorecard } from '../model';
import { issueError, type ImportError } from './importError';

export const SCORECARDS_FORMAT = 'arvio.scorecards';
export const SCORECARDS_FORMAT_VERSION = 1;

/** Far above any real team's cards; stops a wrong file (a full review export) from being parsed at length. */
const MAX_IMPORT_CHARS = 20_000_000;

const envelopeHeadSchema = z.object({
  format: z.literal(SCORECARDS_FORMAT, { error: `not an Arvio scorecards file (format must be "${SCORECARDS_FORMAT}")` }),
  version: z.literal(SCORECARDS_FORMAT_VERSION, {
    error: `unsupported file version (this Arvio reads version ${SCORECARDS_FORMAT_VERSION})`,
  }),
});

export const scorecardsFileSchema = envelopeHeadSchema
  .extend({
    exportedAt: z.iso.datetime(),
    scorecards: z.array(scorecardSchema).max(1000),
  })
  .superRefine((file, ctx) => {
    // Two entries for one card version would make the import's outcome depend on order.
    const seen = new Set<string>();
    file.scorecards.forEach((card, i) => {
      const key = `${card.id}@${card.version}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['scorecards', i, 'id'],
          message: `scorecard "${card.id}" version ${card.version} appears twice`,
        });
      }
      seen.add(key);
    });
  });

export type ScorecardsImport =
  | { ok: true; scorecards: Scorecard[] }
  | { ok: false; error: ImportError };

/** The file a lead downloads: a small envelope around the cards, pretty-printed for humans and diffs. */
export function exportScorecards(cards: readonly Scorecard[], now: Date = new Date()): string {
  const file = {
    format: SCORECARDS_FORMAT,
    version: SCORECARDS_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    scorecards: cards,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads an exported file. Nothing is returned unless every card is valid, so an import never
 * leaves half a set behind; the first problem is reported with its field path.
 */
export function parseScorecardsImport(text: string): ScorecardsImport {
  if (text.length > MAX_IMPORT_CHARS) {
    return { ok: false, error: { path: '', message: `file is too large (over ${MAX_IMPORT_CHARS} characters)`, reason: { kind: 'tooLarge' } } };
  }
  let data: unknown;
  try {
    // A BOM is what Windows editors leave at the start; it is not a reason to reject the file.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: { path: '', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}`, reason: { kind: 'notJson' } } };
  }

  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: { path: '', message: 'not an Arvio scorecards file (expected a JSON object)', reason: { kind: 'notExport' } } };
  }
  // Check the envelope first, so a wrong file says "not an Arvio file" rather than listing fields.
  const head = envelopeHeadSchema.safeParse(data);
  if (!head.success) return { ok: false, error: issueError(head.error, data) };

  const parsed = scorecardsFileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: issueError(parsed.error, data) };
  return { ok: true, scorecards: parsed.data.scorecards };
}
