import { badRequest } from '../errors';

/** Opaque page cursor: the sort key of the last row of the page, base64url-encoded JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * Decodes a cursor made by encodeCursor with `arity` parts; each part must pass its check.
 * Anything else is the client's mistake: 400 naming the `cursor` parameter.
 */
export function decodeCursor<T extends (string | number)[]>(cursor: string, checks: { [K in keyof T]: (v: unknown) => v is T[K] }): T {
  const invalid = () => badRequest('The cursor is not one this API issued.', [{ path: '/cursor', message: 'invalid cursor' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== checks.length) throw invalid();
  parsed.forEach((v, i) => {
    if (!checks[i]!(v)) throw invalid();
  });
  return parsed as T;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID_PATTERN.test(v);
// Years 0001–9999 only: PostgreSQL refuses year 0000, and a forged cursor must not reach it.
const MIN_CURSOR_MS = Date.parse('0001-01-01T00:00:00Z');
const MAX_CURSOR_MS = Date.parse('9999-12-31T23:59:59.999Z');
export const isIsoTimestamp = (v: unknown): v is string => {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(v)) return false;
  const ms = Date.parse(v);
  return ms >= MIN_CURSOR_MS && ms <= MAX_CURSOR_MS;
};
// At most what an integer column holds (versions are int4): beyond it PostgreSQL answers an error.
export const isNonNegativeInteger = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 2_147_483_647;
