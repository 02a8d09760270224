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

/** A timestamp as `Date.prototype.toISOString` writes it (the columns keep milliseconds). */
const isoText = (column: SQLWrapper) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The plan as the API shows it (`toPlan`), written by PostgreSQL from the stored JSON: the
 * content's keys with the resource's fields over them. A plan is about 13 kB of JSON; reading it
 * as text and sending it on saves parsing it into objects and serializing them again (see
 * docs/performance.md). Every write path validates content against the plan schema first.
 */
const planJson = sql<string>`(${plans.content} || jsonb_build_object(
  'id', ${plans.id}, 'patientId', ${plans.patientId}, 'assessmentId', ${plans.assessmentId},
  'status', ${plans.status}, 'version', ${plans.version}, 'notes', ${plans.notes},
  'previousPlanId', ${plans.previousPlanId}, 'nextPlanId', ${plans.nextPlanId},
  'createdAt', ${isoText(plans.createdAt)}, 'updatedAt', ${isoText(plans.updatedAt)}))::text`.as('json');

/** A plan's API representation as JSON text, with what paging and the ETag need beside it. */
export interface PlanJson {
  id: string;
  version: number;
  updatedAt: Date;
  json: string;
}

const planJsonColumns = { id: plans.id, version: plans.version, updatedAt: plans.updatedAt, json: planJson };

const selectLiveJson = compile<{ clinicId: string; id: string }>(
  builder
    .select(planJsonColumns)
    .from(plans)
    .where(live(sql.placeholder('clinicId'), sql.placeholder('id'))),
);

const toPlanJson = (raw: Record<string, unknown>): PlanJson => ({
  id: raw.id as string,
  version: raw.version as number,
  updatedAt: plans.updatedAt.mapFromDriverValue(raw.updated_at as string) as Date,
  json: raw.json as string,
});

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

  async findJsonById(db: Executor, clinicId: string, id: string): Promise<PlanJson | undefined> {
    const [row] = await rowsOf(db, selectLiveJson({ clinicId, id }), toPlanJson);
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
