import type { Database } from '../../db/database';
import { serviceUnavailable } from '../../errors';

export type HealthService = ReturnType<typeof createHealthService>;

/** Readiness is the database answering within the time-out. */
export function createHealthService({ database, timeoutMs }: { database: Database; timeoutMs: number }) {
  return {
    async ready(): Promise<{ status: 'ok'; database: Database['kind'] }> {
      try {
        await database.ping(timeoutMs);
      } catch {
        throw serviceUnavailable('The database does not answer.');
      }
      return { status: 'ok', database: database.kind };
    },
  };
}
