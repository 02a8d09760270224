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
    serialize = fastJsonStringify(jsonSchema as Parameters<typeof fastJsonStringify>[0]);
    compiled.set(zodSchema, serialize);
  }
  return serialize;
};

// One serializer per schema, however many routes and statuses share it (the problem schema
// is declared for every error status of every route): compiling each costs start-up time and memory.
const compiled = new WeakMap<$ZodType, (data: unknown) => string>();
