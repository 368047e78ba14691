// Users, teams and tokens: the operations behind the CLI (and the test fixtures).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { emailKey, roleSchema, teamRoleSchema, type Role, type RosterMember, type TeamRosterResponse } from '../../lib/model';
import { named, type Db, type Queryable } from './db';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export class AdminError extends Error {}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 32 random bytes; the `arv_` prefix makes a leaked token recognisable in logs and scanners. */
export function newToken(): string {
  return `arv_${randomBytes(32).toString('base64url')}`;
}

const PREFIX_LENGTH = 12;

export function toUser(row: Record<string, unknown>): User {
  return {
    id: String(row.id),
    email: String(row.email),
    name: String(row.name),
    role: roleSchema.parse(row.role),
  };
}

export async function findUserByEmail(db: Queryable, email: string): Promise<User | null> {
  const [row] = await db.query('SELECT id, email, name, role FROM users WHERE email = $1', [emailKey(email)]);
  return row ? toUser(row) : null;
}

export async function addUser(
  db: Db,
  input: { email: string; name: string; role: string; teams?: readonly string[] },
): Promise<User> {
  const role = roleSchema.safeParse(input.role);
  if (!role.success) throw new AdminError(`role must be one of ${roleSchema.options.join(', ')}`);
  const email = emailKey(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new AdminError(`not an e-mail address: "${input.email}"`);
  return db.transaction((tx) => insertUser(tx, email, input.name, role.data, input.teams ?? []));
}

/**
 * The user row and their team memberships, inside the caller's transaction. Their role in each team
 * is the account's (an admin in a team leads it); `member set` and the admin page change it.
 */
export async function insertUser(tx: Queryable, email: string, name: string, role: Role, teams: readonly string[]): Promise<User> {
  if (await findUserByEmail(tx, email)) throw new AdminError(`a user with e-mail ${email} exists already`);
  const user: User = { id: randomUUID(), email, name: name.trim() || email, role };
  await tx.query('INSERT INTO users (id, email, name, role) VALUES ($1, $2, $3, $4)', [
    user.id,
    user.email,
    user.name,
    user.role,
  ]);
  for (const teamName of teams) await putMember(tx, user, teamName, teamRoleOf(user.role));
  return user;
}

/** The role an account's role gives in a team it joins: an admin leads it. */
export const teamRoleOf = (role: Role): 'lead' | 'reviewer' | 'agent' => (role === 'admin' ? 'lead' : role);

async function putMember(tx: Queryable, user: User, teamName: string, role: string): Promise<void> {
  const teamRole = teamRoleSchema.safeParse(role);
  if (!teamRole.success) throw new AdminError(`a role in a team is one of ${teamRoleSchema.options.join(', ')}`);
  const [team] = await tx.query<{ id: string }>('SELECT id FROM teams WHERE name = $1', [teamName]);
  if (!team) throw new AdminError(`no team named "${teamName}" (create it with: team add "${teamName}")`);
  await tx.query(
    'INSERT INTO team_members (team_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (team_id, user_id) DO UPDATE SET role = excluded.role',
    [team.id, user.id, teamRole.data],
  );
}

/** Puts a user in a team with a role there, or changes their role in it. */
export async function setMember(db: Db, input: { email: string; team: string; role: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (!user) throw new AdminError(`no user with e-mail ${input.email}`);
    await putMember(tx, user, input.team.trim(), input.role);
  });
}

export async function addTeam(db: Db, name: string): Promise<{ id: string; name: string }> {
  const trimmed = name.trim();
  if (!trimmed) throw new AdminError('a team needs a name');
  const [exists] = await db.query('SELECT 1 FROM teams WHERE name = $1', [trimmed]);
  if (exists) throw new AdminError(`a team named "${trimmed}" exists already`);
  const team = { id: randomUUID(), name: trimmed };
  await db.query('INSERT INTO teams (id, name) VALUES ($1, $2)', [team.id, team.name]);
  return team;
}

/** Creates a token and returns it in clear: the only moment it exists outside the user's hands. */
export async function createToken(db: Queryable, email: string): Promise<{ id: string; token: string; prefix: string }> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new AdminError(`no user with e-mail ${email}`);
  return insertToken(db, user.id);
}

/** A new token for the user, stored as its hash; returned in clear once. */
export async function insertToken(db: Queryable, userId: string): Promise<{ id: string; token: string; prefix: string }> {
  const token = newToken();
  const row = { id: randomUUID(), prefix: token.slice(0, PREFIX_LENGTH) };
  await db.query('INSERT INTO tokens (id, user_id, hash, prefix) VALUES ($1, $2, $3, $4)', [row.id, userId, hashToken(token), row.prefix]);
  return { ...row, token };
}

