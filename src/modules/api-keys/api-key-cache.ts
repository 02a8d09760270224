import type { Principal } from '../../lib/api-key-token';

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
 * - a change of a key (revocation above all) is forgotten here as soon as it is heard of: at once
 *   when made through this instance, and through any other process when the database announces
 *   it (migration 0005: every change of an api_keys row is announced, and the service listens);
 * - a lookup that started before such a change cannot put the stale key back (each lookup
 *   carries the generation it started in);
 * - while the announcements cannot be heard (the listening connection is lost, or not yet
 *   up) nothing is taken from the cache: every request reads its key;
 * - so `ttlMs` bounds only the unforeseen (an announcement lost while the connection seemed
 *   up); memory is bounded by MAX_KEYS entries; a TTL of 0 turns the cache off.
 */
export function createApiKeyCache(ttlMs: number) {
  const entries = new Map<string, CachedKey & { expiresAt: number }>();
  let generation = 0;
  let hearing = false;

  const forgetAll = () => {
    generation += 1;
    entries.clear();
  };

  return {
    /** The cached key of this prefix, if it was checked less than `ttlMs` ago and changes are being heard. */
    get(prefix: string, now = Date.now()): CachedKey | undefined {
      if (!hearing) return undefined;
      const entry = entries.get(prefix);
      if (entry && entry.expiresAt > now) return entry;
      if (entry) entries.delete(prefix);
      return undefined;
    },

    /** Call before reading a key from the database; pass the value to `put`. */
    generation: () => generation,

    /** Remembers a key read from the database, unless a change was heard since the read began. */
    put(prefix: string, key: CachedKey, readInGeneration: number, now = Date.now()): void {
      if (ttlMs <= 0 || !hearing || readInGeneration !== generation) return;
      entries.delete(prefix);
      if (entries.size >= MAX_KEYS) entries.delete(entries.keys().next().value!);
      entries.set(prefix, { ...key, expiresAt: now + ttlMs });
    },

    /** Drops a key (it was revoked or changed): its next request is checked against the database. */
    forget(prefix: string): void {
      generation += 1;
      entries.delete(prefix);
    },

    /** Whether changes of keys made elsewhere are being heard; when they are not, the cache is emptied and unused. */
    hearing(up: boolean): void {
      if (!up) forgetAll();
      hearing = up;
    },
  };
}
