// Clinical code lists shared by the assessment, plan, progress and catalog contracts. Every list is
// read from the planning catalog, so adding a catalog entry extends validation and the OpenAPI enums.
import { z } from 'zod';
import { CONDITION_CODES } from '../planning/catalog/catalog.conditions';
import { GOAL_TYPES, HOME_EXERCISE_CODES, MECHANISM_CODES, PAIN_QUALITIES } from '../planning/catalog/catalog.goals';
import { FUNCTION_INSTRUMENTS, JOINT_CODES, MEASURE_CODES, MOVEMENT_CODES, STRESS_INSTRUMENTS } from '../planning/catalog/catalog.measures';
import { REGION_CODES, REGION_GROUP_CODES } from '../planning/catalog/catalog.regions';
import { TECHNIQUE_CODES } from '../planning/catalog/catalog.techniques';
import { DIRECTIONS, PRESSURES, SEVERITIES, SIDES } from '../planning/catalog/catalog.types';

export const RegionCodeSchema = z.enum(REGION_CODES).meta({ id: 'RegionCode', description: 'Body region from the catalog (GET /v1/catalog)' });
export const RegionGroupSchema = z.enum(REGION_GROUP_CODES).meta({ id: 'RegionGroup' });
export const SideSchema = z.enum(SIDES).meta({ id: 'Side', description: 'bilateral means both sides; midline the centre of an unpaired region' });
export const GoalTypeSchema = z.enum(GOAL_TYPES).meta({ id: 'GoalType' });
export const MechanismSchema = z.enum(MECHANISM_CODES).meta({ id: 'Mechanism', description: 'How the complaint started' });
export const PainQualitySchema = z.enum(PAIN_QUALITIES).meta({
  id: 'PainQuality',
  description: 'How the pain feels; swelling (visible or felt) is recorded here too: it decides lymphatic drainage and swelling exercises',
});
export const ConditionCodeSchema = z.enum(CONDITION_CODES).meta({ id: 'ConditionCode', description: 'Condition or red flag from the catalog' });
export const TechniqueCodeSchema = z.enum(TECHNIQUE_CODES).meta({ id: 'TechniqueCode' });
export const HomeExerciseCodeSchema = z.enum(HOME_EXERCISE_CODES).meta({ id: 'HomeExerciseCode' });
export const ExerciseDoseSchema = z
  .strictObject({
    sets: z.int().min(1).optional(),
    reps: z.int().min(1).optional().meta({ description: 'Repetitions per set' }),
    holdSeconds: z.int().min(1).optional(),
    minutes: z.int().min(1).optional().meta({ description: 'Minutes per bout (walking, breathing, heat)' }),
    perDay: z.int().min(1).optional().meta({ description: 'Bouts a day' }),
    daysPerWeek: z.int().min(1).max(7).optional(),
  })
  .meta({ id: 'ExerciseDose', description: 'How much: any of sets, repetitions, hold, minutes; how often' });
export const JointSchema = z.enum(JOINT_CODES).meta({ id: 'Joint' });
export const MovementSchema = z.enum(MOVEMENT_CODES).meta({ id: 'Movement' });
export const FunctionInstrumentSchema = z.enum(FUNCTION_INSTRUMENTS).meta({ id: 'FunctionInstrument' });
export const StressInstrumentSchema = z.enum(STRESS_INSTRUMENTS).meta({ id: 'StressInstrument' });
export const MeasureCodeSchema = z.enum(MEASURE_CODES).meta({ id: 'MeasureCode', description: 'pain_nrs, rom (with joint and movement) or a questionnaire' });
export const PressureSchema = z.enum(PRESSURES).meta({ id: 'Pressure' });
export const SeveritySchema = z.enum(SEVERITIES).meta({ id: 'Severity' });
export const DirectionSchema = z.enum(DIRECTIONS).meta({ id: 'Direction' });
export const RuleIdsSchema = z.array(z.string()).meta({ description: 'Identifiers of the engine rules behind this choice (see rationale[])' });

/**
 * `true` when A and B are the same type, optional and nullable fields included. The engine states its
 * input and output as plain types (src/planning/engine.types.ts) and imports nothing from here;
 * the contracts build their schemas over the same code lists and prove the two agree with
 * `Assert<Same<…>>`, which fails to compile when a field is added or changed on one side only.
 */
export type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Assert<T extends true> = T;

/**
 * A string from a fixed list, checked by a refinement instead of `z.enum`: inside a union, zod keeps
 * the issues of the one branch whose type matches only when they are non-aborting, so the error
 * names the bad field and lists the allowed values instead of a bare "Invalid input".
 */
export function oneOf<T extends string>(values: readonly T[], what: string): z.ZodType<T, string> {
  const allowed = new Set<string>(values);
  const message = `Invalid ${what}: expected one of ${values.map((v) => JSON.stringify(v)).join('|')}`;
  return z
    .string()
    .refine((v) => allowed.has(v), { message })
    .meta({ enum: [...values] }) as unknown as z.ZodType<T, string>;
}
