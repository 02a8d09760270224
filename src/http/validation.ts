import type { FastifySchemaCompiler } from 'fastify';
import type { $ZodType } from 'zod/v4/core';
import { safeParse } from 'zod/v4/core';
import type { FieldError } from '../errors';
import { jsonPointer, toFieldErrors } from '../lib/field-errors';

/** A request part failed its schema; rendered as 400 with the field errors. */
export class RequestValidationError extends Error {
  constructor(
    readonly part: string,
    readonly errors: FieldError[],
  ) {
    super(`Invalid ${part}`);
  }
}

/**
 * Strings PostgreSQL cannot store: text and jsonb refuse U+0000, and a lone UTF-16 surrogate
 * is not Unicode (jsonb refuses its escape; text would silently get U+FFFD). Found by the
 * OpenAPI fuzzer as 500s ("invalid byte sequence for encoding UTF8: 0x00"); refused here for
 * every field of every request instead.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorableStrings(value: unknown, path: PropertyKey[] = [], found: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push({ path: jsonPointer(path), message: 'must not contain the NUL character (U+0000)' });
    else if (LONE_SURROGATE.test(value)) found.push({ path: jsonPointer(path), message: 'must be well-formed Unicode (no lone surrogate)' });
  } else if (Array.isArray(value)) value.forEach((item, i) => unstorableStrings(item, [...path, i], found));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) unstorableStrings(item, [...path, key], found);
  return found;
}

/** Validates with zod and keeps proper JSON pointers (the stock compiler joins paths unescaped and drops unknown keys' names). */
export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = safeParse(schema, data);
    if (!result.success) return { error: new RequestValidationError(httpPart ?? 'request', toFieldErrors(result.error.issues)) };
    const unstorable = httpPart === 'headers' ? [] : unstorableStrings(result.data);
    if (unstorable.length > 0) return { error: new RequestValidationError(httpPart ?? 'request', unstorable) };
    return { value: result.data };
  };
