import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';

export interface PoolGuardOptions {
  /**
   * A statement not answered within this is taken for a dead connection. PostgreSQL itself ends
   * any statement at `statement_timeout` and says so at once, so silence past that (plus a
   * margin) means the network or the server is gone, not that the query is slow.
   */
  deadlineMs: number;
  logger: Logger;
}

// Long enough for drizzle to roll back and release a client whose connection just died
// (every statement on a dead connection fails at once); short enough not to starve the pool.
const ORPHAN_GRACE_MS = 1000;

/**
 * Makes a `pg` pool survive the loss of its database without the process crashing, hanging, or
 * shrinking for good. Each guard answers a failure that test/faults/database-outage produced:
 *
 * 1. A checked-out client losing its connection between two statements emits 'error' with no
 *    listener (the pool listens only while a client is idle): the process crashed. Every client
 *    now has a listener; its next statement fails ("not queryable", answered 503).
 * 2. Across a network partition nothing comes back, not even an error: a statement waited for
 *    ever (TCP notices after hours), holding its request and its pool slot. A statement not
 *    answered within `deadlineMs` now destroys its connection, so it fails at once (503) and the
 *    pool replaces the connection.
 * 3. drizzle's `transaction()` releases its client only once BEGIN has succeeded: a BEGIN on a dead
 *    connection leaked the slot, and the pool shrank with each outage until nothing was left. A
 *    client whose connection ended and that is still checked out ORPHAN_GRACE_MS later is now
 *    released (and dropped) here; a late release by its user is ignored.
 */
export function guardPool(pool: Pool, { deadlineMs, logger }: PoolGuardOptions): void {
  const checkedOut = new WeakSet<PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_err, client) => checkedOut.delete(client));

  pool.on('connect', (client) => {
    client.on('error', (err) => logger.warn({ err }, 'database connection lost'));

    client.on('end', () => {
      const timer = setTimeout(() => {
        if (!checkedOut.has(client)) return;
        const release = client.release;
        // The user of the client may still call release() after this: let that be a no-op.
        client.release = () => undefined;
        logger.warn('releasing a client whose connection died while checked out');
        release.call(client, new Error('connection lost while checked out'));
      }, ORPHAN_GRACE_MS);
      timer.unref();
    });

    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const arm = () => {
      const timer = setTimeout(() => {
        logger.warn({ deadlineMs }, 'the database did not answer a statement in time: dropping the connection');
        client.connection.stream.destroy();
      }, deadlineMs);
      timer.unref();
      return () => clearTimeout(timer);
    };
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      // Callback style (pool.query, the readiness ping) or promise style (drizzle, transactions).
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        const clear = arm();
        return query(...args.slice(0, -1), (...results: unknown[]) => {
          clear();
          (callback as (...r: unknown[]) => void)(...results);
        });
      }
      const result = query(...args);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        const clear = arm();
        (result as Promise<unknown>).then(clear, clear);
      }
      return result;
    };
  });
}
