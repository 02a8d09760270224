import type { Middleware } from 'openapi-fetch';

/**
 * Gives every POST an Idempotency-Key unless the caller chose one. It runs once per call, before
 * the retrying fetch, so every retry of that call carries the same key: the server then does the
 * work at most once and replays its first answer to the retries (SPEC §1).
 */
export const idempotencyKeys: Middleware = {
  onRequest({ request }) {
    if (request.method === 'POST' && !request.headers.has('idempotency-key')) {
      request.headers.set('idempotency-key', globalThis.crypto.randomUUID());
    }
    return request;
  },
};
