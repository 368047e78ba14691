// The HTTP API: authentication, validation, size limits and the routes, as a Hono app over a Db.
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  calibrationSubmittedParamsSchema,
  exportQuerySchema,
  publishScorecardRequestSchema,
  pullQuerySchema,
  pushRequestSchema,
  scorecardSyncId,
  READ_RULES_HEADER,
  type MeResponse,
  type TeamRosterResponse,
} from '../../lib/model';
import { READ_RULES } from './access';
import { rosterOf, rosterTeamsOf, teamsOf, userByToken, type User } from './admin';
import { calibrationSubmitted } from './calibration';
import type { Db } from './db';
import { reviewsCsv, reviewsJson } from './export';
import { dialectFor } from '../../lib/export';
import { adminRoutes, REDEEM_PATH } from './adminRoutes';
import { fail, invalid, params, readJson, unacceptable } from './http';
import { inputIssues } from './input';
import { errorLine } from './log';
import { exportableReviews, listScorecards, pullJson, push, Refusal } from './store';
import { DEFAULT_MAX_BODY_BYTES } from './env';

export interface AppOptions {
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /**
   * Where unexpected errors are reported (default: stderr), as one line made by ./log.ts: route,
   * reference, error class, codes and stack frames, never request data or document text.
   */
  logError?: (line: string) => void;
}

type Env = { Variables: { user: User } };

const mayExport = (user: User): boolean => user.role === 'lead' || user.role === 'admin';

