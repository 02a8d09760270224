import { z } from 'zod';
import { CONDITION_CODES } from '../planning/catalog/catalog.conditions';
import { ANSWERS, SCREENING_QUESTION_CODES } from '../planning/catalog/catalog.screening';
import { SURGICAL_APPROACHES, SURGICAL_PROCEDURES } from '../planning/catalog/catalog.surgeries';
import { JOINTS, MEASURES, MIN_ROM_DEGREES, SIGNED_MOVEMENTS } from '../planning/catalog/catalog.measures';
import { REGION_CODES } from '../planning/catalog/catalog.regions';
import { SIDES } from '../planning/catalog/catalog.types';
import type * as engine from '../planning/engine.types';
import { EventDate, EventTimestamp } from './http.contract';
import {
  type Assert,
  FunctionInstrumentSchema,
  GoalTypeSchema,
  JointSchema,
  MechanismSchema,
  MovementSchema,
  oneOf,
  PainQualitySchema,
  PressureSchema,
  RegionCodeSchema,
  type Same,
  SideSchema,
  StressInstrumentSchema,
} from './common.contract';

export const PainLocationSchema = z
  .strictObject({
    region: RegionCodeSchema,
    side: SideSchema.optional().meta({ description: 'Absent: both sides of a paired region, the midline of an unpaired one' }),
    intensity: z.int().min(0).max(10).meta({ description: 'Pain here, numeric rating scale 0–10' }),
    quality: z.array(PainQualitySchema).max(13).optional(),
  })
  .meta({ id: 'PainLocation' });

export const AssessmentGoalSchema = z
  .strictObject({
    type: GoalTypeSchema,
    priority: z.int().min(1).max(100).meta({ description: '1 is the most important' }),
    detail: z.string().max(500).optional().meta({ description: 'In the patient’s words, e.g. "bend to tie shoes"' }),
  })
  .meta({ id: 'AssessmentGoal' });

export const RomMeasureSchema = z
  .strictObject({
    joint: JointSchema,
    movement: MovementSchema,
    degrees: z
      .number()
      .min(MIN_ROM_DEGREES)
      .max(200)
      .meta({ description: 'Active range, goniometer degrees. Below 0 only for an extension that stops short of neutral (knee extension −10: lacks 10°)' }),
  })
  .superRefine((rom, ctx) => {
    const movements = JOINTS[rom.joint].movements;
    if (!movements.includes(rom.movement)) {
      ctx.addIssue({
        code: 'custom',
        path: ['movement'],
        message: `Invalid movement for joint ${rom.joint}: expected one of ${movements.map((m) => JSON.stringify(m)).join('|')}`,
      });
    }
    if (rom.degrees < 0 && !SIGNED_MOVEMENTS.includes(rom.movement)) {
      ctx.addIssue({
        code: 'custom',
        path: ['degrees'],
        message: `Too small: expected ${rom.movement} degrees to be >=0 (only an extension that stops short of neutral is recorded below 0)`,
      });
    }
  })
  .meta({ id: 'RomMeasure' });

export const StressMeasureSchema = z
  .strictObject({
    instrument: StressInstrumentSchema,
    score: z.int().min(MEASURES.pss10.min).max(MEASURES.pss10.max).meta({ description: 'PSS-10 total, 0–40' }),
  })
  .meta({ id: 'StressMeasure' });

export const FunctionMeasureSchema = z
  .strictObject({
    instrument: FunctionInstrumentSchema,
    score: z.number().meta({ description: 'ODI 0–100, NDI 0–50, QuickDASH 0–100, LEFS 0–80, PSFS 0–10' }),
  })
  .superRefine((f, ctx) => {
    const { min, max } = MEASURES[f.instrument];
    if (!(f.score >= min && f.score <= max)) {
      ctx.addIssue({ code: 'custom', path: ['score'], message: `${f.instrument} score must be between ${min} and ${max}` });
    }
  })
  .meta({ id: 'FunctionMeasure' });

