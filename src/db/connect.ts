import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Database } from './database';
import { openPglite } from './pglite.database';
import { connectPostgres } from './postgres.database';

/** The PostgreSQL server named by DATABASE_URL, or the embedded database in PGLITE_DIR. */
export async function connectDatabase(config: Config, logger: Logger): Promise<Database> {
  const { url, ...options } = config.database;
  if (url) return connectPostgres({ url, ...options, logger });
  return openPglite(config.database.pgliteDir);
}

/**
 * What the server says once at start about where it LISTENs (SPEC §7): without
 * DATABASE_LISTEN_URL it listens on DATABASE_URL, which hears nothing through a transaction
 * pooler — and then revocations reach other instances only when their cached keys expire.
 */
export function listenNotice(database: Config['database'], apiKeyCacheTtlMs: number): string | undefined {
  if (!database.url || database.listenUrl) return undefined;
  return (
    'DATABASE_LISTEN_URL is not set: API-key revocations are listened for on DATABASE_URL. If that goes through a ' +
    `transaction pooler (PgBouncer), revocations reach other instances only after the cache TTL (API_KEY_CACHE_TTL_MS=${apiKeyCacheTtlMs}).`
  );
}
