import type { Database } from '../db/database';
import { readingFrom, type ReadLogger } from '../db/read-routing';
import { decodeConsistencyToken, encodeConsistencyToken } from '../db/wal-position';
import { badRequest } from '../errors';

/**
 * Read-your-writes with a read replica (SPEC §7); undefined without one, when every read sees
 * every commit and no token is needed. Read-only requests run in a read scope, where tenant
 * reads may go to the replica — or must go to the primary while the replica has not replayed
 * as far as the client's X-Consistency-Token. A write's token is the primary's WAL position
 * taken after its commit: a position is cluster-wide, so any connection (even one a pooler
 * hands out) sees one at least as far.
 */
export function createReadConsistency({ database }: { database: Database }) {
  const { readReplica: replica, walPosition } = database;
  if (!replica || !walPosition) return undefined;
  return {
    /** Runs `work` (a read-only request) with its reads eligible for the replica, for data at least as fresh as `token`. */
    reading<T>(token: string | undefined, logger: ReadLogger, work: () => T): T {
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
