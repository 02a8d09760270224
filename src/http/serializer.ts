import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';
import { $ZodType } from 'zod/v4/core';

function zodSchemaOf(schema: unknown): $ZodType {
  if (schema instanceof $ZodType) return schema;
  const properties = (schema as { properties?: unknown } | undefined)?.properties;
  if (properties instanceof $ZodType) return properties;
  throw new Error(`a response schema must be a zod schema: ${JSON.stringify(schema)}`);
}

/** PostgreSQL's order of a `jsonb` object's keys: shorter first, then byte by byte. */
const storedKeyOrder = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

function inStoredKeyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inStoredKeyOrder);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(storedKeyOrder)) out[key] = inStoredKeyOrder((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * A plan read back (`GET /v1/plans/{id}`) is sent as PostgreSQL writes it from the stored `jsonb`,
 * without parsing and serializing it again; every other body that carries a plan — the preview, the
 * created or reassessed plan, an edit, the list, the versions — names its keys in that same order, so
 * that plan content is the same text key for key however it was obtained (SPEC: same input and engine
 * version → byte-identical content). They are serialized by the schema first (the allow-list), then
 * reordered: about 70 µs on a 10 kB body.
 */
const PLAN_DEFINITIONS = ['PlanContent', 'Plan', 'PlanVersion'];
const carriesAPlan = (jsonSchema: object) =>
  PLAN_DEFINITIONS.some((name) => (jsonSchema as { definitions?: Record<string, unknown> }).definitions?.[name] !== undefined);

/**
 * Response bodies are written by a serializer compiled from each response's zod schema (through
 * its JSON Schema) by fast-json-stringify, instead of zod encoding the body and JSON.stringify
 * writing it: a plan (9 kB) costs about a third. It stays an allow-list: only properties the
 * schema declares are written (objects are closed), so an undeclared field — a patient's data —
 * can never leak. Error bodies are problem+json strings and do not pass through here.
 */
export const serializerCompiler: FastifySerializerCompiler<unknown> = ({ schema }) => {
  const zodSchema = zodSchemaOf(schema);
  let serialize = compiled.get(zodSchema);
  if (!serialize) {
    const jsonSchema = z.toJSONSchema(zodSchema, { io: 'output', target: 'draft-7', unrepresentable: 'any' });
    const bySchema = fastJsonStringify(jsonSchema as Parameters<typeof fastJsonStringify>[0]);
    serialize = carriesAPlan(jsonSchema) ? (data: unknown) => JSON.stringify(inStoredKeyOrder(JSON.parse(bySchema(data)))) : bySchema;
    compiled.set(zodSchema, serialize);
  }
  return serialize;
};

// One serializer per schema, however many routes and statuses share it (the problem schema
// is declared for every error status of every route): compiling each costs start-up time and memory.
const compiled = new WeakMap<$ZodType, (data: unknown) => string>();
