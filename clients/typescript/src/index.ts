import createFetchClient from 'openapi-fetch';
import { consistencyTokens } from './consistency';
import { idempotencyKeys } from './idempotency';
import { DEFAULT_RETRY, retryingFetch, type Fetch, type RetryOptions } from './retry';
import type { paths } from './schema';
import type { ManuplanClient } from './typed-client';

export { etagOf } from './etag';
export { pages, paginate, type ListItem, type ListPage, type ListPath } from './paginate';
export { ProblemError, type Problem } from './problem';
export { DEFAULT_RETRY, type Fetch, type RetryOptions } from './retry';
export type { components, operations, paths } from './schema';
export type { Answer, ManuplanClient } from './typed-client';

export interface ClientOptions {
  /** Where the API lives, without /v1: `https://manuplan.example.org`. */
  baseUrl: string;
  /** A key of the clinic (`Authorization: Bearer`); its scopes decide what the client may do. */
  apiKey: string;
  /** How network errors, 429 and 503 are retried; `{ retries: 0 }` turns retrying off. */
  retry?: Partial<RetryOptions>;
  /** The fetch underneath the retries (instrumentation, a proxy agent); the global fetch by default. */
  fetch?: Fetch;
  /**
   * Send the X-Consistency-Token of this client's latest write with its later reads, so that they
   * see that write even when the server reads from a replica. Off by default.
   */
  readYourWrites?: boolean;
}

/**
 * An openapi-fetch client typed from the Manuplan OpenAPI document, which adds an
 * Idempotency-Key to every POST and retries network errors, 429 and 503 (honouring
 * Retry-After) for the requests that are safe to repeat: idempotent methods and keyed POSTs.
 */
export function createClient(options: ClientOptions): ManuplanClient {
  // Looked up per request, so a fetch replaced after the client was made is still used.
  const fetch: Fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const client = createFetchClient<paths>({
    baseUrl: options.baseUrl,
    headers: { authorization: `Bearer ${options.apiKey}` },
    fetch: retryingFetch(fetch, { ...DEFAULT_RETRY, ...options.retry }),
  });
  client.use(idempotencyKeys);
  if (options.readYourWrites) client.use(consistencyTokens());
  // The same object, seen through stricter method types (see typed-client.ts).
  return client as unknown as ManuplanClient;
}
