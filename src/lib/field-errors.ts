import type { $ZodIssue } from 'zod/v4/core';
import type { FieldError } from '../errors';

/** RFC 6901 JSON pointer for a path of keys and indexes. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Zod issues → one FieldError per bad field; each unknown key gets its own pointer. */
export function toFieldErrors(issues: readonly $ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ path: jsonPointer([...issue.path, key]), message: `Unknown field "${key}" is not allowed` }));
    // A value of one alternative's type (an object where a text or an object is allowed) is judged by that
    // alternative, so the error names its bad field ("/adverseEvents/0/severity"), not the whole value.
    if (issue.code === 'invalid_union') {
      const ofItsType = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (ofItsType.length === 1) return toFieldErrors((ofItsType[0] as $ZodIssue[]).map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
    }
    return [{ path: jsonPointer(issue.path), message: issue.message }];
  });
}
