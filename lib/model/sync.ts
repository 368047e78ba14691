// The sync protocol between the extension and the team backend: one set of schemas for both sides.
import { z } from 'zod';
import { kindNames, kinds, kindOf, type DocOf, type KindName } from './kinds';
import { languageSchema, scorecardSchema, type Scorecard } from './scorecard';

/** The synced kinds, by name (the registry in ./kinds.ts). */
export const syncCollectionSchema = z.enum(kindNames);
export type SyncCollection = KindName;

export const roleSchema = z.enum(['admin', 'lead', 'reviewer', 'agent']);
export type Role = z.infer<typeof roleSchema>;
/** A role in a team: admin is the organisation's, never a team's. */
export const teamRoleSchema = z.enum(['lead', 'reviewer', 'agent']);

/** Most changes one push may carry; the client splits larger outboxes. */
export const MAX_PUSH_BATCH = 200;
/** Most documents one pull returns. */
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 200;
/**
 * A pull page stops before its documents' JSON would pass this many bytes (and `more` is true): a
 * page of big documents stays a few MiB, not 1000 × their size. A single larger document still goes
 * alone in its own page, so a pull never sticks at one checkpoint.
 */
export const MAX_PULL_PAGE_BYTES = 4 * 1024 * 1024;
/** Largest document accepted at push, as UTF-8 bytes of its JSON. Refused per document (400 naming it). */
export const MAX_DOC_BYTES = 256 * 1024;

/** UTF-8 bytes of a value's JSON text. */
function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/** Adds an issue at `path` when the doc's JSON is over MAX_DOC_BYTES. */
function checkDocSize(doc: unknown, path: PropertyKey[], ctx: z.RefinementCtx): void {
  const bytes = jsonBytes(doc);
  if (bytes > MAX_DOC_BYTES) {
    ctx.addIssue({ code: 'custom', path, message: `the document is ${bytes} bytes of JSON; at most ${MAX_DOC_BYTES} are accepted` });
  }
}

/** The schema of each collection's documents: received docs are parsed with these on arrival. */
export const syncDocSchemas = Object.fromEntries(kindNames.map((name) => [name, kinds[name].schema])) as {
  [K in KindName]: (typeof kinds)[K]['schema'];
};

// Long enough for ids joined from a session or review id, an e-mail and a ticket key (calibrationRatingsId).
const docId = z.string().min(1).max(700);
/** Revisions are assigned by the server, 1 at creation; null = "I believe the server has none". */
const revision = z.number().int().min(1);
/** Server sequence: one counter over all documents, so pulls resume from a single checkpoint. */
const seq = z.number().int().min(0);

/** Scorecards sync per published version, because published versions are immutable. */
export function scorecardSyncId(card: Pick<Scorecard, 'id' | 'version'>): string {
  return kinds.scorecards.syncId(card as Scorecard);
}

/** One change a client pushes: a document of one kind, with the server revision it was based on. */
export type SyncChange = {
  [K in KindName]: { collection: K; id: string; baseRevision: number | null; doc: DocOf<K> };
}[KindName];
export type SyncDoc = SyncChange['doc'];

const changeOf = (name: KindName) =>
  z.strictObject({ collection: z.literal(name), id: docId, baseRevision: revision.nullable(), doc: kinds[name].schema as z.ZodType<DocOf<typeof name>> });

// Strict envelopes: a misspelt field is an error, not silently ignored. Docs use the kinds' schemas,
// and the id must be the one the kind forms from the doc.
export const syncChangeSchema = z
  .discriminatedUnion('collection', kindNames.map(changeOf) as unknown as [ReturnType<typeof changeOf>, ...ReturnType<typeof changeOf>[]])
  .superRefine((change, ctx) => {
    const expected = kindOf(change.collection).syncId(change.doc);
    if (change.id !== expected) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `id must be "${expected}" for this doc, got "${change.id}"` });
    }
    checkDocSize(change.doc, ['doc'], ctx);
  }) as unknown as z.ZodType<SyncChange>;

