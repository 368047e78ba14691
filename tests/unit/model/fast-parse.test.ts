// jsonParser against zod itself: for every value, the same answer as schema.safeParse.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compiles, jsonParser } from '../../../lib/model/fast-parse';
import { reviewSchema, selfCheckSchema } from '../../../lib/model/review';
import { pullResponseSchema, pushResponseSchema, serverDocSchema } from '../../../lib/model/sync';
import { review, selfCheck } from '../../../server/tests/helpers/docs';
import { makeReviews } from '../db/factory';

type Json = unknown;

const BOUNDS = [1, 40, 100, 200, 300, 1000, 2000, 5000, 20_000];
const EMOJI = '😀';

/** Values that sit on either side of the schemas' edges: types, numeric bounds, lengths in units and code points. */
const CANDIDATES: Json[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  -1,
  1,
  0.5,
  10,
  11,
  100,
  101,
  2 ** 53,
  1e300,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  EMOJI,
  '\ud83d',
  '2026-03-02T10:00:00Z',
  '2026-03-02T10:00:00.123Z',
  '2026-02-30T10:00:00Z',
  '2026-03-02T10:00:00+02:00',
  '2026-03-02',
  'email',
  'conversation',
  'message',
  [],
  [1],
  {},
  { kind: 'message' },
  { kind: 'message', messageId: 'm1' },
  { kind: 'conversation', extra: 1 },
  ...BOUNDS.flatMap((n) => ['a'.repeat(n), 'a'.repeat(n + 1), EMOJI.repeat(n), EMOJI.repeat(n + 1), 'a'.repeat(n - 1) + '\ud83d']),
];

type Path = Array<string | number>;

