// `npm run server`: opens the database, migrates, then serves or runs one admin command.
import { fileURLToPath } from 'node:url';
import { announceFirstAdmin, runCommand, USAGE } from './cli';
import { openFromEnv } from './db';
import { numericSettings } from './env';
import { migrate } from './migrate';
import { scheduleRetention } from './privacy';
import { startServer } from './serve';

const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data/pglite', import.meta.url));

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    io.out(USAGE);
    return 0;
  }
  // Checked before anything is opened: a mistyped setting stops the server with its name.
  const settings = numericSettings(process.env);
  const db = await openFromEnv(process.env, DEFAULT_DATA_DIR, { notice: io.err });
  await migrate(db);
  if (argv.length > 0 && argv[0] !== 'serve') {
    try {
      return await runCommand(db, argv, io);
    } finally {
      await db.close();
    }
  }
  await announceFirstAdmin(db, process.env.ARVIO_ADMIN_EMAIL ?? 'admin@localhost', io);
  const server = await startServer(db, { port: settings.port, hostname: process.env.HOST ?? '127.0.0.1' }, { maxBodyBytes: settings.maxBodyBytes });
  io.out(`Arvio server on ${server.url} (${db.kind})`);
  const months = settings.retentionMonths;
  const stopRetention = months > 0 ? scheduleRetention(db, months, io.out) : () => undefined;
  const stop = async () => {
    stopRetention();
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    // Operators need the reason, not a stack; ARVIO_DEBUG=1 shows the stack.
    console.error(process.env.ARVIO_DEBUG ? error : `error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
