import { and, asc, count, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { ExportCounts } from '../../contracts/transfer.contract';
import type { Executor } from '../../db/database';
import { assessments, patients, plans, planVersions, sessions } from '../../db/schema';
import type { AssessmentRow } from '../assessments/assessments.repository';
import type { PatientRow } from '../patients/patients.repository';
import type { PlanRow, PlanVersionRow } from '../plans/plans.repository';
import type { SessionRow } from '../sessions/sessions.repository';

export type PlanOfVersion = Pick<PlanRow, 'id' | 'patientId' | 'assessmentId' | 'createdAt'>;

const livePlanIds = (clinicId: string) => sql`select ${plans.id} from ${plans} where ${plans.clinicId} = ${clinicId} and ${plans.deletedAt} is null`;

/** Bulk reads and writes for moving a clinic's records; keyset batches on primary keys, never OFFSET. */
export const transferRepository = {
  /** Live records of each type: what an export will write. */
  async counts(db: Executor, clinicId: string): Promise<ExportCounts> {
    const one = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
    return {
      patient: await one(
        db
          .select({ n: count() })
          .from(patients)
          .where(and(eq(patients.clinicId, clinicId), isNull(patients.deletedAt))),
      ),
      assessment: await one(
        db
          .select({ n: count() })
          .from(plans)
          .innerJoin(assessments, and(eq(assessments.clinicId, plans.clinicId), eq(assessments.id, plans.assessmentId)))
          .where(and(eq(plans.clinicId, clinicId), isNull(plans.deletedAt), isNull(assessments.deletedAt))),
      ),
      plan: await one(
        db
          .select({ n: count() })
          .from(plans)
          .where(and(eq(plans.clinicId, clinicId), isNull(plans.deletedAt))),
      ),
      plan_version: await one(
        db
          .select({ n: count() })
          .from(planVersions)
          .where(and(eq(planVersions.clinicId, clinicId), sql`${planVersions.planId} in (${livePlanIds(clinicId)})`)),
      ),
      session: await one(
        db
          .select({ n: count() })
          .from(sessions)
          .where(and(eq(sessions.clinicId, clinicId), isNull(sessions.deletedAt))),
      ),
    };
  },

  async patientsAfter(db: Executor, clinicId: string, afterId: string | null, limit: number): Promise<PatientRow[]> {
    return db
      .select()
      .from(patients)
      .where(and(eq(patients.clinicId, clinicId), isNull(patients.deletedAt), afterId ? gt(patients.id, afterId) : undefined))
      .orderBy(asc(patients.id))
      .limit(limit);
  },

  /**
   * Assessments with the id of their plan, in the order of their plans' ids: a keyset walk of plans
   * by primary key, then the batch's assessments by primary key (no index on plans.assessment_id is
   * needed, and no join plan can go astray on stale statistics).
   */
  async assessmentsAfter(
    db: Executor,
    clinicId: string,
    afterPlanId: string | null,
    limit: number,
  ): Promise<{ planId: string; assessment: AssessmentRow | null }[]> {
    const batch = await db
      .select({ id: plans.id, assessmentId: plans.assessmentId })
      .from(plans)
      .where(and(eq(plans.clinicId, clinicId), isNull(plans.deletedAt), afterPlanId ? gt(plans.id, afterPlanId) : undefined))
      .orderBy(asc(plans.id))
      .limit(limit);
    if (batch.length === 0) return [];
    const rows = await db
      .select()
      .from(assessments)
      .where(
        and(
          eq(assessments.clinicId, clinicId),
          inArray(
            assessments.id,
            batch.map((p) => p.assessmentId),
          ),
          isNull(assessments.deletedAt),
        ),
      );
    const byId = new Map(rows.map((a) => [a.id, a]));
    return batch.map((p) => ({ planId: p.id, assessment: byId.get(p.assessmentId) ?? null }));
  },

  async plansAfter(db: Executor, clinicId: string, afterId: string | null, limit: number): Promise<PlanRow[]> {
    return db
      .select()
      .from(plans)
      .where(and(eq(plans.clinicId, clinicId), isNull(plans.deletedAt), afterId ? gt(plans.id, afterId) : undefined))
      .orderBy(asc(plans.id))
      .limit(limit);
  },

  /**
   * Earlier plan versions by primary key (plan, version), each with its plan — null when the plan is
   * deleted (its versions are not exported). Two index lookups rather than a join, for the same reason
   * as assessmentsAfter.
   */
  async planVersionsAfter(
    db: Executor,
    clinicId: string,
    after: { planId: string; version: number } | null,
    limit: number,
  ): Promise<{ version: PlanVersionRow; plan: PlanOfVersion | null }[]> {
    const versions = await db
      .select()
      .from(planVersions)
      .where(
        and(
          eq(planVersions.clinicId, clinicId),
          after ? sql`(${planVersions.planId}, ${planVersions.version}) > (${after.planId}::uuid, ${after.version}::int)` : undefined,
        ),
      )
      .orderBy(asc(planVersions.planId), asc(planVersions.version))
      .limit(limit);
    if (versions.length === 0) return [];
    const live = await db
      .select({ id: plans.id, patientId: plans.patientId, assessmentId: plans.assessmentId, createdAt: plans.createdAt })
      .from(plans)
      .where(and(eq(plans.clinicId, clinicId), inArray(plans.id, [...new Set(versions.map((v) => v.planId))]), isNull(plans.deletedAt)));
    const byId = new Map(live.map((p) => [p.id, p]));
    return versions.map((version) => ({ version, plan: byId.get(version.planId) ?? null }));
  },

  async sessionsAfter(db: Executor, clinicId: string, afterId: string | null, limit: number): Promise<SessionRow[]> {
    return db
      .select()
      .from(sessions)
      .where(and(eq(sessions.clinicId, clinicId), isNull(sessions.deletedAt), afterId ? gt(sessions.id, afterId) : undefined))
      .orderBy(asc(sessions.id))
      .limit(limit);
  },

  /** Does the clinic hold any live record? (An import into it then needs --yes.) */
  async hasLiveRecords(db: Executor, clinicId: string): Promise<boolean> {
    const [row] = await db
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.clinicId, clinicId), isNull(patients.deletedAt)))
      .limit(1);
    return row !== undefined;
  },

  // --- import ---------------------------------------------------------------------------------

  /** Which of these ids the clinic already has, tombstones included (an import never resurrects or overwrites). */
  async existingIds(db: Executor, table: 'patient' | 'assessment' | 'plan' | 'session', clinicId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const t = { patient: patients, assessment: assessments, plan: plans, session: sessions }[table];
    const rows = await db
      .select({ id: t.id })
      .from(t)
      .where(and(eq(t.clinicId, clinicId), inArray(t.id, ids)));
    return new Set(rows.map((r) => r.id));
  },

  async livePatientIds(db: Executor, clinicId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.clinicId, clinicId), inArray(patients.id, ids), isNull(patients.deletedAt)));
    return new Set(rows.map((r) => r.id));
  },

  /** Live assessments by id → their patient. */
  async liveAssessmentPatients(db: Executor, clinicId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: assessments.id, patientId: assessments.patientId })
      .from(assessments)
      .where(and(eq(assessments.clinicId, clinicId), inArray(assessments.id, ids), isNull(assessments.deletedAt)));
    return new Map(rows.map((r) => [r.id, r.patientId]));
  },

  /** Plans already generated from these assessments: assessment id → plan id. */
  async plansOfAssessments(db: Executor, clinicId: string, assessmentIds: string[]): Promise<Map<string, string>> {
    if (assessmentIds.length === 0) return new Map();
    const rows = await db
      .select({ id: plans.id, assessmentId: plans.assessmentId })
      .from(plans)
      .where(and(eq(plans.clinicId, clinicId), inArray(plans.assessmentId, assessmentIds)));
    return new Map(rows.map((r) => [r.assessmentId, r.id]));
  },

  async livePlanIds(db: Executor, clinicId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.clinicId, clinicId), inArray(plans.id, ids), isNull(plans.deletedAt)));
    return new Set(rows.map((r) => r.id));
  },

  async existingPlanVersions(db: Executor, clinicId: string, keys: { planId: string; version: number }[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const pairs = sql.join(
      keys.map((k) => sql`(${k.planId}::uuid, ${k.version}::int)`),
      sql`, `,
    );
    const rows = await db
      .select({ planId: planVersions.planId, version: planVersions.version })
      .from(planVersions)
      .where(and(eq(planVersions.clinicId, clinicId), sql`(${planVersions.planId}, ${planVersions.version}) in (${pairs})`));
    return new Set(rows.map((r) => `${r.planId}/${r.version}`));
  },

  /** The live patient holding an external id, if any. */
  async patientWithExternalId(db: Executor, clinicId: string, externalId: string): Promise<string | undefined> {
    const [row] = await db
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.clinicId, clinicId), eq(patients.externalId, externalId), isNull(patients.deletedAt)));
    return row?.id;
  },

  // Inserts that skip any row clashing with a unique key (ON CONFLICT DO NOTHING) and return what they wrote.
  async insertPatients(db: Executor, rows: (typeof patients.$inferInsert)[]): Promise<Set<string>> {
    return ids(rows.length ? await db.insert(patients).values(rows).onConflictDoNothing().returning({ id: patients.id }) : []);
  },
  async insertAssessments(db: Executor, rows: (typeof assessments.$inferInsert)[]): Promise<Set<string>> {
    return ids(rows.length ? await db.insert(assessments).values(rows).onConflictDoNothing().returning({ id: assessments.id }) : []);
  },
  async insertPlans(db: Executor, rows: (typeof plans.$inferInsert)[]): Promise<Set<string>> {
    return ids(rows.length ? await db.insert(plans).values(rows).onConflictDoNothing().returning({ id: plans.id }) : []);
  },
  async insertPlanVersions(db: Executor, rows: (typeof planVersions.$inferInsert)[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const written = await db.insert(planVersions).values(rows).onConflictDoNothing().returning({ planId: planVersions.planId, version: planVersions.version });
    return new Set(written.map((r) => `${r.planId}/${r.version}`));
  },
  async insertSessions(db: Executor, rows: (typeof sessions.$inferInsert)[]): Promise<Set<string>> {
    return ids(rows.length ? await db.insert(sessions).values(rows).onConflictDoNothing().returning({ id: sessions.id }) : []);
  },
};

const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
