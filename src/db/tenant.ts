import { sql } from 'drizzle-orm';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './database';

/**
 * Runs `work` in a transaction as the restricted role manuplan_app with the clinic set, so
 * row-level security confines every statement to that clinic — even one that forgot its filter.
 */
export function inClinic<T>(db: Db, clinicId: string, work: (tx: Tx) => Promise<T>, config?: PgTransactionConfig): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', 'manuplan_app', true), set_config('app.clinic_id', ${clinicId}, true)`);
    return work(tx);
  }, config);
}

/**
 * Runs `work` as the restricted role with only the API key of this prefix (and its clinic) visible.
 * Its only write is the key's rate-limit counter, which need not survive a database crash: the
 * commit does not wait for the WAL flush (synchronous_commit off), so it costs no fsync.
 */
export function asKeyHolder<T>(db: Db, prefix: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'manuplan_app', true), set_config('app.key_prefix', ${prefix}, true), set_config('synchronous_commit', 'off', true)`,
    );
    return work(tx);
  });
}
