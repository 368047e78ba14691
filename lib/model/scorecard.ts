// Scorecards: the team's agreed quality criteria, each level with a described target.
import { z } from 'zod';
import { docTeamSchema } from './team';
import { channelSchema } from './ticket';

export const languageSchema = z.enum(['fi', 'en']);
export type Language = z.infer<typeof languageSchema>;

const id = z.string().min(1).max(100);
const shortText = z.string().max(300);
const longText = z.string().max(5000);

export const scaleKindSchema = z.enum(['binary', 'three', 'four', 'five']);
export type ScaleKind = z.infer<typeof scaleKindSchema>;

/** How many points each scale has; the values are 0…n−1 (binary 0/1). */
export const SCALE_POINTS: Record<ScaleKind, number> = { binary: 2, three: 3, four: 4, five: 5 };

export const levelSchema = z.strictObject({
  value: z.number().int().min(0).max(10),
  label: shortText.min(1),
  /** The described target level: what a contact at this point looks like. */
  target: longText,
});
export type Level = z.infer<typeof levelSchema>;

export const criterionSchema = z
  .strictObject({
    id,
    groupId: id,
    title: shortText.min(1),
    description: longText,
    weight: z.number().min(0).max(100),
    scale: scaleKindSchema,
    levels: z.array(levelSchema).min(2).max(5),
    naAllowed: z.boolean(),
    /** A critical criterion whose normalised score is below `threshold` fails the whole review. */
    critical: z.strictObject({ threshold: z.number().gt(0).max(1) }).nullable(),
    selfCheckable: z.boolean(),
  })
  .superRefine((c, ctx) => {
    const points = SCALE_POINTS[c.scale];
    const values = c.levels.map((l) => l.value).join(',');
    const expected = Array.from({ length: points }, (_, i) => i).join(',');
    if (values !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['levels'],
        message: `a ${c.scale} scale needs levels with values ${expected} in order, got ${values || 'none'}`,
      });
    }
  });
export type Criterion = z.infer<typeof criterionSchema>;

export const groupSchema = z.strictObject({
  id,
  title: shortText.min(1),
  /** Phases of a contact (opening … closing) or interaction qualities (tone, clarity, spelling). */
  kind: z.enum(['phase', 'interaction']),
});
export type Group = z.infer<typeof groupSchema>;

export const scorecardStatusSchema = z.enum(['draft', 'published', 'archived']);

export const scorecardSchema = z
  .strictObject({
    id,
    version: z.number().int().min(1),
    /** The team whose card it is; null: organisation-wide (published by an admin). Every version of a card keeps it. */
    team: docTeamSchema,
    status: scorecardStatusSchema,
    name: shortText.min(1),
    language: languageSchema,
    channels: z.array(channelSchema).min(1),
    /** Pass mark in percent, per scorecard (not one account-wide baseline). */
    passMark: z.number().min(0).max(100),
    groups: z.array(groupSchema).min(1).max(30),
    criteria: z.array(criterionSchema).min(1).max(100),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
    templateId: z.string().max(100).nullable(),
  })
  .superRefine((card, ctx) => {
    const groups = new Set(card.groups.map((g) => g.id));
    const seen = new Set<string>();
    card.criteria.forEach((c, i) => {
      if (!groups.has(c.groupId)) {
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'groupId'], message: `no group with id "${c.groupId}"` });
      }
      if (seen.has(c.id)) {
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'id'], message: `duplicate criterion id "${c.id}"` });
      }
      seen.add(c.id);
    });
  });
export type Scorecard = z.infer<typeof scorecardSchema>;

/**
 * A built-in scorecard or coaching form as Arvio ships it: in every profile already (version 1, its
 * templateId its own id), so it is never sent (an agent could not publish it anyway).
 */
export const isShippedBuiltIn = (doc: { id: string; templateId: string | null; version: number }): boolean => doc.templateId === doc.id && doc.version === 1;

/** How the id of every built-in scorecard and coaching form begins. */
export const BUILT_IN_PREFIX = 'tpl-';

/** What joins a built-in's id to a team's in the id of the team's own series of it. */
const TEAM_EDIT = '~';

/**
 * The id of a team's own series of a built-in: a lead's edit of the built-in in a profile that publishes
 * into a team. Every team edits its own, so two teams' edits never meet in one series (whose versions
 * keep the first's team); the id holds the built-in's, so the edit continues it (`seriesOf`).
 */
export function teamEditId(builtInId: string, team: string): string {
  return `${builtInId}${TEAM_EDIT}${team}`.slice(0, 100);
}

/**
 * The teams among `teams` that have no edit of their own of the built-in `builtInId` among `docs` yet
 * (scorecards or coaching forms): those whose edit an "Edit" of the built-in may start.
 */
export function teamsWithoutEdit(docs: readonly { id: string }[], builtInId: string, teams: readonly string[]): string[] {
  const ids = new Set(docs.map((d) => d.id));
  return teams.filter((team) => !ids.has(teamEditId(builtInId, team)));
}

/**
 * The series a card's figures and clarifications continue: a team's edit of a built-in continues the
 * built-in (`tpl-email-fi~<team>` → `tpl-email-fi`); any other card is its own.
 */
export function seriesOf(scorecardId: string): string {
  const at = scorecardId.indexOf(TEAM_EDIT);
  return at > 0 && scorecardId.startsWith(BUILT_IN_PREFIX) ? scorecardId.slice(0, at) : scorecardId;
}
