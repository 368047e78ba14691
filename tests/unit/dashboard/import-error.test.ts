// Why the dashboard did not import a file, in the reader's language: the field at fault and its reason.
import { describe, expect, it } from 'vitest';
import { importErrorText } from '@/entrypoints/dashboard/ExportPanel';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from '@/lib/export';
import { translator } from '@/lib/i18n';
import type { Language } from '@/lib/model';
import { parseExportFile } from '@/lib/transfer';
import { review } from '../../../server/tests/helpers/docs';

const file = (reviews: unknown[], over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_FORMAT_VERSION, exportedAt: '2026-12-01T10:00:00.000Z', scorecards: [], selfChecks: [], reviews, ...over });
const r1 = review('r1', 'rev1@arvio.test', 'agent1@arvio.test');

async function refused(text: string, lang: Language): Promise<string> {
  const parsed = await parseExportFile(text);
  if (parsed.ok) throw new Error('the file was accepted');
  return importErrorText(translator(lang), parsed.error);
}

describe('a refused import says why in the reader’s language', () => {
  it.each<[string, string, string, string]>([
    [
      'a field of a newer release',
      file([{ ...r1, sentiment: 'warm' }]),
      'Nothing was imported. reviews[0]: This release of Arvio does not know the field sentiment: the file may come from a newer release.',
      'Mitään ei tuotu. reviews[0]: Tämä Arvion versio ei tunne kenttää sentiment. Tiedosto voi olla tehty uudemmalla versiolla.',
    ],
    ['a value out of range', file([{ ...r1, score: 2 }]), 'Nothing was imported. reviews[0].score: This must be at most 1.', 'Mitään ei tuotu. reviews[0].score: Arvon on oltava enintään 1.'],
    ['a review twice', file([r1, r1]), 'Nothing was imported. reviews[1].id: The id r1 appears twice in the file.', 'Mitään ei tuotu. reviews[1].id: Tunniste r1 on tiedostossa kahdesti.'],
    ['not JSON', '{"format": "arvio.export",', 'Nothing was imported. The file is not valid JSON.', 'Mitään ei tuotu. Tiedosto ei ole kelvollista JSONia.'],
    ['another program’s JSON', file([], { format: 'zendesk.export' }), 'Nothing was imported. This is not an Arvio export file.', 'Mitään ei tuotu. Tämä ei ole Arvion vientitiedosto.'],
    ['a JSON list', '[]', 'Nothing was imported. This is not an Arvio export file.', 'Mitään ei tuotu. Tämä ei ole Arvion vientitiedosto.'],
  ])('%s', async (_label, text, en, fi) => {
    expect(await refused(text, 'en')).toBe(en);
    expect(await refused(text, 'fi')).toBe(fi);
  });
});
