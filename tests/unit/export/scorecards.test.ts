// A lead exports the team's scorecards to a file and imports them elsewhere; broken files say where.
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../../lib/export/importError';
import { exportScorecards, parseScorecardsImport } from '../../../lib/export/scorecards';
import { blankScorecard } from '../../../lib/scorecards';
import { templates } from '../../../lib/scorecards/templates';

const at = new Date('2026-05-01T12:00:00.000Z');

describe('scorecard export and import', () => {
  it('round trip is identical', () => {
    const cards = [...templates, blankScorecard('own', 'fi', at)];
    const text = exportScorecards(cards, at);
    const back = parseScorecardsImport(text);
    expect(back).toEqual({ ok: true, scorecards: cards });
    if (back.ok) expect(exportScorecards(back.scorecards, at)).toBe(text);
  });

  it('writes the small envelope, pretty-printed', () => {
    const text = exportScorecards([], at);
    expect(JSON.parse(text)).toEqual({ format: 'arvio.scorecards', version: 1, exportedAt: at.toISOString(), scorecards: [] });
    expect(text).toContain('\n  "format": "arvio.scorecards"');
  });

  it('a broken file names the field and the reason, and imports nothing', () => {
    const file = JSON.parse(exportScorecards(templates, at));
    file.scorecards[0].criteria[2].levels[1].label = '';
    const r = parseScorecardsImport(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.path).toBe('scorecards[0].criteria[2].levels[1].label');
      expect(r.error.message).toMatch(/1|short|small/i);
    }
  });

  it('a missing field is named too', () => {
    const file = JSON.parse(exportScorecards(templates, at));
    delete file.scorecards[3].passMark;
    const r = parseScorecardsImport(JSON.stringify(file));
    expect(r).toMatchObject({ ok: false, error: { path: 'scorecards[3].passMark' } });
  });

  it('a wrong scale is reported at the levels of that criterion', () => {
    const file = JSON.parse(exportScorecards(templates, at));
    file.scorecards[1].criteria[0].scale = 'five';
    const r = parseScorecardsImport(JSON.stringify(file));
    expect(r).toMatchObject({ ok: false, error: { path: 'scorecards[1].criteria[0].levels' } });
  });

  it('bad JSON is reported with path "" and the parser’s reason', () => {
    const r = parseScorecardsImport('{"format": "arvio.scorecards",');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.path).toBe('');
      expect(r.error.message).toMatch(/^not valid JSON: /);
    }
  });

  it('another kind of file is recognised as such', () => {
    const r = parseScorecardsImport(JSON.stringify({ format: 'arvio.reviews', version: 1, reviews: [] }));
    expect(r).toMatchObject({ ok: false, error: { path: 'format' } });
    if (!r.ok) expect(r.error.message).toMatch(/not an Arvio scorecards file/);
    const v2 = parseScorecardsImport(JSON.stringify({ format: 'arvio.scorecards', version: 2, scorecards: [] }));
    expect(v2).toMatchObject({ ok: false, error: { path: 'version' } });
  });

  it('the same card version twice is refused', () => {
    const r = parseScorecardsImport(exportScorecards([templates[0]!, templates[0]!], at));
    expect(r).toMatchObject({ ok: false, error: { path: 'scorecards[1].id' } });
  });

  it('a byte-order mark from a Windows editor does not spoil the file', () => {
    expect(parseScorecardsImport(`\uFEFF${exportScorecards(templates, at)}`).ok).toBe(true);
  });

  it('paths read like code', () => {
    expect(formatPath(['scorecards', 0, 'criteria', 2, 'levels', 1, 'label'])).toBe('scorecards[0].criteria[2].levels[1].label');
    expect(formatPath(['counts', 'a-b'])).toBe('counts["a-b"]');
    expect(formatPath([])).toBe('');
  });
});
