// The engine's input and output as plain types. The engine is self-contained: it imports nothing
// from the service around it, not even the API's zod schemas. src/contracts builds those schemas
// over the same code lists and proves at compile time that each one matches its type here, so a
// field added on one side and not the other does not compile. What each field means is said once,
// in the schemas' descriptions (src/contracts, and the OpenAPI document made from them).
import type { ConditionCode } from './catalog/catalog.conditions';
import type { ExerciseDose, HomeExerciseCode } from './catalog/catalog.exercises';
import type { GoalType, MechanismCode, PainQuality } from './catalog/catalog.goals';
import type { FunctionInstrument, JointCode, MeasureCode, MovementCode, StressInstrument } from './catalog/catalog.measures';
import type { RegionCode } from './catalog/catalog.regions';
import type { Answer, ScreeningQuestionCode } from './catalog/catalog.screening';
import type { SurgicalApproach, SurgicalProcedure } from './catalog/catalog.surgeries';
import type { TechniqueCode } from './catalog/catalog.techniques';
import type { Direction, Pressure, Severity, Side } from './catalog/catalog.types';

// ---- Input: the assessment (contracts/assessment.contract.ts) ----

export interface PainLocation {
  region: RegionCode;
  side?: Side;
  intensity: number;
  quality?: PainQuality[];
}

export interface AssessmentGoal {
  type: GoalType;
  priority: number;
  detail?: string;
}

export interface RomMeasure {
  joint: JointCode;
  movement: MovementCode;
  degrees: number;
}

/** Baseline measures of an assessment, and the measures a session reports (same shape). */
export interface Measures {
  painNrs?: number;
  rom?: RomMeasure[];
  stress?: { instrument: StressInstrument; score: number };
  function?: { instrument: FunctionInstrument; score: number };
}

export interface LocalCondition {
  code: ConditionCode;
  region: RegionCode;
  side?: Side;
}

export interface Vitals {
  systolic?: number;
  diastolic?: number;
  heartRate?: number;
  temperatureC?: number;
}

export interface Surgery {
  procedure: SurgicalProcedure;
  /** YYYY-MM-DD */
  date: string;
  region: RegionCode;
  side?: Side;
  approach?: SurgicalApproach;
}

export interface ScreeningInput {
  conditions?: (ConditionCode | LocalCondition)[];
  redFlags?: ConditionCode[];
  /** YYYY-MM-DD */
  surgeryDate?: string | null;
  age?: number | null;
  answers?: Partial<Record<ScreeningQuestionCode, Answer>>;
  vitals?: Vitals;
  surgeries?: Surgery[];
}

export interface Preferences {
  sessionMinutes?: number;
  sessionsPerWeek?: number;
  pressure?: Pressure;
}

export interface AssessmentInput {
  patientId: string;
  practitioner: string;
  complaint: string;
  /** ISO 8601 timestamp */
  assessedAt?: string;
  painLocations?: PainLocation[];
  goals: AssessmentGoal[];
  durationWeeks?: number;
  mechanism?: MechanismCode;
  screening?: ScreeningInput;
  measures?: Measures;
  preferences?: Preferences;
}

// ---- Output: the plan content (contracts/plan.contract.ts) ----

export type Decision = 'treat' | 'treat_with_precautions' | 'postpone' | 'refer';

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  source: 'screening' | 'complaint' | 'measures';
  evidence: string;
}

export interface ScreeningResult {
  decision: Decision;
  findings: Finding[];
  unanswered?: ScreeningQuestionCode[];
}

export interface FocusArea {
  region: RegionCode;
  side: Side;
  priority: number;
  targetMuscles: string[];
}

export interface PlanTechnique {
  code: TechniqueCode;
  region: RegionCode;
  side?: Side;
  minutes: number;
  pressure: Pressure;
  goalTypes: GoalType[];
  rationale: string;
  ruleIds: string[];
}

export interface Schedule {
  sessionMinutes: number;
  sessionsPerWeek: number;
  weeks: number;
  totalSessions: number;
  reassessAfterSessions: number;
  ruleIds: string[];
  rationale: string;
}

export interface PlanGoal {
  type: GoalType;
  measure: MeasureCode;
  joint?: JointCode;
  movement?: MovementCode;
  baseline: number | null;
  episodeBaseline?: number;
  target: number | null;
  byWeek: number;
  mcid: number;
  direction: Direction;
  ruleIds: string[];
  rationale: string;
}

export interface HomeProgramItem {
  code: HomeExerciseCode;
  instructions: string;
  frequency: string;
  goalTypes: GoalType[];
  dose?: ExerciseDose;
  progression?: string;
  ruleIds: string[];
}

export interface BillingLine {
  cpt: string;
  units: number;
  minutes: number;
  description: string;
  regions: RegionCode[];
}

export interface PlanContent {
  engineVersion: string;
  screening: ScreeningResult;
  summary: string;
  focusAreas: FocusArea[];
  techniques: PlanTechnique[];
  schedule: Schedule;
  goals: PlanGoal[];
  homeProgram: HomeProgramItem[];
  precautions: string[];
  billing: BillingLine[];
  rationale: { ruleId: string; because: string }[];
}

// ---- Progress (contracts/progress.contract.ts, adverse events of contracts/session.contract.ts) ----

export type AdverseEventSeverity = 'mild' | 'moderate' | 'severe';

/** As recorded: text (read as moderate) or a description with its severity. */
export type AdverseEvent = string | { description: string; severity: AdverseEventSeverity };

export interface GoalProgress {
  type: GoalType;
  measure: MeasureCode;
  joint?: JointCode;
  movement?: MovementCode;
  baseline: number | null;
  latest: number | null;
  target: number | null;
  change: number | null;
  episodeBaseline: number | null;
  episodeChange: number | null;
  mcidReached: boolean | null;
  percentToTarget: number | null;
  trend: 'improving' | 'flat' | 'worsening' | null;
}

export interface Recommendation {
  action: 'continue' | 'progress' | 'reassess' | 'discharge' | 'refer';
  reason: string;
  easeNextDose: boolean;
}

export interface Progress {
  planId: string;
  sessionsCompleted: number;
  sessionsPlanned: number;
  goals: GoalProgress[];
  recommendation: Recommendation;
}
