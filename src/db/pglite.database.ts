import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { schema, withTimeout, type Database, type Db } from './database';
import { migrationsFolder } from './migrations-folder';

/** Wraps an open PGlite instance (file-backed or in memory) as a Database. */
export function wrapPglite(pglite: PGlite, onClose: () => void = () => undefined): Database {
  const db = drizzle(pglite, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite,
    async ping(timeoutMs) {
      await withTimeout(pglite.query('select 1'), timeoutMs, 'database did not answer in time');
    },
    async migrate() {
      await migrate(drizzle(pglite, { schema }), { migrationsFolder });
    },
    listen(channel, handlers) {
      // In-process: nothing to lose between here and the database, so it is connected at once.
      void pglite.listen(channel, handlers.notify).then(
        () => handlers.connected(true),
        () => handlers.connected(false),
      );
    },
    async close() {
      try {
        await pglite.close();
      } finally {
        onClose();
      }
    },
  };
}

/**
 * Opens the embedded database kept in `dir`. PGlite is single-process: a second process on
 * the same folder corrupts it silently, so a lock file guards the folder while it is open.
 */
export async function openPglite(dir: string): Promise<Database> {
  const dataDir = path.resolve(dir);
  fs.mkdirSync(dataDir, { recursive: true });
  const release = acquireFolderLock(path.join(dataDir, '..', `.${path.basename(dataDir)}.lock`));
  try {
    const pglite = await PGlite.create(dataDir);
    return wrapPglite(pglite, release);
  } catch (err) {
    release();
    throw err;
  }
}

export class DatabaseLockedError extends Error {}

function acquireFolderLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(lockPath, 'utf8'));
      if (isAlive(holder)) {
        throw new DatabaseLockedError(
          `The embedded database folder is in use by process ${holder} (lock ${lockPath}). ` +
            'Stop that process first, or use a PostgreSQL server (DATABASE_URL) to share a database.',
        );
      }
      // The holder died without cleaning up: the lock is stale.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseLockedError(`Could not lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
