// The PGlite data folder's lock: one process at a time; a lock left by a dead process is taken over.
//
// PGlite keeps its database in this process's memory and writes the folder back: a second process
// (a CLI command while the server runs) would silently lose writes. `arvio.lock` names its holder:
// pid, host, boot, PID namespace, the process's start time, a random instance id. While held, a
// worker thread refreshes the file's mtime (a heartbeat that a busy main thread cannot delay).
//
// An existing lock is judged:
// - written in our PID namespace on this boot (or by the previous version, which wrote a bare pid):
//   its pid tells. Dead, or reused by another process (start time differs), or our own pid → stale.
//   Alive → refused.
// - written in another PID namespace (a container restarted after kill -9 gets a new one: the lock
//   names PID 1, which here is ourselves; or another container sharing the volume, whose PID 1 is
//   not ours to check) or on another machine: only the heartbeat tells. Refreshed while we watch →
//   refused; not refreshed for `staleMs` → stale.
// A stale lock is removed under a short takeover mutex, and only if it is still the one judged; then
// the lock is created exclusively again, so of two processes taking over at once one wins.
// Only this file's Node built-ins are imported: a test runs it in a child process of its own.
import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface LockOptions {
  /** How often the holder refreshes the lock's mtime (default 2 s). */
  heartbeatMs?: number;
  /** A lock from another container or machine not refreshed for this long is stale (default 10 s). */
  staleMs?: number;
  /** Told when starting waits to see whether another container's lock is alive. */
  notice?: (line: string) => void;
}

interface Holder {
  pid: number;
  host: string | null;
  boot: string | null;
  pidns: string | null;
  /** Clock ticks after boot at which the process started (/proc/<pid>/stat, field 22). */
  started: string | null;
  instance: string | null;
}

/**
 * Locks held by this process, by instance: opening the same folder twice here is refused too. On
 * globalThis, so that a second copy of this module (a bundle, a test runner's module graph) sees them.
 */
const heldHere: Set<string> = ((globalThis as Record<symbol, unknown>)[Symbol.for('arvio.dataDirLocks')] ??= new Set<string>()) as Set<string>;

function readOr<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

const bootId = (): string | null => readOr(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null, null);
const pidNamespace = (): string | null => readOr(() => readlinkSync('/proc/self/ns/pid'), null);

/** The process's start time, or null where there is no /proc (or no such process). */
export function startTimeOf(pid: number): string | null {
  return readOr(() => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2, the command, is in parentheses and may hold spaces: count from after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  }, null);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock's text as a holder; a bare number is the lock of a version before this one (pid only). */
function parseHolder(text: string): { holder: Holder; legacy: boolean } | null {
  if (/^\s*\d+\s*$/.test(text)) {
    return { holder: { pid: Number(text), host: null, boot: null, pidns: null, started: null, instance: null }, legacy: true };
  }
  const value = readOr(() => JSON.parse(text) as Partial<Holder>, null);
  if (!value || typeof value !== 'object' || !Number.isInteger(value.pid) || (value.pid as number) <= 0) return null;
  const text_ = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    holder: { pid: value.pid!, host: text_(value.host), boot: text_(value.boot), pidns: text_(value.pidns), started: text_(value.started), instance: text_(value.instance) },
    legacy: false,
  };
}

type Verdict = { state: 'live' } | { state: 'stale' } | { state: 'watch' };

function judge(seen: { holder: Holder; legacy: boolean } | null, self: Holder): Verdict {
  // Unreadable (a writer of an older version died between creating and writing it): only its age tells.
  if (!seen) return { state: 'watch' };
  const { holder, legacy } = seen;
  if (holder.instance !== null && heldHere.has(holder.instance)) return { state: 'live' };
  const samePidSpace = legacy || (holder.host === self.host && holder.boot === self.boot && holder.pidns === self.pidns);
  if (!samePidSpace) return { state: 'watch' };
  if (holder.pid === process.pid) return { state: 'stale' };
  if (!isAlive(holder.pid)) return { state: 'stale' };
  if (holder.started !== null && startTimeOf(holder.pid) !== holder.started) return { state: 'stale' };
  return { state: 'live' };
}

interface Seen {
  text: string;
  mtimeMs: number;
}

