// GET /v1/catalog: the engine's knowledge base, versioned, with the source of every clinical value.
import { z } from 'zod';
import type { CATALOG } from '../planning/catalog/catalog';
import { SCREENING_GROUPS, SCREENING_QUESTION_CODES } from '../planning/catalog/catalog.screening';
import { PROTOCOL_MOVEMENT_TAGS, SURGICAL_APPROACHES, SURGICAL_PROCEDURES } from '../planning/catalog/catalog.surgeries';
import { SOURCE_IDS } from '../planning/catalog/catalog.sources';
import { EXERCISE_KINDS, EXERCISE_TAGS, PRESENTATION_CODES } from '../planning/catalog/catalog.exercises';
import { CHRONICITIES } from '../planning/catalog/catalog.types';
import {
  type Assert,
  ConditionCodeSchema,
  DirectionSchema,
  ExerciseDoseSchema,
  FunctionInstrumentSchema,
  GoalTypeSchema,
  HomeExerciseCodeSchema,
  JointSchema,
  MeasureCodeSchema,
  MechanismSchema,
  MovementSchema,
  PainQualitySchema,
  PressureSchema,
  RegionCodeSchema,
  RegionGroupSchema,
  SeveritySchema,
  SideSchema,
  TechniqueCodeSchema,
} from './common.contract';

const SourceIdSchema = z.enum(SOURCE_IDS).meta({ id: 'SourceId' });
const SourceIds = z.array(SourceIdSchema);

const ExternalCodeSchema = z
  .strictObject({
    code: z.string().nullable(),
    status: z
      .enum(['reference', 'verify', 'unassigned'])
      .meta({ description: 'reference: from the team reference; verify: needs checking; unassigned: none yet' }),
  })
  .meta({ id: 'ExternalCode' });

export const CatalogRegionSchema = z
  .strictObject({
    code: RegionCodeSchema,
    label: z.string(),
    group: RegionGroupSchema,
    paired: z.boolean(),
    spinal: z.boolean(),
    joint: JointSchema.nullable(),
    functionInstrument: FunctionInstrumentSchema,
    snomed: ExternalCodeSchema.extend({ left: z.string().nullable(), right: z.string().nullable() }),
    targetMuscles: z.array(z.string()),
    terms: z.array(z.string()),
  })
  .meta({ id: 'CatalogRegion' });

export const CatalogTechniqueSchema = z
  .strictObject({
    code: TechniqueCodeSchema,
    label: z.string(),
    cpt: z.string(),
    goalTypes: z.array(GoalTypeSchema),
    defaultPressure: PressureSchema,
    minPressure: PressureSchema,
    defaultMinutes: z.int(),
    minMinutes: z.int(),
    maxMinutes: z.int(),
    intensity: z.enum(['gentle', 'moderate', 'deep']),
    handsOn: z.boolean(),
    regions: z.array(RegionCodeSchema),
    avoidInAcuteInjury: z.boolean(),
    minDaysAfterSurgery: z.int(),
    requiresClosedScar: z.boolean(),
    scopeNote: z.string().nullable(),
    surgicalNote: z.string().nullable().meta({ description: 'Said when it is used on an operated region' }),
    forbiddenBy: z.array(ConditionCodeSchema).meta({ description: 'Conditions that rule it out (everywhere or on their region)' }),
    modifiedBy: z.array(ConditionCodeSchema).meta({ description: 'Conditions that cap its pressure' }),
    sourceIds: SourceIds,
  })
  .meta({ id: 'CatalogTechnique' });

const EffectSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('avoid_region'), regions: z.array(RegionCodeSchema).optional() }),
    z.strictObject({ type: z.literal('max_pressure'), pressure: PressureSchema, regions: z.array(RegionCodeSchema).optional() }),
    z.strictObject({ type: z.literal('forbid_technique'), techniques: z.array(TechniqueCodeSchema), regions: z.array(RegionCodeSchema).optional() }),
    z.strictObject({ type: z.literal('positioning'), instruction: z.string() }),
    z.strictObject({ type: z.literal('clearance'), from: z.string() }),
    z.strictObject({ type: z.literal('surgical_site') }),
  ])
  .meta({ id: 'ConditionEffect', description: 'Without regions: everywhere (systemic) or at the condition’s own location (local)' });

