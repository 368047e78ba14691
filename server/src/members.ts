// Team administration without a terminal: invites, members, roles and tokens, decided per caller.
// Every check reads the database at request time, so a change (a revoked token, a removed member)
// holds at once on every server process, on PGlite and PostgreSQL alike.
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { INVITE_DAYS, INVITE_PREFIX, roleSchema, type AdminTeamsResponse, type InviteResponse, type ManagedMember, type RedeemResponse, type Role } from '../../lib/model';
import { hashToken, insertToken, insertUser, teamRoleOf, teamsOf, toUser, type User } from './admin';
import type { Db, Queryable } from './db';

/** A refused administration request: its HTTP status and words (never an existence oracle for other teams). */
export class AdminRefusal extends Error {
  constructor(
    readonly status: 403 | 404 | 409 | 410,
    message: string,
  ) {
    super(message);
  }
}

/** The roles a caller may give: an admin any, a lead reviewers and agents, others none. */
export function grantableRoles(actor: User): Role[] {
  if (actor.role === 'admin') return ['admin', 'lead', 'reviewer', 'agent'];
  // A lead of a team (roles are per team: administeredTeams refuses those who lead none).
  return ['reviewer', 'agent'];
}

/** A person's place in one team: roles are per team, and may differ from the account's. */
export interface Membership {
  team: string;
  role: Role;
}

/**
 * Whether the actor may change this person's role and revoke their tokens: an admin anyone but
 * themself; a lead the reviewers and agents whose every team is one of the lead's (a role and a
 * token are the person's in all their teams, so a lead does not decide them for another team). A
 * reviewer or agent by account who leads one of those teams is a co-lead: an admin's to manage.
 */
export function mayManage(actor: User, actorTeams: ReadonlySet<string>, target: User, targetTeams: readonly Membership[]): boolean {
  if (target.id === actor.id) return false;
  if (actor.role === 'admin') return true;
  const grantable = grantableRoles(actor);
  return (
    grantable.includes(target.role) && targetTeams.length > 0 && targetTeams.every((m) => actorTeams.has(m.team) && grantable.includes(m.role))
  );
}

/** Memberships as the database gives them back (json_agg), each role one of the known ones. */
const membershipsSchema = z.array(z.object({ team: z.coerce.string(), role: roleSchema }));

async function membershipsOf(db: Queryable, userId: string): Promise<Membership[]> {
  const rows = await db.query<{ team_id: string; role: Role }>('SELECT team_id, role FROM team_members WHERE user_id = $1', [userId]);
  return rows.map((r) => ({ team: String(r.team_id), role: r.role }));
}

async function teamIdsOf(db: Queryable, userId: string): Promise<string[]> {
  return (await membershipsOf(db, userId)).map((m) => m.team);
}

/** The teams a person leads (their role there is lead). */
async function ledTeamIdsOf(db: Queryable, userId: string): Promise<string[]> {
  const rows = await db.query<{ team_id: string }>("SELECT team_id FROM team_members WHERE user_id = $1 AND role = 'lead'", [userId]);
  return rows.map((r) => r.team_id);
}

async function userById(db: Queryable, id: string): Promise<User | null> {
  const [row] = await db.query('SELECT id, email, name, role FROM users WHERE id = $1', [id]);
  return row ? toUser(row) : null;
}

/** The teams the actor administers: all for an admin, those they lead for others (roles are per team); refused when none. */
async function administeredTeams(db: Queryable, actor: User): Promise<Array<{ id: string; name: string }>> {
  if (actor.role === 'admin') return db.query<{ id: string; name: string }>('SELECT id, name FROM teams ORDER BY name');
  const led = await db.query<{ id: string; name: string }>(
    "SELECT t.id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.user_id = $1 AND m.role = 'lead' ORDER BY t.name",
    [actor.id],
  );
  if (led.length === 0) throw new AdminRefusal(403, 'only admins and leads administer teams');
  return led;
}

