import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Client, Pool, type PoolClient } from 'pg';
import type { Logger } from 'pino';
import { schema, withTimeout, type Database, type Db } from './database';
import { migrationsFolder } from './migrations-folder';
import { loginPrivileges } from './least-privilege';
import { listenOnServer } from './postgres-listener';
import { createPostgresTransactions } from './postgres-transactions';
import { useServerTransactions } from './tenant';
import { guardPool } from './pool-guards';
import { createReplicaMonitor, type ReadReplica } from './replica-monitor';

export interface PostgresOptions {
  url: string;
  /** The owner that applies migrations (DATABASE_MIGRATE_URL); the runtime login `url` when unset. */
  migrateUrl?: string;
  /** A direct connection for LISTEN (DATABASE_LISTEN_URL), when `url` goes through a transaction pooler. */
  listenUrl?: string;
  /** A streaming replica for reads (DATABASE_READ_URL), bypassed past `readMaxLagMs` of lag. */
  readUrl?: string;
  readMaxLagMs?: number;
  poolSize: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  logger: Logger;
}

// Any constant works: it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_ID = 727_146_001;

// PostgreSQL answers a statement that hit statement_timeout at once; this margin covers the round trip.
const STATEMENT_DEADLINE_MARGIN_MS = 1000;

const LISTENER_RETRY_MS = 1000;

// How often the replica's replay position and lag are checked: a replica that stops or falls
// behind is bypassed within about this (plus the probe's time-out).
const REPLICA_PROBE_MS = 1000;
const DEFAULT_READ_MAX_LAG_MS = 5000;

/** Connects to a PostgreSQL server through a pooled `pg` client. */
export function connectPostgres(options: PostgresOptions): Database {
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize,
    connectionTimeoutMillis: options.connectTimeoutMs,
    statement_timeout: options.statementTimeoutMs,
    // A crashed or stuck request must not hold row locks and a pooled connection forever.
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs,
    application_name: 'manuplan',
  });
  // An idle client losing its server (restart, network cut) emits here; unhandled, it would kill the process.
  pool.on('error', (err) => options.logger.warn({ err }, 'idle database connection lost'));
  // Survive losing the database mid-request: see pool-guards.ts for what each guard answers.
  guardPool(pool, { deadlineMs: options.statementTimeoutMs + STATEMENT_DEADLINE_MARGIN_MS, logger: options.logger });
  const db = drizzle(pool, { schema }) as unknown as Db;
  // Tenant transactions send BEGIN and their settings with their first statement (see postgres-transactions.ts).
  useServerTransactions(db, createPostgresTransactions(pool));
  const stopListening: (() => Promise<void>)[] = [];
  // Whether each listening connection hears now, for readiness.
  const hearing: { up: boolean }[] = [];
  const walPosition = async () => (await pool.query<{ position: string }>('select pg_current_wal_lsn()::text as position')).rows[0]!.position;
  const readReplica: ReadReplica | undefined = options.readUrl
    ? createReplicaMonitor({
        replica: connectPostgres({ ...options, url: options.readUrl, migrateUrl: undefined, listenUrl: undefined, readUrl: undefined }),
        primaryPosition: walPosition,
        maxLagMs: options.readMaxLagMs ?? DEFAULT_READ_MAX_LAG_MS,
        probeMs: REPLICA_PROBE_MS,
        logger: options.logger,
      })
    : undefined;

  return {
    kind: 'postgres',
    db,
    async ping(timeoutMs) {
      await withTimeout(pool.query('select 1'), timeoutMs, 'database did not answer in time');
    },
    async migrate() {
      // Migrations run as the owner, on a connection of their own, when it is not the runtime login.
      const owner =
        options.migrateUrl && options.migrateUrl !== options.url
          ? new Client({ connectionString: options.migrateUrl, application_name: 'manuplan-migrate', connectionTimeoutMillis: options.connectTimeoutMs })
          : undefined;
      if (owner) await owner.connect();
      const client = owner ?? (await pool.connect());
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
        try {
          await migrate(drizzle(client, { schema }), { migrationsFolder });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
        }
      } finally {
        if (owner) await owner.end();
        else (client as PoolClient).release();
      }
    },
    loginPrivileges: () => loginPrivileges(pool),
    walPosition,
    readReplica,
    listen(channel, handlers) {
      const url = options.listenUrl ?? options.url;
      const listener = { url, connectTimeoutMs: options.connectTimeoutMs, retryMs: LISTENER_RETRY_MS, logger: options.logger };
      const state = { up: false };
      hearing.push(state);
      const connected = (up: boolean) => {
        state.up = up;
        handlers.connected(up);
      };
      stopListening.push(listenOnServer(listener, channel, { notify: handlers.notify, connected }));
    },
    listening: () => (hearing.length === 0 ? undefined : hearing.every((state) => state.up)),
    async close() {
      await Promise.all(stopListening.splice(0).map((stop) => stop()));
      await readReplica?.close();
      await pool.end();
    },
  };
}
