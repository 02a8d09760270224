import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db/database';
import { readingFrom, type ReadLogger } from '../db/read-routing';
import { decodeConsistencyToken, encodeConsistencyToken } from '../db/wal-position';
import { badRequest } from '../errors';

/**
 * Read-your-writes (SPEC §7). Every successful write answers with a token: the WAL position taken
 * after its commit — a position is cluster-wide, so any connection (even one a pooler hands out)
 * sees one at least as far. With a read replica, read-only requests run in a read scope where
 * tenant reads may go to the replica — or must go to the primary while the replica has not
 * replayed as far as the client's X-Consistency-Token. Without one every read sees every commit;
 * the token is still issued, so a client written against one deployment works against another.
 */
export function createReadConsistency({ database }: { database: Database }) {
  const { readReplica: replica } = database;
  const walPosition =
    database.walPosition ?? (async () => (await queryRows<{ position: string }>(database.db, sql`select pg_current_wal_lsn()::text as position`))[0]!.position);
  return {
    /** Runs `work` (a read-only request) with its reads eligible for the replica, for data at least as fresh as `token`. */
    reading<T>(token: string | undefined, logger: ReadLogger, work: () => T): T {
      // Without a replica every read is as fresh as any token: the header is not looked at.
      if (!replica) return work();
      const minPosition = token === undefined ? undefined : decodeConsistencyToken(token);
      if (token !== undefined && minPosition === undefined) {
        throw badRequest('X-Consistency-Token is not a token this service issued.', [
          { path: '/headers/x-consistency-token', message: 'must be the X-Consistency-Token of an earlier response, unchanged' },
        ]);
      }
      return readingFrom({ primary: database.db, replica, minPosition, logger }, work);
    },

    /** The token for everything committed so far. */
    async token(): Promise<string> {
      return encodeConsistencyToken(await walPosition());
    },
  };
}
