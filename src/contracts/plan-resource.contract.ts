import { z } from 'zod';
import {
  ExerciseDoseSchema,
  GoalTypeSchema,
  HomeExerciseCodeSchema,
  JointSchema,
  MeasureCodeSchema,
  MovementSchema,
  PressureSchema,
  RegionCodeSchema,
  SideSchema,
  TechniqueCodeSchema,
} from './common.contract';
import { PageQuery, Timestamp, Uuid } from './http.contract';
import { PlanContentSchema } from './plan.contract';

export const PlanStatusSchema = z.enum(['draft', 'active', 'on_hold', 'completed', 'discontinued']).meta({
  id: 'PlanStatus',
  description: 'draft → active → on_hold ↔ active → completed | discontinued (a draft or on-hold plan may be discontinued)',
});

const NotesSchema = z.string().max(10000).nullable().meta({ description: 'The therapist’s free-text notes on the plan' });

/** A stored plan: the engine's content as edited by the therapist, with its status and version. */
export const PlanSchema = PlanContentSchema.extend({
  id: Uuid,
  patientId: Uuid,
  assessmentId: Uuid,
  status: PlanStatusSchema,
  version: z.int(),
  notes: NotesSchema,
  previousPlanId: Uuid.nullable().meta({ description: 'The plan this one replaced at a reassessment (same episode of care); null for the first plan' }),
  nextPlanId: Uuid.nullable().meta({ description: 'The plan that replaced this one at a reassessment; null while none has' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
}).meta({ id: 'Plan' });

const EditedTechniqueSchema = z.strictObject({
  code: TechniqueCodeSchema,
  region: RegionCodeSchema,
  side: SideSchema.optional(),
  minutes: z.int().min(1).max(120),
  pressure: PressureSchema,
  goalTypes: z.array(GoalTypeSchema).min(1).max(4),
  rationale: z.string().min(1).max(1000).optional().meta({ description: 'Why; defaults to "Chosen by the therapist"' }),
});

// Only the fields sent change, so a client can send one field or the schedule as the plan
// shows it (SPEC §4, with totalSessions, which must then agree with the other fields).
const EditedScheduleSchema = z.strictObject({
  sessionMinutes: z.int().min(15).max(120).optional(),
  sessionsPerWeek: z.int().min(0).max(7).optional(),
  weeks: z.int().min(0).max(12).optional().meta({ description: 'At most 12: a plan of care is certified for 90 days' }),
  totalSessions: z.int().min(0).max(84).optional().meta({ description: 'Derived: when sent, must equal sessionsPerWeek × weeks' }),
  reassessAfterSessions: z.int().min(0).max(10).optional().meta({ description: 'A progress report is due at least every 10 treatment days' }),
});

const GoalTargetEditSchema = z.strictObject({
  type: GoalTypeSchema,
  measure: MeasureCodeSchema,
  joint: JointSchema.optional(),
  movement: MovementSchema.optional(),
  target: z.number().meta({ description: 'The new target, within the measure’s range and better than the baseline' }),
  byWeek: z.int().min(0).max(12).optional(),
});

const EditedHomeProgramItemSchema = z.strictObject({
  code: HomeExerciseCodeSchema,
  instructions: z.string().min(1).max(2000),
  frequency: z.string().min(1).max(200),
  goalTypes: z.array(GoalTypeSchema).min(1).max(4),
  dose: ExerciseDoseSchema.optional(),
  progression: z.string().min(1).max(500).optional(),
});

/** A therapist's edit: only the fields sent change. Techniques, home program and precautions are replaced whole. */
export const PatchPlanBodySchema = z
  .strictObject({
    status: PlanStatusSchema.optional(),
    schedule: EditedScheduleSchema.optional().meta({ description: 'Fields not sent keep their value; totalSessions is recomputed as sessionsPerWeek × weeks' }),
    techniques: z.array(EditedTechniqueSchema).max(30).optional(),
    goals: z
      .array(GoalTargetEditSchema)
      .max(30)
      .optional()
      .meta({ description: 'New targets for existing goals, matched on type, measure, joint and movement' }),
    homeProgram: z.array(EditedHomeProgramItemSchema).max(30).optional(),
    precautions: z.array(z.string().min(1).max(500)).max(30).optional(),
    notes: NotesSchema.optional(),
  })
  .meta({ id: 'PatchPlan' });

export const PlanVersionSchema = PlanSchema.omit({ updatedAt: true })
  .extend({
    changedAt: Timestamp.meta({ description: 'When this version was made' }),
    changedBy: Uuid.nullable().meta({ description: 'The API key that made it' }),
  })
  .meta({ id: 'PlanVersion' });

export const ListPlansQuerySchema = PageQuery.extend({
  patientId: Uuid.optional(),
  status: PlanStatusSchema.optional(),
  updatedSince: Timestamp.optional().meta({ description: 'Only plans changed at or after this time' }),
});

export type PlanStatus = z.infer<typeof PlanStatusSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type PatchPlanBody = z.infer<typeof PatchPlanBodySchema>;
export type PlanVersion = z.infer<typeof PlanVersionSchema>;
