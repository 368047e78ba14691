// Every Finnish string uses the glossary's one term per concept (lib/i18n/GLOSSARY.md) and Finnish quotation marks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fi } from '@/lib/i18n/fi';
import { formTemplates } from '@/lib/coaching/templates';
import { templates } from '@/lib/scorecards/templates';

/** Retired variants from the glossary's table: the third column, comma-separated, `*` for word endings. */
function retiredVariants(): { term: string; variant: string; re: RegExp }[] {
  const rows = readFileSync('lib/i18n/GLOSSARY.md', 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('|') && !line.startsWith('|---') && !line.startsWith('| Concept'));
  return rows.flatMap((row) => {
    const [, , term = '', variants = ''] = row.split('|').map((cell) => cell.trim());
    return variants
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean)
      .map((variant) => {
        const source = variant
          .split(/\s+/)
          .map((word) => word.split('*').map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('\\p{L}*'))
          .join('\\s+');
        return { term, variant, re: new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, 'iu') };
      });
  });
}

/** Every Finnish text a user reads: UI strings (with check messages), the manifest's, and the built-in Finnish cards and coaching form. */
function finnishTexts(): [where: string, text: string][] {
  const manifest = JSON.parse(readFileSync('public/_locales/fi/messages.json', 'utf8')) as Record<string, { message: string }>;
  const cards = templates
    .filter((card) => card.language === 'fi')
    .flatMap((card) => [
      [`${card.id}.name`, card.name] as [string, string],
      ...card.groups.map((g): [string, string] => [`${card.id}.${g.id}`, g.title]),
      ...card.criteria.flatMap((c): [string, string][] => [
        [`${card.id}.${c.id}.title`, c.title],
        [`${card.id}.${c.id}.description`, c.description],
        ...c.levels.flatMap((l): [string, string][] => [
          [`${card.id}.${c.id}.${l.value}.label`, l.label],
          [`${card.id}.${c.id}.${l.value}.target`, l.target],
        ]),
      ]),
    ]);
  const forms = formTemplates
    .filter((form) => form.language === 'fi')
    .flatMap((form) => [
      [`${form.id}.name`, form.name] as [string, string],
      ...form.sections.flatMap((s) => [[`${form.id}.${s.id}`, s.title] as [string, string], ...s.fields.flatMap((f): [string, string][] => [
        [`${form.id}.${f.id}`, f.label],
        [`${form.id}.${f.id}.help`, f.help],
        ...(f.kind === 'choice' ? f.options.map((o): [string, string] => [`${form.id}.${f.id}.${o.id}`, o.label]) : []),
      ])]),
    ]);
  return [...Object.entries(fi), ...Object.entries(manifest).map(([k, v]): [string, string] => [`manifest.${k}`, v.message]), ...cards, ...forms];
}

describe('Finnish words', () => {
  const variants = retiredVariants();
  const texts = finnishTexts();

  it('the glossary has its table', () => {
    expect(variants.length).toBeGreaterThan(10);
    expect(texts.length).toBeGreaterThan(300);
  });

  // Placeholders ({agent}) are names the code fills in, not words the user reads.
  const words = (text: string): string => text.replace(/\{\w+\}/g, '');

  it('no Finnish string uses a retired variant of a term', () => {
    const found = texts.flatMap(([where, text]) =>
      variants.filter(({ re }) => re.test(words(text))).map(({ term, variant }) => `${where}: "${variant}" (say "${term}") in: ${text}`),
    );
    expect(found).toEqual([]);
  });

  it('catches what it should: inflected, in capitals, not inside a longer word', () => {
    const hits = (text: string) => variants.filter(({ re }) => re.test(text)).map((v) => v.variant);
    expect(hits('Agentin itsearvio')).toEqual(['agent*', 'itsearvio']);
    expect(hits('Itsearviointi ja asiakaspalvelujärjestelmä')).toEqual([]);
    expect(hits('Palvelujärjestelmässä ja TAUSTAPALVELUSSA')).toEqual(['palvelujärjestelmä*', 'taustapalvelu*']);
    expect(hits('Tuonti ja\nvienti')).toEqual(['tuonti ja vienti']);
    expect(hits(words('Yhteenveto: {agent}'))).toEqual([]);
    expect(hits('”N/A”, jos nimeä ei ole')).toEqual(['N/A']);
  });

  it('quotes the Finnish way: ”…”, never "…" or “…”', () => {
    expect(texts.filter(([, text]) => /["“]/.test(text)).map(([where, text]) => `${where}: ${text}`)).toEqual([]);
  });
});
