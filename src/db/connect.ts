import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Database } from './database';
import { openPglite } from './pglite.database';
import { socketAnswers, socketUrl } from './pglite-socket';
import { connectPostgres } from './postgres.database';

export interface ConnectOptions {
  /**
   * When the embedded database's folder is held by a running server, reach it through the
   * server's socket (pglite-socket.ts) instead of opening the folder, which would be refused.
   */
  joinRunningServer?: boolean;
}

/** The PostgreSQL server named by DATABASE_URL, or the embedded database in PGLITE_DIR. */
export async function connectDatabase(config: Config, logger: Logger, { joinRunningServer = false }: ConnectOptions = {}): Promise<Database> {
  const { url, ...options } = config.database;
  if (url) return connectPostgres({ url, ...options, logger });
  // A socket file whose server died refuses at once (or times out): the folder is then free to open.
  if (joinRunningServer && (await socketAnswers(options.pgliteDir, options.connectTimeoutMs))) {
    return connectPostgres({ url: socketUrl(options.pgliteDir), ...options, logger });
  }
  return openPglite(options.pgliteDir);
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