function paths(value: Json, at: Path = []): Path[] {
  const here = at.length > 0 ? [at] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => paths(item, [...at, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return here;
}

function edit(value: Json, path: Path, change: (parent: Record<string | number, Json>, key: string | number) => void): Json {
  const copy = structuredClone(value) as Record<string | number, Json>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  change(parent, path.at(-1)!);
  return copy;
}

/** Every value one step from `value`: each member replaced by each candidate or deleted, extra members, a __proto__ key. */
function mutations(value: Json): Json[] {
  const out: Json[] = [JSON.parse(`{"__proto__": {"x": 1}, "a": 1}`), { ...(value as object), extra: 'x' }];
  out.push(JSON.parse(JSON.stringify(value).replace(/^\{/, '{"__proto__":1,')));
  for (const path of paths(value)) {
    for (const candidate of CANDIDATES) out.push(edit(value, path, (parent, key) => (parent[key] = candidate)));
    out.push(edit(value, path, (parent, key) => (Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key])));
    out.push(edit(value, path, (parent, key) => {
      const member = parent[key];
      if (member !== null && typeof member === 'object' && !Array.isArray(member)) (member as Record<string, Json>).extra = 1;
      if (Array.isArray(member)) member.push(member[0]);
    }));
  }
  return out;
}

function expectSameAsZod(schema: z.ZodType, values: readonly Json[]): { accepted: number; rejected: number } {
  const parse = jsonParser(schema);
  let accepted = 0;
  for (const value of values) {
    const expected = schema.safeParse(value);
    const got = parse(value);
    expect(got.success, JSON.stringify(value)?.slice(0, 300)).toBe(expected.success);
    if (expected.success) {
      accepted++;
      // The same JSON, and no member zod would drop (toEqual alone ignores undefined members).
      expect(got.data).toEqual(expected.data);
      expect(JSON.stringify(got.data)).toHaveLength(JSON.stringify(expected.data).length);
    }
  }
  return { accepted, rejected: values.length - accepted };
}

describe('jsonParser', () => {
  it('compiles the schemas of bulk input, and a valid doc is kept as it is (no copy)', () => {
    for (const schema of [reviewSchema, selfCheckSchema, pullResponseSchema, pushResponseSchema, serverDocSchema]) expect(compiles(schema)).toBe(true);
    const doc = JSON.parse(JSON.stringify(makeReviews(1)[0])) as unknown;
    expect(jsonParser(reviewSchema)(doc)).toEqual({ success: true, data: doc });
    expect(jsonParser(reviewSchema)(doc).data).toBe(doc);
  });

  it('answers like zod for reviews one edit away from valid, on every member', () => {
    const docs = [...makeReviews(3, 7), review('r-1', 'w@x.test', 'a@x.test', { target: { kind: 'message', messageId: 'm1' }, score: null, passed: null })];
    for (const doc of docs) {
      const tally = expectSameAsZod(reviewSchema, mutations(JSON.parse(JSON.stringify(doc))));
      // Both outcomes are exercised: the edits include valid ones and invalid ones.
      expect(tally.accepted).toBeGreaterThan(50);
      expect(tally.rejected).toBeGreaterThan(500);
    }
  });

  it('answers like zod for self-checks and pull answers', () => {
    const check = selfCheck('s-1', 'a@x.test', { hintCounts: { spelling: 2, tone: 0 }, draftText: 'Hei!' });
    expect(expectSameAsZod(selfCheckSchema, mutations(check)).accepted).toBeGreaterThan(20);
    const answer = { docs: [{ collection: 'reviews', id: 'r-1', revision: 1, seq: 4, doc: review('r-1', 'w@x.test', 'a@x.test') }], checkpoint: 4, more: false };
    expect(expectSameAsZod(pullResponseSchema, mutations(answer)).accepted).toBeGreaterThan(20);
  });

  it('measures strings in code points, as zod does, and takes valid ones without zod', () => {
    const schema = z.object({ min: z.string().min(3), max: z.string().max(3), exact: z.string().length(2), items: z.array(z.number().int().gt(0).lt(5)).min(1).max(2) });
    const parse = jsonParser(schema);
    const strings = ['ab', 'abc', 'abcd', EMOJI.repeat(2), EMOJI.repeat(3), EMOJI.repeat(4), `a${EMOJI}`, `ab${EMOJI}`, '\ud83d\ud83d', '\ude00\ud83d'];
    const valid = { min: 'abc', max: 'abc', exact: 'ab', items: [1] };
    const values = [
      valid,
      ...strings.flatMap((s) => [{ ...valid, min: s }, { ...valid, max: s }, { ...valid, exact: s }]),
      ...[[], [0], [4], [5], [1.5], [1, 2], [1, 2, 3]].map((items) => ({ ...valid, items })),
    ];
    const tally = expectSameAsZod(schema, values);
    expect(tally.accepted).toBeGreaterThan(10);
    expect(tally.rejected).toBeGreaterThan(10);
    for (const value of values) if (schema.safeParse(value).success) expect(parse(value).data).toBe(value);
  });

  it('leaves what zod would change to zod: unknown members are stripped, not kept', () => {
    const doc = { ...review('r-1', 'w@x.test', 'a@x.test'), extra: 'x' };
    const parsed = jsonParser(reviewSchema)(doc);
    expect(parsed.success && 'extra' in parsed.data).toBe(false);
  });

  it('falls back to zod for what it does not compile: defaults, transforms, refinements, optional keys', () => {
    const schemas = [
      z.object({ a: z.string().default('x') }),
      z.object({ a: z.string().transform((s) => s.length) }),
      z.object({ a: z.string() }).refine((o) => o.a !== 'no'),
      z.object({ a: z.string().optional() }),
      z.object({ a: z.string().trim() }),
      z.union([z.string(), z.number()]),
    ];
    for (const schema of schemas) {
      expect(compiles(schema)).toBe(false);
      for (const value of [{}, { a: ' x ' }, { a: 'no' }, 'text', 1]) expect(jsonParser(schema)(value)).toEqual(schema.safeParse(value));
    }
  });
});
