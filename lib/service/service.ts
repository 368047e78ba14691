// The database as a service for pages that cannot open IndexedDB themselves.
//
// The sidebar is an extension page framed by a helpdesk: a third-party context, where Chrome may
// deny IndexedDB ("The user denied permission to access the database") when third-party cookies
// are blocked. So the sidebar asks the background worker, which runs in the extension origin.
import { z } from 'zod';
import {
  calibrationRatingsSchema,
  calibrationSessionSchema,
  disputeSchema,
  ideaSchema,
  identitySchema,
  reviewDraftSchema,
  reviewSchema,
  selfCheckSchema,
  type CalibrationSubmittedResponse,
} from '../model';
import {
  calibrationRatingsOf,
  clarificationsOfScorecard,
  db,
  deleteReview,
  DisputeStateError,
  discardReviewDraft,
  disputesOfReviews,
  draftsOfTicket,
  ensureBuiltInScorecards,
  getCalibrationSession,
  getReview,
  getReviewDraft,
  getSettings,
  ideasOfSubmitter,
  isQuotaError,
  listCalibrationSessions,
  listScorecards,
  listTeamSettings,
  markIdeasSeen,
  openDispute,
  pageReportSchema,
  ratingsOfCalibration,
  reviewsOfTicket,
  saveCalibrationRatings,
  saveCalibrationSession,
  saveIdea,
  saveIdentity,
  savePageReport,
  saveReviewDraft,
  saveSelfCheck,
  selfChecksOfTicket,
  submitReview,
} from '../db';
import { fetchCalibrationSubmitted, getBackendConfig, readRoster, runScheduledSync, statusView } from '../sync';
import { DB_REQUEST, type DbReply } from './protocol';
import { focusOfAgent } from '../coaching';

const key = z.string().min(1).max(500);

/** Every operation the service offers, with the schema of its arguments and whether it writes. */
const operations = {
  getSettings: { args: z.tuple([]), run: () => getSettings(), writes: false },
  // The first-run card: the reviewer's name and e-mail, before any work is done.
  saveIdentity: { args: z.tuple([identitySchema]), run: saveIdentity, writes: true },
  listScorecards: { args: z.tuple([]), run: () => listScorecards(), writes: false },
  ensureBuiltInScorecards: { args: z.tuple([]), run: () => ensureBuiltInScorecards(), writes: true },
  getReviewDraft: { args: z.tuple([key]), run: (k: string) => getReviewDraft(k), writes: false },
  draftsOfTicket: { args: z.tuple([key]), run: (k: string) => draftsOfTicket(k), writes: false },
  saveReviewDraft: { args: z.tuple([reviewDraftSchema]), run: saveReviewDraft, writes: true },
  discardReviewDraft: { args: z.tuple([key]), run: (k: string) => discardReviewDraft(k), writes: true },
  submitReview: { args: z.tuple([reviewSchema, key.nullable()]), run: submitReview, writes: true },
  deleteReview: {
    args: z.tuple([key, z.iso.datetime()]),
    run: (id: string, at: string) => deleteReview(id, new Date(at)),
    writes: true,
  },
  getReview: { args: z.tuple([key]), run: (id: string) => getReview(id), writes: false },
  reviewsOfTicket: { args: z.tuple([key]), run: (k: string) => reviewsOfTicket(k), writes: false },
  saveSelfCheck: { args: z.tuple([selfCheckSchema]), run: saveSelfCheck, writes: true },
  selfChecksOfTicket: { args: z.tuple([key]), run: (k: string) => selfChecksOfTicket(k), writes: false },
  // Sync status for the sidebar's status line; "Sync now" is the options page's (it runs in the background).
  syncStatus: { args: z.tuple([]), run: () => statusView(db()), writes: false },
  syncNow: { args: z.tuple([]), run: async () => (await runScheduledSync(true), statusView(db())), writes: false },
  // "Report this page" from the sidebar's empty-conversation state: an anonymised structure for a fixture.
  savePageReport: { args: z.tuple([pageReportSchema]), run: (report: z.infer<typeof pageReportSchema>) => savePageReport(report), writes: false },
  // The team roster cached at the last sync (null without a backend): reviewee choices and own identity.
  teamRoster: { args: z.tuple([]), run: () => readRoster(db()), writes: false },
  // Disputes from the ticket's earlier reviews: the agent opens one and reads its outcome.
  openDispute: { args: z.tuple([disputeSchema]), run: openDispute, writes: true },
  disputesOfReviews: { args: z.tuple([z.array(key).max(500)]), run: (ids: string[]) => disputesOfReviews(ids), writes: false },
  // The settings of the user's teams: each review's dispute window, who may start calibration.
  listTeamSettings: { args: z.tuple([]), run: () => listTeamSettings(), writes: false },
  // Ideas and obstacles from the sidebar: sent to one of the user's teams (teamRoster), their answers read there.
  saveIdea: { args: z.tuple([ideaSchema]), run: saveIdea, writes: true },
  ideasOfSubmitter: { args: z.tuple([key]), run: (email: string) => ideasOfSubmitter(email), writes: false },
  markIdeasSeen: {
    args: z.tuple([z.array(z.strictObject({ id: key, updatedAt: z.iso.datetime() })).max(500)]),
    run: (ideas: Array<{ id: string; updatedAt: string }>) => markIdeasSeen(ideas),
    writes: false,
  },
  // The coaching focus in force for an agent on a day: the self-check shows it first, the review form marks it.
  coachingFocus: { args: z.tuple([key, z.iso.date()]), run: (agent: string, day: string) => focusOfAgent(agent, day), writes: false },
  // Calibration (needs the team backend): the sessions here and one's own ratings; a session with its ratings.
  calibrationHome: { args: z.tuple([]), run: calibrationHome, writes: false },
  calibrationSession: {
    args: z.tuple([key]),
    run: async (id: string) => ({ session: (await getCalibrationSession(id)) ?? null, ratings: await ratingsOfCalibration(id) }),
    writes: false,
  },
  saveCalibrationSession: { args: z.tuple([calibrationSessionSchema]), run: saveCalibrationSession, writes: true },
  saveCalibrationRatings: { args: z.tuple([calibrationRatingsSchema]), run: saveCalibrationRatings, writes: true },
  clarificationsOfScorecard: { args: z.tuple([key]), run: (id: string) => clarificationsOfScorecard(id), writes: false },
  // Who submitted which tickets, asked of the server (null when it cannot be asked now).
  calibrationSubmitted: { args: z.tuple([key]), run: calibrationSubmitted, writes: false },
} as const;

