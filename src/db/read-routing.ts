import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './database';
import { isDatabaseUnavailable, sqlState } from './errors';
import type { ReadReplica } from './replica-monitor';

/** Where a read that wrote is reported (the request's logger). */
export interface ReadLogger {
  warn(obj: object, msg: string): void;
}

/** What a read-only request may use: the replica of this primary, for data at least this fresh. */
export interface ReadScope {
  primary: Db;
  replica: ReadReplica;
  /** The WAL position of the client's consistency token, if it sent one. */
  minPosition?: bigint;
  logger: ReadLogger;
}

const scopes = new AsyncLocalStorage<ReadScope>();

/** Runs `work` (a read-only request's handler) with its tenant reads eligible for the replica. */
export function readingFrom<T>(scope: ReadScope, work: () => T): T {
  return scopes.run(scope, work);
}

// Answers of a replica that say nothing about the query: the server is gone or going
// (isDatabaseUnavailable), or replay cancelled the query (40001, conflict with recovery).
const REPLICA_CONFLICT = '40001';
// A statement time-out (or a cancel) says the query was slow, not that the replica is gone: it
// neither bypasses the replica for every request nor runs the slow query again on the primary.
const QUERY_CANCELED = '57014';
// A read route that wrote: a standby refuses it, the primary serves it.
const READ_ONLY_TRANSACTION = '25006';

/**
 * Runs a tenant unit of work on the replica when the current request is a read the replica may
 * serve, else on `db` itself. A read the replica fails for want of being there is run again on
 * the primary (a read can be repeated), and the replica is bypassed until its probe finds it
 * well: a replica that stops answers reads from the primary without an error.
 */
export async function routeRead<T>(db: Db, run: (target: Db) => Promise<T>): Promise<T> {
  const scope = scopes.getStore();
  if (!scope || scope.primary !== db || !scope.replica.serves(scope.minPosition)) return run(db);
  try {
    return await run(scope.replica.db);
  } catch (err) {
    const code = sqlState(err);
    if (code === READ_ONLY_TRANSACTION) {
      scope.logger.warn({ err }, 'a read request wrote; it was run again on the primary');
      return run(db);
    }
    if (code === QUERY_CANCELED || (!isDatabaseUnavailable(err) && code !== REPLICA_CONFLICT)) throw err;
    if (code !== REPLICA_CONFLICT) scope.replica.bypass(err);
    return run(db);
  }
}
