// Coaching (issue 17): form templates (versioned like scorecards), sessions between a coach and an
// agent, the actions they agreed (a kind of their own: the agent marks them done) and the coach's
// private notes (a kind of their own: never sent to the agent).
import { z } from 'zod';
import { check, noDuplicates } from './checks';
import { personSchema } from './review';
import { languageSchema } from './scorecard';
import { docTeamSchema } from './team';
import { DAY_MS } from './time';

const id = z.string().min(1).max(100);
const label = z.string().min(1).max(300);
const help = z.string().max(2000);
const timestamp = z.iso.datetime();
const day = z.iso.date();

export const coachingFieldSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), id, label, help }),
  z.strictObject({
    kind: z.literal('choice'),
    id,
    label,
    help,
    options: z.array(z.strictObject({ id, label })).min(2).max(20),
  }),
  /** A figure with the target agreed for it (e.g. first-contact resolution, 85 %). */
  z.strictObject({ kind: z.literal('number'), id, label, help, target: z.number().nullable(), unit: z.string().max(40) }),
  z.strictObject({ kind: z.literal('yesNo'), id, label, help }),
]);
export type CoachingField = z.infer<typeof coachingFieldSchema>;

export const coachingSectionSchema = z.strictObject({
  id,
  title: label,
  fields: z.array(coachingFieldSchema).min(1).max(30),
});
export type CoachingSection = z.infer<typeof coachingSectionSchema>;

/** A coaching form template: published versions are immutable, a session keeps the version it used. */
export const coachingFormSchema = z
  .strictObject({
    id,
    version: z.number().int().min(1),
    /** The team whose form it is; null: organisation-wide (published by an admin). */
    team: docTeamSchema,
    status: z.enum(['draft', 'published', 'archived']),
    name: label,
    language: languageSchema,
    sections: z.array(coachingSectionSchema).min(1).max(20),
    createdAt: timestamp,
    updatedAt: timestamp,
    publishedAt: timestamp.nullable(),
    templateId: z.string().max(100).nullable(),
  })
  .superRefine((form, ctx) => {
    noDuplicates(form.sections, (s) => s.id, ['sections'], 'section id', ctx);
    const fields = new Set<string>();
    form.sections.forEach((section, s) =>
      section.fields.forEach((field, f) => {
        check(!fields.has(field.id), ['sections', s, 'fields', f, 'id'], `duplicate field id "${field.id}"`, ctx);
        fields.add(field.id);
        if (field.kind === 'choice') noDuplicates(field.options, (o) => o.id, ['sections', s, 'fields', f, 'options'], 'option id', ctx);
      }),
    );
  });
export type CoachingForm = z.infer<typeof coachingFormSchema>;

/** An answer to one field of the form: text, a choice's option id, a number or yes/no; null when left empty. */
export const coachingAnswerSchema = z.strictObject({
  fieldId: id,
  value: z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]),
});
export type CoachingAnswer = z.infer<typeof coachingAnswerSchema>;

/** A criterion the agent focuses on during the coaching period. */
export const focusCriterionSchema = z.strictObject({ scorecardId: id, criterionId: id });
export type FocusCriterion = z.infer<typeof focusCriterionSchema>;

/** Evidence the coach pinned: a whole review, or one criterion's rating in it. */
export const evidenceRefSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('review'), reviewId: id }),
  z.strictObject({ kind: z.literal('rating'), reviewId: id, criterionId: id }),
]);
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

export const MAX_FOCUS_CRITERIA = 3;
/** Longest coaching period accepted (2–4 weeks are offered). */
export const MAX_PERIOD_DAYS = 92;

