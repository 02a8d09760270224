import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/database';
import { idempotencyKeys } from '../../db/schema';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

/**
 * Expired records of the clinic removed by each new claim. Every claim adds one record and
 * removes up to this many that have expired, so a clinic's records never outgrow what it
 * sent within the retention period (plus one batch), with no scheduler and no extra query.
 */
export const SWEEP_PER_CLAIM = 10;

export const idempotencyRepository = {
  /**
   * Claims the key (its digest) for this transaction. When another transaction holds an
   * uncommitted claim, PostgreSQL makes this insert wait for it (bounded by lock_timeout);
   * when a committed record exists, nothing is inserted and the record is returned instead.
   * The same statement sweeps a few expired records of the clinic; SKIP LOCKED keeps that
   * sweep from ever waiting on, or blocking, another request.
   */
  async claim(
    db: Executor,
    row: { clinicId: string; key: string; requestHash: string; method: string; path: string; ttlSeconds: number },
  ): Promise<{ claimed: true } | { claimed: false; existing: IdempotencyRow }> {
    const inserted = await queryRows<{ key: string }>(
      db,
      sql`with swept as (
            delete from ${idempotencyKeys}
            where clinic_id = ${row.clinicId} and expires_at <= now() and key in (
              select key from ${idempotencyKeys}
              where clinic_id = ${row.clinicId} and expires_at <= now() and key <> ${row.key}
              order by expires_at
              limit ${SWEEP_PER_CLAIM}
              for update skip locked))
          insert into ${idempotencyKeys} (clinic_id, key, request_hash, method, path, expires_at)
          values (${row.clinicId}, ${row.key}, ${row.requestHash}, ${row.method}, ${row.path}, now() + make_interval(secs => ${row.ttlSeconds}))
          on conflict do nothing
          returning key`,
    );
    if (inserted.length > 0) return { claimed: true };
    const [existing] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.clinicId, row.clinicId), eq(idempotencyKeys.key, row.key)));
    return { claimed: false, existing: existing! };
  },

  async complete(db: Executor, clinicId: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await db
      .update(idempotencyKeys)
      .set({ statusCode, responseBody: body })
      .where(and(eq(idempotencyKeys.clinicId, clinicId), eq(idempotencyKeys.key, key)));
  },

  /** Forgets an expired record so its key can start afresh. */
  async removeExpired(db: Executor, clinicId: string, key: string): Promise<void> {
    await db
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.clinicId, clinicId), eq(idempotencyKeys.key, key), sql`${idempotencyKeys.expiresAt} <= now()`));
  },
};
