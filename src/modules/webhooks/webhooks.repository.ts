import { and, asc, desc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/database';
import { webhookDeliveries, webhooks } from '../../db/schema';
import { after, type Position } from '../paging';

export type WebhookRow = typeof webhooks.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type WebhookFields = Pick<WebhookRow, 'url' | 'events' | 'description' | 'enabled' | 'disabledReason'>;

const live = (clinicId: string, id: string) => and(eq(webhooks.clinicId, clinicId), eq(webhooks.id, id), isNull(webhooks.deletedAt));
const versionIn = (expected: number[] | 'any'): SQL | undefined => (expected === 'any' ? undefined : inArray(webhooks.version, expected));

/** SQL for a clinic's webhooks and their deliveries; every statement is scoped by clinic. */
export const webhooksRepository = {
  async insert(db: Executor, row: Pick<WebhookRow, 'clinicId' | 'id' | 'url' | 'events' | 'description' | 'secretSealed'>): Promise<WebhookRow> {
    const [created] = await db.insert(webhooks).values(row).returning();
    return created!;
  },

  async findById(db: Executor, clinicId: string, id: string): Promise<WebhookRow | undefined> {
    const [row] = await db.select().from(webhooks).where(live(clinicId, id));
    return row;
  },

  async list(db: Executor, clinicId: string, limit: number, position?: Position): Promise<WebhookRow[]> {
    return db
      .select()
      .from(webhooks)
      .where(and(eq(webhooks.clinicId, clinicId), isNull(webhooks.deletedAt), after(webhooks.createdAt, webhooks.id, position)))
      .orderBy(asc(webhooks.createdAt), asc(webhooks.id))
      .limit(limit);
  },

  /** Applies changes when the version is one If-Match accepted; undefined when none matched. */
  async update(db: Executor, clinicId: string, id: string, expected: number[] | 'any', changes: Partial<WebhookFields>): Promise<WebhookRow | undefined> {
    const reenabled = changes.enabled === true ? { disabledReason: null, failingSince: null } : {};
    const [row] = await db
      .update(webhooks)
      .set({ ...changes, ...reenabled, version: sql`${webhooks.version} + 1`, updatedAt: sql`now()` })
      .where(and(live(clinicId, id), versionIn(expected)))
      .returning();
    return row;
  },

  async softDelete(db: Executor, clinicId: string, id: string, expected: number[] | 'any'): Promise<WebhookRow | undefined> {
    const [row] = await db
      .update(webhooks)
      .set({ deletedAt: sql`now()`, enabled: false, version: sql`${webhooks.version} + 1`, updatedAt: sql`now()` })
      .where(and(live(clinicId, id), versionIn(expected)))
      .returning();
    return row;
  },

  /** Ends the pending deliveries of a deleted webhook: nobody will send them any more. */
  async abandonPending(db: Executor, clinicId: string, webhookId: string): Promise<void> {
    await db
      .update(webhookDeliveries)
      .set({ status: 'failed', lastError: 'the webhook was deleted', claimToken: null, updatedAt: sql`now()` })
      .where(and(eq(webhookDeliveries.clinicId, clinicId), eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.status, 'pending')));
  },

  /** The webhook's deliveries, newest first, before the `beforeSeq` of the previous page. */
  async listDeliveries(db: Executor, clinicId: string, webhookId: string, limit: number, beforeSeq?: number): Promise<DeliveryRow[]> {
    return db
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.clinicId, clinicId),
          eq(webhookDeliveries.webhookId, webhookId),
          beforeSeq === undefined ? undefined : lt(webhookDeliveries.seq, beforeSeq),
        ),
      )
      .orderBy(desc(webhookDeliveries.seq))
      .limit(limit);
  },

  async findDelivery(db: Executor, clinicId: string, webhookId: string, id: string): Promise<DeliveryRow | undefined> {
    const [row] = await db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.clinicId, clinicId), eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.id, id)));
    return row;
  },

  /**
   * Makes a delivery due now. One whose attempt is running (claimed) is left to it: starting
   * another would send the same event twice at once.
   */
  async makeDue(db: Executor, clinicId: string, webhookId: string, id: string): Promise<DeliveryRow | undefined> {
    const [row] = await db
      .update(webhookDeliveries)
      .set({ status: 'pending', nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(webhookDeliveries.clinicId, clinicId),
          eq(webhookDeliveries.webhookId, webhookId),
          eq(webhookDeliveries.id, id),
          sql`not (${webhookDeliveries.status} = 'pending' and ${webhookDeliveries.claimToken} is not null)`,
        ),
      )
      .returning();
    return row;
  },
};
