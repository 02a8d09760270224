/**
 * What the OpenAPI document states beyond the routes' zod schemas, for clients and for the OWASP
 * API security lint (`npm run lint:openapi`, .spectral.yaml): how integers are sized, and the
 * headers every answer of an authenticated operation carries. Each statement here is true of the
 * service: the headers are set by http/auth.ts (rate limit) and the problem renderer (Retry-After).
 */
type Json = Record<string, unknown>;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export const RESPONSE_HEADERS = {
  'RateLimit-Policy': {
    description:
      "The API key's rate limit as `<burst>;w=<seconds>` (IETF draft-ietf-httpapi-ratelimit-headers): at most <burst> requests at once, " +
      'the budget refilled over w seconds at the sustained rate. Sent while rate limiting is on, on every answer of an authenticated ' +
      'operation (not on a request refused before it reached one, such as a malformed URL).',
    schema: { type: 'string', maxLength: 64, pattern: '^[0-9]{1,10};w=[0-9]{1,10}$' },
  },
  'X-RateLimit-Limit': {
    description: 'The burst of the RateLimit-Policy: requests the API key may make at once. Sent with it.',
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 1_000_000 },
  },
  'Retry-After': {
    description: 'Seconds to wait before trying again.',
    required: true,
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 86_400 },
  },
} as const;

/** `format: int32` or `int64` on every integer schema, from its bounds (zod always states them). */
function sizeIntegers(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(sizeIntegers);
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (types.includes('integer') && schema.format === undefined) {
    const min = typeof schema.minimum === 'number' ? schema.minimum : -Infinity;
    const max = typeof schema.maximum === 'number' ? schema.maximum : Infinity;
    schema.format = min >= INT32_MIN && max <= INT32_MAX ? 'int32' : 'int64';
  }
  Object.values(schema).forEach(sizeIntegers);
}

const ref = (name: keyof typeof RESPONSE_HEADERS) => ({ $ref: `#/components/headers/${name}` });

/** Documents the integers' sizes and the answers' headers; returns the same document, changed. */
export function withSecurityDocumentation<T extends Json>(document: T): T {
  const doc = document as Json & { paths?: Record<string, Record<string, Json>>; components?: Json; security?: unknown[] };
  sizeIntegers(doc.paths);
  sizeIntegers(doc.components);
  doc.components = { ...doc.components, headers: { ...((doc.components?.headers as Json | undefined) ?? {}), ...RESPONSE_HEADERS } };
  for (const operations of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      const security = (operation.security ?? doc.security ?? []) as unknown[];
      const authenticated = security.length > 0;
      for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, Json>)) {
        const headers = { ...((response.headers as Json | undefined) ?? {}) };
        if (authenticated && /^[24]/.test(status))
          Object.assign(headers, { 'RateLimit-Policy': ref('RateLimit-Policy'), 'X-RateLimit-Limit': ref('X-RateLimit-Limit') });
        if (status === '429' || status === '503') headers['Retry-After'] = ref('Retry-After');
        if (Object.keys(headers).length > 0) response.headers = headers;
      }
    }
  }
  return document;
}
