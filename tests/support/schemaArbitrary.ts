import fc from 'fast-check';
import { z } from 'zod';

// Random inputs for a procedure, derived from its zod schema: zod 4 writes the schema as JSON
// Schema (z.toJSONSchema), and this small converter turns the part of JSON Schema our procedures
// use into fast-check arbitraries. Refinements do not survive the conversion (zod keeps them as
// code), so some "valid" samples are still refused by the schema: that is fine for a fuzzer, the
// refusal path is what it is after. Plus mutations of a valid sample, each one hostile in its own way.

/** The part of JSON Schema (draft 2020-12) that zod 4 emits for our inputs. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

export interface ArbitraryOptions {
  /** Strings worth trying where any string goes: ids that exist in the test plant. */
  hints?: readonly string[];
  /** Generated strings and arrays stay this short (the limits themselves are probed by mutation). */
  maxSize?: number;
}

/** The JSON Schema of what a caller sends (the input side: defaults make fields optional). */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

export function arbitraryFromSchema(root: JsonSchema, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const maxSize = options.maxSize ?? 8;
  const hints = options.hints ?? [];

  const resolve = (ref: string): JsonSchema => {
    const name = /^#\/\$defs\/(.+)$/.exec(ref)?.[1];
    const target = name === undefined ? (ref === '#' ? root : undefined) : root.$defs?.[name];
    if (!target) throw new Error(`schemaArbitrary: cannot resolve ${ref}`);
    return target;
  };

  const stringOf = (schema: JsonSchema): fc.Arbitrary<string> => {
    const minLength = schema.minLength ?? 0;
    const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? maxSize * 4, minLength + maxSize * 4));
    if (schema.format === 'uuid') return fc.uuid();
    if (schema.pattern !== undefined) {
      const pattern = new RegExp(schema.pattern);
      return fc
        .stringMatching(pattern, { size: 'xsmall' })
        .filter((value) => value.length >= minLength && value.length <= (schema.maxLength ?? Infinity));
    }
    const free = fc.string({ minLength, maxLength, unit: 'grapheme' });
    const fitting = hints.filter((hint) => hint.length >= minLength && hint.length <= maxLength);
    return fitting.length > 0 ? fc.oneof(fc.constantFrom(...fitting), free) : free;
  };

  const numberOf = (schema: JsonSchema, integer: boolean): fc.Arbitrary<number> => {
    const low = schema.minimum ?? (schema.exclusiveMinimum ?? Number.NaN) + (integer ? 1 : 0);
    const high = schema.maximum ?? (schema.exclusiveMaximum ?? Number.NaN) - (integer ? 1 : 0);
    const min = Number.isFinite(low) ? low : -1e9;
    const max = Number.isFinite(high) ? high : 1e9;
    if (integer) {
      const safe = (n: number) => Math.max(Number.MIN_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, n));
      return fc.oneof(
        fc.integer({ min: Math.ceil(safe(min)), max: Math.floor(safe(max)) }),
        // Small values near the lower bound: where most meaningful counts and minutes lie.
        fc.integer({ min: Math.ceil(safe(min)), max: Math.floor(safe(Math.min(max, min + 100))) }),
      );
    }
    return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  };

  const objectOf = (schema: JsonSchema): fc.Arbitrary<unknown> => {
    const properties = schema.properties ?? {};
    const keys = Object.keys(properties);
    if (keys.length === 0 && typeof schema.additionalProperties === 'object') {
      const keyArbitrary = schema.propertyNames
        ? stringOf(schema.propertyNames)
        : fc.string({ maxLength: 8 });
      return fc.dictionary(keyArbitrary, of(schema.additionalProperties), { maxKeys: maxSize / 2 });
    }
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const key of keys) record[key] = of(properties[key]!);
    const required = (schema.required ?? []).filter((key) => keys.includes(key));
    return fc.record(record, { requiredKeys: required });
  };

  const of = (schema: JsonSchema): fc.Arbitrary<unknown> => {
    if (schema.$ref !== undefined) return fc.constant(null).chain(() => of(resolve(schema.$ref!)));
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const choices = schema.anyOf ?? schema.oneOf;
    if (choices) return fc.oneof(...choices.map(of));
    if (schema.allOf && schema.allOf.length > 0) return of(Object.assign({}, ...schema.allOf));
    const type = Array.isArray(schema.type) ? undefined : schema.type;
    if (Array.isArray(schema.type))
      return fc.oneof(...schema.type.map((one) => of({ ...schema, type: one })));
    switch (type) {
      case 'string':
        return stringOf(schema);
      case 'integer':
        return numberOf(schema, true);
      case 'number':
        return numberOf(schema, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map(of));
        const minLength = schema.minItems ?? 0;
        const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? maxSize, minLength + maxSize));
        return fc.array(schema.items ? of(schema.items) : fc.jsonValue(), { minLength, maxLength });
      }
      case 'object':
        return objectOf(schema);
      default:
        // Unrepresentable in JSON Schema (a transform, a custom check): anything at all.
        return fc.jsonValue({ maxDepth: 2 });
    }
  };

  return of(root);
}