export const coachingSessionSchema = z
  .strictObject({
    id,
    /** The server's id of the coach's team; null in a profile without the team backend. */
    team: docTeamSchema,
    coach: personSchema,
    agent: personSchema,
    formId: id,
    formVersion: z.number().int().min(1),
    status: z.enum(['planned', 'held', 'cancelled']),
    scheduledFor: timestamp.nullable(),
    heldAt: timestamp.nullable(),
    answers: z.array(coachingAnswerSchema).max(600),
    focus: z.array(focusCriterionSchema).max(MAX_FOCUS_CRITERIA),
    /** The coaching period the focus holds for, in calendar days (end inclusive). */
    period: z.strictObject({ start: day, end: day }).nullable(),
    evidence: z.array(evidenceRefSchema).max(50),
    /** Set by the agent only. */
    acknowledgedAt: timestamp.nullable(),
    agentComment: z.string().max(2000),
    createdAt: timestamp,
    updatedAt: timestamp,
    deleted: z.boolean(),
  })
  .superRefine((s, ctx) => {
    noDuplicates(s.answers, (a) => a.fieldId, ['answers'], 'answer to field', ctx);
    noDuplicates(s.focus, (f) => `${f.scorecardId} ${f.criterionId}`, ['focus'], 'focus criterion', ctx);
    noDuplicates(s.evidence, (e) => JSON.stringify(e), ['evidence'], 'evidence', ctx);
    if (s.status === 'held') {
      check(s.heldAt !== null, ['heldAt'], 'a held session says when it was held', ctx);
      check(s.focus.length >= 1, ['focus'], 'a held session sets 1–3 focus criteria', ctx);
      check(s.period !== null, ['period'], 'a held session sets its coaching period', ctx);
    } else {
      check(s.heldAt === null, ['heldAt'], `a ${s.status} session has not been held`, ctx);
      check(s.acknowledgedAt === null, ['acknowledgedAt'], 'only a held session is acknowledged', ctx);
    }
    if (s.period) {
      const days = (Date.parse(s.period.end) - Date.parse(s.period.start)) / DAY_MS;
      check(days >= 0 && days <= MAX_PERIOD_DAYS, ['period', 'end'], `the period ends 0–${MAX_PERIOD_DAYS} days after it starts`, ctx);
    }
  });
export type CoachingSession = z.infer<typeof coachingSessionSchema>;

/** An action agreed in a session, with its follow-up date; the agent marks it done. */
export const coachingActionSchema = z
  .strictObject({
    id,
    sessionId: id,
    /** The session's team. */
    team: docTeamSchema,
    /** The session's coach and agent (the server checks them against the session). */
    coach: personSchema,
    agent: personSchema,
    text: z.string().min(1).max(2000),
    /** Who carries it out. */
    assignee: z.enum(['agent', 'coach']),
    due: day,
    status: z.enum(['open', 'done', 'dropped']),
    doneAt: timestamp.nullable(),
    doneBy: personSchema.nullable(),
    doneComment: z.string().max(2000),
    createdAt: timestamp,
    updatedAt: timestamp,
    deleted: z.boolean(),
  })
  .superRefine((a, ctx) => {
    const done = a.status === 'done';
    check(done === (a.doneAt !== null), ['doneAt'], done ? 'a done action says when' : 'only a done action has doneAt', ctx);
    check(done === (a.doneBy !== null), ['doneBy'], done ? 'a done action says by whom' : 'only a done action has doneBy', ctx);
  });
export type CoachingAction = z.infer<typeof coachingActionSchema>;

/** The coach's private notes of one session: readable by the coach and the team's leads, never by the agent. */
export const coachingNotesSchema = z.strictObject({
  sessionId: id,
  /** The session's team. */
  team: docTeamSchema,
  coach: personSchema,
  /** Whom the notes are about (the session's agent): their team's leads may read them; they may not. */
  agent: personSchema,
  text: z.string().max(20_000),
  updatedAt: timestamp,
  deleted: z.boolean(),
});
export type CoachingNotes = z.infer<typeof coachingNotesSchema>;

/**
 * The agreed actions among `actions` (deleted ones left out): those of a held session. The actions of a session still being
 * prepared are the coach's drafts, agreed with nobody yet: not the agent's to do, nor open or overdue.
 */
export function agreedActions(actions: readonly CoachingAction[], sessions: ReadonlyArray<CoachingSession | undefined>): CoachingAction[] {
  const held = new Set(sessions.filter((s) => s !== undefined && !s.deleted && s.status === 'held').map((s) => s!.id));
  return actions.filter((a) => !a.deleted && held.has(a.sessionId));
}
