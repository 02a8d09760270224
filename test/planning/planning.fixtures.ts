// Builders for planning tests: a valid assessment (the SPEC §3 example without precautions) that each
// case changes only where it matters, parsed through the real input schema.
import { AssessmentInputSchema, type AssessmentInput } from '../../src/contracts/assessment.contract';
import { PlanContentSchema, type PlanContent } from '../../src/contracts/plan.contract';
import { generatePlan } from '../../src/planning';
import { SCREENING_QUESTION_CODES, type Answer, type ScreeningQuestionCode } from '../../src/planning/catalog/catalog.screening';
import type { RegionCode } from '../../src/planning/catalog/catalog.regions';
import { TECHNIQUES } from '../../src/planning/catalog/catalog.techniques';

export const TODAY = '2025-03-01';
export const PATIENT_ID = '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57';

type Overrides = Partial<Omit<AssessmentInput, 'screening' | 'measures' | 'preferences'>> & {
  screening?: AssessmentInput['screening'];
  measures?: AssessmentInput['measures'];
  preferences?: AssessmentInput['preferences'];
};

/** Every screening question answered "no": the structured screen found nothing. */
export const ALL_CLEAR = Object.fromEntries(SCREENING_QUESTION_CODES.map((q) => [q, 'no'])) as Record<ScreeningQuestionCode, Answer>;

/**
 * A plain chronic postural low-back case with pain and range-of-motion goals. Its screen is complete
 * (every question answered "no") unless a case gives its own `answers`.
 */
export function assessment(overrides: Overrides = {}): AssessmentInput {
  const screening = overrides.screening && { answers: ALL_CLEAR, ...overrides.screening };
  return AssessmentInputSchema.parse({
    patientId: PATIENT_ID,
    practitioner: 'dr-lee',
    complaint: 'Dull ache in the low back for 4 months, worse sitting.',
    painLocations: [{ region: 'lower_back', side: 'left', intensity: 6, quality: ['aching'] }],
    goals: [
      { type: 'pain_relief', priority: 1 },
      { type: 'range_of_motion', priority: 2, detail: 'bend to tie shoes' },
    ],
    durationWeeks: 16,
    mechanism: 'postural',
    screening: { conditions: [], redFlags: [], surgeryDate: null, age: 45, answers: ALL_CLEAR },
    measures: { painNrs: 6, rom: [{ joint: 'lumbar', movement: 'flexion', degrees: 50 }] },
    preferences: { sessionMinutes: 60 },
    ...overrides,
    ...(screening ? { screening } : {}),
  });
}

/** Generates a plan and checks it against the response schema, as the API would. */
export function plan(input: AssessmentInput, today = TODAY, age?: number | null): PlanContent {
  const content = generatePlan(input, { today, age });
  return PlanContentSchema.parse(content);
}

export const handsOn = (p: PlanContent) => p.techniques.filter((t) => TECHNIQUES[t.code].handsOn);
export const findingCodes = (p: PlanContent) => p.screening.findings.map((f) => f.code);
export const techniqueCodes = (p: PlanContent) => p.techniques.map((t) => t.code);
export const servedGoals = (p: PlanContent) => new Set([...p.techniques.flatMap((t) => t.goalTypes), ...p.homeProgram.flatMap((h) => h.goalTypes)]);

type Quality = NonNullable<NonNullable<AssessmentInput['painLocations']>[number]['quality']>[number];
type Condition = NonNullable<NonNullable<AssessmentInput['screening']>['conditions']>[number];

/** A case of one painful region (right side, aching), pain relief only, changed only where `extra` says. */
export function caseOf(
  region: RegionCode,
  extra: Overrides & { age?: number; side?: 'left' | 'right' | 'bilateral'; quality?: Quality[]; conditions?: Condition[] } = {},
): AssessmentInput {
  const { age = 45, side = 'right', quality = ['aching'], conditions, ...rest } = extra;
  return assessment({
    painLocations: [{ region, side, intensity: 5, quality }],
    goals: [{ type: 'pain_relief', priority: 1 }],
    measures: { painNrs: 5 },
    durationWeeks: 8,
    screening: conditions ? { age, conditions } : { age },
    ...rest,
  });
}

export const homeRules = (p: PlanContent) => new Set(p.homeProgram.flatMap((h) => h.ruleIds));
export const homeCodes = (p: PlanContent) => p.homeProgram.map((h) => h.code);
export const techniqueRules = (p: PlanContent) => new Set(p.techniques.flatMap((t) => t.ruleIds));
