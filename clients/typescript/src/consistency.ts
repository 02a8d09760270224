import type { Middleware } from 'openapi-fetch';

const HEADER = 'x-consistency-token';
const READS = new Set(['GET', 'HEAD']);

/**
 * Read-your-writes with a server that reads from a replica: remembers the X-Consistency-Token of
 * the latest write's answer and sends it with every later read, so a read never sees data older
 * than the caller's own writes. A token the caller passes to a call is left alone.
 */
export function consistencyTokens(): Middleware {
  let last: string | undefined;
  return {
    onRequest({ request }) {
      if (last !== undefined && READS.has(request.method) && !request.headers.has(HEADER)) request.headers.set(HEADER, last);
      return request;
    },
    onResponse({ request, response }) {
      const token = response.headers.get(HEADER);
      if (token && !READS.has(request.method)) last = token;
      return response;
    },
  };
}
