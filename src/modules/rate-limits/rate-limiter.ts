import type { Tx } from '../../db/database';
import { tooManyRequests } from '../../errors';
import type { Principal } from '../../lib/api-key-token';
import { rateLimitsRepository, type Bucket } from './rate-limits.repository';

export interface RateLimitOptions {
  /** Sustained requests per minute per API key; 0 turns limiting off. */
  perMinute: number;
  /** Requests a key may make at once after a quiet spell (the bucket's size). */
  burst: number;
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** Requests an instance has already taken from a key's shared bucket and may let in itself. */
interface Lease {
  left: number;
  size: number;
  expiresAt: number;
}

/** A lease unused for this long is dropped, so an idle instance does not sit on a key's budget. */
export const LEASE_TTL_MS = 1000;
const MAX_LEASED_KEYS = 10_000;

/**
 * Per-key token bucket (GCRA) kept in PostgreSQL, so every instance behind a load balancer
 * draws on one budget. Taking from it happens inside the authentication transaction (a
 * transaction that commits without waiting for the WAL flush: a lost counter is harmless).
 *
 * On a busy key a round trip per request would be the dearest part of authentication, so an
 * instance takes a lease of several requests at once and lets them in locally: the lease
 * starts at 1 and doubles each time it is used up within LEASE_TTL_MS, up to burst/20. The
 * shared budget is never exceeded (leased requests are already counted); what a lease costs is
 * that requests leased but unused for LEASE_TTL_MS are lost to the key, at most burst/20 per
 * instance. A quiet key is charged one request at a time, exactly.
 */
export function createRateLimiter(options: RateLimitOptions) {
  const bucket: Bucket = { intervalSeconds: 60 / Math.max(1, options.perMinute), toleranceSeconds: 0 };
  bucket.toleranceSeconds = bucket.intervalSeconds * Math.max(1, options.burst);
  const maxLease = Math.max(1, Math.floor(options.burst / 20));
  const leases = new Map<string, Lease>();

  const forgetExpired = (now: number) => {
    if (leases.size < MAX_LEASED_KEYS) return;
    for (const [keyId, lease] of leases) if (lease.expiresAt <= now) leases.delete(keyId);
  };

  return {
    enabled: options.perMinute > 0,

    /** What every rate-limited response says of the key's budget (documented in the OpenAPI document). */
    headers: rateLimitHeaders(options),

    /** Lets one request of the key in from its lease, without the database; false when the lease is used up or gone. */
    admit(principal: Principal): boolean {
      const lease = leases.get(principal.keyId);
      if (!lease || lease.left <= 0 || lease.expiresAt <= Date.now()) return false;
      lease.left -= 1;
      return true;
    },

    /** Lets one request of the key in, from its lease or its shared bucket within `tx`; 429 with Retry-After when empty. */
    async charge(tx: Tx, principal: Principal): Promise<void> {
      const now = Date.now();
      const lease = leases.get(principal.keyId);
      if (lease && lease.left > 0 && lease.expiresAt > now) {
        lease.left -= 1;
        return;
      }
      const busy = lease !== undefined && lease.left === 0 && lease.expiresAt > now;
      const size = busy ? Math.min(maxLease, lease.size * 2) : 1;
      const { granted, waitSeconds } = await rateLimitsRepository.take(tx, principal.clinicId, principal.keyId, size, bucket);
      if (granted === 0) {
        leases.delete(principal.keyId);
        const retryAfter = Math.max(1, Math.ceil(waitSeconds));
        throw tooManyRequests(
          `This API key may make ${options.perMinute} requests per minute, in bursts of up to ${options.burst}. Retry after ${retryAfter} s.`,
          retryAfter,
        );
      }
      forgetExpired(now);
      // Concurrent renewals of one key each add their grant rather than overwrite one another.
      const current = leases.get(principal.keyId);
      const carried = current && current.expiresAt > now ? current.left : 0;
      leases.set(principal.keyId, { left: carried + granted - 1, size, expiresAt: now + LEASE_TTL_MS });
    },
  };
}

/**
 * The policy as response headers: `RateLimit-Policy: <burst>;w=<seconds>` (IETF
 * draft-ietf-httpapi-ratelimit-headers: at most `burst` requests at once, the bucket refilled in
 * w seconds at the sustained rate) and `X-RateLimit-Limit: <burst>` for clients that read only
 * that. Fixed for a configuration, so they cost no database round trip.
 */
export function rateLimitHeaders(options: RateLimitOptions): Record<string, string> {
  const windowSeconds = Math.max(1, Math.ceil((options.burst * 60) / Math.max(1, options.perMinute)));
  return { 'ratelimit-policy': `${options.burst};w=${windowSeconds}`, 'x-ratelimit-limit': String(options.burst) };
}
