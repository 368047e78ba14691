// The command line: serve (default) and the admin subcommands for users, teams and tokens.
import { parseArgs } from 'node:util';
import { AdminError, addTeam, addUser, bootstrapAdmin, createToken, listUsers, revokeToken, setMember } from './admin';
import type { Db } from './db';
import { erasePerson, purgeConversationText } from './privacy';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const USAGE = `Usage: npm run server [-- <command>]
  (no command)                         start the server (HOST, PORT, DATABASE_URL or ARVIO_DATA_DIR)
  user add --email E --name N --role admin|lead|reviewer|agent [--team T]...
  user list
  team add <name>
  member set --email E --team T --role lead|reviewer|agent   puts a user in a team, or changes their role there
  token create <email>                 prints the new token once
  token revoke <tokenId|prefix>
  person erase <email>                 deletes what is about them, anonymises them elsewhere, removes the account
  retention purge <months>             removes conversation text older than that now (the server does it daily
                                       with ARVIO_RETENTION_MONTHS)`;

/** Runs one admin command; returns the process exit code. `serve` is handled by main. */
export async function runCommand(db: Db, argv: readonly string[], io: CliIo): Promise<number> {
  const [noun, verb, ...rest] = argv;
  try {
    if (noun === 'user' && verb === 'add') {
      const { values } = parseArgs({
        args: [...rest],
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string' },
          team: { type: 'string', multiple: true },
        },
        strict: true,
      });
      if (!values.email || !values.role) throw new AdminError('user add needs --email and --role');
      const user = await addUser(db, {
        email: values.email,
        name: values.name ?? values.email,
        role: values.role,
        teams: values.team ?? [],
      });
      io.out(`added ${user.role} ${user.email} (${user.id})`);
      return 0;
    }
    if (noun === 'user' && verb === 'list') {
      for (const u of await listUsers(db)) {
        io.out(`${u.email}\t${u.role}\t${u.name}\tteams: ${u.teams.join(', ') || '-'}\ttokens: ${u.activeTokens}`);
      }
      return 0;
    }
    if (noun === 'member' && verb === 'set') {
      const { values } = parseArgs({
        args: [...rest],
        options: { email: { type: 'string' }, team: { type: 'string' }, role: { type: 'string' } },
        strict: true,
      });
      if (!values.email || !values.team || !values.role) throw new AdminError('member set needs --email, --team and --role');
      await setMember(db, { email: values.email, team: values.team, role: values.role });
      io.out(`${values.email} is ${values.role} in "${values.team}"`);
      return 0;
    }
    if (noun === 'team' && verb === 'add') {
      const name = rest.join(' ');
      const team = await addTeam(db, name);
      io.out(`added team "${team.name}" (${team.id})`);
      return 0;
    }
    if (noun === 'token' && verb === 'create' && rest[0]) {
      const token = await createToken(db, rest[0]);
      io.out(`token ${token.id} for ${rest[0]} (shown once, store it now):`);
      io.out(token.token);
      return 0;
    }
    if (noun === 'token' && verb === 'revoke' && rest[0]) {
      const { id } = await revokeToken(db, rest[0]);
      io.out(`revoked token ${id}`);
      return 0;
    }
    if (noun === 'person' && verb === 'erase' && rest[0]) {
      const { documents, account } = await erasePerson(db, rest[0]);
      io.out(`erased ${rest[0]}: ${documents} documents changed${account ? ', account removed' : ''}`);
      return 0;
    }
    if (noun === 'retention' && verb === 'purge' && rest[0]) {
      const months = Number(rest[0]);
      if (!Number.isInteger(months) || months < 1) throw new AdminError('retention purge needs a whole number of months, at least 1');
      io.out(`removed the conversation text of ${await purgeConversationText(db, months)} documents`);
      return 0;
    }
    io.err(USAGE);
    return 2;
  } catch (error) {
    if (error instanceof AdminError || (error instanceof TypeError && 'code' in error)) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** On an empty database, creates the first admin and prints its token — once, never stored in clear. */
export async function announceFirstAdmin(db: Db, email: string, io: CliIo): Promise<void> {
  const first = await bootstrapAdmin(db, email);
  if (!first) return;
  io.out(`Created the first admin, ${first.user.email}. Their token (shown once, store it now):`);
  io.out(first.token);
}
