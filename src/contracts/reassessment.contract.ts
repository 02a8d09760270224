import { AssessmentInputSchema } from './assessment.contract';

/**
 * A reassessment of a plan (SPEC §10): an assessment as POST /v1/assessments takes it, without
 * `patientId` (it is the plan's patient). Derived from the assessment input so that the two never
 * drift apart as the assessment gains fields.
 */
export const ReassessmentBodySchema = AssessmentInputSchema.omit({ patientId: true }).meta({
  id: 'Reassessment',
  description: "A new assessment of the plan's patient; the plan it yields replaces the reassessed plan",
});
