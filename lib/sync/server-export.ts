// Leads' export from the team backend: the same CSV and JSON shapes, streamed by the server.
import type { CsvLocale } from '../export';
import type { BackendConfig } from './backend';

export async function fetchServerExport(
  config: BackendConfig,
  format: 'csv' | 'json',
  delimiter: ',' | ';',
  locale: CsvLocale,
  signal: AbortSignal,
): Promise<Blob> {
  const url = new URL('/v1/export/reviews', config.url);
  url.searchParams.set('format', format);
  if (format === 'csv') url.searchParams.set('delimiter', delimiter);
  // The local form (headers in the reader's language, dates in their time zone) goes with semicolons.
  if (format === 'csv' && delimiter === ';') {
    url.searchParams.set('lang', locale.language);
    url.searchParams.set('timeZone', locale.timeZone);
  }
  const response = await fetch(url, { headers: { authorization: `Bearer ${config.token}` }, signal });
  if (!response.ok) {
    // The server answers errors as JSON with words; show them, else the status.
    const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
    throw new Error(typeof body?.message === 'string' ? body.message : `HTTP ${response.status}`);
  }
  return response.blob();
}
