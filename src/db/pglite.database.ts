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
 * Opens the embedded database kept in the data folder `dir`. PGlite is single-process: a second
 * process on the same folder corrupts it silently, so a lock file guards the folder while it is
 * open. PGlite's own files live in `<dir>/pgdata`; the folder itself also holds the socket the
 * server shares the database on (pglite-socket.ts), which must not sit among PGlite's files:
 * PGlite reads every file there (dumpDataDir fails on a socket).
 */
export async function openPglite(dir: string): Promise<Database> {
  const folder = path.resolve(dir);
  fs.mkdirSync(folder, { recursive: true });
  const release = acquireFolderLock(path.join(folder, '..', `.${path.basename(folder)}.lock`));
  try {
    const pglite = await PGlite.create(pgdataIn(folder));
    return wrapPglite(pglite, release);
  } catch (err) {
    release();
    throw err;
  }
}

export class DatabaseLockedError extends Error {}

const PGDATA = 'pgdata';
const MOVING = '.pgdata.moving';
const SOCKET_FILES = /^\.s\.PGSQL\.\d+$/;

/**
 * PGlite's folder inside the data folder. A data folder from before the socket held PGlite's
 * files at its top: they move into `pgdata` once, entry by entry through a side folder, so that
 * a move cut short by a crash resumes at the next open. Called with the folder locked.
 */
function pgdataIn(folder: string): string {
  const pgdata = path.join(folder, PGDATA);
  const moving = path.join(folder, MOVING);
  if (!fs.existsSync(path.join(folder, 'PG_VERSION')) && !fs.existsSync(moving)) return pgdata;
  if (fs.existsSync(pgdata)) throw new Error(`${folder} holds both an embedded database and ${PGDATA}/: keep one`);
  fs.mkdirSync(moving, { recursive: true });
  for (const entry of fs.readdirSync(folder)) {
    if (entry !== MOVING && !SOCKET_FILES.test(entry)) fs.renameSync(path.join(folder, entry), path.join(moving, entry));
  }
  fs.renameSync(moving, pgdata);
  return pgdata;
}

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
