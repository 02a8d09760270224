import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, unauthorized, type ProblemError } from '../errors';
import { costLedger } from '../lib/cost-ledger';
import { scopeGrants, tokenPrefix, type Principal, type Scope } from '../lib/api-key-token';

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

// Made only when a key is refused: an error captures its stack when it is made, which cost 2 % of
// the server's CPU under GET /v1/plans/{id} when every request made one up front.
const refusedKey = () => unauthorized('The API key is unknown or revoked.');

/**
 * What authentication asks of the services: the API keys (modules/api-keys), with the per-key
 * rate limit (modules/rate-limits) charged by the lookup, and the failure throttle
 * (modules/auth-throttle). The composition root (src/routes.ts) passes them in.
 */
export interface Authentication {
  /** Whether this instance can check the token's secret without the database (it is in the key cache). */
  verifiesLocally(token: string): boolean;
  /** The principal behind a token, its rate limit charged; `unknown` when no key has its prefix, `refused` otherwise. */
  identify(token: string): Promise<Principal | 'unknown' | 'refused'>;
  /** What every answer of a scoped route says of the rate limit; absent when rate limiting is off. */
  limitHeaders?: Record<string, string>;
  throttle: FailureThrottle;
}

/** Failed authentications counted per client address and key prefix (modules/auth-throttle). */
export interface FailureThrottle {
  enabled: boolean;
  /** Throws 429 when the address, or the prefix of a key not verifiable locally, is blocked. */
  check(address: string, prefix: string | null, verifiableLocally: boolean): void;
  isUnknownPrefix(prefix: string): boolean;
  noteUnknownPrefix(prefix: string): void;
  /** Charges a failure that cost a lookup; the error to answer with (429 once over budget, else `otherwise`). */
  failed(address: string, prefix: string | null, otherwise: ProblemError): Promise<ProblemError>;
  /** Charges a failure answered without the database. */
  failedLocally(address: string, prefix: string | null): void;
  /** Charges what is pending; the app is closing. */
  close(): Promise<void>;
}

/**
 * Authenticates every route that declares a scope, before its body is even read, and charges
 * the key's rate limit in the same transaction (429 before any work). Failed authentications
 * are throttled per client address and key prefix (modules/auth-throttle): 429 once over.
 */
export function registerAuthentication(app: FastifyInstance, authentication: Authentication): void {
  const { limitHeaders, throttle } = authentication;
  const failures = throttle.enabled ? throttle : undefined;
  app.decorateRequest('principal', undefined);
  app.decorateRequest('authThrottled', false);
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
      failures?.check(request.ip, prefix, token !== undefined && authentication.verifiesLocally(token));
    } catch (err) {
      request.authThrottled = true;
      throw err;
    }
    if (!token) {
      failures?.failedLocally(request.ip, null);
      throw unauthorized('The Authorization header must be "Bearer <api key>".');
    }
    // Malformed, or a prefix that matched no key a moment ago: no lookup, and the failure is counted in the background.
    if (!prefix || failures?.isUnknownPrefix(prefix)) {
      failures?.failedLocally(request.ip, prefix);
      throw refusedKey();
    }
    const found = await authentication.identify(token);
    if (typeof found === 'string') {
      if (found === 'unknown') failures?.noteUnknownPrefix(prefix);
      const answer = failures ? await failures.failed(request.ip, prefix, refusedKey()) : refusedKey();
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
