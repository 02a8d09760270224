import type { Logger } from 'pino';

export interface WriteBehindOptions<T> {
  /** Writes one batch to the shared store; a rejection keeps the batch for the next attempt. */
  write: (batch: T[]) => Promise<void>;
  logger: Logger;
  /** Longest time an item waits in memory before a write is attempted. */
  flushMs: number;
  /** Items written per batch; reaching it starts a write at once. */
  batchSize: number;
  /** Most items held while the store does not answer; beyond it the oldest are dropped (and logged). */
  maxPending: number;
}

export interface WriteBehind<T> {
  add(item: T): void;
  /** Writes everything added so far; resolves when done (or when the store refused: it is retried later). */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left. */
  close(): Promise<void>;
}

/**
 * A short in-memory queue in front of a store: items are written in batches at most
 * `flushMs` after they were added. What a crash can lose is bounded: the items of the last
 * `flushMs` (plus a batch being written), never more than `maxPending`.
 */
export function createWriteBehind<T>({ write, logger, flushMs, batchSize, maxPending }: WriteBehindOptions<T>): WriteBehind<T> {
  let pending: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  let draining = false;
  let closed = false;

  const schedule = () => {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, flushMs);
    // A pending write must not keep a finished process (a CLI run, a test) alive; close() flushes.
    timer.unref();
  };

  const keepWithinBound = () => {
    const excess = pending.length - maxPending;
    if (excess > 0) {
      pending.splice(0, excess);
      logger.error({ dropped: excess, maxPending }, 'audit events dropped: the database has not accepted them in time');
    }
  };

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending.splice(0, batchSize);
      try {
        await write(batch);
      } catch (err) {
        pending = [...batch, ...pending];
        keepWithinBound();
        logger.error({ err, pending: pending.length }, 'writing audit events failed; retrying');
        if (!closed) schedule();
        return;
      }
    }
  }

  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    chain = chain.then(drain);
    return chain;
  }

  return {
    add(item) {
      pending.push(item);
      keepWithinBound();
      if (pending.length >= batchSize && !draining) {
        draining = true;
        void flush().finally(() => (draining = false));
      } else schedule();
    },
    flush,
    async close() {
      closed = true;
      await flush();
    },
  };
}
