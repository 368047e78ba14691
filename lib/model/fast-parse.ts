// A zod schema compiled into plain closures that only say "valid and already in shape": bulk input
// (a pull or an import of thousands of docs) skips zod's per-field payloads and deep copy.
import type { z } from 'zod';

/** True only when zod would accept the value and give back the same JSON; false means "ask zod". */
type Check = (value: unknown) => boolean;

interface AnyDef {
  type: string;
  [key: string]: unknown;
}

interface Schemaish {
  _zod: { def: AnyDef; traits: Set<string> };
}

class Unsupported extends Error {}

const NUMBER_FORMAT_RANGES: Record<string, readonly [number, number]> = {
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  float32: [-3.4028234663852886e38, 3.4028234663852886e38],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
};

/** Formats whose whole check is their pattern (zod's others, e.g. url and jwt, check by code). */
const PATTERN_FORMATS = new Set(['datetime', 'date', 'time', 'email', 'uuid', 'guid', 'regex']);

/** Zod counts a string's length in code points; a lone surrogate counts as one. */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

function schemaOf(value: unknown): Schemaish {
  const zod = (value as Partial<Schemaish> | null)?._zod;
  if (!zod?.def || typeof zod.def.type !== 'string' || !(zod.traits instanceof Set)) throw new Unsupported('not a zod schema');
  return value as Schemaish;
}

/** A schema's checks as zod runs them: a format schema is its own first check. */
function checksOf(schema: Schemaish): AnyDef[] {
  const own = (schema._zod.def.checks as Schemaish[] | undefined) ?? [];
  const all = schema._zod.traits.has('$ZodCheck') ? [schema, ...own] : own;
  return all.map((check) => check._zod.def);
}

function lengthCheck(def: AnyDef): Check | null {
  const bound = (def.check === 'length_equals' ? def.length : def.check === 'min_length' ? def.minimum : def.maximum) as number;
  // Strings only need counting when units and code points could fall on two sides of the bound.
  switch (def.check) {
    case 'min_length':
      return (v) => {
        const units = (v as { length: number }).length;
        return units >= 2 * bound || (units >= bound && (typeof v !== 'string' || codePoints(v) >= bound));
      };
    case 'max_length':
      return (v) => (v as { length: number }).length <= bound || (typeof v === 'string' && codePoints(v) <= bound);
    case 'length_equals':
      return (v) => (typeof v === 'string' ? codePoints(v) : (v as unknown[]).length) === bound;
    default:
      return null;
  }
}

function stringCheck(def: AnyDef): Check {
  const length = lengthCheck(def);
  if (length) return length;
  if (def.when) throw new Unsupported('a conditional check');
  if (def.check === 'string_format' && PATTERN_FORMATS.has(def.format as string) && def.pattern instanceof RegExp) {
    const pattern = def.pattern;
    return (value) => {
      pattern.lastIndex = 0;
      return pattern.test(value as string);
    };
  }
  throw new Unsupported(`string check ${String(def.check)}`);
}

function numberCheck(def: AnyDef): Check {
  if (def.when) throw new Unsupported('a conditional check');
  const bound = def.value;
  switch (def.check) {
    case 'greater_than':
      if (typeof bound !== 'number') break;
      return def.inclusive ? (value) => (value as number) >= bound : (value) => (value as number) > bound;
    case 'less_than':
      if (typeof bound !== 'number') break;
      return def.inclusive ? (value) => (value as number) <= bound : (value) => (value as number) < bound;
    case 'number_format': {
      const range = NUMBER_FORMAT_RANGES[(def.format as string | undefined) ?? 'float64'];
      if (!range) break;
      const [min, max] = range;
      const integer = String(def.format).includes('int');
      return (value) => (!integer || Number.isSafeInteger(value)) && (value as number) >= min && (value as number) <= max;
    }
  }
  throw new Unsupported(`number check ${String(def.check)}`);
}

/** `first` and then every check, unrolled for the usual one or two. */
function all(first: Check, checks: Check[]): Check {
  const [a, b, ...rest] = checks;
  if (!a) return first;
  if (!b) return (v) => first(v) && a(v);
  if (rest.length === 0) return (v) => first(v) && a(v) && b(v);
  return (v) => first(v) && checks.every((check) => check(v));
}

function noChecks(schema: Schemaish): void {
  if (checksOf(schema).length > 0) throw new Unsupported(`checks on ${schema._zod.def.type}`);
}

