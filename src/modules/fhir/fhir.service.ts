import type { Database } from '../../db/database';
import { inClinic } from '../../db/tenant';
import { notFound } from '../../errors';
import { computeProgress } from '../../planning';
import { assessmentsRepository } from '../assessments/assessments.repository';
import { toPatient } from '../patients/patients.service';
import { patientsRepository } from '../patients/patients.repository';
import { toPlan } from '../plans/plan-mapping';
import { plansRepository } from '../plans/plans.repository';
import type { RequestContext } from '../../http/context';
import { sessionsRepository } from '../sessions/sessions.repository';
import { toProgressSession, toSession } from '../sessions/sessions.service';
import { planToFhirBundle, type PlanRecord } from './fhir-bundle';
import type { FhirBundle } from './fhir.types';

export type FhirService = ReturnType<typeof createFhirService>;

/** FHIR R4 views of the clinic's records. */
export function createFhirService({ database }: { database: Database }) {
  const { db } = database;
  return {
    /**
     * The plan as a FHIR R4 Bundle. Plan, patient, assessment and sessions are read in one
     * transaction, so the bundle is one consistent moment of the record.
     */
    async planBundle(ctx: RequestContext, planId: string): Promise<FhirBundle> {
      const found = await inClinic(db, ctx.clinicId, async (tx) => {
        const plan = await plansRepository.findById(tx, ctx.clinicId, planId);
        if (!plan) return undefined;
        const patient = await patientsRepository.findById(tx, ctx.clinicId, plan.patientId);
        const assessment = await assessmentsRepository.findById(tx, ctx.clinicId, plan.assessmentId);
        const sessions = await sessionsRepository.allOfPlan(tx, ctx.clinicId, plan.id);
        return patient && assessment ? { plan, patient, assessment, sessions } : undefined;
      });
      if (!found) throw notFound('Plan');
      const { plan, patient, assessment, sessions } = found;
      const input = assessment.input;
      const record: PlanRecord = {
        plan: toPlan(plan),
        patient: toPatient(patient),
        assessment: {
          id: assessment.id,
          assessedAt: assessment.assessedAt.toISOString(),
          painLocations: input.painLocations,
          goals: input.goals,
          durationWeeks: input.durationWeeks,
          measures: input.measures,
        },
        sessions: sessions.map(toSession),
        progress: computeProgress({ id: plan.id, content: plan.content }, sessions.map(toProgressSession)),
      };
      return planToFhirBundle(record);
    },
  };
}
