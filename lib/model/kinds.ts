// The registry of synced kinds: every kind of synced data declared once, read by everything generic.
//
// A descriptor says what a kind is (its schema), where it lives locally (table and key), how its
// sync id is formed, which team it belongs to, whose it is and whom it is about (owner and subject, as
// lower-cased e-mails), who may read it by role, what it belongs to and to whom it opens (the `opened` grant), which
// conflict policy applies. (How a kind counts in the dashboard's rollups is lib/db/writes.ts's: this
// folder depends on nothing but zod.) The protocol schemas
// (lib/model/sync.ts), push/pull/apply and the re-queue (lib/sync), the one writer
// (lib/db/writes.ts), the server's access checks and its storage constraint (server/src) all read
// these descriptors. Adding a kind: a schema in lib/model/<kind>.ts, one entry below, its local
// table in a new version of lib/db/database.ts, and its write rule in server/src/kinds/.
import type { z } from 'zod';
import { calibrationRatingsId, calibrationRatingsSchema, calibrationSessionSchema } from './calibration';
import { coachingActionSchema, coachingFormSchema, coachingNotesSchema, coachingSessionSchema } from './coaching';
import { disputeId, disputeSchema } from './dispute';
import { ideaSchema } from './idea';
import { emailKey, reviewSchema, selfCheckSchema } from './review';
import { isShippedBuiltIn, scorecardSchema } from './scorecard';
import { teamSettingsId, teamSettingsSchema } from './teamSettings';

/**
 * Who of a role may read a document, as a list of grants (any one suffices):
 * `everyone` all documents of the kind (admins); `mine` the caller is the owner; `aboutMe` the caller
 * is the subject; `team` the document belongs to a team in which the caller has this role (the
 * document's team, never the people's: a member of two teams carries nothing of one into the other);
 * `org` the document is organisation-wide (no team, of an `orgWide` kind);
 * `opened` as `team`, once the document is opened to the caller: by itself or by its parent (see
 * `Opens`). `opened` is what keeps calibration blind: a participant's ratings are read by the others
 * only when the session's reveal rule allows it.
 * `named` as `opened`, and only when the document that opens (itself or its parent) names the caller
 * in its `audience`: a session's ratings reach its participants and facilitator, not the whole team.
 * `used` a document the caller owns or is the subject of was made with it (`madeWith`: a review's
 * scorecard version, a coaching session's form): someone who has left the team, on a new computer,
 * still reads their own reviews and coaching whole.
 * `mine`, `aboutMe` and `used` are the person's: granted when any of the caller's roles has them.
 */
export type ReadGrant = 'everyone' | 'mine' | 'aboutMe' | 'team' | 'org' | 'opened' | 'named' | 'used';

/**
 * To whom a document opens itself and its children (`opened` grant): `all` to everyone the grant
 * reaches; `own` to each caller who owns a document of the same kind in the same group (a
 * participant who submitted their own ratings of that ticket); null to nobody yet.
 */
export type Opens = 'all' | 'own';
export type ReadRule = Readonly<Record<'lead' | 'reviewer' | 'agent', readonly ReadGrant[]>>;