function look(path: string): Seen | null {
  try {
    const text = readFileSync(path, 'utf8');
    return { text, mtimeMs: statSync(path).mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Watches a lock written elsewhere: 'live' when its heartbeat moves, 'stale' when it stays still for staleMs, 'changed' when replaced. */
async function watch(path: string, seen: Seen, heartbeatMs: number, staleMs: number): Promise<'live' | 'stale' | 'changed'> {
  for (;;) {
    const now = look(path);
    if (now === null || now.text !== seen.text) return 'changed';
    if (now.mtimeMs !== seen.mtimeMs) return 'live';
    const idle = Date.now() - now.mtimeMs;
    if (idle > staleMs) return 'stale';
    await sleep(Math.min(heartbeatMs, staleMs - idle + 10));
  }
}

/** Removes the lock if it is still exactly the one judged stale. False: someone else moved first; judge again. */
function removeStale(path: string, seen: Seen): boolean {
  const mutex = `${path}.takeover`;
  try {
    mkdirSync(mutex);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Held for a few milliseconds; one left behind by a process killed right then is cleared after a while.
    const age = readOr(() => Date.now() - statSync(mutex).mtimeMs, 0);
    if (age > 10_000) rmSync(mutex, { recursive: true, force: true });
    return false;
  }
  try {
    const now = look(path);
    if (now === null) return true;
    if (now.text !== seen.text || now.mtimeMs !== seen.mtimeMs) return false;
    rmSync(path, { force: true });
    return true;
  } finally {
    rmSync(mutex, { recursive: true, force: true });
  }
}

/** Creates the lock with its whole content at once (a hard link of a written file), or false if one exists. */
function create(path: string, holder: Holder): boolean {
  const draft = `${path}.${holder.instance}`;
  writeFileSync(draft, JSON.stringify(holder));
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/** Refreshes the lock's mtime from a worker thread: PGlite's queries run on the main thread and may block it. */
function heartbeat(path: string, everyMs: number): Worker {
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const { utimesSync } = require('node:fs');
     setInterval(() => { try { const now = new Date(); utimesSync(workerData.path, now, now); } catch {} }, workerData.everyMs);`,
    { eval: true, workerData: { path, everyMs } },
  );
  worker.unref();
  return worker;
}

function refusal(dataDir: string, holder: Holder | undefined, elsewhere: boolean): Error {
  const who = holder ? `process ${holder.pid}${elsewhere && holder.host ? ` on host ${holder.host}` : ''}` : 'another process';
  const where = elsewhere ? ' (another container or machine: its lock is being refreshed)' : ' (the server?)';
  return new Error(
    `the database in ${dataDir} is in use by ${who}${where}. Stop it first, or use DATABASE_URL (PostgreSQL) to run the CLI beside a running server.`,
  );
}

/** Locks the data folder for this process; resolves to the unlock function, or rejects when another live process holds it. */
export async function lockDataDir(dataDir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const heartbeatMs = options.heartbeatMs ?? 2_000;
  const staleMs = options.staleMs ?? 10_000;
  const path = join(dataDir, 'arvio.lock');
  const self: Holder = {
    pid: process.pid,
    host: hostname(),
    boot: bootId(),
    pidns: pidNamespace(),
    started: startTimeOf(process.pid),
    instance: randomUUID(),
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    if (create(path, self)) {
      heldHere.add(self.instance!);
      const worker = heartbeat(path, heartbeatMs);
      return async () => {
        heldHere.delete(self.instance!);
        await worker.terminate();
        // Only our own lock: after a wrongful takeover the file may be someone else's now.
        const now = look(path);
        if (now && parseHolder(now.text)?.holder.instance === self.instance) rmSync(path, { force: true });
      };
    }
    const seen = look(path);
    if (seen === null) continue; // released meanwhile
    const parsed = parseHolder(seen.text);
    const verdict = judge(parsed, self);
    if (verdict.state === 'live') throw refusal(dataDir, parsed?.holder, false);
    if (verdict.state === 'watch') {
      const idle = Math.max(0, Date.now() - seen.mtimeMs);
      if (idle <= staleMs) {
        options.notice?.(
          `the data folder ${dataDir} has a lock from ${parsed ? `process ${parsed.holder.pid} on host ${parsed.holder.host ?? '?'}` : 'an unknown process'}; ` +
            `waiting up to ${Math.ceil((staleMs - idle) / 1000)} s to see whether it is alive`,
        );
      }
      const outcome = await watch(path, seen, heartbeatMs, staleMs);
      if (outcome === 'live') throw refusal(dataDir, parsed?.holder, true);
      if (outcome === 'changed') continue;
    }
    if (!removeStale(path, seen)) await sleep(20 + Math.random() * 50);
  }
  throw new Error(`could not lock ${path}: it keeps changing`);
}