export const CatalogConditionSchema = z
  .strictObject({
    code: ConditionCodeSchema,
    label: z.string(),
    kind: z.enum(['red_flag', 'contraindication', 'precaution']),
    scope: z.enum(['systemic', 'local']),
    severity: SeveritySchema,
    decision: z.enum(['refer', 'postpone']).nullable(),
    effects: z.array(EffectSchema),
    defaultRegions: z
      .array(RegionCodeSchema)
      .meta({ description: 'Where a local condition given without a region is assumed to be; empty: the painful regions' }),
    message: z.string(),
    sourceIds: SourceIds,
  })
  .meta({ id: 'CatalogCondition' });

export const CatalogEscalationSchema = z
  .strictObject({
    id: z.string(),
    raises: ConditionCodeSchema,
    all: z.array(z.string()),
    any: z.array(z.string()),
    because: z.string(),
    sourceIds: SourceIds,
  })
  .meta({ id: 'CatalogEscalation' });

export const CatalogMeasureSchema = z
  .strictObject({
    code: MeasureCodeSchema,
    label: z.string(),
    min: z.number(),
    max: z.number(),
    direction: DirectionSchema,
    mcid: z.number(),
    mcidPercent: z.number().nullable(),
    mcidNote: z.string(),
    loinc: ExternalCodeSchema,
    bands: z.array(z.strictObject({ label: z.string(), min: z.number(), max: z.number() })),
    sourceIds: SourceIds,
  })
  .meta({ id: 'CatalogMeasure' });

export const RomNormSchema = z
  .strictObject({
    joint: JointSchema,
    movement: MovementSchema,
    degrees: z.number().nullable(),
    mcid: z.number(),
    sourceId: SourceIdSchema,
    note: z.string(),
  })
  .meta({ id: 'RomNorm' });

export const CatalogHomeExerciseSchema = z
  .strictObject({
    code: HomeExerciseCodeSchema,
    label: z.string(),
    instructions: z.string().meta({ description: 'How to do it, in plain words; how much is in dose' }),
    frequency: z.string().meta({ description: 'Said when it adds to the dose (e.g. "every hour while resting"); else empty' }),
    dose: ExerciseDoseSchema,
    goalTypes: z.array(GoalTypeSchema),
    kind: z.enum(EXERCISE_KINDS),
    regions: z.array(RegionCodeSchema).meta({ description: 'Empty: general, for any complaint' }),
    mechanisms: z.array(MechanismSchema).meta({ description: 'Mechanisms of injury whose cause it addresses' }),
    addresses: z.array(z.enum(PRESENTATION_CODES)).meta({ description: 'Presentations it is written for' }),
    tags: z.array(z.enum(EXERCISE_TAGS)).meta({ description: 'Contraindication tags: what it asks of the body that a condition can forbid' }),
    level: z.int().min(1).max(3).meta({ description: 'Load: 1 low (irritable or early), 2 moderate, 3 high' }),
    progression: HomeExerciseCodeSchema.nullable().meta({ description: 'The exercise that comes next when this one is easy' }),
    progressionNote: z.string(),
    notAcute: z.boolean(),
    requiresClosedScar: z.boolean(),
    swellingOnly: z.boolean(),
    avoidWith: z.array(ConditionCodeSchema),
    sourceIds: SourceIds,
  })
  .meta({ id: 'CatalogHomeExercise' });