/** Baseline measures of an assessment, and the measures a session reports (same shape, so progress compares like with like). */
export const MeasuresSchema = z
  .strictObject({
    painNrs: z.int().min(0).max(10).optional().meta({ description: 'Overall pain, numeric rating scale 0–10' }),
    rom: z
      .array(RomMeasureSchema)
      .max(20)
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((r, i) => {
          const key = `${r.joint}:${r.movement}`;
          if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'movement'], message: `Duplicate measurement of ${r.joint} ${r.movement}` });
          seen.add(key);
        });
      })
      .optional(),
    stress: StressMeasureSchema.optional(),
    function: FunctionMeasureSchema.optional(),
  })
  .meta({ id: 'Measures' });

const LOCAL_CONDITION_KEYS = new Set(['code', 'region', 'side']);
const ConditionCode = oneOf(CONDITION_CODES, 'condition code');

// A loose object checked key by key (not z.strictObject) so that, inside the union with a bare code,
// an unknown key or a bad region still reports its own path rather than "Invalid input" on the item.
const LocalConditionSchema = z
  .looseObject({
    code: ConditionCode,
    region: oneOf(REGION_CODES, 'region').optional(),
    side: oneOf(SIDES, 'side').optional(),
  })
  .superRefine((c, ctx) => {
    const unknown = Object.keys(c).filter((k) => !LOCAL_CONDITION_KEYS.has(k));
    if (unknown.length > 0) ctx.addIssue({ code: 'unrecognized_keys', keys: unknown, message: `Unrecognized key(s): ${unknown.join(', ')}` });
    if (c.region === undefined) ctx.addIssue({ code: 'custom', path: ['region'], message: 'Required: the body region of a local condition' });
  })
  .meta({
    id: 'LocalCondition',
    description: 'A condition at one place, e.g. an open wound on the left shoulder',
    required: ['code', 'region'],
    additionalProperties: false,
  }) as unknown as z.ZodType<{ code: (typeof CONDITION_CODES)[number]; region: (typeof REGION_CODES)[number]; side?: (typeof SIDES)[number] }>;

const QUESTION_CODES = new Set<string>(SCREENING_QUESTION_CODES);
const ANSWER_VALUES = new Set<string>(ANSWERS);

// A record checked key by key, so an unknown question code is reported at its own path with the
// allowed codes, rather than as a bare "Invalid key".
export const ScreeningAnswersSchema = z
  .record(z.string().max(64), z.string().max(16))
  .superRefine((answers, ctx) => {
    for (const [code, answer] of Object.entries(answers)) {
      if (!QUESTION_CODES.has(code)) {
        ctx.addIssue({
          code: 'custom',
          path: [code],
          message: `Unknown screening question: expected one of ${SCREENING_QUESTION_CODES.join('|')} (GET /v1/catalog, screeningQuestions)`,
        });
      } else if (!ANSWER_VALUES.has(answer)) {
        ctx.addIssue({ code: 'custom', path: [code], message: `Invalid answer: expected one of ${ANSWERS.map((a) => JSON.stringify(a)).join('|')}` });
      }
    }
  })
  .meta({
    id: 'ScreeningAnswers',
    description:
      'Answers to the catalog’s screening questions: yes acts as the red flag it names; an applicable question unanswered or "unknown" is listed in plan.screening.unanswered',
    propertyNames: { enum: [...SCREENING_QUESTION_CODES] },
    additionalProperties: { type: 'string', enum: [...ANSWERS] },
  }) as unknown as z.ZodType<Partial<Record<(typeof SCREENING_QUESTION_CODES)[number], (typeof ANSWERS)[number]>>>;

// Physiological bounds: anything outside is a typing error, not a patient.
export const VitalsSchema = z
  .strictObject({
    systolic: z.int().min(50).max(300).optional().meta({ description: 'mmHg; ≥ 180 → refer the same day, 160–179 → clearance and light pressure' }),
    diastolic: z.int().min(20).max(200).optional().meta({ description: 'mmHg; ≥ 120 → refer the same day, 100–119 → clearance and light pressure' }),
    heartRate: z.int().min(20).max(250).optional().meta({ description: 'Resting beats per minute; above 100 or below 50 → clearance' }),
    temperatureC: z.number().min(30).max(45).optional().meta({ description: '°C; 38.0 or more → postpone' }),
  })
  .meta({ id: 'Vitals' });

