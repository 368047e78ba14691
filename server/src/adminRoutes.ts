// The administration routes (./members.ts over HTTP): for admins and leads within their teams, plus
// the one route without a token, where an invite code is exchanged for a token.
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import {
  eraseRequestSchema,
  inviteParamsSchema,
  inviteRequestSchema,
  memberParamsSchema,
  redeemRequestSchema,
  roleChangeRequestSchema,
  userParamsSchema,
  type AdminDoneResponse,
  type EraseResponse,
} from '../../lib/model';
import type { User } from './admin';
import type { Db } from './db';
import { fail, invalid, params, readJson } from './http';
import { erasePerson } from './privacy';
import { AdminRefusal, cancelInvite, changeRole, createInvite, listAdministered, redeemInvite, removeMember, revokeTokensOf } from './members';

/** The /v1 route that takes no bearer token: its body is the credential. */
export const REDEEM_PATH = '/v1/invites/redeem';

type Env = { Variables: { user: User } };

const refusalCode = { 403: 'forbidden', 404: 'not_found', 409: 'conflict', 410: 'gone' } as const;

/** Runs an action; an AdminRefusal becomes its 4xx answer. */
async function answer(c: Context, action: () => Promise<Response>): Promise<Response> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof AdminRefusal) return fail(c, error.status, { error: refusalCode[error.status], message: error.message });
    throw error;
  }
}

/** The body, parsed with `schema`; or the 400 answer naming the field. */
async function body<T>(c: Context, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; answer: Response }> {
  const json = await readJson(c);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, answer: invalid(c, parsed.error) };
}

const done = (c: Context, revokedTokens = 0) => c.json({ ok: true, revokedTokens } satisfies AdminDoneResponse);

/** Routes under /v1; mounted after the token middleware, which lets REDEEM_PATH through. */
export function adminRoutes(db: Db): Hono<Env> {
  const routes = new Hono<Env>();

  routes.post('/invites/redeem', async (c) =>
    answer(c, async () => {
      const request = await body(c, redeemRequestSchema);
      if (!request.ok) return request.answer;
      return c.json(await redeemInvite(db, request.value.code), 201);
    }),
  );

  routes.get('/admin/teams', (c) => answer(c, async () => c.json(await listAdministered(db, c.get('user')))));

  routes.post('/admin/invites', (c) =>
    answer(c, async () => {
      const request = await body(c, inviteRequestSchema);
      if (!request.ok) return request.answer;
      return c.json(await createInvite(db, c.get('user'), request.value), 201);
    }),
  );

  routes.delete('/admin/invites/:id', params(inviteParamsSchema), (c) =>
    answer(c, async () => {
      await cancelInvite(db, c.get('user'), c.req.valid('param').id);
      return done(c);
    }),
  );

  routes.put('/admin/users/:id/role', params(userParamsSchema), (c) =>
    answer(c, async () => {
      const request = await body(c, roleChangeRequestSchema);
      if (!request.ok) return request.answer;
      await changeRole(db, c.get('user'), c.req.valid('param').id, request.value.role);
      return done(c);
    }),
  );

  routes.post('/admin/users/:id/revoke-tokens', params(userParamsSchema), (c) =>
    answer(c, async () => done(c, await revokeTokensOf(db, c.get('user'), c.req.valid('param').id))),
  );

  routes.delete('/admin/teams/:team/members/:id', params(memberParamsSchema), (c) =>
    answer(c, async () => {
      const { team, id } = c.req.valid('param');
      return done(c, await removeMember(db, c.get('user'), team, id));
    }),
  );

  // Erasing a person reaches every team's documents: an admin's decision alone.
  routes.post('/admin/erase', (c) =>
    answer(c, async () => {
      if (c.get('user').role !== 'admin') throw new AdminRefusal(403, 'only admins erase a person');
      const request = await body(c, eraseRequestSchema);
      if (!request.ok) return request.answer;
      if (request.value.email === c.get('user').email) throw new AdminRefusal(403, 'you cannot erase yourself');
      return c.json((await erasePerson(db, request.value.email)) satisfies EraseResponse);
    }),
  );

  return routes;
}
