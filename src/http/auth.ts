import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../errors';
import { costLedger } from '../lib/cost-ledger';
import { scopeGrants, tokenPrefix, type Scope } from '../lib/api-key-token';
import type { ApiKeysService, Principal } from '../modules/api-keys/api-keys.service';
import type { AuthThrottle } from '../modules/auth-throttle/auth-throttle';
import type { RateLimiter } from '../modules/rate-limits/rate-limiter';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a route needs; routes without one are public (health, documentation). */
    scope?: Scope;
  }
  interface FastifyRequest {
    principal?: Principal;
    /** Refused (429) for too many failed authentications from its address or for its key prefix. */
    authThrottled?: boolean;
  }
}

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Authenticates every route that declares a scope, before its body is even read, and charges
 * the key's rate limit in the same transaction (429 before any work). Failed authentications
 * are throttled per client address and key prefix (modules/auth-throttle): 429 once over.
 */
export function registerAuthentication(app: FastifyInstance, apiKeys: ApiKeysService, rateLimiter?: RateLimiter, throttle?: AuthThrottle): void {
  const admission = rateLimiter?.enabled ? rateLimiter : undefined;
  const failures = throttle?.enabled ? throttle : undefined;
  app.decorateRequest('principal', undefined);
  app.decorateRequest('authThrottled', false);
  const limitHeaders = admission?.headers;
  app.addHook('onRequest', async (request, reply) => {
    const scope = request.routeOptions.config.scope;
    if (!scope) return;
    costLedger?.stage('auth');
    if (limitHeaders) reply.headers(limitHeaders);
    const header = request.headers.authorization;
    if (!header) throw unauthorized('Send the API key as "Authorization: Bearer <api key>".');
    const token = BEARER.exec(header)?.[1];
    const prefix = token ? tokenPrefix(token) : null;
    try {
      failures?.check(request.ip, prefix, token !== undefined && apiKeys.verifiesLocally(token));
    } catch (err) {
      request.authThrottled = true;
      throw err;
    }
    if (!token) {
      failures?.failedLocally(request.ip, null);
      throw unauthorized('The Authorization header must be "Bearer <api key>".');
    }
    const refused = unauthorized('The API key is unknown or revoked.');
    // Malformed, or a prefix that matched no key a moment ago: no lookup, and the failure is counted in the background.
    if (!prefix || failures?.isUnknownPrefix(prefix)) {
      failures?.failedLocally(request.ip, prefix);
      throw refused;
    }
    const found = await apiKeys.identify(token, admission);
    if (typeof found === 'string') {
      if (found === 'unknown') failures?.noteUnknownPrefix(prefix);
      const answer = failures ? await failures.failed(request.ip, prefix, refused) : refused;
      request.authThrottled = answer.status === 429;
      throw answer;
    }
    request.principal = found;
    if (!scopeGrants(found.scopes, scope)) throw forbidden(`This operation needs an API key with the "${scope}" scope.`);
  });
}

/** The authenticated caller of a route that declared a scope. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error(`route ${request.routeOptions.url} has no scope but needs a principal`);
  return request.principal;
}
