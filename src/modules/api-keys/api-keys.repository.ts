import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { builder, compile, rowMapper, rowsOf } from '../../db/compiled-query';
import type { Executor } from '../../db/database';
import { apiKeys } from '../../db/schema';
import { after, type Position } from '../paging';

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type NewApiKeyRow = typeof apiKeys.$inferInsert;

// Authentication's lookup, built once (see compiled-query.ts).
const toApiKeyRow = rowMapper(apiKeys);
const selectByPrefix = compile<{ prefix: string }>(
  builder
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.prefix, sql.placeholder('prefix')))
    .limit(1),
);

/** The channel on which the database announces each changed or deleted key's prefix (migration 0005). */
export const API_KEY_CHANGES_CHANNEL = 'manuplan_api_key_changed';

/** SQL for API keys; every statement names its clinic except the lookup by unique prefix. */
export const apiKeysRepository = {
  async insert(db: Executor, row: NewApiKeyRow): Promise<ApiKeyRow> {
    const [created] = await db.insert(apiKeys).values(row).returning();
    return created!;
  },

  async findByPrefix(db: Executor, prefix: string): Promise<ApiKeyRow | undefined> {
    const [row] = await rowsOf(db, selectByPrefix({ prefix }), toApiKeyRow);
    return row;
  },

  async list(db: Executor, clinicId: string, limit: number, position?: Position): Promise<ApiKeyRow[]> {
    return db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.clinicId, clinicId), after(apiKeys.createdAt, apiKeys.id, position)))
      .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id))
      .limit(limit);
  },

  /**
   * The ids of the clinic's unrevoked admin keys, locked until the transaction ends: two
   * revocations of a clinic's admin keys then take turns, and the second sees the first.
   */
  async lockActiveAdminKeys(db: Executor, clinicId: string): Promise<string[]> {
    const rows = await db
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(and(eq(apiKeys.clinicId, clinicId), isNull(apiKeys.revokedAt), sql`'admin' = any(${apiKeys.scopes})`))
      .for('update');
    return rows.map((r) => r.id);
  },

  /** Revokes a key; the first revocation time stands. Returns the row, or undefined when there is none. */
  async revoke(db: Executor, where: { clinicId?: string; id: string }, at: Date): Promise<ApiKeyRow | undefined> {
    const [row] = await db
      .update(apiKeys)
      .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${at.toISOString()}::timestamptz)` })
      .where(and(eq(apiKeys.id, where.id), where.clinicId ? eq(apiKeys.clinicId, where.clinicId) : undefined))
      .returning();
    return row;
  },
};
