import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/database';
import { assessments, plans } from '../../db/schema';
import type { PlanRow } from '../plans/plans.repository';

export type AssessmentRow = typeof assessments.$inferSelect;

type NewAssessment = Pick<AssessmentRow, 'clinicId' | 'id' | 'patientId' | 'practitioner' | 'assessedAt' | 'input' | 'createdByKeyId'>;
type NewPlan = Pick<PlanRow, 'id' | 'status' | 'engineVersion' | 'content' | 'updatedByKeyId'> & { previousPlanId?: string | null };

const stamp = (value: unknown) => new Date(value as string);

export const assessmentsRepository = {
  /**
   * Inserts an assessment and its plan in one statement (one round trip instead of two): the
   * plan's insert reads the assessment's, so the assessment is written first and the change
   * feed lists it first, as two inserts would. Only what the database fills in (version and
   * times) comes back: the stored input and content are the ones passed in, so they are not
   * sent back over the wire and parsed again.
   */
  async insertWithPlan(db: Executor, assessment: NewAssessment, plan: NewPlan): Promise<{ assessment: AssessmentRow; plan: PlanRow }> {
    const a = assessment;
    const [row] = await queryRows<Record<string, unknown>>(
      db,
      sql`with a as (
            insert into ${assessments} (clinic_id, id, patient_id, practitioner, assessed_at, input, created_by_key_id)
            values (${a.clinicId}, ${a.id}, ${a.patientId}, ${a.practitioner}, ${a.assessedAt.toISOString()}, ${JSON.stringify(a.input)}, ${a.createdByKeyId})
            returning clinic_id, id, patient_id, version, created_at, updated_at),
          p as (
            insert into ${plans} (clinic_id, id, patient_id, assessment_id, status, engine_version, content, updated_by_key_id, previous_plan_id)
            select clinic_id, ${plan.id}, patient_id, id, ${plan.status}, ${plan.engineVersion}, ${JSON.stringify(plan.content)}, ${plan.updatedByKeyId}, ${plan.previousPlanId ?? null}::uuid from a
            returning version, created_at, updated_at)
          select a.version as a_version, a.created_at as a_created_at, a.updated_at as a_updated_at,
                 p.version as p_version, p.created_at as p_created_at, p.updated_at as p_updated_at
          from a, p`,
    );
    if (!row) throw new Error('inserting an assessment and its plan returned no row');
    return {
      assessment: { ...a, version: Number(row.a_version), createdAt: stamp(row.a_created_at), updatedAt: stamp(row.a_updated_at), deletedAt: null },
      plan: {
        ...plan,
        previousPlanId: plan.previousPlanId ?? null,
        clinicId: a.clinicId,
        patientId: a.patientId,
        assessmentId: a.id,
        notes: null,
        nextPlanId: null,
        version: Number(row.p_version),
        createdAt: stamp(row.p_created_at),
        updatedAt: stamp(row.p_updated_at),
        deletedAt: null,
      },
    };
  },

  async findById(db: Executor, clinicId: string, id: string): Promise<AssessmentRow | undefined> {
    const [row] = await db
      .select()
      .from(assessments)
      .where(and(eq(assessments.clinicId, clinicId), eq(assessments.id, id), isNull(assessments.deletedAt)));
    return row;
  },
};
