import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pino from 'pino';
import { wrapPglite } from '../../src/db/pglite.database';
import { connectPostgres } from '../../src/db/postgres.database';
import { PGLITE_SNAPSHOT_ENV, serverDatabaseUrl } from './database-target';

/**
 * Migrates once for the whole run. On a server, test files then share the database (each test
 * makes its own clinic); on PGlite, each file starts from a copy of this migrated snapshot,
 * which is much faster than migrating a new embedded database per file.
 */
export default async function globalSetup(): Promise<void> {
  const url = serverDatabaseUrl();
  if (url) {
    const database = connectPostgres({
      url,
      poolSize: 2,
      connectTimeoutMs: 5000,
      statementTimeoutMs: 60000,
      idleInTransactionTimeoutMs: 60000,
      logger: pino({ level: 'silent' }),
    });
    await database.migrate();
    await database.close();
    return;
  }
  const pglite = await PGlite.create();
  const database = wrapPglite(pglite);
  await database.migrate();
  const dump = await pglite.dumpDataDir('none');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'manuplan-test-')), 'snapshot.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  process.env[PGLITE_SNAPSHOT_ENV] = file;
}
