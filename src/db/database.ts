import type { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { LoginPrivileges } from './least-privilege';
import type { ReadReplica } from './replica-monitor';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a repository can run SQL on: the database or an open transaction. */
export type Executor = Db | Tx;

export interface NotificationHandlers {
  notify(payload: string): void;
  connected(up: boolean): void;
}

/** A connected database, whichever engine is behind it. */
export interface Database {
  readonly kind: 'postgres' | 'pglite';
  readonly db: Db;
  /** Resolves when the database answers `SELECT 1` within the time-out, rejects otherwise. */
  ping(timeoutMs: number): Promise<void>;
  /** Applies every pending migration in `migrations/`; safe to run concurrently from several processes. */
  migrate(): Promise<void>;
  /**
   * Hands each notification on `channel` (PostgreSQL LISTEN/NOTIFY) to `handlers.notify`.
   * `connected(false)` means notifications may be missed until the next `connected(true)`: the
   * listening connection was lost and is being re-established. Listening ends with close().
   */
  listen(channel: string, handlers: NotificationHandlers): void;
  /** Whether every LISTEN connection hears now; undefined when nothing listens (readiness reports it). */
  listening?(): boolean | undefined;
  /** On a server, the current WAL position (pg_current_wal_lsn), what a consistency token carries. */
  walPosition?(): Promise<string>;
  /** The streaming replica reads may go to (DATABASE_READ_URL), when there is one. */
  readonly readReplica?: ReadReplica;
  close(): Promise<void>;
  /** On a server, what the runtime login may do (SPEC §7 least privilege); the embedded database has one user. */
  loginPrivileges?(): Promise<LoginPrivileges>;
  /** The embedded engine, for tools that dump or copy it; undefined on a server. */
  readonly pglite?: PGlite;
}

export { schema };

/** Rejects with `message` when `promise` has not settled after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