/** Revokes by token id or by the token's printed prefix; refuses an ambiguous prefix. */
export async function revokeToken(db: Db, idOrPrefix: string): Promise<{ id: string }> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM tokens WHERE revoked_at IS NULL AND (id = $1 OR prefix = $1 OR (length($1) >= 8 AND id LIKE $1 || \'%\'))',
    [idOrPrefix],
  );
  if (rows.length === 0) throw new AdminError(`no active token matches "${idOrPrefix}"`);
  if (rows.length > 1) throw new AdminError(`"${idOrPrefix}" matches ${rows.length} tokens; give the token id`);
  const id = rows[0]!.id;
  await db.query('UPDATE tokens SET revoked_at = now() WHERE id = $1', [id]);
  return { id };
}

export async function listUsers(
  db: Db,
): Promise<Array<User & { teams: string[]; activeTokens: number }>> {
  const rows = await db.query(
    `SELECT u.id, u.email, u.name, u.role,
            coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM team_members m JOIN teams t ON t.id = m.team_id
                      WHERE m.user_id = u.id), '{}') AS teams,
            (SELECT count(*) FROM tokens k WHERE k.user_id = u.id AND k.revoked_at IS NULL) AS active_tokens
       FROM users u ORDER BY u.email`,
  );
  return rows.map((row) => ({
    ...toUser(row),
    teams: Array.isArray(row.teams) ? row.teams.map(String) : [],
    activeTokens: Number(row.active_tokens),
  }));
}

export async function userByToken(db: Db, token: string): Promise<User | null> {
  // Named: every request asks it. Read each time, never cached, so a revoked token is refused at once.
  const [row] = await db.query(
    named(`SELECT u.id, u.email, u.name, u.role FROM tokens k JOIN users u ON u.id = k.user_id
      WHERE k.hash = $1 AND k.revoked_at IS NULL`),
    [hashToken(token)],
  );
  return row ? toUser(row) : null;
}

export async function teamsOf(db: Queryable, userId: string): Promise<Array<{ id: string; name: string }>> {
  const rows = await db.query<{ id: string; name: string }>(
    'SELECT t.id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.user_id = $1 ORDER BY t.name',
    [userId],
  );
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

/** On an empty database: the first admin and its token (printed once by main). */
export async function bootstrapAdmin(
  db: Db,
  email: string,
): Promise<{ user: User; token: string } | null> {
  // Several servers may start at once on one PostgreSQL: one of them makes the admin.
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(4242002)');
    const [row] = await tx.query<{ n: unknown }>('SELECT count(*) AS n FROM users');
    if (Number(row?.n) > 0) return null;
    const user = await insertUser(tx, emailKey(email), 'Administrator', 'admin', []);
    const { token } = await insertToken(tx, user.id);
    return { user, token };
  });
}

/**
 * The roster the caller may choose reviewees from: agents see only themself; reviewers and leads
 * the members of their teams (themself included); admins every user.
 */
/** The teams the user may put documents in, with their role in each: their memberships, or every team for an admin. */
export async function rosterTeamsOf(db: Db, user: User): Promise<NonNullable<TeamRosterResponse['teams']>> {
  const rows =
    user.role === 'admin'
      ? await db.query<{ id: string; name: string }>('SELECT id, name FROM teams ORDER BY name')
      : await db.query<{ id: string; name: string; role: string }>(
          'SELECT t.id, t.name, m.role FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.user_id = $1 ORDER BY t.name',
          [user.id],
        );
  return rows.map((r) => ({ id: r.id, name: r.name, role: roleSchema.parse('role' in r ? r.role : 'admin') }));
}

export async function rosterOf(db: Db, user: User): Promise<RosterMember[]> {
  // One row per member and team; a member with no team (visible to an admin) has a null team.
  const rows =
    user.role === 'admin'
      ? await db.query(
          `SELECT u.email, u.name, u.role, t.name AS team FROM users u
             LEFT JOIN team_members tm ON tm.user_id = u.id
             LEFT JOIN teams t ON t.id = tm.team_id
            ORDER BY u.name, u.email`,
        )
      : user.role === 'agent'
        ? await db.query(
            `SELECT u.email, u.name, u.role, t.name AS team FROM users u
               LEFT JOIN team_members tm ON tm.user_id = u.id
               LEFT JOIN teams t ON t.id = tm.team_id
              WHERE u.id = $1`,
            [user.id],
          )
        : await db.query(
            `SELECT u.email, u.name, u.role, t.name AS team FROM team_members mine
               JOIN team_members other ON other.team_id = mine.team_id
               JOIN teams t ON t.id = other.team_id
               JOIN users u ON u.id = other.user_id
              WHERE mine.user_id = $1
             UNION SELECT email, name, role, NULL FROM users WHERE id = $1
             ORDER BY 2, 1`,
            [user.id],
          );
  // The teams listed are those the caller shares with the member (all of them for an admin): what a lead's dashboard groups by.
  const members = new Map<string, RosterMember & { teams: string[] }>();
  for (const r of rows) {
    const email = String(r.email);
    let member = members.get(email);
    if (!member) {
      member = { email, name: String(r.name), role: roleSchema.parse(r.role), teams: [] };
      members.set(email, member);
    }
    if (r.team !== null && r.team !== undefined && !member.teams.includes(String(r.team))) member.teams.push(String(r.team));
  }
  return [...members.values()].map((m) => ({ ...m, teams: m.teams.sort() }));
}