/** Far over every maxLength of the API (the largest, a notice file, allows 2,000,000 characters). */
const HUGE_STRING = 'x'.repeat(2_100_000);
const HUGE_ARRAY_LENGTH = 100_000;

/** Keys that poison a prototype when code copies objects carelessly. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

export type Mutation =
  | 'wrongType'
  | 'missingField'
  | 'extraField'
  | 'hugeString'
  | 'hugeArray'
  | 'prototypeKey'
  | 'notAnObject';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside a JSON value (the root is []). */
function pathsOf(value: unknown, path: (string | number)[] = [], into: (string | number)[][] = []) {
  into.push(path);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) pathsOf(item, [...path, index], into);
  } else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], into);
  return into;
}

function setAt(
  value: unknown,
  path: readonly (string | number)[],
  replacement: (old: unknown) => unknown,
): unknown {
  if (path.length === 0) return replacement(value);
  const [head, ...rest] = path;
  if (Array.isArray(value))
    return value.map((item, index) => (index === head ? setAt(item, rest, replacement) : item));
  const object = value as Record<string, unknown>;
  return { ...object, [head!]: setAt(object[head!], rest, replacement) };
}

/** A value of another JSON type than `old` (a string becomes a number, and so on). */
function otherType(old: unknown, pick: number): unknown {
  const candidates: unknown[] = [
    42,
    -1.5,
    'x',
    true,
    null,
    [],
    {},
    [1, 'a'],
    { nested: { deeper: 1 } },
    1e308,
  ];
  const differing = candidates.filter((candidate) => typeOfJson(candidate) !== typeOfJson(old));
  return differing[pick % differing.length];
}

const typeOfJson = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/**
 * A hostile variant of a valid sample. The result is what a transport would deliver after
 * JSON.parse: prototype keys are own properties, as JSON.parse makes them.
 */
export function mutate(sample: unknown, mutation: Mutation, pick: number): unknown {
  const paths = pathsOf(sample);
  const at = paths[pick % paths.length]!;
  const objectPaths = paths.filter((path) => typeOfJson(valueAt(sample, path)) === 'object');
  const objectAt = objectPaths[pick % Math.max(1, objectPaths.length)] ?? [];
  switch (mutation) {
    case 'wrongType':
      return setAt(sample, at, (old) => otherType(old, pick));
    case 'missingField':
      return setAt(sample, objectAt, (old) => {
        const keys = Object.keys((old as Record<string, unknown>) ?? {});
        if (keys.length === 0) return old;
        const { [keys[pick % keys.length]!]: _dropped, ...rest } = old as Record<string, unknown>;
        return rest;
      });
    case 'extraField':
      return setAt(sample, objectAt, (old) => ({ ...(old as object), unexpectedField: 'surprise' }));
    case 'hugeString':
      return setAt(sample, at, () => HUGE_STRING);
    case 'hugeArray':
      return setAt(sample, at, () => new Array(HUGE_ARRAY_LENGTH).fill('x'));
    case 'prototypeKey': {
      const key = PROTOTYPE_KEYS[pick % PROTOTYPE_KEYS.length]!;
      const poison = `{"${key}":{"polluted":true,"isAdmin":true}}`;
      return setAt(sample, objectAt, (old) => ({
        ...(old !== null && typeof old === 'object' ? (old as object) : {}),
        ...(JSON.parse(poison) as Record<string, Json>),
      }));
    }
    case 'notAnObject':
      return [null, 42, 'x', [], true, [sample]][pick % 6];
  }
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) current = (current as Record<string | number, unknown>)?.[key];
  return current;
}

export const MUTATIONS: readonly Mutation[] = [
  'wrongType',
  'missingField',
  'extraField',
  'hugeString',
  'hugeArray',
  'prototypeKey',
  'notAnObject',
];

/**
 * A valid-looking sample, or one of its hostile mutations, with a label for failure messages.
 * `examples` are inputs known to be valid (refinements included): they and their mutations reach
 * the handler where random samples rarely pass a refinement.
 */
export function fuzzInput(
  root: JsonSchema,
  options: ArbitraryOptions & { examples?: readonly unknown[] } = {},
) {
  const generated = arbitraryFromSchema(root, options);
  const examples = options.examples ?? [];
  const sample = examples.length > 0 ? fc.oneof(fc.constantFrom(...examples), generated) : generated;
  return fc.oneof(
    { weight: 2, arbitrary: sample.map((input) => ({ kind: 'sample' as const, input })) },
    {
      weight: 5,
      arbitrary: fc
        .tuple(sample, fc.constantFrom(...MUTATIONS), fc.nat({ max: 1000 }))
        .map(([input, mutation, pick]) => ({ kind: mutation, input: mutate(input, mutation, pick) })),
    },
  );
}
