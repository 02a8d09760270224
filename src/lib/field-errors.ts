import type { $ZodIssue } from 'zod/v4/core';
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
