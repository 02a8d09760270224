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
