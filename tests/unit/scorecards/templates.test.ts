// The built-in cards: valid, complete in both languages, the same structure in fi and en.
import { describe, expect, it } from 'vitest';
import { scorecardSchema, SCALE_POINTS, type Language, type Scorecard } from '../../../lib/model/scorecard';
import { proposeScorecard, publish, newDraftFrom } from '../../../lib/scorecards';
import { templates } from '../../../lib/scorecards/templates';

const templatesFor = (lang: Language) => templates.filter((t) => t.language === lang);

const ids = ['tpl-email-fi', 'tpl-email-en', 'tpl-chat-fi', 'tpl-chat-en', 'tpl-call-fi', 'tpl-call-en'];

function structure(card: Scorecard) {
  return {
    channels: card.channels,
    passMark: card.passMark,
    groups: card.groups.map((g) => [g.id, g.kind]),
    criteria: card.criteria.map((c) => [c.id, c.groupId, c.scale, c.weight, c.naAllowed, c.critical, c.selfCheckable]),
  };
}

describe('built-in templates', () => {
  it('are the six cards: e-mail, chat and call in Finnish and English', () => {
    expect(templates.map((t) => t.id)).toEqual(ids);
    expect(templatesFor('fi').map((t) => t.id)).toEqual(['tpl-email-fi', 'tpl-chat-fi', 'tpl-call-fi']);
    expect(templatesFor('en').every((t) => t.language === 'en')).toBe(true);
  });

  it.each(ids)('%s parses with the scorecard schema and is published version 1', (id) => {
    const t = templates.find((x) => x.id === id)!;
    const parsed = scorecardSchema.safeParse(t);
    expect(parsed.success ? null : parsed.error.issues).toBeNull();
    expect(parsed.data).toEqual(t);
    expect(t).toMatchObject({ status: 'published', version: 1, templateId: id, createdAt: '2026-01-01T00:00:00.000Z' });
  });

  it.each(['email', 'chat', 'call'])('%s: fi and en have the same structure', (key) => {
    const fi = templates.find((t) => t.id === `tpl-${key}-fi`)!;
    const en = templates.find((t) => t.id === `tpl-${key}-en`)!;
    expect(structure(fi)).toEqual(structure(en));
  });

  it.each(ids)('%s: every point of every criterion has a described target and a label', (id) => {
    const t = templates.find((x) => x.id === id)!;
    for (const c of t.criteria) {
      expect(c.levels).toHaveLength(SCALE_POINTS[c.scale]);
      for (const l of c.levels) {
        expect(l.target.trim(), `${c.id}[${l.value}]`).not.toBe('');
        expect(l.label.trim()).not.toBe('');
      }
      expect(c.title.trim()).not.toBe('');
      expect(c.description.trim()).not.toBe('');
    }
  });

  it.each(ids)('%s: one critical criterion, mixed scales, weights 1–3, phases and interaction', (id) => {
    const t = templates.find((x) => x.id === id)!;
    expect(t.criteria.filter((c) => c.critical)).toHaveLength(1);
    expect(t.criteria.find((c) => c.critical)!.critical!.threshold).toBe(0.5);
    expect(new Set(t.criteria.map((c) => c.scale)).size).toBeGreaterThanOrEqual(3);
    expect(t.criteria.every((c) => c.weight >= 1 && c.weight <= 3)).toBe(true);
    expect(t.groups.map((g) => g.id).slice(0, 4)).toEqual(['opening', 'need', 'solution', 'closing']);
    expect(t.groups.some((g) => g.kind === 'interaction')).toBe(true);
    // Every group has something in it.
    for (const g of t.groups) expect(t.criteria.some((c) => c.groupId === g.id), g.id).toBe(true);
  });

  it('written channels offer a self-check of greeting, name, closing, tone, clarity, spelling and privacy', () => {
    for (const t of templates.filter((x) => x.channels[0] !== 'call')) {
      const self = t.criteria.filter((c) => c.selfCheckable).map((c) => c.id);
      expect(self).toEqual(expect.arrayContaining(['greeting', 'name', 'closing', 'tone', 'clarity', 'spelling', 'privacy']));
    }
  });

  it('the Finnish cards are in Finnish and the English ones in English', () => {
    const fi = JSON.stringify(templatesFor('fi'));
    const en = JSON.stringify(templatesFor('en'));
    expect(fi).toContain('Asiakas');
    expect(en).not.toMatch(/[äö]/i);
    expect(en).toContain('customer');
  });
});

describe('proposing a card for a ticket', () => {
  it('offers the built-in card for the channel in the UI language', () => {
    expect(proposeScorecard(templates, 'chat', 'fi')?.id).toBe('tpl-chat-fi');
    expect(proposeScorecard(templates, 'call', 'en')?.id).toBe('tpl-call-en');
  });

  it('falls back to another language rather than offering nothing', () => {
    const onlyFi = templatesFor('fi');
    expect(proposeScorecard(onlyFi, 'email', 'en')?.id).toBe('tpl-email-fi');
  });

  it('takes the newest published version and skips drafts', () => {
    const base = templates.find((t) => t.id === 'tpl-email-fi')!;
    const v2 = publish(newDraftFrom(base, new Date('2026-02-01T00:00:00Z'), null), new Date('2026-02-02T00:00:00Z'), null);
    const v3draft = newDraftFrom(v2, new Date('2026-03-01T00:00:00Z'), null);
    const chosen = proposeScorecard([base, v3draft, v2], 'email', 'fi');
    expect(chosen?.version).toBe(2);
  });

  it("prefers the team's own, later published card over the template", () => {
    const own: Scorecard = { ...templates.find((t) => t.id === 'tpl-email-fi')!, id: 'team-email', publishedAt: '2026-03-01T00:00:00.000Z' };
    expect(proposeScorecard([...templates, own], 'email', 'fi')?.id).toBe('team-email');
  });

  it('no published card for the channel: null', () => {
    expect(proposeScorecard([], 'chat', 'fi')).toBeNull();
    expect(proposeScorecard(templates.filter((t) => !t.channels.includes('call')), 'call', 'fi')).toBeNull();
  });
});
