import { sql } from 'drizzle-orm';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './database';
import type { PostgresTransactions } from './postgres-transactions';
import { routeRead } from './read-routing';

// The PostgreSQL server's round-trip-saving transactions (postgres-transactions.ts), by the
// drizzle instance they serve. PGlite runs in-process, where a round trip costs a function
// call: it keeps drizzle's own transactions.
const serverTransactions = new WeakMap<Db, PostgresTransactions>();

/** Makes inClinic, readInClinic and asKeyHolder on `db` use `transactions`. */
export function useServerTransactions(db: Db, transactions: PostgresTransactions): void {
  serverTransactions.set(db, transactions);
}

const clinicSettings = (clinicId: string) => ({ role: 'manuplan_app', 'app.clinic_id': clinicId });

/**
 * Runs `work` in a transaction as the restricted role manuplan_app with the clinic set, so
 * row-level security confines every statement to that clinic — even one that forgot its filter.
 * In a read-only request it may run on the read replica (read-routing.ts).
 */
export function inClinic<T>(db: Db, clinicId: string, work: (tx: Tx) => Promise<T>, config?: PgTransactionConfig): Promise<T> {
  return routeRead(db, (target) => inClinicOn(target, clinicId, work, config));
}

function inClinicOn<T>(db: Db, clinicId: string, work: (tx: Tx) => Promise<T>, config?: PgTransactionConfig): Promise<T> {
  const server = config ? undefined : serverTransactions.get(db);
  if (server) return server.transaction(clinicSettings(clinicId), work);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', 'manuplan_app', true), set_config('app.clinic_id', ${clinicId}, true)`);
    return work(tx);
  }, config);
}

/**
 * inClinic for a read that is exactly one statement: on a PostgreSQL server it costs one round
 * trip (no BEGIN or COMMIT; see postgres-transactions.ts), and a second statement is refused.
 */
export function readInClinic<T>(db: Db, clinicId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return routeRead(db, (target) => {
    const server = serverTransactions.get(target);
    if (server) return server.statement(clinicSettings(clinicId), work);
    return inClinicOn(target, clinicId, work);
  });
}

/**
 * Runs `work` as the restricted role with only the API key of this prefix (and its clinic) visible.
 * Its only write is the key's rate-limit counter, which need not survive a database crash: the
 * commit does not wait for the WAL flush (synchronous_commit off), so it costs no fsync.
 */
export function asKeyHolder<T>(db: Db, prefix: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  const server = serverTransactions.get(db);
  if (server) return server.transaction({ role: 'manuplan_app', 'app.key_prefix': prefix, synchronous_commit: 'off' }, work);
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'manuplan_app', true), set_config('app.key_prefix', ${prefix}, true), set_config('synchronous_commit', 'off', true)`,
    );
    return work(tx);
  });
}