export function createApp(db: Db, options: AppOptions = {}): Hono<Env> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const logError = options.logError ?? ((line: string) => console.error(line));
  const app = new Hono<Env>();

  /** Logs an unexpected error without its data; the reference goes to the caller too, to match the two. */
  const report = (c: Context, error: unknown): string => {
    const ref = randomUUID().slice(0, 8);
    logError(errorLine(`server error ${ref} on ${c.req.method} ${c.req.routePath}`, error));
    return ref;
  };

  app.onError((error, c) => {
    const ref = report(c, error);
    return fail(c, 500, { error: 'server_error', message: `the server failed; nothing was changed (reference ${ref})` });
  });
  app.notFound((c) => fail(c, 404, { error: 'not_found', message: `no route ${c.req.method} ${c.req.path}` }));

  app.get('/health', async (c) => {
    await db.query('SELECT 1');
    return c.json({ ok: true, database: db.kind });
  });

  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => {
        // The unread rest of the body is still on the wire: this connection cannot carry another request.
        c.header('Connection', 'close');
        return fail(c, 413, { error: 'too_large', message: `the request body exceeds ${maxBodyBytes} bytes; send smaller batches` });
      },
    }),
  );

  app.use('/v1/*', async (c, next) => {
    if (c.req.path === REDEEM_PATH) return next();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    const user = match?.[1] ? await userByToken(db, match[1]) : null;
    if (!user) {
      c.header('WWW-Authenticate', 'Bearer');
      return fail(c, 401, { error: 'unauthorized', message: 'a valid bearer token is required' });
    }
    c.set('user', user);
    await next();
  });

  // Query strings are input too: the same refusals as bodies, before any route's schema. Path
  // parameters are a route's own (this middleware sees none): each route takes `params` (./http.ts).
  app.use('/v1/*', async (c, next) => {
    const issues = inputIssues(c.req.query());
    if (issues.length > 0) return unacceptable(c, issues);
    await next();
  });

  app.route('/v1', adminRoutes(db));

  app.get('/v1/me', async (c) => {
    const user = c.get('user');
    const body: MeResponse = {
      user: { id: user.id, email: user.email, name: user.name, role: user.role },
      teams: await teamsOf(db, user.id),
    };
    return c.json(body);
  });

  // The people the caller may name as reviewee: the extension maps helpdesk display names onto these.
  app.get('/v1/team/members', async (c) => {
    const user = c.get('user');
    const body: TeamRosterResponse = {
      me: { email: user.email, name: user.name, role: user.role },
      members: await rosterOf(db, user),
      teams: await rosterTeamsOf(db, user),
    };
    c.header(READ_RULES_HEADER, READ_RULES);
    return c.json(body);
  });

  app.post('/v1/sync/push', async (c) => {
    const json = await readJson(c);
    if (!json.ok) return json.answer;
    const parsed = pushRequestSchema.safeParse(json.value);
    if (!parsed.success) return invalid(c, parsed.error);
    try {
      return c.json({ results: await push(db, c.get('user'), parsed.data.changes) });
    } catch (error) {
      if (error instanceof Refusal) {
        return fail(c, error.status, {
          error: error.status === 403 ? 'forbidden' : 'immutable',
          message: `${error.path}: ${error.message}; nothing in this batch was saved`,
          issues: [{ path: error.path, message: error.message }],
        });
      }
      throw error;
    }
  });

  app.get('/v1/sync/pull', async (c) => {
    const parsed = pullQuerySchema.safeParse(c.req.query());
    if (!parsed.success) return invalid(c, parsed.error);
    return c.body(await pullJson(db, c.get('user'), parsed.data.since, parsed.data.limit), 200, { 'content-type': 'application/json' });
  });

  // Before the reveal the only thing said of a participant's ratings: submitted or not, per ticket.
  app.get('/v1/calibration/:id/submitted', params(calibrationSubmittedParamsSchema), async (c) => {
    const answer = await calibrationSubmitted(db, c.get('user'), c.req.valid('param').id);
    if (!answer) return fail(c, 404, { error: 'not_found', message: 'no such calibration session' });
    return c.json(answer);
  });

  app.get('/v1/scorecards', async (c) => c.json({ scorecards: await listScorecards(db, c.get('user')) }));

  // Publishing goes through the same path as a pushed scorecard, so the rules live in one place.
  app.put('/v1/scorecards', async (c) => {
    // Who may publish is the scorecards' rule (a lead of the card's team, or an admin), as for a push.
    const user = c.get('user');
    const json = await readJson(c);
    if (!json.ok) return json.answer;
    const parsed = publishScorecardRequestSchema.safeParse(json.value);
    if (!parsed.success) return invalid(c, parsed.error);
    const card = parsed.data.scorecard;
    if (card.status !== 'published') {
      return fail(c, 400, {
        error: 'invalid_request',
        message: 'scorecard.status: only a published scorecard can be published to the team',
        issues: [{ path: 'scorecard.status', message: 'must be "published"' }],
      });
    }
    const id = scorecardSyncId(card);
    const existing = (await listScorecards(db, user)).find((s) => s.id === id);
    try {
      const [result] = await push(db, user, [
        { collection: 'scorecards', id, baseRevision: existing?.revision ?? null, doc: card },
      ]);
      if (result?.status !== 'accepted') {
        return fail(c, 409, { error: 'conflict', message: 'the scorecard changed meanwhile; try again' });
      }
      return c.json({ id, revision: result.revision, seq: result.seq }, existing ? 200 : 201);
    } catch (error) {
      if (error instanceof Refusal) {
        return fail(c, error.status, { error: error.status === 403 ? 'forbidden' : 'immutable', message: error.message });
      }
      throw error;
    }
  });

  app.get('/v1/export/reviews', async (c) => {
    const user = c.get('user');
    if (!mayExport(user)) return fail(c, 403, { error: 'forbidden', message: 'only leads and admins export reviews' });
    const parsed = exportQuerySchema.safeParse(c.req.query());
    if (!parsed.success) return invalid(c, parsed.error);
    const { format, delimiter, lang, timeZone } = parsed.data;
    const now = new Date();
    const rows = exportableReviews(db, user);
    const locale = lang && timeZone ? { language: lang, timeZone } : null;
    const pieces =
      format === 'csv' ? reviewsCsv(rows, dialectFor(delimiter, locale)) : reviewsJson(rows, (await listScorecards(db, user)).map((s) => s.doc), now);
    const encoder = new TextEncoder();
    // Pull-based: the next page is read from the database only when the client has taken the last.
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          for (;;) {
            const next = await pieces.next();
            if (next.done) {
              controller.close();
              return;
            }
            // A page whose every row was skipped writes nothing: read on rather than send an empty chunk.
            if (next.value === '') continue;
            controller.enqueue(encoder.encode(next.value));
            return;
          }
        } catch (error) {
          // Headers are gone: the answer can only break off. The HTTP layer logs the error it is
          // given, so it gets one without the original's data.
          controller.error(new Error(`the export failed (reference ${report(c, error)})`));
        }
      },
      async cancel() {
        await pieces.return(undefined);
      },
    });
    const date = now.toISOString().slice(0, 10);
    return c.body(stream, 200, {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="arvio-reviews-${date}.${format}"`,
      'Cache-Control': 'no-store',
    });
  });

  return app;
}
