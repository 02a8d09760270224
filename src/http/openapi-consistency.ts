import { CONSISTENCY_TOKEN_HEADER } from './read-consistency';

/**
 * X-Consistency-Token in the OpenAPI document: set and read by hooks (http/read-consistency.ts),
 * not by the routes' schemas, so declared here for every operation the hooks touch — answered
 * by a successful write, accepted by a read that may go to the replica.
 */
type Json = Record<string, unknown>;

const TOKEN_SCHEMA = { type: 'string', maxLength: 32, pattern: '^[A-Za-z0-9_-]{1,32}$' };

const RESPONSE_HEADER = {
  description:
    'A token for everything committed so far, this write included. ' +
    'Send it back as X-Consistency-Token on a later GET to read this write, even when the service reads from a replica.',
  schema: TOKEN_SCHEMA,
};

const REQUEST_HEADER = {
  name: CONSISTENCY_TOKEN_HEADER,
  in: 'header',
  required: false,
  description:
    'The X-Consistency-Token of an earlier write: the read is answered from data at least that fresh. ' +
    'Ignored without a read replica (every read is then that fresh); with one, 400 when it is not a token this service issued.',
  schema: TOKEN_SCHEMA,
};

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/**
 * Declares the token on `document`'s operations: the response header on every successful write,
 * the request header on every GET but those at `primaryReads` (OpenAPI paths of routes that
 * always read from the primary). Returns the same document, changed.
 */
export function withConsistencyTokens<T extends Json>(document: T, primaryReads: ReadonlySet<string>): T {
  const doc = document as Json & { paths?: Record<string, Record<string, Json>>; components?: Json };
  doc.components = {
    ...doc.components,
    headers: { ...((doc.components?.headers as Json | undefined) ?? {}), 'X-Consistency-Token': RESPONSE_HEADER },
  };
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      if (method === 'get' && !primaryReads.has(path)) operation.parameters = [...((operation.parameters as unknown[] | undefined) ?? []), REQUEST_HEADER];
      if (!WRITES.has(method)) continue;
      for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, Json>)) {
        if (/^2/.test(status))
          response.headers = { ...((response.headers as Json | undefined) ?? {}), 'X-Consistency-Token': { $ref: '#/components/headers/X-Consistency-Token' } };
      }
    }
  }
  return document;
}

/** The OpenAPI path of a Fastify route URL: `/v1/patients/:id` → `/v1/patients/{id}`. */
export const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
