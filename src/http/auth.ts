import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../errors';
import { scopeGrants, type Scope } from '../lib/api-key-token';
import type { ApiKeysService, Principal } from '../modules/api-keys/api-keys.service';
import type { RateLimiter } from '../modules/rate-limits/rate-limiter';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a route needs; routes without one are public (health, documentation). */
    scope?: Scope;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Authenticates every route that declares a scope, before its body is even read, and charges
 * the key's rate limit in the same transaction (429 before any work).
 */
export function registerAuthentication(app: FastifyInstance, apiKeys: ApiKeysService, rateLimiter?: RateLimiter): void {
  const admission = rateLimiter?.enabled ? rateLimiter : undefined;
  app.decorateRequest('principal', undefined);
  const limitHeaders = admission?.headers;
  app.addHook('onRequest', async (request, reply) => {
    const scope = request.routeOptions.config.scope;
    if (!scope) return;
    if (limitHeaders) reply.headers(limitHeaders);
    const header = request.headers.authorization;
    if (!header) throw unauthorized('Send the API key as "Authorization: Bearer <api key>".');
    const token = BEARER.exec(header)?.[1];
    if (!token) throw unauthorized('The Authorization header must be "Bearer <api key>".');
    const principal = await apiKeys.authenticate(token, admission);
    if (!principal) throw unauthorized('The API key is unknown or revoked.');
    request.principal = principal;
    if (!scopeGrants(principal.scopes, scope)) throw forbidden(`This operation needs an API key with the "${scope}" scope.`);
  });
}

/** The authenticated caller of a route that declared a scope. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error(`route ${request.routeOptions.url} has no scope but needs a principal`);
  return request.principal;
}
