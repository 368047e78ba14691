// What the server logs about a failure: one line of where and what kind, never the request's data.
//
// Customer and agent words must never reach a log. Error messages cannot be trusted with that: a
// database error names the value it choked on ("invalid input syntax …: "<text>""), PGlite attaches
// the statement's parameters (whole documents) to its errors, JSON.parse quotes its input. So a line
// carries the error's class, its codes and its stack frames (code locations), and drops the message.

const CODE = /^[A-Za-z0-9_]{1,64}$/;
const FRAMES = 6;

/** `code`-like fields that are identifiers (SQLSTATE, Node's ERR_*, PostgreSQL's C routine), never free text. */
function codes(error: object): string[] {
  const out: string[] = [];
  for (const field of ['code', 'routine'] as const) {
    const value = (error as Record<string, unknown>)[field];
    if (typeof value === 'string' && CODE.test(value)) out.push(`${field}=${value}`);
  }
  return out;
}

function frames(stack: unknown, message: unknown): string[] {
  if (typeof stack !== 'string') return [];
  // The stack opens with the message, which may span lines that look like frames: cut it out first
  // (not found — changed after the throw — then no frames rather than a guess).
  const text = typeof message === 'string' ? message : '';
  const at = stack.indexOf(text);
  if (at < 0) return [];
  const all = stack
    .slice(at + text.length)
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim());
  // Where it was thrown, then our own code that led there (a driver's frames say little).
  const ours = all.slice(2).filter((line) => !line.includes('/node_modules/'));
  return [...all.slice(0, 2), ...ours].slice(0, FRAMES);
}

/** One log line for an unexpected error: `context` (the caller's own words: route, reference) and the error's kind. */
export function errorLine(context: string, error: unknown): string {
  if (error === null || typeof error !== 'object') return `${context}: thrown ${typeof error}`;
  const name = error instanceof Error && CODE.test(error.name) ? error.name : 'non-Error object';
  const parts = [name, ...codes(error)];
  const { stack, message } = error as { stack?: unknown; message?: unknown };
  const where = frames(stack, message);
  return `${context}: ${parts.join(' ')}${where.length > 0 ? ` | ${where.join(' | ')}` : ''}`;
}
