import { z } from 'zod';
import { AssessmentInputSchema } from './assessment.contract';
import { Timestamp, Uuid } from './http.contract';
import { PlanSchema } from './plan-resource.contract';

/** A stored assessment: what the therapist sent, as sent, plus what the service added. Immutable. */
export const AssessmentSchema = AssessmentInputSchema.extend({
  id: Uuid,
  assessedAt: Timestamp.meta({ description: 'The date the engine reasoned from (defaults to when it was stored)' }),
  planId: Uuid.meta({ description: 'The plan generated from this assessment' }),
  version: z.int(),
  createdAt: Timestamp,
}).meta({ id: 'Assessment' });

export const AssessmentWithPlanSchema = z.object({ assessment: AssessmentSchema, plan: PlanSchema }).meta({ id: 'AssessmentWithPlan' });

export type Assessment = z.infer<typeof AssessmentSchema>;
