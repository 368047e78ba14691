// Answers shared by the routes: errors with the fields at fault, and bodies and path parameters read past ./input.ts's refusals.
import type { Context } from 'hono';
import { validator } from 'hono/validator';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { ErrorResponse } from '../../lib/model';
import { inputIssues, type InputIssue } from './input';

export const fail = (c: Context, status: ContentfulStatusCode, body: ErrorResponse) => c.json(body, status);

export function invalid(c: Context, error: z.ZodError) {
  const issues = error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.') || '(root)',
    message: i.message,
  }));
  const first = issues[0];
  return fail(c, 400, {
    error: 'invalid_request',
    message: first ? `${first.path}: ${first.message}` : 'invalid request',
    issues,
  });
}

/** A 400 for input no schema should see (./input.ts): NUL characters, `__proto__` keys, deep nesting. */
export function unacceptable(c: Context, issues: InputIssue[]) {
  return fail(c, 400, { error: 'invalid_request', message: `${issues[0]!.path}: ${issues[0]!.message}`, issues });
}

/**
 * Parses the body as JSON and refuses what the database cannot hold (./input.ts) before any schema
 * sees it. Reading is outside the try: an oversized body must reach bodyLimit (413).
 */
export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; answer: Response }> {
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, answer: malformed(c) };
  }
  const issues = inputIssues(value);
  return issues.length > 0 ? { ok: false, answer: unacceptable(c, issues) } : { ok: true, value };
}

export const malformed = (c: Context) => fail(c, 400, { error: 'invalid_json', message: 'the request body is not valid JSON' });

/**
 * A route's path parameters, refused as a body is (./input.ts: a NUL the database cannot hold) and
 * then parsed with `schema` (lib/model): a 400 naming the parameter, never a 500 from the query it
 * would reach. The handler reads them as `c.req.valid('param')`. Every route with a `:param` takes
 * one (server/tests/path-params.test.ts walks the routes and holds each to it).
 */
export const params = <T extends Record<string, string>>(schema: z.ZodType<T>) =>
  validator('param', (value: Record<string, string>, c) => {
    const issues = inputIssues(value);
    if (issues.length > 0) return unacceptable(c, issues);
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : invalid(c, parsed.error);
  });
