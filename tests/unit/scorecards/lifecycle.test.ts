// A lead edits, publishes, archives and copies scorecards; old versions stay as they were.
import { describe, expect, it } from 'vitest';
import { kindOf } from '../../../lib/model/kinds';
import { scorecardSchema, seriesOf, teamEditId, type Scorecard } from '../../../lib/model/scorecard';
import { archive, blankCriterion, blankScorecard, duplicate, moveCriterion, newDraftFrom, publish, teamToChoose } from '../../../lib/scorecards';
import { templates } from '../../../lib/scorecards/templates';

const now = new Date('2026-04-01T09:00:00.000Z');
const later = new Date('2026-04-02T09:00:00.000Z');
const template = templates.find((t) => t.id === 'tpl-email-fi')!;

describe('editing a published card', () => {
  it('makes the next version as a draft under the same id, leaving the published one untouched', () => {
    const before = structuredClone(template);
    const draft = newDraftFrom(template, now, null);
    expect(draft).toMatchObject({ id: template.id, version: 2, status: 'draft', publishedAt: null, updatedAt: now.toISOString() });
    expect(template).toEqual(before);
    draft.criteria[0]!.title = 'Muutettu';
    expect(template.criteria[0]!.title).not.toBe('Muutettu');
  });

  it('a draft stays the same version', () => {
    const draft = newDraftFrom(template, now, null);
    expect(newDraftFrom(draft, later, null).version).toBe(2);
  });

  it('publishing stamps the time; archiving keeps the version', () => {
    const v2 = publish(newDraftFrom(template, now, null), later, 'team-a');
    expect(v2).toMatchObject({ status: 'published', version: 2, publishedAt: later.toISOString(), team: 'team-a' });
    // A later version keeps its series' team, whoever publishes it.
    expect(publish(newDraftFrom(v2, later, null), later, 'team-b').team).toBe('team-a');
    expect(scorecardSchema.safeParse(v2).success).toBe(true);
    const gone = archive(v2, later);
    expect(gone).toMatchObject({ status: 'archived', version: 2, publishedAt: later.toISOString() });
  });
});

describe('a team’s edit of a built-in', () => {
  it('in a profile that publishes into a team, the edit of a built-in as shipped starts the team’s own series, which continues the built-in', () => {
    const draft = newDraftFrom(template, now, 'team-a');
    expect(draft).toMatchObject({ id: teamEditId(template.id, 'team-a'), team: 'team-a', version: 2, status: 'draft', templateId: template.id });
    // Named after its team, it is published into that team, whichever a lead of several would pick.
    expect(teamToChoose(draft)).toBe(false);
    expect(publish(draft, later, 'team-b').team).toBe('team-a');
    expect(seriesOf(draft.id)).toBe(template.id);
    // Another team's edit of the same built-in is a series of its own: the two never meet on the server.
    expect(newDraftFrom(template, now, 'team-b').id).not.toBe(draft.id);
    // Sent once published (the built-in as shipped never is), into the team its id names.
    const v2 = publish(draft, later, 'team-a');
    expect(kindOf('scorecards').shareable(v2)).toBe(true);
    expect(kindOf('scorecards').shareable(template)).toBe(false);
    expect(v2.team).toBe('team-a');
    // Its next edit stays in its series.
    expect(newDraftFrom(v2, later, 'team-a')).toMatchObject({ id: draft.id, version: 3 });
  });

  it('without a team (no backend, or an admin’s edit for the whole organisation) the edit stays under the built-in’s id; a card of the team’s own is never renamed', () => {
    expect(newDraftFrom(template, now, null)).toMatchObject({ id: template.id, version: 2 });
    const own = publish(blankScorecard('card-1', 'fi', now), now, 'team-a');
    expect(newDraftFrom(own, later, 'team-a')).toMatchObject({ id: 'card-1', version: 2 });
    // A new series' team is chosen when it is first published; a later version keeps its series' team.
    expect(teamToChoose(blankScorecard('card-1', 'fi', now))).toBe(true);
    expect(teamToChoose(newDraftFrom(own, later, 'team-b'))).toBe(false);
    const copied = publish(duplicate(template, 'card-2', now, ' (kopio)'), now, 'team-a');
    expect(newDraftFrom(copied, later, 'team-a').id).toBe('card-2');
    // The built-in's own second version (an earlier release's edit) is no built-in as shipped.
    const v2 = publish(newDraftFrom(template, now, null), later, 'team-a');
    expect(newDraftFrom(v2, later, 'team-b')).toMatchObject({ id: template.id, version: 3 });
    expect(seriesOf('card-1')).toBe('card-1');
    // Only a built-in's id is continued: an imported card's own `~` is part of its id.
    expect(seriesOf('their~card')).toBe('their~card');
  });
});

describe('duplicating', () => {
  it('gives a new draft card at version 1 that remembers its template', () => {
    const copy = duplicate(template, 'team-1', now, ' (kopio)');
    expect(copy).toMatchObject({
      id: 'team-1',
      version: 1,
      status: 'draft',
      name: `${template.name} (kopio)`,
      templateId: 'tpl-email-fi',
      createdAt: now.toISOString(),
      publishedAt: null,
    });
    expect(scorecardSchema.safeParse(copy).success).toBe(true);
  });
});

describe('moving a criterion', () => {
  const ids = (c: Scorecard) => c.criteria.map((x) => x.id);

  it('moves within its own group and leaves other groups in place', () => {
    // Opening: greeting, name. Need: need, questions.
    const moved = moveCriterion(template, 'name', -1);
    expect(ids(moved).slice(0, 4)).toEqual(['name', 'greeting', 'need', 'questions']);
    expect(ids(moveCriterion(template, 'name', +1))).toEqual(ids(template));
    expect(ids(moveCriterion(template, 'greeting', +5)).slice(0, 3)).toEqual(['name', 'greeting', 'need']);
  });

  it('keeps group order when groups are interleaved', () => {
    const card: Scorecard = {
      ...template,
      criteria: [
        { ...blankCriterion('opening', 'a') },
        { ...blankCriterion('need', 'x') },
        { ...blankCriterion('opening', 'b') },
        { ...blankCriterion('opening', 'c') },
      ],
    };
    expect(ids(moveCriterion(card, 'c', -2))).toEqual(['c', 'x', 'a', 'b']);
    expect(ids(moveCriterion(card, 'a', 1))).toEqual(['b', 'x', 'a', 'c']);
    expect(moveCriterion(card, 'nope', 1)).toBe(card);
  });
});

describe('starting from blank', () => {
  it.each(['fi', 'en'] as const)('a blank %s card is valid as it is', (lang) => {
    const card = blankScorecard('new-1', lang, now);
    const parsed = scorecardSchema.safeParse(card);
    expect(parsed.success ? null : parsed.error.issues).toBeNull();
    expect(card).toMatchObject({ passMark: 80, status: 'draft', version: 1, language: lang });
    expect(card.criteria).toHaveLength(1);
    expect(card.criteria[0]!.scale).toBe('four');
    expect(card.criteria[0]!.levels).toHaveLength(4);
  });
});
