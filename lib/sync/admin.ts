// Team administration from the extension (server routes in server/src/adminRoutes.ts), and the invite
// link an admin or lead hands over: `<backend address>/invite#<code>`.
import type { z } from 'zod';
import {
  adminDoneResponseSchema,
  adminTeamsResponseSchema,
  inviteCodeSchema,
  inviteResponseSchema,
  redeemResponseSchema,
  type AdminDoneResponse,
  type AdminTeamsResponse,
  type InviteRequest,
  type InviteResponse,
  type RedeemResponse,
  type Role,
} from '../model';
import { headers, join, parseBackendUrl, request, type FetchLike } from './client';

/** The link to hand to the invited person: the backend address and the code (in the fragment, never sent to a server). */
export function inviteLink(backendUrl: string, code: string): string {
  return `${backendUrl.replace(/\/+$/, '')}/invite#${code}`;
}

/** The backend address and code of an invite link as pasted; null when it is not one. */
export function parseInviteLink(text: string): { url: string; code: string } | null {
  const match = /^(.*)\/invite#(.+)$/.exec(text.trim());
  if (!match) return null;
  const url = parseBackendUrl(match[1]!);
  const code = inviteCodeSchema.safeParse(match[2]);
  return url.ok && code.success ? { url: url.url, code: code.data } : null;
}

/** Exchanges an invite code for this person's own token (no token needed; the code is used up). */
export function redeemInvite(baseUrl: string, code: string, fetchImpl: FetchLike = fetch): Promise<RedeemResponse> {
  return request(
    redeemResponseSchema,
    join(baseUrl, '/v1/invites/redeem'),
    { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ code }) },
    fetchImpl,
    undefined,
    { timeoutMs: 15_000 },
  );
}

/** The calls of the admin page, for one backend and token. */
export function adminClient(baseUrl: string, token: string, fetchImpl: FetchLike = fetch) {
  const call = <T>(schema: z.ZodType<T>, method: string, path: string, body?: unknown): Promise<T> =>
    request(
      schema,
      join(baseUrl, path),
      { method, headers: headers(token), ...(body === undefined ? {} : { body: JSON.stringify(body) }) },
      fetchImpl,
      undefined,
      { timeoutMs: 15_000 },
    );
  const id = encodeURIComponent;
  return {
    teams: (): Promise<AdminTeamsResponse> => call(adminTeamsResponseSchema, 'GET', '/v1/admin/teams'),
    invite: (input: InviteRequest): Promise<InviteResponse> => call(inviteResponseSchema, 'POST', '/v1/admin/invites', input),
    cancelInvite: (inviteId: string): Promise<AdminDoneResponse> => call(adminDoneResponseSchema, 'DELETE', `/v1/admin/invites/${id(inviteId)}`),
    changeRole: (userId: string, role: Role): Promise<AdminDoneResponse> =>
      call(adminDoneResponseSchema, 'PUT', `/v1/admin/users/${id(userId)}/role`, { role }),
    revokeTokens: (userId: string): Promise<AdminDoneResponse> =>
      call(adminDoneResponseSchema, 'POST', `/v1/admin/users/${id(userId)}/revoke-tokens`),
    removeMember: (teamId: string, userId: string): Promise<AdminDoneResponse> =>
      call(adminDoneResponseSchema, 'DELETE', `/v1/admin/teams/${id(teamId)}/members/${id(userId)}`),
  };
}
export type AdminClient = ReturnType<typeof adminClient>;
