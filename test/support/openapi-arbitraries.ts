import fc from 'fast-check';

/** The parts of a JSON Schema (2020-12, as OpenAPI 3.1 embeds it) this generator reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
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
  default?: unknown;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

export interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  operationId: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }>; headers?: Record<string, unknown> }>;
}

/** Values a well-behaved client could send: every one valid against `schema` (not against refinements JSON Schema cannot state). */
export function validValue(doc: OpenApiDocument, schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => validValue(doc, b, depth + 1)));
  if (s.allOf) return validValue(doc, Object.assign({}, ...s.allOf.map((b) => resolve(doc, b))), depth);
  const types = ([] as string[]).concat(s.type ?? guessType(s));
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue(doc, { ...s, type }, depth)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : (s.minimum ?? -1000);
      const max = s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : (s.maximum ?? 1000);
      return fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) });
    }
    case 'number': {
      const min = s.minimum ?? s.exclusiveMinimum ?? -1000;
      const max = s.maximum ?? s.exclusiveMaximum ?? 1000;
      return fc
        .double({
          min,
          max,
          noNaN: true,
          noDefaultInfinity: true,
          minExcluded: s.exclusiveMinimum !== undefined,
          maxExcluded: s.exclusiveMaximum !== undefined,
        })
        .map((n) => (Object.is(n, -0) ? 0 : n));
    }
    case 'string':
      return validString(s);
    case 'array': {
      const minLength = s.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(s.maxItems ?? 4, depth > 2 ? minLength : 4));
      return fc.array(validValue(doc, s.items ?? {}, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      const properties = s.properties ?? {};
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, child] of Object.entries(properties)) record[name] = validValue(doc, child, depth + 1);
      return fc.record(record, { requiredKeys: (s.required ?? []).filter((k) => k in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function guessType(s: JsonSchema): string {
  if (s.properties) return 'object';
  if (s.items) return 'array';
  return 'any';
}

const isoDate = (min: Date, max: Date) => fc.date({ min, max, noInvalidDate: true });

function validString(s: JsonSchema): fc.Arbitrary<string> {
  const minLength = s.minLength ?? 0;
  const maxLength = s.maxLength ?? 200;
  let arb: fc.Arbitrary<string>;
  if (s.format === 'uuid') arb = fc.uuid();
  else if (s.format === 'date-time') arb = isoDate(new Date('1990-01-01'), new Date('2035-12-31')).map((d) => d.toISOString());
  else if (s.format === 'date') arb = isoDate(new Date('1901-01-01'), new Date()).map((d) => d.toISOString().slice(0, 10));
  else if (s.pattern) arb = fc.stringMatching(new RegExp(s.pattern));
  else arb = fc.string({ minLength, maxLength: Math.min(maxLength, 60), unit: 'grapheme' });
  return arb.filter(
    (v) =>
      v.length >= minLength &&
      v.length <= maxLength &&
      (!s.pattern || new RegExp(s.pattern).test(v)) &&
      (s.format !== undefined || v.trim().length >= Math.min(1, minLength)),
  );
}

export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let i = 0; s.$ref && i < 20; i++) {
    const { $ref, ...rest } = s;
    const name = $ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`unresolved $ref ${$ref}`);
    s = { ...target, ...rest };
  }
  return s;
}

/** Anything at all that JSON can carry, including the shapes parsers and validators trip on. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'before\u0000after',
    '\ud800',
    'a\udc00b',
    '\u202e',
    '💥'.repeat(50),
    "'; drop table patients; --",
    '${jndi:ldap://x}',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    -0,
    1e308,
    -1e308,
    2 ** 53 + 1,
    0.1,
    -1,
    true,
    null,
    [],
    {},
    { $ne: null },
    'x'.repeat(5000),
  ),
);

/** A path into `value` (keys and indexes) chosen by `pick`, for mutating one spot. */
export function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

/** A copy of `value` with `replace` applied at `path` (undefined deletes the key). */
export function mutateAt(value: unknown, path: (string | number)[], replace: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replace(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = mutateAt(copy[head as number], rest, replace);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  const next = mutateAt(copy[head as string], rest, replace);
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

/** Ways to break a valid body, each a function of (valid value, a path into it, a hostile value). */
export const BODY_MUTATIONS: Record<string, (valid: unknown, path: (string | number)[], junk: unknown) => unknown> = {
  wrongValue: (valid, path, junk) => mutateAt(valid, path, () => junk),
  removeField: (valid, path) => (path.length ? mutateAt(valid, path, () => undefined) : {}),
  unknownField: (valid, path, junk) =>
    mutateAt(valid, path, (old) => (old && typeof old === 'object' && !Array.isArray(old) ? { ...old, unexpectedField: junk } : { unexpectedField: junk })),
  hugeString: (valid, path) => mutateAt(valid, path, () => 'A'.repeat(20_000)),
  hugeArray: (valid, path) => mutateAt(valid, path, () => Array.from({ length: 2000 }, (_, i) => i)),
  deepNesting: (valid, path) => mutateAt(valid, path, () => JSON.parse('['.repeat(500) + ']'.repeat(500))),
  outOfRange: (valid, path) => mutateAt(valid, path, (old) => (typeof old === 'number' ? old + 1e6 : typeof old === 'string' ? old + '\u0000' : -1)),
  wholeBodyJunk: (_valid, _path, junk) => junk,
};