export const CatalogSchema = z
  .strictObject({
    engineVersion: z.string(),
    catalogVersion: z.string(),
    sources: z.array(z.strictObject({ id: SourceIdSchema, citation: z.string() })),
    regionGroups: z.array(z.strictObject({ code: RegionGroupSchema, label: z.string() })),
    regions: z.array(CatalogRegionSchema),
    sides: z.array(SideSchema),
    pressures: z.array(PressureSchema),
    painQualities: z.array(PainQualitySchema),
    joints: z.array(
      z.strictObject({
        code: JointSchema,
        label: z.string(),
        regions: z.array(RegionCodeSchema),
        movements: z.array(MovementSchema),
        defaultMovement: MovementSchema,
      }),
    ),
    romNorms: z.array(RomNormSchema),
    measures: z.array(CatalogMeasureSchema),
    techniques: z.array(CatalogTechniqueSchema),
    conditions: z.array(CatalogConditionSchema).meta({ description: 'Contraindications, precautions and red flags' }),
    contraindications: z
      .array(CatalogConditionSchema.pick({ code: true, label: true, kind: true, scope: true, severity: true, decision: true }).strict())
      .meta({
        description:
          'Every contraindication, precaution and red flag the screen knows, in brief: what it is and what it decides. Its effects on pressure, regions and techniques are under `conditions`.',
      }),
    escalations: z.array(CatalogEscalationSchema),
    goalTypes: z.array(
      z.strictObject({
        code: GoalTypeSchema,
        label: z.string(),
        defaultMeasure: MeasureCodeSchema,
        techniques: z.array(TechniqueCodeSchema),
        maxPressure: PressureSchema,
        defaultRegions: z.array(RegionCodeSchema),
      }),
    ),
    mechanisms: z.array(
      z.strictObject({
        code: MechanismSchema,
        label: z.string(),
        prefer: z.array(z.strictObject({ goalType: GoalTypeSchema, techniques: z.array(TechniqueCodeSchema) })),
        homeExercises: z.array(HomeExerciseCodeSchema),
        injury: z.boolean(),
        minWeeks: z.int(),
        note: z.string(),
      }),
    ),
    chronicity: z.array(
      z.strictObject({
        code: z.enum(CHRONICITIES),
        label: z.string(),
        fromWeeks: z.number().nullable(),
        toWeeks: z.number().nullable(),
        sessionsPerWeek: z.int(),
        weeks: z.int(),
        painReduction: z.number(),
        maxPressureOnPainRegions: PressureSchema,
        homeProgramAlways: z.boolean(),
        sessionExercise: z.boolean(),
        note: z.string(),
        sourceIds: SourceIds,
      }),
    ),
    homeExercises: z.array(CatalogHomeExerciseSchema).meta({ description: 'The home-exercise library the engine draws home programs from' }),
    exerciseTags: z.array(z.enum(EXERCISE_TAGS)).meta({ description: 'Contraindication tags an exercise may carry' }),
    presentations: z.array(z.enum(PRESENTATION_CODES)).meta({ description: 'Presentations the exercises address' }),
    billingCodes: z.array(z.strictObject({ code: z.string(), label: z.string(), timed: z.boolean(), note: z.string() })),
    screeningQuestions: z
      .array(
        z.strictObject({
          code: z.enum(SCREENING_QUESTION_CODES),
          group: z.enum(SCREENING_GROUPS),
          question: z.string().meta({ description: 'In plain words, to read to the patient' }),
          redFlag: ConditionCodeSchema.meta({ description: 'The condition a "yes" raises, exactly as if coded' }),
          appliesTo: z
            .strictObject({
              always: z.boolean(),
              regions: z.array(RegionCodeSchema),
              nerveSymptomRegions: z
                .array(RegionCodeSchema)
                .meta({ description: 'Regions where it applies only with radiating, shooting, numb or tingling pain' }),
              mechanisms: z.array(MechanismSchema),
              minAge: z.int().nullable(),
            })
            .meta({ description: 'Asked when any criterion matches the presentation' }),
          sourceIds: SourceIds,
        }),
      )
      .meta({ description: 'The structured screen (answers in screening.answers: yes | no | unknown)' }),
    surgicalProcedures: z.array(
      z.strictObject({
        code: z.enum(SURGICAL_PROCEDURES),
        label: z.string(),
        regions: z.array(RegionCodeSchema),
        protocols: z.array(
          z.strictObject({
            approach: z.enum([...SURGICAL_APPROACHES, 'default']),
            untilDay: z.int(),
            romLimits: z.array(z.strictObject({ joint: JointSchema, movement: MovementSchema, maxDegrees: z.number() })),
            forbidTechniques: z.array(TechniqueCodeSchema),
            forbidMovements: z.array(z.enum(PROTOCOL_MOVEMENT_TAGS)),
            instruction: z.string(),
          }),
        ),
        sourceIds: SourceIds,
      }),
    ),
  })
  .meta({ id: 'Catalog' });

export type Catalog = z.infer<typeof CatalogSchema>;

// src/planning builds the catalog it serves without zod; it must fit the schema (see Same in common.contract.ts).
type _EngineCatalog = Assert<typeof CATALOG extends Catalog ? true : false>;
