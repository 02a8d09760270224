import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal';
import type { Db, Executor } from '../../db/database';
import { auditEvents } from '../../db/schema';

export type AuditRow = typeof auditEvents.$inferSelect;

export const auditRepository = {
  /**
   * Inserts events of any number of clinics in one transaction, as the application role:
   * row-level security checks each clinic's rows with that clinic set, so a batch can hold
   * several clinics and still write none of them in another clinic's name.
   */
  async insertBatch(db: Db, rows: AuditRow[]): Promise<void> {
    const byClinic = new Map<string, AuditRow[]>();
    for (const row of rows) {
      const clinicRows = byClinic.get(row.clinicId);
      if (clinicRows) clinicRows.push(row);
      else byClinic.set(row.clinicId, [row]);
    }
    await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'manuplan_app', true)`);
      for (const [clinicId, clinicRows] of byClinic) {
        await tx.execute(sql`select set_config('app.clinic_id', ${clinicId}, true)`);
        // One array per column rather than ten parameters per row: the batch parses and plans
        // as one small statement however many events it holds.
        const column = (pick: (row: AuditRow) => string | number | null) => arrayLiteral(clinicRows.map(pick));
        await tx.execute(sql`
          insert into ${auditEvents} (clinic_id, id, occurred_at, key_id, action, resource_type, resource_id, outcome, status_code, request_id)
          select ${clinicId}::uuid, * from unnest(
            ${column((r) => r.id)}::uuid[], ${column((r) => r.occurredAt.toISOString())}::timestamptz[], ${column((r) => r.keyId)}::uuid[],
            ${column((r) => r.action)}::text[], ${column((r) => r.resourceType)}::text[], ${column((r) => r.resourceId)}::uuid[],
            ${column((r) => r.outcome)}::text[], ${column((r) => r.statusCode)}::int[], ${column((r) => r.requestId)}::text[])`);
      }
    });
  },

  /** The clinic's events, newest first, older than the `before` id (UUIDv7 ids are chronological). */
  async list(db: Executor, clinicId: string, filter: { resourceType?: string; resourceId?: string }, limit: number, before?: string): Promise<AuditRow[]> {
    return db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.clinicId, clinicId),
          filter.resourceType ? eq(auditEvents.resourceType, filter.resourceType) : undefined,
          filter.resourceId ? eq(auditEvents.resourceId, filter.resourceId) : undefined,
          before ? lt(auditEvents.id, before) : undefined,
        ),
      )
      .orderBy(desc(auditEvents.id))
      .limit(limit);
  },
};
