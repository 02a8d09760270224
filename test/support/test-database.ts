import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pino from 'pino';
import type { Database } from '../../src/db/database';
import { wrapPglite } from '../../src/db/pglite.database';
import { connectPostgres } from '../../src/db/postgres.database';
import { PGLITE_SNAPSHOT_ENV, serverDatabaseUrl } from './database-target';

/** A migrated database for one test file: the PostgreSQL server when configured, else a private PGlite copy. */
export async function openTestDatabase(options: { poolSize?: number } = {}): Promise<Database> {
  const url = serverDatabaseUrl();
  if (url) {
    return connectPostgres({
      url,
      poolSize: options.poolSize ?? 10,
      connectTimeoutMs: 5000,
      statementTimeoutMs: 30000,
      idleInTransactionTimeoutMs: 30000,
      logger: pino({ level: 'silent' }),
    });
  }
  const snapshot = process.env[PGLITE_SNAPSHOT_ENV];
  if (!snapshot) throw new Error('global setup did not prepare the embedded database');
  const pglite = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(snapshot)]) });
  return wrapPglite(pglite);
}
