import { z } from 'zod';
import type * as engine from '../planning/engine.types';
import { type Assert, GoalTypeSchema, JointSchema, MeasureCodeSchema, MovementSchema, type Same } from './common.contract';

export const GoalProgressSchema = z
  .strictObject({
    type: GoalTypeSchema,
    measure: MeasureCodeSchema,
    joint: JointSchema.optional(),
    movement: MovementSchema.optional(),
    baseline: z.number().nullable().meta({ description: 'From the assessment, else the first session that measured it' }),
    latest: z.number().nullable().meta({ description: 'The last session value of the same measure (rom: same joint and movement)' }),
    target: z.number().nullable(),
    change: z.number().nullable().meta({ description: 'latest − baseline, in the measure’s own units and sign' }),
    episodeBaseline: z
      .number()
      .nullable()
      .meta({ description: 'The baseline of the first plan of the episode (reassessment chain) that measured it; null on a first plan' }),
    episodeChange: z.number().nullable().meta({ description: 'latest − episodeBaseline: the change over the whole episode of care' }),
    mcidReached: z.boolean().nullable().meta({ description: 'The change is an improvement of at least the MCID (direction respected)' }),
    percentToTarget: z.number().nullable().meta({ description: '0–100: share of the way from baseline to target' }),
    trend: z.enum(['improving', 'flat', 'worsening']).nullable().meta({ description: 'Baseline to latest; a change under half the MCID is flat' }),
  })
  .meta({ id: 'GoalProgress' });

export const RecommendationSchema = z
  .strictObject({
    action: z.enum(['continue', 'progress', 'reassess', 'discharge', 'refer']),
    reason: z.string(),
    easeNextDose: z.boolean().meta({ description: 'A mild reaction (transient soreness or fatigue) at the latest session: ease the next dose' }),
  })
  .meta({ id: 'Recommendation' });

export const ProgressSchema = z
  .strictObject({
    planId: z.string(),
    sessionsCompleted: z.int().min(0),
    sessionsPlanned: z.int().min(0),
    goals: z.array(GoalProgressSchema),
    recommendation: RecommendationSchema,
  })
  .meta({ id: 'Progress' });

export type GoalProgress = z.infer<typeof GoalProgressSchema>;
export type Recommendation = z.infer<typeof RecommendationSchema>;
export type Progress = z.infer<typeof ProgressSchema>;

// What the engine computes, as src/planning states it (see Same in common.contract.ts).
type _EngineProgress = Assert<Same<Progress, engine.Progress>>;
