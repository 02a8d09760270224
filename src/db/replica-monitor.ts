import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { queryRows, withTimeout, type Database, type Db } from './database';
import { parseWalPosition } from './wal-position';

export interface ReplicaStatus {
  /** up: answering and within the lag limit; lagging: answering, behind it; down: not answering. */
  status: 'up' | 'lagging' | 'down';
  /**
   * How far behind the primary it was at the last probe (a probe period's precision); null when
   * unknown: down, or lagging further behind than the probes remember.
   */
  lagMs: number | null;
  /** Whether reads go to it now. */
  servingReads: boolean;
}

/** A streaming replica that reads may use while it is up and fresh enough (SPEC §7). */
export interface ReadReplica {
  readonly db: Db;
  /** Whether a read needing data at least as fresh as `minPosition` (a WAL position) may go to the replica now. */
  serves(minPosition?: bigint): boolean;
  /** A read on the replica failed as if it were unreachable: bypass it until a probe finds it well again. */
  bypass(err: unknown): void;
  status(): ReplicaStatus;
  close(): Promise<void>;
}

export interface ReplicaMonitorOptions {
  replica: Database;
  /** The primary's current WAL position (pg_current_wal_lsn). */
  primaryPosition(): Promise<string>;
  maxLagMs: number;
  probeMs: number;
  logger: Logger;
}

interface Sample {
  at: number;
  position: bigint;
}

// On a server that is not in recovery (a replica promoted, or the primary named as its own
// replica) every commit is visible: its own WAL position is how far it has "replayed".
const REPLAY_POSITION = sql`select (case when pg_is_in_recovery() then pg_last_wal_replay_lsn() else pg_current_wal_lsn() end)::text as position`;

/**
 * Watches the replica with a background probe, so that routing a read costs no query.
 *
 * Each probe notes the primary's WAL position, then asks the replica how far it has replayed.
 * The replica is as fresh as the primary was at the latest probe whose primary position it has
 * reached, so its lag is the age of that probe — an idle primary (whose last replayed
 * transaction may be hours old) does not look like lag. A replica that does not answer, or lags
 * past maxLagMs, is bypassed until a probe finds it answering and caught up again.
 */
export function createReplicaMonitor(options: ReplicaMonitorOptions): ReadReplica {
  const samples: Sample[] = [];
  let replayed: bigint | undefined;
  let current: ReplicaStatus = { status: 'down', lagMs: null, servingReads: false };
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const become = (next: ReplicaStatus, err?: unknown) => {
    if (next.servingReads !== current.servingReads) {
      if (next.servingReads) options.logger.info({ lagMs: next.lagMs }, 'read replica in use');
      else options.logger.warn({ err, status: next.status, lagMs: next.lagMs }, 'read replica bypassed: reads go to the primary');
    }
    current = next;
  };

  // Null when the replica has not reached even the oldest sample kept (2×maxLagMs back): it is
  // further behind than that by an unknown amount, and that sample's age would understate it.
  const lagAt = (now: number, position: bigint): number | null => {
    let freshAsOf: number | undefined;
    for (const sample of samples) if (sample.position <= position) freshAsOf = sample.at;
    return freshAsOf === undefined ? null : now - freshAsOf;
  };

  async function probe(): Promise<void> {
    const timeoutMs = Math.max(options.probeMs, 1000);
    try {
      const primary = parseWalPosition(await withTimeout(options.primaryPosition(), timeoutMs, 'primary did not answer in time'));
      if (primary !== undefined) samples.push({ at: Date.now(), position: primary });
    } catch {
      // Without the primary the lag is judged against the positions already known; it grows.
    }
    const now = Date.now();
    while (samples.length > 1 && samples[0]!.at < now - 2 * options.maxLagMs) samples.shift();
    try {
      const [row] = await withTimeout(queryRows<{ position: string | null }>(options.replica.db, REPLAY_POSITION), timeoutMs, 'replica did not answer in time');
      const position = row?.position ? parseWalPosition(row.position) : undefined;
      if (position === undefined) throw new Error('the replica reports no replay position');
      replayed = position;
      const lagMs = lagAt(Date.now(), position);
      const fresh = lagMs !== null && lagMs <= options.maxLagMs;
      become({ status: fresh ? 'up' : 'lagging', lagMs, servingReads: fresh });
    } catch (err) {
      become({ status: 'down', lagMs: null, servingReads: false }, err);
    }
  }

  const loop = () => {
    void probe().finally(() => {
      if (!closed) timer = setTimeout(loop, options.probeMs).unref();
    });
  };
  loop();

  return {
    db: options.replica.db,
    serves: (minPosition) => current.servingReads && (minPosition === undefined || (replayed !== undefined && replayed >= minPosition)),
    bypass: (err) => become({ status: 'down', lagMs: null, servingReads: false }, err),
    status: () => ({ ...current }),
    async close() {
      closed = true;
      clearTimeout(timer);
      await options.replica.close();
    },
  };
}