export interface KindDescriptor<S extends z.ZodType = z.ZodType, K extends string | [string, number] = string | [string, number]> {
  schema: S;
  /** The local Dexie table; its primary key is `localKey(doc)`. */
  table: string;
  localKey(doc: z.infer<S>): K;
  /** The sync id: unique within the kind on the server. */
  syncId(doc: z.infer<S>): string;
  /** The local key of a sync id, or null when the id cannot be one of this kind. */
  keyOfSyncId(id: string): K | null;
  /**
   * The team it belongs to (the server's team id), or null: no team yet (a profile without a team
   * backend, a document older than teams) — or, for an `orgWide` kind, the whole organisation. The
   * server accepts a write only from a caller whose role in this team may make it, and a child
   * (`parent`) belongs to its parent's team.
   */
  team(doc: z.infer<S>): string | null;
  /** A document of no team is organisation-wide: read under `org`, written by admins only (scorecards, coaching forms). */
  orgWide?: true;
  /**
   * The series a document is a version of (a scorecard's id): every version of a series stays in the
   * team of the first, so one team cannot publish into another's series.
   */
  series?(doc: z.infer<S>): string;
  /** Whose it is: the author. `caller` is the pushing user's e-mail (for kinds without an author field). */
  owner(doc: z.infer<S>, caller: string): string;
  /** Whom it is about, or null. */
  subject(doc: z.infer<S>): string | null;
  /**
   * The document this one belongs to, by kind and sync id (a rating's session, a dispute's review).
   * The server hands its stored version to the write rule and, for `opened`, asks it whether it opens.
   */
  parent?: { kind: string; id(doc: z.infer<S>): string };
  /**
   * Another document a change may name, which the server hands to the write rule as it is stored (or
   * written earlier in the same push): a review revision's dispute. Unlike `parent`, nothing is stored
   * of it and it grants no reads. null: this document names none.
   */
  cites?: { kind: string; id(doc: z.infer<S>): string | null };
  /**
   * The published versions this document was made with, as `kind:syncId` (one version) or `kind:series`
   * (every version of a series), the keys `madeWithKey` forms: its owner and its subject read them
   * under the `used` grant, and a profile keeps them when it lets go of what the user may no longer read.
   */
  madeWith?(doc: z.infer<S>): string[];
  /** The documents read together under `own` (the ratings of one ticket of one session). */
  group?(doc: z.infer<S>): string;
  /** To whom this document opens itself and its children now (see `Opens`). */
  opens?(doc: z.infer<S>): Opens | null;
  /** The people (lower-cased e-mails) it names: whom the `named` grant lets read it and its children once they open. */
  audience?(doc: z.infer<S>): string[];
  /** Read grants per role (admins read everything). */
  read: ReadRule;
  /**
   * Never read by the person it is about (`subject`), whatever their role or grants: a coach's private
   * notes stay private when the agent becomes a lead of the team, or is a lead coached by another.
   */
  hiddenFromSubject?: true;
  /**
   * What happens when both sides changed: `ask` keeps the conflict for the user to choose.
   * (Kinds whose every change is append-only may later choose `server-wins`.)
   */
  conflict: 'ask';
  /** Whether a local document should be pushed at all (a scorecard draft stays on this computer). */
  shareable(doc: z.infer<S>): boolean;
  /**
   * What erasing a person (server/src/privacy.ts) does to a document of this kind that they own and that
   * is not about them: `delete` (wholly theirs: their self-check, ratings, dispute, idea), `anonymise` (a
   * record of the team's work that others rely on: they are replaced by a stand-in), or `keep` (the
   * organisation's: scorecards, forms). A document about them (`subject`) is deleted whatever this says.
   */
  whenOwnerErased: 'delete' | 'anonymise' | 'keep';
}


/** `card@3` → ['card', 3]: scorecards sync per immutable published version. */
function versionedKey(id: string): [string, number] | null {
  const at = id.lastIndexOf('@');
  const version = Number(id.slice(at + 1));
  return at > 0 && Number.isInteger(version) && version >= 1 ? [id.slice(0, at), version] : null;
}

/** The team of a document; documents stored before the field existed have none. */
const teamOf = (doc: { team?: string | null }): string | null => doc.team ?? null;

/** The settings of a document's team, which the server's rule applies (a dispute's window, who starts calibration). */
const teamSettingsOf = (doc: { team?: string | null }): string | null => (doc.team ? teamSettingsId(doc.team) : null);

/** A `madeWith` key: a version (`scorecards`, `card@3`) or every version of a series (`scorecards`, `card`). */
export const madeWithKey = (kind: string, id: string): string => `${kind}:${id}`;

