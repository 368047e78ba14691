// The PGlite data folder lock: a server killed with -9 (PID 1 in a container too) starts again by itself; a live holder is still refused.
// @vitest-environment node
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../src/db';
import { lockDataDir, startTimeOf } from '../src/lock';

const LOCK_SOURCE = fileURLToPath(new URL('../src/lock.ts', import.meta.url));
const fast = { heartbeatMs: 50, staleMs: 600 };

let work: string;
let child: string;
const children: ChildProcessWithoutNullStreams[] = [];
const folders: string[] = [];

beforeAll(async () => {
  // Node 20 runs no TypeScript: the child gets lock.ts as JavaScript (it imports Node built-ins only).
  work = await mkdtemp(join(tmpdir(), 'arvio-lock-child-'));
  const js = ts.transpileModule(readFileSync(LOCK_SOURCE, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  await writeFile(join(work, 'lock.mjs'), js);
  child = join(work, 'child.mjs');
  await writeFile(
    child,
    `import { lockDataDir } from './lock.mjs';
     try {
       await lockDataDir(process.argv[2], { heartbeatMs: ${fast.heartbeatMs}, staleMs: ${fast.staleMs} });
       console.log('locked');
       setInterval(() => undefined, 1000); // holds the lock until killed
     } catch (error) {
       console.log('refused: ' + error.message);
     }`,
  );
});

afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'arvio-lock-'));
  folders.push(dir);
  return dir;
}

/** Another process trying to lock `dir`; resolves with its first line ("locked" or "refused: …"). */
function otherProcess(dir: string): { process: ChildProcessWithoutNullStreams; said: Promise<string> } {
  const proc = spawn(process.execPath, [child, dir]);
  children.push(proc);
  const said = new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    proc.once('exit', (code) => reject(new Error(`child exited (${code}) before saying anything: ${out}`)));
  });
  return { process: proc, said };
}

const killed = (proc: ChildProcessWithoutNullStreams) =>
  new Promise<void>((done) => {
    proc.once('exit', () => done());
    proc.kill('SIGKILL');
  });

/** What this process would write as its own lock, for a holder that is "us" in another life. */
function ourContext() {
  return {
    host: hostname(),
    boot: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(),
    pidns: readlinkSync('/proc/self/ns/pid'),
  };
}

const holderOf = async (dir: string) => JSON.parse(await readFile(join(dir, 'arvio.lock'), 'utf8')) as { pid: number; instance: string };