export const SurgerySchema = z
  .strictObject({
    procedure: z
      .enum(SURGICAL_PROCEDURES)
      .meta({ description: 'From the catalog (surgicalProcedures); its protocol binds techniques, ROM targets and home program' }),
    date: EventDate.meta({ description: 'YYYY-MM-DD of the operation; not after assessedAt' }),
    region: RegionCodeSchema,
    side: SideSchema.optional(),
    approach: z.enum(SURGICAL_APPROACHES).optional().meta({ description: 'Changes the protocol (e.g. posterior vs anterior hip)' }),
  })
  .meta({ id: 'Surgery' });

export const ScreeningInputSchema = z
  .strictObject({
    conditions: z
      .array(z.union([ConditionCode, LocalConditionSchema], { error: 'Expected a condition code or { code, region, side }' }))
      .max(80)
      .optional()
      .meta({ description: 'Catalog codes; a local condition may name its region and side' }),
    redFlags: z.array(ConditionCode).max(80).optional().meta({ description: 'Catalog codes; a code means the same in either list' }),
    surgeryDate: EventDate.nullable().optional().meta({ description: 'YYYY-MM-DD of the operation, for post-surgical timing' }),
    age: z.int().min(0).max(120).nullable().optional().meta({ description: 'Years; when absent the patient’s birth date is used' }),
    answers: ScreeningAnswersSchema.optional(),
    vitals: VitalsSchema.optional(),
    surgeries: z.array(SurgerySchema).max(10).optional(),
  })
  .meta({ id: 'ScreeningInput' });

export const PreferencesSchema = z
  .strictObject({
    sessionMinutes: z.int().min(15).max(120).optional().meta({ description: 'Default 60 (Sherman 2014: 30 minutes was no better than wait-list)' }),
    sessionsPerWeek: z.int().min(1).max(7).optional(),
    pressure: PressureSchema.optional().meta({ description: 'Upper bound for comfort; never overrides a precaution' }),
  })
  .meta({ id: 'Preferences' });

export const AssessmentInputSchema = z
  .strictObject({
    patientId: z.uuid().max(36),
    practitioner: z.string().min(1).max(100),
    complaint: z.string().min(1).max(4000).meta({ description: 'Free text; red-flag and contraindication phrases in it are read' }),
    assessedAt: EventTimestamp.optional().meta({ description: 'Defaults to now; the date the engine reasons from' }),
    painLocations: z.array(PainLocationSchema).max(20).optional().meta({ description: 'May be empty, e.g. for a stress-only assessment' }),
    goals: z
      .array(AssessmentGoalSchema)
      .min(1)
      .max(GoalTypeSchema.options.length)
      .superRefine((goals, ctx) => {
        const seen = new Set<string>();
        goals.forEach((g, i) => {
          if (seen.has(g.type)) ctx.addIssue({ code: 'custom', path: [i, 'type'], message: `Goal type ${g.type} is listed twice` });
          seen.add(g.type);
        });
      }),
    durationWeeks: z.number().min(0).max(1040).optional().meta({ description: 'How long the complaint has lasted: < 6 acute, 6–12 subacute, > 12 chronic' }),
    mechanism: MechanismSchema.optional(),
    screening: ScreeningInputSchema.optional(),
    measures: MeasuresSchema.optional(),
    preferences: PreferencesSchema.optional(),
  })
  .meta({ id: 'NewAssessment', description: 'An assessment as the therapist sends it' });

export type AssessmentInput = z.infer<typeof AssessmentInputSchema>;
export type Measures = z.infer<typeof MeasuresSchema>;
export type PainLocation = z.infer<typeof PainLocationSchema>;
export type ScreeningInput = z.infer<typeof ScreeningInputSchema>;

// The engine's input, as src/planning states it (see Same in common.contract.ts).
type _EngineInput = Assert<Same<AssessmentInput, engine.AssessmentInput>>;
