import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../../db/database';
import { tooManyRequests, type ProblemError } from '../../errors';
import { authFailuresRepository, type FailureBucket } from './auth-failures.repository';

export interface AuthThrottleOptions {
  /** Failed authentications per minute a client address, or a key prefix, may sustain; 0 turns throttling off. */
  failuresPerMinute: number;
  /** Failures allowed at once after a quiet spell. */
  failureBurst: number;
  /** How long a prefix found in no key is answered 401 without asking the database again. */
  unknownPrefixTtlMs: number;
}

export type AuthThrottle = ReturnType<typeof createAuthThrottle>;

/** Entries each in-process map may hold; beyond it the oldest makes room. */
const MAX_ENTRIES = 10_000;
/** Failures seen without a database round trip are charged to the shared counters in batches this often. */
const FLUSH_MS = 250;

/** A Map used as a bounded, insertion-ordered cache. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!);
  map.set(key, value);
}

const subjectOf = (kind: 'address' | 'prefix', value: string) => createHash('sha256').update(`${kind}:${value}`).digest('hex');

/**
 * Throttles failed authentication per client address and per key prefix.
 *
 * The counters are shared by every instance (auth_failures, GCRA like the per-key rate limit):
 * each failure that cost a key lookup is charged at once, in one statement for both subjects,
 * and the answer is 429 instead of 401 once either is over its budget. What this instance
 * keeps in memory is only an optimisation, bounded by MAX_ENTRIES each:
 * - which subjects the shared counters said are blocked, and until when: their requests are
 *   answered 429 with no database round trip (another instance learns of a block on its own
 *   first failure from that subject);
 * - prefixes that matched no key lately (a negative cache): answered 401 without a lookup, and
 *   their failures charged to the shared counters in the background, batched per subject, so
 *   a flood of one made-up key costs a few statements a second, not one per request. A new
 *   key's prefix is 12 random characters (36^12): that it was cached as unknown minutes
 *   before it was issued is not a case worth a notification, the TTL bounds it.
 * A prefix is blocked only for requests whose key this instance cannot verify without the
 * database: a holder of the right secret whose key is in the key cache is still served, so
 * someone who learned a key's (non-secret) prefix cannot lock its holder out for long.
 */
export function createAuthThrottle({ database, logger, options }: { database: Database; logger: Logger; options: AuthThrottleOptions }) {
  const enabled = options.failuresPerMinute > 0;
  const intervalSeconds = 60 / Math.max(1, options.failuresPerMinute);
  const bucket: FailureBucket = { intervalSeconds, toleranceSeconds: intervalSeconds * Math.max(1, options.failureBurst) };
  const blockedUntil = new Map<string, number>();
  const unknownPrefixes = new Map<string, number>();
  let pending = new Map<string, number>();
  let flushTimer: NodeJS.Timeout | undefined;

  const blockOf = (subject: string, now: number): number | undefined => {
    const until = blockedUntil.get(subject);
    if (until === undefined) return undefined;
    if (until > now) return until;
    blockedUntil.delete(subject);
    return undefined;
  };

  /**
   * Notes the subjects whose next failure would be over budget as blocked until their bucket has
   * room again (a request of theirs would only be refused and extend the wait); returns how far
   * over budget the charge itself went, in seconds (≤ 0: it was within).
   */
  const noteOverruns = (overruns: Map<string, number>, now: number): number => {
    let longest = -Infinity;
    for (const [subject, overSeconds] of overruns) {
      const blockedSeconds = overSeconds + intervalSeconds;
      if (blockedSeconds > 0) remember(blockedUntil, subject, now + blockedSeconds * 1000);
      longest = Math.max(longest, overSeconds);
    }
    return longest;
  };

  const tooMany = (seconds: number): ProblemError => {
    const retryAfter = Math.max(1, Math.ceil(seconds));
    return tooManyRequests(`Too many failed authentications from this address or for this key. Retry after ${retryAfter} s.`, retryAfter);
  };

  async function flush(): Promise<void> {
    flushTimer = undefined;
    const batch = [...pending].map(([subject, count]) => ({ subject, count }));
    pending = new Map();
    try {
      noteOverruns(await authFailuresRepository.charge(database.db, batch, bucket), Date.now());
    } catch (err) {
      // Losing a batch of failure counts only lets an attacker a few more tries; never fail a request for it.
      logger.warn({ err }, 'charging failed authentications failed');
    }
  }

  const subjectsOf = (address: string, prefix: string | null) => [subjectOf('address', address), ...(prefix ? [subjectOf('prefix', prefix)] : [])];

  return {
    enabled,

    /** Throws 429 when this instance knows the address, or the prefix of a key it cannot verify locally, to be blocked. */
    check(address: string, prefix: string | null, verifiableLocally: boolean): void {
      if (!enabled) return;
      const now = Date.now();
      const untilAddress = blockOf(subjectOf('address', address), now);
      const untilPrefix = prefix && !verifiableLocally ? blockOf(subjectOf('prefix', prefix), now) : undefined;
      const until = Math.max(untilAddress ?? 0, untilPrefix ?? 0);
      if (until > now) throw tooMany((until - now) / 1000);
    },

    /** Whether this prefix matched no key lately: the caller may answer 401 without looking it up. */
    isUnknownPrefix(prefix: string): boolean {
      const until = unknownPrefixes.get(prefix);
      if (until === undefined) return false;
      if (until > Date.now()) return true;
      unknownPrefixes.delete(prefix);
      return false;
    },

    /** A prefix that matched no key: remembered for unknownPrefixTtlMs. */
    noteUnknownPrefix(prefix: string): void {
      if (options.unknownPrefixTtlMs > 0) remember(unknownPrefixes, prefix, Date.now() + options.unknownPrefixTtlMs);
    },

    /**
     * Charges a failure that already cost a database round trip, and returns the error to
     * answer with: 429 when the address or prefix is now over its budget, else `otherwise`.
     */
    async failed(address: string, prefix: string | null, otherwise: ProblemError): Promise<ProblemError> {
      if (!enabled) return otherwise;
      const charges = subjectsOf(address, prefix).map((subject) => ({ subject, count: 1 }));
      const overSeconds = noteOverruns(await authFailuresRepository.charge(database.db, charges, bucket), Date.now());
      return overSeconds > 0 ? tooMany(overSeconds) : otherwise;
    },

    /** Charges a failure answered without the database; the shared counters hear of it within FLUSH_MS. */
    failedLocally(address: string, prefix: string | null): void {
      if (!enabled) return;
      for (const subject of subjectsOf(address, prefix)) {
        pending.set(subject, (pending.get(subject) ?? 0) + 1);
        if (pending.size > MAX_ENTRIES) pending.delete(pending.keys().next().value!);
      }
      flushTimer ??= setTimeout(() => void flush(), FLUSH_MS);
    },

    /** Charges what is pending (the app is closing). */
    async close(): Promise<void> {
      if (flushTimer) clearTimeout(flushTimer);
      if (pending.size > 0) await flush();
    },
  };
}