describe('the data folder lock', () => {
  it('a second live process is refused with a clear message; once it is killed with -9 the lock is taken over', async () => {
    const dir = await folder();
    const holder = otherProcess(dir);
    expect(await holder.said).toBe('locked');

    await expect(lockDataDir(dir, fast)).rejects.toThrow(
      new RegExp(`the database in ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by process ${holder.process.pid} .*Stop it first`),
    );

    await killed(holder.process);
    // The dead holder's lock is still there, naming it.
    expect((await holderOf(dir)).pid).toBe(holder.process.pid);
    const unlock = await lockDataDir(dir, fast);
    expect((await holderOf(dir)).pid).toBe(process.pid);
    // Now this process holds it: another one is refused, naming us.
    expect(await otherProcess(dir).said).toMatch(new RegExp(`^refused: .*in use by process ${process.pid} `));
    await unlock();
  });

  it.each([
    ['as this version writes it', () => JSON.stringify({ pid: process.pid, ...ourContext(), started: '1', instance: 'the-previous-life' })],
    ['as the previous version wrote it (a bare pid)', () => String(process.pid)],
  ])('a lock naming our own pid — a container’s PID 1 restarted after kill -9 — is taken over (%s)', async (_label, text) => {
    const dir = await folder();
    await writeFile(join(dir, 'arvio.lock'), text());
    const unlock = await lockDataDir(dir, fast);
    expect((await holderOf(dir)).instance).not.toBe('the-previous-life');
    expect((await holderOf(dir)).pid).toBe(process.pid);
    await unlock();
  });

  it('a container restarted after kill -9: the lock names PID 1 of the dead container’s PID namespace; its heartbeat has stopped, so it is taken over', async () => {
    const dir = await folder();
    const path = join(dir, 'arvio.lock');
    await writeFile(path, JSON.stringify({ pid: 1, host: hostname(), boot: ourContext().boot, pidns: 'pid:[4026532000]', started: '5', instance: 'dead' }));
    const killedAt = new Date(Date.now() - 5 * fast.staleMs);
    await utimes(path, killedAt, killedAt);
    const notices: string[] = [];
    const unlock = await lockDataDir(dir, { ...fast, notice: (l) => notices.push(l) });
    expect((await holderOf(dir)).pid).toBe(process.pid);
    expect(notices).toEqual([]); // long still: no waiting
    await unlock();
  });

  it('a lock whose pid now belongs to another process (started later) is taken over', async () => {
    const dir = await folder();
    const other = otherProcess(await folder()); // alive, locking another folder
    expect(await other.said).toBe('locked');
    const started = startTimeOf(other.process.pid!);
    expect(started).not.toBeNull();
    await writeFile(join(dir, 'arvio.lock'), JSON.stringify({ pid: other.process.pid, ...ourContext(), started: String(Number(started) - 100), instance: 'x' }));
    const unlock = await lockDataDir(dir, fast);
    expect((await holderOf(dir)).pid).toBe(process.pid);
    await unlock();
  });

  it('the same folder opened twice in one process is refused', async () => {
    const dir = await folder();
    const db = await openPglite(dir, { lock: fast });
    try {
      await expect(openPglite(dir, { lock: fast })).rejects.toThrow(`is in use by process ${process.pid}`);
    } finally {
      await db.close();
    }
    // Closed: the lock went with the close, and the folder locks again.
    await expect(readFile(join(dir, 'arvio.lock'), 'utf8')).rejects.toThrow(/ENOENT/);
    const unlock = await lockDataDir(dir, fast);
    await unlock();
  }, 120_000); // PGlite starts in seconds, or in tens of them on a loaded machine, like the suites' hooks

  it('a lock from another container is refused while its heartbeat moves, and taken over once it stops', async () => {
    const dir = await folder();
    const path = join(dir, 'arvio.lock');
    // Room for a loaded machine's late timers: the heartbeat must not look stopped while it runs.
    const patient = { heartbeatMs: 50, staleMs: 2_000 };
    // PID 1 of another PID namespace: not a process we can ask, only its heartbeat tells.
    await writeFile(path, JSON.stringify({ pid: 1, host: 'other-container', boot: ourContext().boot, pidns: 'pid:[1]', started: '5', instance: 'theirs' }));
    let touching: Promise<void> = Promise.resolve();
    const beat = setInterval(() => (touching = utimes(path, new Date(), new Date()).catch(() => undefined)), patient.heartbeatMs);
    const notices: string[] = [];
    try {
      await expect(lockDataDir(dir, { ...patient, notice: (l) => notices.push(l) })).rejects.toThrow(/in use by process 1 on host other-container/);
    } finally {
      clearInterval(beat);
      await touching; // the holder is gone once its last heartbeat has landed
    }
    expect(notices.join('\n')).toMatch(/has a lock from process 1 on host other-container; waiting up to \d+ s to see whether it is alive/);

    const lastBeat = (await stat(path)).mtimeMs;
    const unlock = await lockDataDir(dir, patient);
    // Taken over only once the lock had been still for the stale time.
    expect(Date.now() - lastBeat).toBeGreaterThanOrEqual(patient.staleMs);
    expect((await holderOf(dir)).pid).toBe(process.pid);
    await unlock();
  });

  it('two processes taking over one stale lock at once: exactly one gets it', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'arvio.lock'), JSON.stringify({ pid: 2 ** 22 + 7, ...ourContext(), started: '1', instance: 'dead' }));
    const answers = await Promise.all([otherProcess(dir).said, otherProcess(dir).said, otherProcess(dir).said]);
    expect(answers.filter((a) => a === 'locked')).toHaveLength(1);
    expect(answers.filter((a) => a.startsWith('refused: ') && a.includes('is in use by process'))).toHaveLength(2);
  });
});
