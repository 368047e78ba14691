// The `arvio.export` JSON file: its envelope schema and its writer, pure, so the extension and the server write one format.
import { z } from 'zod';
import type { CalibrationRatings, CalibrationSession, Review, Scorecard, SelfCheck } from '../model';

export const EXPORT_FORMAT = 'arvio.export';
export const EXPORT_FORMAT_VERSION = 1;

/**
 * The envelope as the import reads it: the collections stay unknown here, because each document is
 * validated on its own (with its index in the error's path) and reviews only while they are written.
 */
export const exportEnvelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: `not an Arvio export file (format must be "${EXPORT_FORMAT}")` }),
  version: z.literal(EXPORT_FORMAT_VERSION, { error: `unsupported file version (this Arvio reads version ${EXPORT_FORMAT_VERSION})` }),
  exportedAt: z.iso.datetime(),
  scorecards: z.array(z.unknown()),
  selfChecks: z.array(z.unknown()),
  reviews: z.array(z.unknown()),
  // Calibration (absent from files of earlier releases and from the server's export).
  calibrationSessions: z.array(z.unknown()).default([]),
  calibrationRatings: z.array(z.unknown()).default([]),
});

/** Pages of documents: an array (held already) or a generator reading one page at a time. */
export type Pages<T> = Iterable<readonly T[]> | AsyncIterable<readonly T[]>;

export interface ExportContents {
  exportedAt: Date;
  scorecards: Pages<Scorecard>;
  selfChecks: Pages<SelfCheck>;
  reviews: Pages<Review>;
  calibration?: { sessions: Pages<CalibrationSession>; ratings: Pages<CalibrationRatings> };
}

/**
 * The file in pieces, one per page, so neither writer holds more than a page: a normal JSON
 * envelope with one document per line inside it.
 */
export async function* writeExportFile(contents: ExportContents): AsyncGenerator<string> {
  const head = { format: EXPORT_FORMAT, version: EXPORT_FORMAT_VERSION, exportedAt: contents.exportedAt.toISOString() };
  yield `${JSON.stringify(head).slice(0, -1)},\n"scorecards":[`;
  yield* documents(contents.scorecards);
  yield '],\n"selfChecks":[';
  yield* documents(contents.selfChecks);
  yield '],\n"reviews":[';
  yield* documents(contents.reviews);
  if (contents.calibration) {
    yield '],\n"calibrationSessions":[';
    yield* documents(contents.calibration.sessions);
    yield '],\n"calibrationRatings":[';
    yield* documents(contents.calibration.ratings);
  }
  yield ']}\n';
}

async function* documents<T>(pages: Pages<T>): AsyncGenerator<string> {
  let first = true;
  for await (const page of pages) {
    if (page.length === 0) continue;
    yield page.map((doc) => `${first ? ((first = false), '') : ','}\n${JSON.stringify(doc)}`).join('');
  }
}
