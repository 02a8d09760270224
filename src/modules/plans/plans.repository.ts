import type { PlanContent } from '../../contracts/plan.contract';
import { and, asc, eq, gte, isNull, sql, type SQLWrapper } from 'drizzle-orm';
import { builder, compile, rowMapper, rowsOf } from '../../db/compiled-query';
import type { Executor } from '../../db/database';
import { plans, planVersions } from '../../db/schema';
import { after, type Position } from '../paging';

export type PlanRow = typeof plans.$inferSelect;
export type PlanVersionRow = typeof planVersions.$inferSelect;

const live = (clinicId: string | SQLWrapper, id: string | SQLWrapper) => and(eq(plans.clinicId, clinicId), eq(plans.id, id), isNull(plans.deletedAt));

// Reading a plan is a hot path: its statement is built once (see compiled-query.ts).
const toPlanRow = rowMapper(plans);
const selectLive = compile<{ clinicId: string; id: string }>(
  builder
    .select()
    .from(plans)
    .where(live(sql.placeholder('clinicId'), sql.placeholder('id'))),
);

export interface PlanFilter {
  patientId?: string;
  status?: string;
  updatedSince?: Date;
}

/** SQL for plans and their earlier versions. */
export const plansRepository = {
  async findById(db: Executor, clinicId: string, id: string): Promise<PlanRow | undefined> {
    const [row] = await rowsOf(db, selectLive({ clinicId, id }), toPlanRow);
    return row;
  },

  async idForAssessment(db: Executor, clinicId: string, assessmentId: string): Promise<string | undefined> {
    const [row] = await db
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.clinicId, clinicId), eq(plans.assessmentId, assessmentId)))
      .limit(1);
    return row?.id;
  },

  /** The plan, row-locked until the transaction ends, so an edit reads and writes one version. */
  async findForUpdate(db: Executor, clinicId: string, id: string): Promise<PlanRow | undefined> {
    const [row] = await db.select().from(plans).where(live(clinicId, id)).for('update');
    return row;
  },

  async list(db: Executor, clinicId: string, filter: PlanFilter, limit: number, position?: Position): Promise<PlanRow[]> {
    return db
      .select()
      .from(plans)
      .where(
        and(
          eq(plans.clinicId, clinicId),
          isNull(plans.deletedAt),
          filter.patientId ? eq(plans.patientId, filter.patientId) : undefined,
          filter.status ? eq(plans.status, filter.status) : undefined,
          filter.updatedSince ? gte(plans.updatedAt, filter.updatedSince) : undefined,
          after(plans.updatedAt, plans.id, position),
        ),
      )
      .orderBy(asc(plans.updatedAt), asc(plans.id))
      .limit(limit);
  },

  /**
   * Keeps `current` as an earlier version and writes the next one — only if the row is still
   * at current.version, so two edits of one version can never both land.
   */
  async replace(
    db: Executor,
    current: PlanRow,
    next: { status: string; content: PlanContent; notes: string | null; updatedByKeyId: string; nextPlanId?: string },
  ): Promise<PlanRow | undefined> {
    await db.insert(planVersions).values({
      clinicId: current.clinicId,
      planId: current.id,
      version: current.version,
      status: current.status,
      content: current.content,
      notes: current.notes,
      changedAt: current.updatedAt,
      changedByKeyId: current.updatedByKeyId,
    });
    const [row] = await db
      .update(plans)
      .set({ ...next, version: sql`${plans.version} + 1`, updatedAt: sql`now()` })
      .where(and(live(current.clinicId, current.id), eq(plans.version, current.version)))
      .returning();
    return row;
  },

  async versions(db: Executor, clinicId: string, planId: string, limit: number, afterVersion: number): Promise<PlanVersionRow[]> {
    return db
      .select()
      .from(planVersions)
      .where(and(eq(planVersions.clinicId, clinicId), eq(planVersions.planId, planId), sql`${planVersions.version} > ${afterVersion}`))
      .orderBy(asc(planVersions.version))
      .limit(limit);
  },
};
