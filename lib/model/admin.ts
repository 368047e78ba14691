// Team administration over HTTP (server/src/members.ts, the extension's admin page): invites, members, roles, tokens.
import { z } from 'zod';
import { emailKey } from './review';
import { meResponseSchema, roleSchema } from './sync';
import { teamIdSchema } from './team';

const id = z.string().min(1).max(100);
const teamRef = z.strictObject({ id, name: z.string().min(1).max(200) });

/** An invite code as printed: `arvinv_` and 32 characters; only its hash is stored. */
export const INVITE_PREFIX = 'arvinv_';
export const inviteCodeSchema = z
  .string()
  .trim()
  .regex(/^arvinv_[A-Za-z0-9_-]{20,100}$/, 'not an Arvio invite code');

/** How long an invite may wait to be redeemed. */
export const INVITE_DAYS = 7;

/** `POST /v1/admin/invites`: invite a person by e-mail into a team with a role. */
export const inviteRequestSchema = z.strictObject({
  team: id,
  email: z.email().max(254).transform(emailKey),
  name: z.string().trim().max(200).default(''),
  role: roleSchema,
});
export type InviteRequest = z.input<typeof inviteRequestSchema>;

export const pendingInviteSchema = z.strictObject({
  id,
  email: z.string().max(254),
  name: z.string().max(200),
  role: roleSchema,
  expiresAt: z.iso.datetime(),
});
export type PendingInvite = z.infer<typeof pendingInviteSchema>;

/** The answer to an invite: the code, shown once (only its hash is kept). */
export const inviteResponseSchema = z.strictObject({
  invite: pendingInviteSchema.extend({ team: teamRef }),
  code: inviteCodeSchema,
});
export type InviteResponse = z.infer<typeof inviteResponseSchema>;

/** `POST /v1/invites/redeem` (no token): the invited person's Arvio exchanges the code for its own token. */
export const redeemRequestSchema = z.strictObject({ code: inviteCodeSchema });
export const redeemResponseSchema = z.strictObject({ token: z.string().min(1).max(500), me: meResponseSchema });
export type RedeemResponse = z.infer<typeof redeemResponseSchema>;

export const managedMemberSchema = z.strictObject({
  id,
  email: z.string().max(254),
  name: z.string().max(300),
  role: roleSchema,
  /** Tokens not revoked. */
  activeTokens: z.number().int().min(0),
  /** Whether the caller may change this person's role and revoke their tokens. */
  manageable: z.boolean(),
});
export type ManagedMember = z.infer<typeof managedMemberSchema>;

/** `GET /v1/admin/teams`: the teams the caller administers (all for an admin, their own for a lead). */
export const adminTeamsResponseSchema = z.strictObject({
  /** The roles the caller may give (in invites and role changes). */
  grantable: z.array(roleSchema),
  teams: z.array(
    teamRef.extend({
      members: z.array(managedMemberSchema).max(5000),
      invites: z.array(pendingInviteSchema).max(5000),
    }),
  ),
});
export type AdminTeamsResponse = z.infer<typeof adminTeamsResponseSchema>;

/** `DELETE /v1/admin/invites/:id`: the path's parameter. */
export const inviteParamsSchema = z.strictObject({ id });

/** `PUT /v1/admin/users/:id/role` and `POST /v1/admin/users/:id/revoke-tokens`: the path's parameter. */
export const userParamsSchema = z.strictObject({ id });

/** `DELETE /v1/admin/teams/:team/members/:id`: the path's parameters. */
export const memberParamsSchema = z.strictObject({ team: teamIdSchema, id });

/** `PUT /v1/admin/users/:id/role`. */
export const roleChangeRequestSchema = z.strictObject({ role: roleSchema });

/** The answer of the other admin actions. */
export const adminDoneResponseSchema = z.strictObject({ ok: z.literal(true), revokedTokens: z.number().int().min(0) });
export type AdminDoneResponse = z.infer<typeof adminDoneResponseSchema>;

/** `POST /v1/admin/erase` (admins): erase a person who leaves (server/src/privacy.ts). */
export const eraseRequestSchema = z.strictObject({ email: z.email().max(254).transform(emailKey) });
export const eraseResponseSchema = z.strictObject({ documents: z.number().int().min(0), account: z.boolean() });
export type EraseResponse = z.infer<typeof eraseResponseSchema>;
