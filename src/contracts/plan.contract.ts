// The engine-generated part of a plan (SPEC §4). Response shapes are allow-lists: every field the
// engine emits is declared here, and nothing else leaves the service.
import { z } from 'zod';
import { SCREENING_QUESTION_CODES } from '../planning/catalog/catalog.screening';
import type * as engine from '../planning/engine.types';
import {
  type Assert,
  DirectionSchema,
  GoalTypeSchema,
  ExerciseDoseSchema,
  HomeExerciseCodeSchema,
  JointSchema,
  MeasureCodeSchema,
  MovementSchema,
  PressureSchema,
  RegionCodeSchema,
  RuleIdsSchema,
  type Same,
  SeveritySchema,
  SideSchema,
  TechniqueCodeSchema,
} from './common.contract';

export const DecisionSchema = z.enum(['treat', 'treat_with_precautions', 'postpone', 'refer']).meta({ id: 'ScreeningDecision' });

export const FindingSchema = z
  .strictObject({
    code: z.string().meta({ description: 'Catalog condition or red-flag code, or an engine finding (e.g. severe_pain, older_adult)' }),
    severity: SeveritySchema,
    message: z.string(),
    source: z.enum(['screening', 'complaint', 'measures']),
    evidence: z.string().meta({ description: 'The input fact behind it; for the complaint, the matched words as written' }),
  })
  .meta({ id: 'Finding' });

export const ScreeningResultSchema = z
  .strictObject({
    decision: DecisionSchema,
    findings: z.array(FindingSchema),
    unanswered: z.array(z.enum(SCREENING_QUESTION_CODES)).optional().meta({
      description:
        'Screening questions that apply to this presentation but were not answered (or answered "unknown"): ask them before hands-on work. Absent on plans made before engine 2.0.',
    }),
  })
  .meta({ id: 'ScreeningResult' });

export const FocusAreaSchema = z
  .strictObject({
    region: RegionCodeSchema,
    side: SideSchema,
    priority: z.int().min(1),
    targetMuscles: z.array(z.string()),
  })
  .meta({ id: 'FocusArea' });

export const TechniqueSchema = z
  .strictObject({
    code: TechniqueCodeSchema,
    region: RegionCodeSchema,
    side: SideSchema.optional(),
    minutes: z.int().min(1).max(120),
    pressure: PressureSchema,
    goalTypes: z.array(GoalTypeSchema),
    rationale: z.string(),
    ruleIds: RuleIdsSchema,
  })
  .meta({ id: 'PlanTechnique' });

export const ScheduleSchema = z
  .strictObject({
    sessionMinutes: z.int().min(15).max(120),
    sessionsPerWeek: z.int().min(0).max(7).meta({ description: '0 when treatment is postponed or referred' }),
    weeks: z.int().min(0).max(12).meta({ description: 'At most 12: a plan of care is certified for 90 days' }),
    totalSessions: z.int().min(0),
    reassessAfterSessions: z.int().min(0).max(10).meta({ description: 'A progress report is due at least every 10 treatment days' }),
    ruleIds: RuleIdsSchema,
    rationale: z.string(),
  })
  .meta({ id: 'Schedule' });

export const PlanGoalSchema = z
  .strictObject({
    type: GoalTypeSchema,
    measure: MeasureCodeSchema,
    joint: JointSchema.optional(),
    movement: MovementSchema.optional(),
    baseline: z.number().nullable().meta({ description: 'null: record it at the first session; progress then uses that value' }),
    episodeBaseline: z
      .number()
      .optional()
      .meta({ description: 'On a plan made at a reassessment: the baseline of the first plan of the episode that measured the same thing' }),
    target: z.number().nullable(),
    byWeek: z.int().min(0).max(12),
    mcid: z.number().meta({ description: 'Minimal clinically important difference of the measure' }),
    direction: DirectionSchema,
    ruleIds: RuleIdsSchema,
    rationale: z.string(),
  })
  .meta({ id: 'PlanGoal' });

export const HomeProgramItemSchema = z
  .strictObject({
    code: HomeExerciseCodeSchema,
    instructions: z.string(),
    frequency: z.string(),
    goalTypes: z.array(GoalTypeSchema),
    dose: ExerciseDoseSchema.optional().meta({ description: 'Set by the engine for every item; plans made before engine 2 and therapist edits may lack it' }),
    progression: z.string().optional().meta({ description: 'What to do when it is easy' }),
    ruleIds: RuleIdsSchema,
  })
  .meta({ id: 'HomeProgramItem' });

export const BillingLineSchema = z
  .strictObject({
    cpt: z.string().meta({ description: 'CPT code (timed, 15-minute units)' }),
    units: z.int().min(0),
    minutes: z.int().min(0).meta({ description: 'Timed minutes per session under this code' }),
    description: z.string(),
    regions: z.array(RegionCodeSchema),
  })
  .meta({ id: 'BillingLine', description: 'Billing hint per session; the 8-minute rule over the session’s timed minutes' });

export const RationaleEntrySchema = z
  .strictObject({
    ruleId: z.string(),
    because: z.string(),
  })
  .meta({ id: 'RationaleEntry' });

export const PlanContentSchema = z
  .strictObject({
    engineVersion: z.string(),
    screening: ScreeningResultSchema,
    summary: z.string().meta({ description: 'One paragraph a therapist can read aloud' }),
    focusAreas: z.array(FocusAreaSchema),
    techniques: z.array(TechniqueSchema),
    schedule: ScheduleSchema,
    goals: z.array(PlanGoalSchema),
    homeProgram: z.array(HomeProgramItemSchema),
    precautions: z.array(z.string()),
    billing: z.array(BillingLineSchema),
    rationale: z.array(RationaleEntrySchema),
  })
  .meta({ id: 'PlanContent' });

export type Decision = z.infer<typeof DecisionSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type FocusArea = z.infer<typeof FocusAreaSchema>;
export type PlanTechnique = z.infer<typeof TechniqueSchema>;
export type Schedule = z.infer<typeof ScheduleSchema>;
export type PlanGoal = z.infer<typeof PlanGoalSchema>;
export type HomeProgramItem = z.infer<typeof HomeProgramItemSchema>;
export type BillingLine = z.infer<typeof BillingLineSchema>;
export type RationaleEntry = z.infer<typeof RationaleEntrySchema>;
export type PlanContent = z.infer<typeof PlanContentSchema>;

// The engine's output, as src/planning states it (see Same in common.contract.ts).
type _EngineOutput = Assert<Same<PlanContent, engine.PlanContent>>;
