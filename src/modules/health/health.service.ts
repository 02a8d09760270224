import type { Readiness } from '../../contracts/health.contract';
import type { Database } from '../../db/database';
import { serviceUnavailable } from '../../errors';

export type HealthService = ReturnType<typeof createHealthService>;

/**
 * Readiness is the primary database answering within the time-out. The replica and the LISTEN
 * connection are reported, not required: without them reads go to the primary and revocations
 * wait for the cache TTL, but every request is still served.
 */
export function createHealthService({ database, timeoutMs }: { database: Database; timeoutMs: number }) {
  return {
    async ready(): Promise<Readiness> {
      try {
        await database.ping(timeoutMs);
      } catch {
        throw serviceUnavailable('The database does not answer.');
      }
      const databases: Readiness['databases'] = { primary: { status: 'up' } };
      if (database.readReplica) databases.replica = database.readReplica.status();
      const listening = database.listening?.();
      if (listening !== undefined) databases.listener = { status: listening ? 'up' : 'down' };
      return { status: 'ok', database: database.kind, databases };
    },
  };
}