/** A team the actor administers, or a 404 that says the same whether the team exists or not. */
async function administeredTeam(db: Queryable, actor: User, teamId: string): Promise<{ id: string; name: string }> {
  const team = (await administeredTeams(db, actor)).find((t) => t.id === teamId);
  if (!team) throw new AdminRefusal(404, 'no such team among those you administer');
  return team;
}

/** A person the actor may manage (mayManage), or a 404 that says the same whether they exist or not. */
async function manageableUser(db: Queryable, actor: User, userId: string): Promise<User> {
  await administeredTeams(db, actor);
  const target = await userById(db, userId);
  const actorTeams = new Set(await ledTeamIdsOf(db, actor.id));
  if (target && target.id === actor.id) throw new AdminRefusal(403, 'you cannot change your own role or tokens here');
  if (!target || !mayManage(actor, actorTeams, target, await membershipsOf(db, target.id))) {
    throw new AdminRefusal(404, 'no such person among those you manage');
  }
  return target;
}

export async function listAdministered(db: Db, actor: User, now = new Date()): Promise<AdminTeamsResponse> {
  const teams = await administeredTeams(db, actor);
  const actorTeams = new Set(await ledTeamIdsOf(db, actor.id));
  const out: AdminTeamsResponse['teams'] = [];
  for (const team of teams) {
    const rows = await db.query(
      `SELECT u.id, u.email, u.name, m.role, u.role AS account_role,
              (SELECT count(*) FROM tokens k WHERE k.user_id = u.id AND k.revoked_at IS NULL) AS active_tokens,
              (SELECT json_agg(json_build_object('team', m2.team_id, 'role', m2.role)) FROM team_members m2 WHERE m2.user_id = u.id) AS memberships
         FROM team_members m JOIN users u ON u.id = m.user_id
        WHERE m.team_id = $1 ORDER BY u.name, u.email`,
      [team.id],
    );
    const members: ManagedMember[] = rows.map((row) => {
      // Listed with their role in this team; managed by their account's role and every team's.
      const user = toUser(row);
      const account = toUser({ ...row, role: row.account_role });
      const theirTeams = membershipsSchema.parse(row.memberships ?? []);
      return { ...user, activeTokens: Number(row.active_tokens), manageable: mayManage(actor, actorTeams, account, theirTeams) };
    });
    const invites = await db.query<{ id: string; email: string; name: string; role: Role; expires_at: Date | string }>(
      `SELECT id, email, name, role, expires_at FROM invites
        WHERE team_id = $1 AND redeemed_at IS NULL AND cancelled_at IS NULL AND expires_at > $2 ORDER BY created_at`,
      [team.id, now.toISOString()],
    );
    out.push({
      ...team,
      members,
      invites: invites.map((i) => ({ id: i.id, email: i.email, name: i.name, role: i.role, expiresAt: new Date(i.expires_at).toISOString() })),
    });
  }
  return { grantable: grantableRoles(actor), teams: out };
}

/**
 * Whether the actor may make this invite, or the refusal: the team must be one they administer, the
 * role one they may give, and an e-mail that is someone's already a person they manage (the code
 * yields a token for that account). Asked when the invite is made, and again when it is redeemed
 * against the teams and roles of that moment: a code never gives more than its maker could give now.
 */
async function inviteCheck(
  db: Queryable,
  actor: User,
  input: { team: string; email: string; role: Role },
): Promise<AdminRefusal | { team: { id: string; name: string }; existing: User | null }> {
  let team: { id: string; name: string };
  try {
    team = await administeredTeam(db, actor, input.team);
  } catch (error) {
    if (error instanceof AdminRefusal) return error;
    throw error;
  }
  if (!grantableRoles(actor).includes(input.role)) return new AdminRefusal(403, `you may not give the role ${input.role}`);
  const [row] = await db.query('SELECT id, email, name, role FROM users WHERE email = $1', [input.email]);
  const existing = row ? toUser(row) : null;
  if (existing) {
    const actorTeams = new Set(await ledTeamIdsOf(db, actor.id));
    if (!mayManage(actor, actorTeams, existing, await membershipsOf(db, existing.id))) {
      return new AdminRefusal(409, `${input.email} has an account you do not manage; ask an admin`);
    }
  }
  return { team, existing };
}