/** What the sidebar's calibration needs at once: who I am there (null: no backend), the sessions, my own ratings, my teams' settings. */
async function calibrationHome() {
  const roster = await readRoster(db());
  if (!roster) return { roster: null, sessions: [], mine: [], settings: [] };
  const [sessions, mine, settings] = await Promise.all([listCalibrationSessions(), calibrationRatingsOf(roster.me.email.toLowerCase()), listTeamSettings()]);
  return { roster, sessions, mine, settings };
}

async function calibrationSubmitted(sessionId: string): Promise<CalibrationSubmittedResponse | null> {
  const backend = await getBackendConfig();
  if (!backend) return null;
  return fetchCalibrationSubmitted(backend.url, backend.token, sessionId, (input, init) => fetch(input, init), { timeoutMs: 10_000 }).catch(() => null);
}

type Operations = typeof operations;
export type OperationName = keyof Operations;
export type RemoteDb = {
  [K in OperationName]: (...args: z.input<Operations[K]['args']>) => ReturnType<Operations[K]['run']>;
};


const requestSchema = z.object({
  type: z.literal(DB_REQUEST),
  op: z.enum(Object.keys(operations) as [OperationName, ...OperationName[]]),
  args: z.array(z.unknown()).max(5),
});

/** Runs one request; null when the message is not for this service. */
export async function handleDbRequest(raw: unknown, onWrite: () => void): Promise<DbReply | null> {
  const request = requestSchema.safeParse(raw);
  if (!request.success) return null;
  const operation = operations[request.data.op];
  const args = operation.args.safeParse(request.data.args);
  if (!args.success) return { ok: false, error: `bad arguments for ${request.data.op}: ${args.error.message}`, quota: false };
  try {
    const run = operation.run as (...a: unknown[]) => Promise<unknown>;
    const started = import.meta.env.ARVIO_BENCH ? performance.now() : 0;
    const value = await run(...args.data);
    if (operation.writes) onWrite();
    // Only the bench build times the operation in the worker: bench/run.mjs tells it from the message round trip.
    if (import.meta.env.ARVIO_BENCH) return { ok: true, value: value ?? null, ms: performance.now() - started };
    return { ok: true, value: value ?? null };
  } catch (error) {
    // A failed write's transaction has rolled back: what was stored before is untouched.
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof DisputeStateError) return { ok: false, error: message, quota: false, dispute: error.reason };
    return { ok: false, error: message, quota: isQuotaError(error) };
  }
}
