// Shapes of the catalog entries. The code lists live next to their data (catalog.*.ts) so that
// adding an entry there extends the API's validation, which reads the same lists.
import type { ConditionCode } from './catalog.conditions';
import type { ExerciseDose, ExerciseKind, ExerciseTag, HomeExerciseCode, PresentationCode } from './catalog.exercises';
import type { GoalType, MechanismCode } from './catalog.goals';
import type { FunctionInstrument, JointCode, MeasureCode, MovementCode } from './catalog.measures';
import type { RegionCode, RegionGroupCode } from './catalog.regions';
import type { SourceId } from './catalog.sources';
import type { TechniqueCode } from './catalog.techniques';

export const PRESSURES = ['light', 'moderate', 'firm'] as const;
export type Pressure = (typeof PRESSURES)[number];

export const SIDES = ['left', 'right', 'bilateral', 'midline'] as const;
export type Side = (typeof SIDES)[number];

export const SEVERITIES = ['info', 'caution', 'stop'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DIRECTIONS = ['lower_is_better', 'higher_is_better'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const CHRONICITIES = ['acute', 'subacute', 'chronic', 'unknown'] as const;
export type Chronicity = (typeof CHRONICITIES)[number];

/** A code in an external terminology, with how far the team trusts it. */
export interface ExternalCode {
  code: string | null;
  /** `reference`: taken from the team's clinical reference; `verify`: seen in public material, not yet verified; `unassigned`: none chosen. */
  status: 'reference' | 'verify' | 'unassigned';
}

export interface RegionEntry {
  label: string;
  group: RegionGroupCode;
  /** Left and right are distinct places (a limb); otherwise sides are positions within one region. */
  paired: boolean;
  /** A spinal region: red-flag rules for back and neck pain (AHCPR, IFOMPT) apply to it. */
  spinal: boolean;
  joint: JointCode | null;
  functionInstrument: FunctionInstrument;
  snomed: ExternalCode & { left: string | null; right: string | null };
  targetMuscles: string[];
  /** Lay words for the region, used to locate local findings in the complaint text. */
  terms: string[];
}

export interface JointEntry {
  label: string;
  regions: RegionCode[];
  movements: MovementCode[];
  defaultMovement: MovementCode;
}

export interface RomNormEntry {
  joint: JointCode;
  movement: MovementCode;
  /** Normal active range in degrees, or null when the catalog's source gives none for this movement alone. */
  degrees: number | null;
  /** The smallest change (degrees) the engine treats as real: goniometry's measurement error. */
  mcid: number;
  sourceId: SourceId;
  note: string;
}

export interface MeasureEntry {
  label: string;
  min: number;
  max: number;
  direction: Direction;
  mcid: number;
  /** Relative change also counted as clinically important (NRS: 30 %, Farrar 2001). */
  mcidPercent: number | null;
  mcidNote: string;
  loinc: ExternalCode;
  bands: { label: string; min: number; max: number }[];
  sourceIds: SourceId[];
}

export const EFFECT_TYPES = ['avoid_region', 'max_pressure', 'forbid_technique', 'positioning', 'clearance', 'surgical_site'] as const;

/** What a condition changes in the plan; the rules interpret these, the data decides. */
export type ConditionEffect =
  | { type: 'avoid_region'; regions?: RegionCode[] }
  | { type: 'max_pressure'; pressure: Pressure; regions?: RegionCode[] }
  | { type: 'forbid_technique'; techniques: TechniqueCode[]; regions?: RegionCode[] }
  | { type: 'positioning'; instruction: string }
  | { type: 'clearance'; from: string }
  | { type: 'surgical_site' };

export interface ConditionEntry {
  label: string;
  kind: 'red_flag' | 'contraindication' | 'precaution';
  scope: 'systemic' | 'local';
  severity: Severity;
  /** For `stop`: whether treatment waits (`postpone`) or the patient goes to a physician first (`refer`). */
  decision: 'refer' | 'postpone' | null;
  effects: ConditionEffect[];
  /** For a local condition given without a region: where it is assumed to be (empty: the painful regions). */
  defaultRegions: RegionCode[];
  message: string;
  sourceIds: SourceId[];
}

/** A combination of facts that raises a finding of its own (e.g. minor trauma in an osteoporotic patient). */
export interface EscalationEntry {
  id: string;
  raises: ConditionCode;
  /** Every fact must hold: condition codes, `trauma`, `acute`, `low_back_pain`, `neck_pain`, `spinal_pain`, `age_50_plus`, `older_adult`. */
  all: string[];
  /** At least one of these facts must hold, when given. */
  any: string[];
  because: string;
  sourceIds: SourceId[];
}

export interface TechniqueEntry {
  label: string;
  cpt: string;
  goalTypes: GoalType[];
  defaultPressure: Pressure;
  /** Below this pressure the technique is not itself any more: a lower cap excludes it. */
  minPressure: Pressure;
  defaultMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  intensity: 'gentle' | 'moderate' | 'deep';
  handsOn: boolean;
  regions: RegionCode[];
  /** Not on a region injured by trauma or sport in the acute phase (< 6 weeks). */
  avoidInAcuteInjury: boolean;
  /** Days after surgery before it may be used on the operated region (incision closed ≈ 14, remodelling ≈ 42). */
  minDaysAfterSurgery: number;
  /** Only meaningful on an operated region whose incision has closed. */
  requiresClosedScar: boolean;
  scopeNote: string | null;
  /** Said when it is used on an operated region. */
  surgicalNote: string | null;
  sourceIds: SourceId[];
}

export interface GoalTypeEntry {
  label: string;
  defaultMeasure: MeasureCode;
  /** Techniques in order of preference for this goal. */
  techniques: TechniqueCode[];
  /** Pressure ceiling the goal itself implies (relaxation is not served by firm work). */
  maxPressure: Pressure;
  /** Regions worked when the assessment names none (stress is commonly held in neck and shoulders). */
  defaultRegions: RegionCode[];
}

export interface MechanismEntry {
  label: string;
  /** Techniques moved to the front of a goal's preference list for this mechanism. */
  prefer: Partial<Record<GoalType, TechniqueCode[]>>;
  homeExercises: HomeExerciseCode[];
  /** Is the painful region an injury (trauma, sport) whose acute phase rules out friction and firm work? */
  injury: boolean;
  minWeeks: number;
  note: string;
}

export interface ChronicityEntry {
  label: string;
  /** Inclusive lower bound and exclusive upper bound of the complaint's duration in weeks. */
  fromWeeks: number | null;
  toWeeks: number | null;
  sessionsPerWeek: number;
  weeks: number;
  /** Fraction of the gap to normal that a goal aims to close within the plan. */
  painReduction: number;
  /** Pressure ceiling on the painful regions (acute tissue is treated gently). */
  maxPressureOnPainRegions: Pressure;
  homeProgramAlways: boolean;
  sessionExercise: boolean;
  note: string;
  sourceIds: SourceId[];
}

export interface HomeExerciseEntry {
  label: string;
  /** How to do it, in words a patient can follow; how much is in `dose`. */
  instructions: string;
  /** When it says more than the dose (e.g. "every hour while resting"); empty: written from the dose. */
  frequency: string;
  dose: ExerciseDose;
  goalTypes: GoalType[];
  kind: ExerciseKind;
  /** Regions it is meant for; empty: general (any complaint). */
  regions: RegionCode[];
  /** Mechanisms of injury whose cause it addresses. */
  mechanisms: MechanismCode[];
  /** Presentations it is written for (e.g. plantar heel pain, knee osteoarthritis). */
  addresses: PresentationCode[];
  /** What it asks of the body that a condition or protocol can forbid. */
  tags: ExerciseTag[];
  /** Load: 1 low (irritable or early), 2 moderate, 3 high. */
  level: 1 | 2 | 3;
  /** What comes next when it is easy. */
  progression: HomeExerciseCode | null;
  /** How to progress it, when not (only) by the next exercise. */
  progressionNote: string;
  /** Not before the acute phase is over (e.g. stretching a fresh strain, heat on fresh injury). */
  notAcute: boolean;
  /** Only once an operated region's incision has closed. */
  requiresClosedScar: boolean;
  /** Only where swelling is reported or expected (early after surgery). */
  swellingOnly: boolean;
  avoidWith: ConditionCode[];
  sourceIds: SourceId[];
}

export interface BillingCodeEntry {
  label: string;
  timed: boolean;
  note: string;
}