/** Invites a person into one of the actor's teams with a role the actor may give (inviteCheck). */
export async function createInvite(
  db: Db,
  actor: User,
  input: { team: string; email: string; name: string; role: Role },
  now = new Date(),
): Promise<InviteResponse> {
  const checked = await inviteCheck(db, actor, input);
  if (checked instanceof AdminRefusal) throw checked;
  const { team } = checked;
  const code = `${INVITE_PREFIX}${randomBytes(24).toString('base64url')}`;
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 24 * 3600 * 1000).toISOString();
  const invite = { id: randomUUID(), email: input.email, name: input.name || input.email, role: input.role, expiresAt };
  await db.query(
    `INSERT INTO invites (id, hash, email, name, team_id, role, invited_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [invite.id, hashToken(code), invite.email, invite.name, team.id, invite.role, actor.id, now.toISOString(), expiresAt],
  );
  return { invite: { ...invite, team }, code };
}

export async function cancelInvite(db: Db, actor: User, inviteId: string): Promise<void> {
  const [row] = await db.query<{ team_id: string }>(
    'SELECT team_id FROM invites WHERE id = $1 AND redeemed_at IS NULL AND cancelled_at IS NULL',
    [inviteId],
  );
  const teams = new Set((await administeredTeams(db, actor)).map((t) => t.id));
  if (!row || !teams.has(row.team_id)) throw new AdminRefusal(404, 'no such open invite among your teams');
  await db.query('UPDATE invites SET cancelled_at = now() WHERE id = $1', [inviteId]);
}

/** The answer to a code whose maker may no longer give what it says: the same whatever changed, to anyone holding it. */
const NO_LONGER_HOLDS = 'this invite no longer holds: the account or the rights of whoever made it changed since; ask for a new one';

/** Account roles from least to most: an invite may raise a person's role, never lower it. */
const ROLE_RANK: Record<Role, number> = { agent: 0, reviewer: 1, lead: 2, admin: 3 };

/**
 * Exchanges an invite code for a token of the invited person, once: the account is made (or, if it
 * exists, its role raised to the invite's, never lowered), joined to the team, and a new token is
 * returned in clear. The maker's right is asked again first (inviteCheck): an account made or
 * changed since (now leading another team, say) is refused, and the invite cancelled, rather than
 * its token handed to whoever holds the code.
 */
export async function redeemInvite(db: Db, code: string, now = new Date()): Promise<RedeemResponse> {
  const answer = await db.transaction(async (tx): Promise<RedeemResponse | null> => {
    const [invite] = await tx.query<{
      id: string;
      email: string;
      name: string;
      team_id: string;
      role: Role;
      invited_by: string | null;
      expires_at: Date | string;
      redeemed_at: unknown;
      cancelled_at: unknown;
    }>('SELECT id, email, name, team_id, role, invited_by, expires_at, redeemed_at, cancelled_at FROM invites WHERE hash = $1 FOR UPDATE', [
      hashToken(code),
    ]);
    if (!invite) throw new AdminRefusal(404, 'this invite code is not known');
    if (invite.redeemed_at !== null || invite.cancelled_at !== null || new Date(invite.expires_at) <= now) {
      throw new AdminRefusal(410, 'this invite was used, cancelled or has expired; ask for a new one');
    }
    // A maker since gone (invited_by set null) vouches for nobody.
    const maker = invite.invited_by === null ? null : await userById(tx, invite.invited_by);
    const checked = maker && (await inviteCheck(tx, maker, { team: invite.team_id, email: invite.email, role: invite.role }));
    if (!checked || checked instanceof AdminRefusal) {
      // Cancelled, not left open: it leaves the maker's list, and a new invite says what is wrong.
      await tx.query('UPDATE invites SET cancelled_at = $2 WHERE id = $1', [invite.id, now.toISOString()]);
      return null;
    }
    await tx.query('UPDATE invites SET redeemed_at = $2 WHERE id = $1', [invite.id, now.toISOString()]);
    let user: User;
    if (checked.existing) {
      const role = ROLE_RANK[invite.role] > ROLE_RANK[checked.existing.role] ? invite.role : checked.existing.role;
      user = { ...checked.existing, role };
      await tx.query('UPDATE users SET role = $2 WHERE id = $1', [user.id, user.role]);
    } else {
      user = await insertUser(tx, invite.email, invite.name, invite.role, []);
    }
    // The invite's role is the person's role in that team (an admin invited into a team leads it).
    await tx.query(
      'INSERT INTO team_members (team_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (team_id, user_id) DO UPDATE SET role = excluded.role',
      [invite.team_id, user.id, teamRoleOf(invite.role)],
    );
    const { token } = await insertToken(tx, user.id);
    return { token, me: { user: { id: user.id, email: user.email, name: user.name, role: user.role }, teams: await teamsOf(tx, user.id) } };
  });
  // Thrown after the commit, so the cancellation stays. 410 as for a used code: the extension reads it as "ask for a new one".
  if (!answer) throw new AdminRefusal(410, NO_LONGER_HOLDS);
  return answer;
}

export async function changeRole(db: Db, actor: User, userId: string, role: Role): Promise<void> {
  const target = await manageableUser(db, actor, userId);
  if (!grantableRoles(actor).includes(role)) throw new AdminRefusal(403, `you may not give the role ${role}`);
  // The account's role and the person's role in each of their teams (all of them the actor's: mayManage).
  await db.transaction(async (tx) => {
    await tx.query('UPDATE users SET role = $2 WHERE id = $1', [target.id, role]);
    await tx.query('UPDATE team_members SET role = $2 WHERE user_id = $1', [target.id, teamRoleOf(role)]);
  });
}

/** Revokes every active token of the person at once; their next request is a 401. */
export async function revokeTokensOf(db: Queryable, actor: User, userId: string): Promise<number> {
  const target = await manageableUser(db, actor, userId);
  return revokeAll(db, target.id);
}

async function revokeAll(db: Queryable, userId: string): Promise<number> {
  const rows = await db.query('UPDATE tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id', [userId]);
  return rows.length;
}

/**
 * Removes a person from a team the actor administers (a lead: reviewers and agents; an admin:
 * anyone but themself). Someone left in no team, and not an admin, loses their tokens too: they no
 * longer belong anywhere, and their next sync is refused.
 */
export async function removeMember(db: Db, actor: User, teamId: string, userId: string): Promise<number> {
  return db.transaction(async (tx) => {
    await administeredTeam(tx, actor, teamId);
    const target = await userById(tx, userId);
    const member = target && (await membershipsOf(tx, target.id)).find((m) => m.team === teamId);
    if (!target || !member) throw new AdminRefusal(404, 'no such member in this team');
    if (target.id === actor.id) throw new AdminRefusal(403, 'you cannot remove yourself');
    // By the account's role and the role in this team: a co-lead is an admin's to remove.
    const highest = grantableRoles(actor).includes(target.role) ? member.role : target.role;
    if (actor.role !== 'admin' && !grantableRoles(actor).includes(highest)) {
      throw new AdminRefusal(403, `only an admin removes a ${highest}`);
    }
    await tx.query('DELETE FROM team_members WHERE team_id = $1 AND user_id = $2', [teamId, target.id]);
    await tx.query('UPDATE invites SET cancelled_at = now() WHERE team_id = $1 AND email = $2 AND redeemed_at IS NULL AND cancelled_at IS NULL', [
      teamId,
      target.email,
    ]);
    const left = await teamIdsOf(tx, target.id);
    return left.length === 0 && target.role !== 'admin' ? revokeAll(tx, target.id) : 0;
  });
}
