import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database';
import { idempotencyKeys } from '../../db/schema';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

export const idempotencyRepository = {
  /**
   * Claims the key for this transaction. When another transaction holds an uncommitted claim,
   * PostgreSQL makes this insert wait for it (bounded by lock_timeout); when a committed
   * record exists, nothing is inserted and the record is returned instead.
   */
  async claim(
    db: Executor,
    row: { clinicId: string; key: string; requestHash: string; method: string; path: string; ttlSeconds: number },
  ): Promise<{ claimed: true } | { claimed: false; existing: IdempotencyRow }> {
    const inserted = await db
      .insert(idempotencyKeys)
      .values({
        clinicId: row.clinicId,
        key: row.key,
        requestHash: row.requestHash,
        method: row.method,
        path: row.path,
        expiresAt: sql`now() + make_interval(secs => ${row.ttlSeconds})`,
      })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
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
