import { createHmac, hkdfSync } from 'node:crypto';

/** JSON with object keys sorted at every depth: equal values give equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const DIGEST_INFO = 'manuplan idempotency digest v1';

/**
 * The HMAC key for what an idempotency record stores in the clear (the key's digest and the
 * request's fingerprint), derived from the client's Idempotency-Key and the clinic (HKDF).
 * A plain SHA-256 of a request body lets anyone who can read the table confirm a guess of
 * what a request held ("was this Ada Lovelace, born 1980-02-01?"), and ties equal keys of
 * different clinics together; keyed with what only the client holds, neither is possible.
 */
export function idempotencyMacKey(idempotencyKey: string, clinicId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', idempotencyKey, clinicId, DIGEST_INFO, 32));
}

/** HMAC over method, path and canonical body: "the same request" for Idempotency-Key purposes. */
export function requestFingerprint(idempotencyKey: string, clinicId: string, method: string, path: string, body: unknown): string {
  return createHmac('sha256', idempotencyMacKey(idempotencyKey, clinicId))
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}