/** A `madeWith` key's kind and id (or series): kinds hold no colon, ids may. */
export function madeWithParts(key: string): [kind: string, idOrSeries: string] {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}

const byId = {
  localKey: (doc: { id: string }) => doc.id,
  syncId: (doc: { id: string }) => doc.id,
  keyOfSyncId: (id: string) => id,
};

export const kinds = {
  reviews: {
    schema: reviewSchema,
    table: 'reviews',
    team: teamOf,
    ...byId,
    owner: (review) => emailKey(review.reviewer.id),
    subject: (review) => emailKey(review.reviewee.id),
    // A revision that applies a resolved dispute names it; the rule lets a lead of the team write that one.
    cites: { kind: 'disputes', id: (review) => review.dispute ?? null },
    madeWith: (review) => [madeWithKey('scorecards', `${review.scorecardId}@${review.scorecardVersion}`)],
    read: { lead: ['mine', 'aboutMe', 'team'], reviewer: ['mine', 'aboutMe', 'team'], agent: ['aboutMe'] },
    conflict: 'ask',
    shareable: () => true,
    whenOwnerErased: 'anonymise',
  } satisfies KindDescriptor<typeof reviewSchema, string>,
  scorecards: {
    schema: scorecardSchema,
    table: 'scorecards',
    team: teamOf,
    localKey: (card) => [card.id, card.version],
    syncId: (card) => `${card.id}@${card.version}`,
    keyOfSyncId: versionedKey,
    owner: (_card, caller) => emailKey(caller),
    subject: () => null,
    orgWide: true,
    series: (card) => card.id,
    read: { lead: ['team', 'org', 'used'], reviewer: ['team', 'org', 'used'], agent: ['team', 'org', 'used'] },
    conflict: 'ask',
    // Drafts stay on this computer, and so do the built-in cards as shipped.
    shareable: (card) => card.status !== 'draft' && !isShippedBuiltIn(card),
    whenOwnerErased: 'keep',
  } satisfies KindDescriptor<typeof scorecardSchema, [string, number]>,
  selfChecks: {
    schema: selfCheckSchema,
    table: 'selfChecks',
    team: teamOf,
    ...byId,
    owner: (check) => emailKey(check.agent.id),
    subject: () => null,
    read: { lead: ['mine', 'team'], reviewer: ['mine'], agent: ['mine'] },
    conflict: 'ask',
    shareable: () => true,
    whenOwnerErased: 'delete',
  } satisfies KindDescriptor<typeof selfCheckSchema, string>,
  calibrationSessions: {
    schema: calibrationSessionSchema,
    table: 'calibrationSessions',
    team: teamOf,
    ...byId,
    owner: (session) => emailKey(session.startedBy),
    subject: () => null,
    // Who may start one: a lead, or a reviewer the team's settings allow.
    cites: { kind: 'teamSettings', id: teamSettingsOf },
    madeWith: (session) => [madeWithKey('scorecards', `${session.scorecardId}@${session.scorecardVersion}`)],
    // The session names no agent; its participants' ratings are the blind part (calibrationRatings).
    opens: (session) =>
      session.deleted || session.status === 'cancelled' ? null : session.revealedAt !== null ? 'all' : session.revealMode === 'after-own-submit' ? 'own' : null,
    // Its ratings open to its own people (and the team's leads), never to the rest of the team.
    audience: (session) => [...new Set([session.facilitator, ...session.participants].map(emailKey))].sort(),
    read: { lead: ['mine', 'team'], reviewer: ['mine', 'team'], agent: [] },
    conflict: 'ask',
    shareable: () => true,
    // The team's record: its clarifications are shown in everyone's reviews.
    whenOwnerErased: 'anonymise',
  } satisfies KindDescriptor<typeof calibrationSessionSchema, string>,
  calibrationRatings: {
    schema: calibrationRatingsSchema,
    table: 'calibrationRatings',
    team: teamOf,
    localKey: (ratings) => ratings.id,
    // Derived from its fields, never taken from the doc: another person cannot hold this id.
    syncId: (ratings) => calibrationRatingsId(ratings.sessionId, ratings.participant, ratings.ticketKey),
    keyOfSyncId: (id) => id,
    owner: (ratings) => emailKey(ratings.participant),
    // Not a review of the agent: about nobody, never in the agent's figures.
    subject: () => null,
    parent: { kind: 'calibrationSessions', id: (ratings) => ratings.sessionId },
    group: (ratings) => `${ratings.sessionId}|${ratings.ticketKey}`,
    // Leads of the team read them once opened; reviewers only in the sessions that name them.
    read: { lead: ['mine', 'opened'], reviewer: ['mine', 'named'], agent: ['mine'] },
    conflict: 'ask',
    // A draft stays in the profile: the server holds submitted ratings only. A deleted one (its
    // participant erased) is the server's own, never sent back.
    shareable: (ratings) => ratings.submittedAt !== null && ratings.deleted !== true,
    whenOwnerErased: 'delete',
  } satisfies KindDescriptor<typeof calibrationRatingsSchema, string>,
  coachingForms: {
    schema: coachingFormSchema,
    table: 'coachingForms',
    team: teamOf,
    localKey: (form) => [form.id, form.version],
    syncId: (form) => `${form.id}@${form.version}`,
    keyOfSyncId: versionedKey,
    owner: (_form, caller) => emailKey(caller),
    subject: () => null,
    orgWide: true,
    series: (form) => form.id,
    read: { lead: ['team', 'org', 'used'], reviewer: ['team', 'org', 'used'], agent: ['team', 'org', 'used'] },
    conflict: 'ask',
    // As scorecards: drafts stay here, and so do the built-in forms as shipped.
    shareable: (form) => form.status !== 'draft' && !isShippedBuiltIn(form),
    whenOwnerErased: 'keep',
  } satisfies KindDescriptor<typeof coachingFormSchema, [string, number]>,
  coachingSessions: {
    schema: coachingSessionSchema,
    table: 'coachingSessions',
    team: teamOf,
    ...byId,
    owner: (session) => emailKey(session.coach.id),
    subject: (session) => emailKey(session.agent.id),
    // Its agreed actions reach its agent once it is held: until then they are the coach's draft.
    opens: (session) => (session.status === 'held' && !session.deleted ? 'all' : null),
    audience: (session) => [emailKey(session.agent.id)],
    // Its form, and every version of its focus criteria's cards (a focus names a card, not a version).
    madeWith: (session) => [
      madeWithKey('coachingForms', `${session.formId}@${session.formVersion}`),
      ...session.focus.map((focus) => madeWithKey('scorecards', focus.scorecardId)),
    ],
    // Reviewers of the team read them for the agent's focus criteria, which their review form marks:
    // the server sends them the session without the talk (server/src/sent.ts).
    read: { lead: ['mine', 'team'], reviewer: ['team'], agent: ['aboutMe'] },
    conflict: 'ask',
    shareable: () => true,
    whenOwnerErased: 'anonymise',
  } satisfies KindDescriptor<typeof coachingSessionSchema, string>,
  coachingActions: {
    schema: coachingActionSchema,
    table: 'coachingActions',
    team: teamOf,
    ...byId,
    owner: (action) => emailKey(action.coach.id),
    subject: (action) => emailKey(action.agent.id),
    parent: { kind: 'coachingSessions', id: (action) => action.sessionId },
    // The agent's once their session is held (it opens them to its agent, its audience): a session
    // being prepared keeps its actions the coach's draft, which the agent's profile never receives.
    read: { lead: ['mine', 'team'], reviewer: [], agent: ['named'] },
    conflict: 'ask',
    shareable: () => true,
    whenOwnerErased: 'anonymise',
  } satisfies KindDescriptor<typeof coachingActionSchema, string>,
  coachingNotes: {
    schema: coachingNotesSchema,
    table: 'coachingNotes',
    team: teamOf,
    // One per session: its key is the session's id.
    localKey: (notes) => notes.sessionId,
    syncId: (notes) => notes.sessionId,
    keyOfSyncId: (id) => id,
    owner: (notes) => emailKey(notes.coach.id),
    subject: (notes) => emailKey(notes.agent.id),
    parent: { kind: 'coachingSessions', id: (notes) => notes.sessionId },
    // Private: the coach and the team's leads; the agent they are about reads nothing of them.
    read: { lead: ['mine', 'team'], reviewer: [], agent: [] },
    hiddenFromSubject: true,
    conflict: 'ask',
    shareable: () => true,
    whenOwnerErased: 'anonymise',
  } satisfies KindDescriptor<typeof coachingNotesSchema, string>,
  disputes: {
    schema: disputeSchema,
    table: 'disputes',
    team: teamOf,
    localKey: (dispute) => dispute.id,
    syncId: (dispute) => disputeId(dispute.agent.id, dispute.reviewId),
    keyOfSyncId: (id) => id,
    owner: (dispute) => emailKey(dispute.agent.id),
    // About the reviewer's work: the reviewer reads the disputes of their reviews.
    subject: (dispute) => emailKey(dispute.reviewer.id),
    parent: { kind: 'reviews', id: (dispute) => dispute.reviewId },
    // The window to open one is the team's setting.
    cites: { kind: 'teamSettings', id: teamSettingsOf },
    read: { lead: ['mine', 'aboutMe', 'team'], reviewer: ['mine', 'aboutMe'], agent: ['mine'] },
    conflict: 'ask',
    shareable: () => true,
    whenOwnerErased: 'delete',
  } satisfies KindDescriptor<typeof disputeSchema, string>,
  ideas: {
    schema: ideaSchema,
    table: 'ideas',
    team: teamOf,
    ...byId,
    owner: (idea) => emailKey(idea.submitter.id),
    subject: () => null,
    // Private to the submitter and the leads until a lead shares it with the team.
    opens: (idea) => (idea.shared && !idea.deleted ? 'all' : null),
    read: { lead: ['mine', 'team'], reviewer: ['mine', 'opened'], agent: ['mine', 'opened'] },
    conflict: 'ask',
    shareable: () => true,
    whenOwnerErased: 'delete',
  } satisfies KindDescriptor<typeof ideaSchema, string>,
  teamSettings: {
    schema: teamSettingsSchema,
    table: 'teamSettings',
    team: teamOf,
    localKey: (settings) => settings.id,
    // Derived from the team, never taken from the doc: one per team.
    syncId: (settings) => teamSettingsId(settings.team),
    keyOfSyncId: (id) => id,
    // A lead's, and the next lead's to change: the rule decides by role, not by who saved last.
    owner: (_settings, caller) => emailKey(caller),
    subject: () => null,
    read: { lead: ['team'], reviewer: ['team'], agent: ['team'] },
    // Two leads saving at once: the second gets the conflict to choose, never a silent overwrite.
    conflict: 'ask',
    shareable: () => true,
    // The team's, whoever saved them last.
    whenOwnerErased: 'anonymise',
  } satisfies KindDescriptor<typeof teamSettingsSchema, string>,
} as const;

export type KindName = keyof typeof kinds;
export type DocOf<K extends KindName> = z.infer<(typeof kinds)[K]['schema']>;
export type AnyDoc = DocOf<KindName>;

/** The kinds in a stable order (the registry's). */
export const kindNames = Object.keys(kinds) as [KindName, ...KindName[]];

/** Whether a name (from the wire) is a kind this release knows. */
export const isKindName = (name: string): name is KindName => (kindNames as readonly string[]).includes(name);

/** The descriptor of a kind, typed loosely for generic code that handles any kind. */
export function kindOf(name: KindName): KindDescriptor {
  return kinds[name] as unknown as KindDescriptor;
}
