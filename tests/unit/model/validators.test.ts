// @vitest-environment node
// The compiled validators (lib/model/compiled/validators.js, generated from the zod schemas: see
// compiled.test.ts) must agree with them exactly: the same documents accepted, and each accepted
// document left as zod's parse returns it. The probes are derived from the schemas themselves, so a
// field added later is probed too.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { bulkParser } from '../../../lib/model/bulk';
import * as compiled from '../../../lib/model/compiled/validators.js';
import { reviewSchema } from '../../../lib/model/review';
import { COMPILED, jsonSchemaOf } from '../../../scripts/validators';
import { review } from '../../../server/tests/helpers/docs';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = { [key: string]: unknown };
type Path = (string | number)[];

const at = '2026-03-14T09:26:53.589Z';

/** A review with every optional field set, ratings of both kinds and text with characters outside the BMP. */
const conversation = review('rev-1', 'lead@example.com', 'agent@example.com', {
  team: 'team-a',
  ratings: [
    { criterionId: 'tone', value: 3, na: false, comment: 'Lämmin sävy 😀' },
    { criterionId: 'name', value: null, na: true, comment: '' },
  ],
  score: 0.75,
  createdAt: at,
  updatedAt: at,
  dispute: null,
});

/** A message review without the fields older exports lack (team: its default; dispute: optional). */
const message = (() => {
  const { team: _team, dispute: _dispute, ...rest } = conversation;
  return { ...rest, id: 'rev-2', target: { kind: 'message', messageId: 'm-7' }, score: null, passed: null, acknowledgedAt: at } as Json;
})();

function get(doc: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node as Record<string, Json>)[key] as Json, doc);
}

function set(doc: Json, path: Path, value: Json | undefined): Json {
  const copy = structuredClone(doc);
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1]!;
  if (value === undefined) delete parent[key];
  else parent[key] = value;
  return copy;
}

const WRONG_TYPES: Json[] = [null, true, 0, -1, 1.5, '', 'x', [], {}];
const DATES = [
  '2024-02-29T00:00:00Z',
  '2026-02-29T00:00:00Z',
  '2026-01-01T00:00:00.123456789Z',
  '2026-01-01T00:00:00+02:00',
  '2026-01-01T00:00:00',
  '2026-01-01 00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-1-01T00:00:00Z',
  '2026-01-01T00:00Z',
  '2026-01-01t00:00:00z',
  '2026-01-01T00:00:00Z\n',
];

function strings(length: number): string[] {
  if (length < 0) return [];
  const pairs = '😀'.repeat(Math.floor(length / 2)) + (length % 2 ? 'ä' : '');
  return ['a'.repeat(length), pairs];
}

/** Values to try where the schema node stands: its edges, just past them, and wrong types. */
function probes(node: Node): Json[] {
  const values: Json[] = [...WRONG_TYPES];
  for (const branch of [...((node.anyOf as Node[]) ?? []), ...((node.oneOf as Node[]) ?? [])]) values.push(...probes(branch));
  if (Array.isArray(node.enum)) values.push(...(node.enum as Json[]), 'other');
  if (node.const !== undefined) values.push(node.const as Json, `${String(node.const)}x`);
  if (node.pattern !== undefined) values.push(...DATES);
  if (typeof node.minLength === 'number') values.push(...strings(node.minLength), ...strings(node.minLength - 1));
  if (typeof node.maxLength === 'number') values.push(...strings(node.maxLength), ...strings(node.maxLength + 1));
  for (const limit of ['minimum', 'maximum'] as const) {
    const n = node[limit];
    if (typeof n === 'number') values.push(n, n - 1, n + 1, n - 0.5, n + 0.5);
  }
  if (node.type === 'number' || node.type === 'integer') values.push(-0, 2, 10, 11, 1e300);
  return values;
}