function compile(value: unknown): Check {
  const schema = schemaOf(value);
  const def = schema._zod.def;
  if (def.coerce) throw new Unsupported('coercion');
  switch (def.type) {
    case 'string':
      return all((v) => typeof v === 'string', checksOf(schema).map(stringCheck));
    case 'number':
      return all((v) => typeof v === 'number' && Number.isFinite(v), checksOf(schema).map(numberCheck));
    case 'boolean':
      noChecks(schema);
      return (v) => typeof v === 'boolean';
    case 'null':
      noChecks(schema);
      return (v) => v === null;
    case 'unknown':
    case 'any':
      noChecks(schema);
      return () => true;
    case 'nullable': {
      noChecks(schema);
      const inner = compile(def.innerType);
      return (v) => v === null || inner(v);
    }
    case 'enum': {
      noChecks(schema);
      const entries = Object.values(def.entries as Record<string, unknown>);
      // Zod drops a numeric enum's reverse mappings; string enums are taken as they are.
      if (!entries.every((entry) => typeof entry === 'string')) throw new Unsupported('a numeric enum');
      const values = new Set<unknown>(entries);
      return (v) => values.has(v);
    }
    case 'literal': {
      noChecks(schema);
      const values = new Set(def.values as unknown[]);
      return (v) => values.has(v);
    }
    case 'array': {
      const element = compile(def.element);
      const each: Check = (v) => {
        if (!Array.isArray(v)) return false;
        for (const item of v) if (!element(item)) return false;
        return true;
      };
      return all(each, checksOf(schema).map((check) => lengthCheck(check) ?? unsupported(`array check ${String(check.check)}`)));
    }
    case 'object':
      noChecks(schema);
      return objectCheck(def);
    case 'record':
      noChecks(schema);
      return recordCheck(def);
    case 'union':
      noChecks(schema);
      return discriminatedCheck(def);
    default:
      throw new Unsupported(`type ${def.type}`);
  }
}

function unsupported(reason: string): never {
  throw new Unsupported(reason);
}

function objectCheck(def: AnyDef): Check {
  // Unknown keys: zod strips them (the default) or refuses them (strict); either way not "same JSON".
  if (def.catchall !== undefined && schemaOf(def.catchall)._zod.def.type !== 'never') throw new Unsupported('a catch-all');
  const shape = def.shape as Record<string, unknown>;
  const keys = Object.keys(shape);
  if (Object.getOwnPropertySymbols(shape).length > 0 || keys.includes('__proto__')) throw new Unsupported('special keys');
  // Every field is required (no optional type compiles), so a valid value has exactly these keys.
  const checks = keys.map((key) => compile(shape[key]));
  const count = keys.length;
  return (v) => {
    if (!isPlainObject(v)) return false;
    // Every key of the shape is own, and nothing else is enumerable: exactly the shape's keys.
    let enumerable = 0;
    for (const _ in v) enumerable++;
    if (enumerable !== count) return false;
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      if (!Object.hasOwn(v, key) || !checks[i]!(v[key])) return false;
    }
    return true;
  };
}

function recordCheck(def: AnyDef): Check {
  const keyType = schemaOf(def.keyType);
  // Enumerated keys (an enum as key type) make every key required: not compiled.
  if (keyType._zod.def.type !== 'string' || (keyType as { _zod: { values?: unknown } })._zod.values) throw new Unsupported('record keys');
  const key = compile(keyType);
  const item = compile(def.valueType);
  return (v) => {
    if (!isPlainObject(v)) return false;
    for (const k in v) {
      if (!Object.hasOwn(v, k) || k === '__proto__' || !key(k) || !item(v[k])) return false;
    }
    return true;
  };
}

function discriminatedCheck(def: AnyDef): Check {
  const discriminator = def.discriminator;
  if (typeof discriminator !== 'string' || def.unionFallback) throw new Unsupported('a plain union');
  const byTag = new Map<unknown, Check>();
  for (const option of def.options as unknown[]) {
    const shape = schemaOf(option)._zod.def.shape as Record<string, unknown> | undefined;
    const tag = schemaOf(shape?.[discriminator])._zod.def;
    if (tag.type !== 'literal') throw new Unsupported('a discriminator that is not a literal');
    const check = compile(option);
    for (const value of tag.values as unknown[]) byTag.set(value, check);
  }
  return (v) => isPlainObject(v) && (byTag.get(v[discriminator]) ?? never)(v);
}

const never: Check = () => false;

/** The schema's check, or null when it uses a feature the compiler does not know. */
function tryCompile(schema: z.ZodType): Check | null {
  try {
    return compile(schema);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

/**
 * A parser for JSON-parsed input that answers like `schema.safeParse`: a value the compiled check
 * passes is returned as it is (the caller's own object, not a copy: zod would return equal JSON);
 * anything else, and every schema with a feature the compiler does not know (refinements,
 * transforms, defaults, optional keys…), goes through zod itself, which also words the errors.
 */
export function jsonParser<S extends z.ZodType>(schema: S): (value: unknown) => z.ZodSafeParseResult<z.output<S>> {
  const check = tryCompile(schema) ?? never;
  return (value) => (check(value) ? { success: true, data: value as z.output<S> } : schema.safeParse(value));
}

/** Whether the schema compiles (the bulk paths' schemas must: a test holds them to it). */
export function compiles(schema: z.ZodType): boolean {
  return tryCompile(schema) !== null;
}