export const pushRequestSchema = z.strictObject({
  changes: z.array(syncChangeSchema).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * A document as the server holds it. Docs are re-validated by the receiver per collection; a kind this
 * release does not know (a newer server's) is a document it cannot read, skipped as such (lib/sync/pull.ts),
 * not an answer it cannot read.
 */
export const serverDocSchema = z.strictObject({
  collection: z.string().min(1).max(100),
  id: docId,
  revision,
  seq,
  doc: z.record(z.string(), z.unknown()),
});
export type ServerDoc = z.infer<typeof serverDocSchema>;

export const pushResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ id: docId, collection: syncCollectionSchema, status: z.literal('accepted'), revision, seq }),
  z.strictObject({
    id: docId,
    collection: syncCollectionSchema,
    status: z.literal('conflict'),
    current: z.strictObject({ revision, seq, doc: z.record(z.string(), z.unknown()) }),
  }),
]);
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.strictObject({ results: z.array(pushResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** Query of `GET /v1/sync/pull`; query strings arrive as text. */
export const pullQuerySchema = z.strictObject({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const pullResponseSchema = z.strictObject({
  docs: z.array(serverDocSchema),
  /** The seq to pass as `since` next time (the last doc's seq, or `since` when there were none). */
  checkpoint: seq,
  /** True when more docs wait after the checkpoint: pull again at once. */
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const teamSchema = z.strictObject({ id: z.string().min(1).max(100), name: z.string().min(1).max(200) });
export type Team = z.infer<typeof teamSchema>;

export const meResponseSchema = z.strictObject({
  user: z.strictObject({
    id: z.string().min(1).max(100),
    email: z.string().min(3).max(300),
    name: z.string().max(300),
    role: roleSchema,
  }),
  teams: z.array(teamSchema),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/** One person of the team roster: the e-mail is their identity inside documents (`reviewee.id`). */
export const rosterMemberSchema = z.strictObject({
  email: z.string().min(3).max(300),
  name: z.string().max(300),
  role: roleSchema,
  /** The teams the caller shares with this member (all of theirs for an admin), by name. Absent from older servers. */
  teams: z.array(z.string().max(200)).max(200).optional(),
});
export type RosterMember = z.infer<typeof rosterMemberSchema>;

/**
 * `GET /v1/team/members`: whom the caller may name as a reviewee — the members of their teams
 * (reviewers, leads), everyone (admins), only themself (agents). The caller is always included.
 */
export const teamRosterResponseSchema = z.strictObject({
  /** The caller: their e-mail is their identity as reviewer and as self-checking agent. */
  me: rosterMemberSchema,
  members: z.array(rosterMemberSchema).max(5000),
  /**
   * The teams the caller may put documents in, by name, with their role in each (an admin: every
   * team, as admin). A document's `team` is one of these ids. Absent from older servers.
   */
  teams: z.array(teamSchema.extend({ role: roleSchema })).max(500).optional(),
});
export type TeamRosterResponse = z.infer<typeof teamRosterResponseSchema>;

/**
 * The header of the roster's answer that says which read rules the server applies (`READ_RULES` in
 * server/src/access.ts): when they change, what the caller may read may change without their teams or
 * role changing. A header, not a field: extensions before the lenient reader (lib/sync/client.ts) would
 * refuse a roster with a field they do not know. Absent from older servers.
 */
export const READ_RULES_HEADER = 'arvio-read-rules';
export const readRulesSchema = z.string().min(1).max(100);

/** `GET /v1/scorecards`: every scorecard version the server holds. */
export const scorecardsResponseSchema = z.strictObject({
  scorecards: z.array(z.strictObject({ id: docId, revision, seq, doc: scorecardSchema })),
});
export type ScorecardsResponse = z.infer<typeof scorecardsResponseSchema>;

/** Body of `PUT /v1/scorecards`: publish one scorecard version to the team. */
export const publishScorecardRequestSchema = z
  .strictObject({ scorecard: scorecardSchema })
  .superRefine((request, ctx) => checkDocSize(request.scorecard, ['scorecard'], ctx));
export type PublishScorecardRequest = z.infer<typeof publishScorecardRequestSchema>;

/** Whether the runtime knows an IANA time zone name ("Europe/Helsinki"). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const exportQuerySchema = z
  .strictObject({
    format: z.enum(['csv', 'json']).default('csv'),
    delimiter: z.enum([',', ';']).default(','),
    /** With ';': the reader's language for the headers and IANA time zone for local dates (both, or neither). */
    lang: languageSchema.optional(),
    timeZone: z.string().max(64).refine(isTimeZone, 'not a time zone this server knows').optional(),
  })
  .refine((q) => (q.lang === undefined) === (q.timeZone === undefined), { path: ['timeZone'], message: 'lang and timeZone go together' });
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** Every error answer: a stable code for programs, words for people, and the fields at fault. */
export const errorResponseSchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** JSON with object keys sorted: equal documents give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      // JSON drops undefined members; do the same so {a: undefined} equals {}.
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}
