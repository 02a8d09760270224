import type { Plan, PlanStatus, PlanVersion } from '../../contracts/plan-resource.contract';
import type { PlanRow, PlanVersionRow } from './plans.repository';

/** A plan row as the API shows it: the content fields with the resource fields around them. */
export function toPlan(row: PlanRow): Plan {
  return {
    ...row.content,
    id: row.id,
    patientId: row.patientId,
    assessmentId: row.assessmentId,
    status: row.status as PlanStatus,
    version: row.version,
    notes: row.notes,
    previousPlanId: row.previousPlanId,
    nextPlanId: row.nextPlanId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** An earlier version of the plan, with when and by which key it was made. */
export function toPlanVersion(plan: PlanRow, row: PlanVersionRow): PlanVersion {
  return {
    ...row.content,
    id: plan.id,
    patientId: plan.patientId,
    assessmentId: plan.assessmentId,
    status: row.status as PlanStatus,
    version: row.version,
    notes: row.notes,
    // The links of the episode are not versioned. The earlier plan is fixed at creation; the next one is
    // set by the reassessment that completes the plan (completed is final, and a completed plan takes no
    // reassessment), so only a version that was already completed can have had it.
    previousPlanId: plan.previousPlanId,
    nextPlanId: row.status === 'completed' ? plan.nextPlanId : null,
    createdAt: plan.createdAt.toISOString(),
    changedAt: row.changedAt.toISOString(),
    changedBy: row.changedByKeyId,
  };
}
