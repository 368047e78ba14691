// The dashboard reads as finished: axis labels that fit, cards and helpdesks told apart by name, coverage judged fairly.
import { describe, expect, it } from 'vitest';
import { judgeCoverage, type AgentRow } from '@/lib/dashboard';
import { labelStep, LABEL_GAP_PX } from '@/lib/dashboard/axis';
import { HELPDESK_NAMES, helpdeskName } from '@/lib/helpdesks/names';
import { adapters } from '@/lib/helpdesks/registry';
import { familyLabels } from '@/lib/scorecards';
import { templates } from '@/lib/scorecards/templates';

describe('trend axis labels', () => {
  it.each([
    // 12 months of "Jan 2026" (≈55 px) on a 900 px axis: all fit; on 600 px every other.
    [12, 55, 900, 1],
    [12, 55, 600, 2],
    // 27 ISO weeks "2026-W36" (≈60 px) on 600 px: every fourth.
    [27, 60, 600, 4],
    // The same weeks on a wide screen need fewer gaps.
    [27, 60, 1300, 2],
    [1, 200, 100, 1],
  ])('%i labels of %i px on a %i px axis: one in %i', (count, widest, axis, step) => {
    expect(labelStep(count, widest, axis)).toBe(step);
  });

  it('the labels shown never overlap, whatever the width', () => {
    for (const axis of [280, 480, 777, 1300]) {
      for (const count of [5, 26, 53, 104]) {
        const step = labelStep(count, 60, axis);
        // Neighbouring shown labels are `step` slots apart; each slot is axis / count wide.
        expect(step * (axis / count), `${count} on ${axis}`).toBeGreaterThanOrEqual(60 + LABEL_GAP_PX);
      }
    }
  });
});

describe('names in the filters', () => {
  const language = (l: 'fi' | 'en') => (l === 'fi' ? 'Finnish' : 'English');

  it('cards of the same name are told apart by language; unique names stay plain', () => {
    const labels = familyLabels(['tpl-chat-fi', 'tpl-chat-en', 'tpl-email-fi'], templates, language);
    expect(labels.get('tpl-chat-fi')).toBe('Chat (Finnish)');
    expect(labels.get('tpl-chat-en')).toBe('Chat (English)');
    expect(labels.get('tpl-email-fi')).toBe('Kirjallinen viesti (sähköposti)');
  });

  it('same name and language: the id too; a family is named by its newest version; unknown ids by the id', () => {
    const card = (id: string, version: number, name: string) => ({ id, version, name, language: 'fi' as const });
    const cards = [card('a', 1, 'Chat'), card('a', 2, 'Chat'), card('b', 1, 'Old name'), card('b', 3, 'Chat'), card('c', 1, 'Puhelu')];
    const labels = familyLabels(['a', 'b', 'c', 'gone'], cards, language);
    expect([...labels]).toEqual([
      ['a', 'Chat (Finnish, a)'],
      ['b', 'Chat (Finnish, b)'],
      ['c', 'Puhelu'],
      ['gone', 'gone'],
    ]);
  });

  it('every helpdesk Arvio reads has its product name; the generic fallback and strangers have none', () => {
    for (const adapter of adapters) expect(helpdeskName(adapter.id), adapter.id).toBe(HELPDESK_NAMES[adapter.id]);
    expect(helpdeskName('zendesk')).toBe('Zendesk');
    expect(helpdeskName('helpscout')).toBe('Help Scout');
    expect(helpdeskName('generic')).toBeNull();
    expect(helpdeskName('toString')).toBeNull();
  });
});

describe('coverage against the target', () => {
  const months = ['2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];
  /** `since`: the first review's month, from all of history; by default the first month with reviews here. */
  const agent = (id: string, counts: Record<string, number>, since = Object.keys(counts).sort()[0] ?? null): AgentRow => ({
    id,
    name: id,
    since,
    months: counts,
    count: Object.values(counts).reduce((a, b) => a + b, 0),
    scored: 0,
    sum: 0,
    passes: 0,
    criticalFails: 0,
    qualityScore: null,
    passRate: null,
  });
  const now = new Date('2026-12-05T09:00:00Z');
  const veteran = agent('veteran', { '2026-08': 4, '2026-09': 5, '2026-10': 2, '2026-11': 4, '2026-12': 1 });
  const newcomer = agent('newcomer', { '2026-11': 4, '2026-12': 1 });
  const slipping = agent('slipping', { '2026-09': 4, '2026-10': 4, '2026-11': 1 });
  const starting = agent('starting', { '2026-12': 2 });

  it('judges the latest whole month, not the one five days old', () => {
    const coverage = judgeCoverage([veteran, newcomer, slipping, starting], months, 4, now);
    expect(coverage.month).toBe('2026-11');
    expect(coverage.below.map((a) => a.id)).toEqual(['slipping']);
  });

  it('months before an agent’s first review are not theirs to miss; the current month is in progress', () => {
    const coverage = judgeCoverage([veteran, newcomer, slipping, starting], months, 4, now);
    const row = (a: AgentRow) => months.map((m) => coverage.cell(a, m));
    expect(row(veteran)).toEqual(['met', 'met', 'below', 'met', 'inProgress']);
    expect(row(newcomer)).toEqual(['inactive', 'inactive', 'inactive', 'met', 'inProgress']);
    expect(row(slipping)).toEqual(['inactive', 'met', 'met', 'below', 'inProgress']);
    expect(row(starting)).toEqual(['inactive', 'inactive', 'inactive', 'inactive', 'inProgress']);
  });

  it('an agent reviewed before the range and not since is below target, not inactive; one not started yet is inactive', () => {
    const forgotten = agent('forgotten', {}, '2026-02');
    const later = agent('later', {}, null);
    const coverage = judgeCoverage([forgotten, later], months, 4, now);
    expect(months.map((m) => coverage.cell(forgotten, m))).toEqual(['below', 'below', 'below', 'below', 'inProgress']);
    expect(months.map((m) => coverage.cell(later, m))).toEqual(['inactive', 'inactive', 'inactive', 'inactive', 'inProgress']);
    expect(coverage.below).toEqual([forgotten]);
  });

  it('a range of past months is judged to its end; a range that is only the current month has nothing to judge', () => {
    expect(judgeCoverage([veteran], ['2026-09', '2026-10'], 4, now)).toMatchObject({ month: '2026-10', below: [veteran] });
    expect(judgeCoverage([veteran, starting], ['2026-12'], 4, now)).toMatchObject({ month: null, below: [] });
  });
});
