import type { FastifySchemaCompiler } from 'fastify';
import type { $ZodIssue, $ZodType } from 'zod/v4/core';
import { safeParse } from 'zod/v4/core';
import type { FieldError } from '../errors';

/** RFC 6901 JSON pointer for a path of keys and indexes. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Zod issues → one FieldError per bad field; each unknown key gets its own pointer. */
export function toFieldErrors(issues: readonly $ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: jsonPointer([...issue.path, key]), message: `Unknown field "${key}" is not allowed` }))
      : [{ path: jsonPointer(issue.path), message: issue.message }],
  );
}

/** A request part failed its schema; rendered as 400 with the field errors. */
export class RequestValidationError extends Error {
  constructor(
    readonly part: string,
    readonly errors: FieldError[],
  ) {
    super(`Invalid ${part}`);
  }
}

/** Validates with zod and keeps proper JSON pointers (the stock compiler joins paths unescaped and drops unknown keys' names). */
export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = safeParse(schema, data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(httpPart ?? 'request', toFieldErrors(result.error.issues)) };
  };