/** Every (path, value) to try, walking a valid document beside its JSON Schema. */
function* cases(schema: Node, doc: Json, path: Path = []): Generator<[Path, Json | undefined]> {
  if (path.length > 0) for (const value of probes(schema)) yield [path, value];
  const branches = [schema, ...((schema.anyOf as Node[]) ?? []), ...((schema.oneOf as Node[]) ?? [])];
  if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
    const object = branches.find((b) => b.properties && Object.keys(doc).every((k) => k in (b.properties as Node))) ?? {};
    const properties = (object.properties ?? {}) as Record<string, Node>;
    yield [[...path, 'unknownKey'], 'x'];
    yield [[...path, 'unknownKey'], { nested: [1] }];
    for (const key of Object.keys(properties)) {
      yield [[...path, key], undefined];
      if (key in doc) yield* cases(properties[key]!, doc[key]!, [...path, key]);
    }
  }
  if (Array.isArray(doc)) {
    const array = branches.find((b) => b.items) ?? {};
    const items = (array.items ?? {}) as Node;
    if (typeof array.maxItems === 'number' && doc.length > 0) {
      yield [path, Array.from({ length: array.maxItems }, () => doc[0]!)];
      yield [path, Array.from({ length: array.maxItems + 1 }, () => doc[0]!)];
    }
    if (doc.length > 0) yield* cases(items, doc[0]!, [...path, 0]);
  }
}

/** Where the compiled validator and zod part ways on a document, or null when they agree. */
function disagreement(schema: z.ZodType, validate: (data: unknown) => boolean, doc: Json): string | null {
  const expected = schema.safeParse(structuredClone(doc));
  const input = structuredClone(doc);
  const accepted = validate(input);
  if (accepted !== expected.success) return `zod ${expected.success ? 'accepts' : 'refuses'}, the compiled validator ${accepted ? 'accepts' : 'refuses'}`;
  if (expected.success && !isDeepStrictEqual(input, expected.data)) return 'both accept, with different results';
  return null;
}

describe('compiled validators', () => {
  it('compile every schema named', () => {
    expect(Object.keys(compiled).sort()).toEqual(Object.keys(COMPILED).sort());
  });

  it('leave a refused document to zod, whose issue names the field', async () => {
    const parsed = (await bulkParser())('reviews', { ...structuredClone(conversation), score: 2 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['score']);
  });

  describe('validateReview agrees with reviewSchema', () => {
    const json = jsonSchemaOf(reviewSchema) as Node;
    for (const base of [conversation as Json, message]) {
      it(`on ${get(base, ['id'])} and every probe of its fields`, () => {
        expect(disagreement(reviewSchema, compiled.validateReview, base)).toBeNull();
        const found: string[] = [];
        let count = 0;
        for (const [path, value] of cases(json, base)) {
          const problem = disagreement(reviewSchema, compiled.validateReview, set(base, path, value));
          if (problem) found.push(`${path.join('.')} = ${JSON.stringify(value)?.slice(0, 60)}: ${problem}`);
          count++;
        }
        expect(found).toEqual([]);
        // The walk reached every field: a broken walk would prove nothing.
        expect(count).toBeGreaterThan(600);
      });
    }

    it('fills the default team in place, as zod does', () => {
      const doc = structuredClone(message as Record<string, Json>);
      expect('team' in doc).toBe(false);
      expect(compiled.validateReview(doc)).toBe(true);
      expect(doc).toStrictEqual(reviewSchema.parse(structuredClone(doc)));
      expect(doc).toMatchObject({ team: null });
    });

    // A field this release does not know is a newer release's: stripped, it would be lost when the
    // review is edited here and sent back. Refused, the review waits for the upgrade (lib/sync/pull.ts).
    it('refuses unknown keys at every depth, as zod does', () => {
      for (const stray of [{ extra: 1 }, { target: { kind: 'message', messageId: 'm-7', stray: true } }, { reviewer: { id: 'a@x.fi', name: 'A', role: 'lead' } }]) {
        const doc = { ...structuredClone(message as Record<string, Json>), ...stray };
        expect(compiled.validateReview(structuredClone(doc))).toBe(false);
        expect(reviewSchema.safeParse(doc).success).toBe(false);
      }
    });
  });
});
