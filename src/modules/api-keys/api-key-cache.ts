import type { Principal } from './api-keys.service';

/** A key this instance has checked recently: who it is, and the hash a presented secret must match. */
export interface CachedKey {
  principal: Principal;
  secretHash: string;
}

/** Keys remembered at once; beyond it the oldest entry makes room (a hit costs nothing, a miss a round trip). */
const MAX_KEYS = 10_000;

export type ApiKeyCache = ReturnType<typeof createApiKeyCache>;

/**
 * The API keys this instance authenticated in the last `ttlMs`, so that a busy key costs no
 * database round trip per request. Bounds on what it can get wrong:
 * - a revocation made through this instance (HTTP or CLI in this process) takes effect at once:
 *   `forget` drops the key, and a lookup that started before the revocation cannot put the
 *   stale key back (each lookup carries the generation it started in);
 * - a revocation made through another instance takes effect here within `ttlMs`;
 * - memory is bounded by MAX_KEYS entries; a TTL of 0 turns the cache off.
 */
export function createApiKeyCache(ttlMs: number) {
  const entries = new Map<string, CachedKey & { expiresAt: number }>();
  let generation = 0;
  return {
    /** The cached key of this prefix, if it was checked less than `ttlMs` ago. */
    get(prefix: string, now = Date.now()): CachedKey | undefined {
      const entry = entries.get(prefix);
      if (entry && entry.expiresAt > now) return entry;
      if (entry) entries.delete(prefix);
      return undefined;
    },

    /** Call before reading a key from the database; pass the value to `put`. */
    generation: () => generation,

    /** Remembers a key read from the database, unless a revocation happened since the read began. */
    put(prefix: string, key: CachedKey, readInGeneration: number, now = Date.now()): void {
      if (ttlMs <= 0 || readInGeneration !== generation) return;
      entries.delete(prefix);
      if (entries.size >= MAX_KEYS) entries.delete(entries.keys().next().value!);
      entries.set(prefix, { ...key, expiresAt: now + ttlMs });
    },

    /** Drops a key (it was revoked): its next request is checked against the database. */
    forget(prefix: string): void {
      generation += 1;
      entries.delete(prefix);
    },

    size: () => entries.size,
  };
}
