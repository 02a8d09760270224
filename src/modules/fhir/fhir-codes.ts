// Terminology of the FHIR export: which code system each of our codes goes out in. External codes
// (SNOMED CT body sites, LOINC measures, CPT) come from the planning catalog, the single source;
// a code the catalog holds as `verify` is exported as the catalog carries it (GET /v1/catalog
// shows its status), and where the catalog has none the concept goes out as our own code + text.
import type { Measures } from '../../contracts/assessment.contract';
import type { GoalType, HomeExerciseCode } from '../../planning/catalog/catalog.goals';
import { HOME_EXERCISES, GOALS } from '../../planning/catalog/catalog.goals';
import { JOINTS, MEASURES, type JointCode, type MeasureCode, type MovementCode } from '../../planning/catalog/catalog.measures';
import { REGIONS, type RegionCode } from '../../planning/catalog/catalog.regions';
import { TECHNIQUES, type TechniqueCode } from '../../planning/catalog/catalog.techniques';
import type { Side } from '../../planning/catalog/catalog.types';
import type { CodeableConcept, Coding, Quantity } from './fhir.types';

export const SYSTEMS = {
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  cpt: 'http://www.ama-assn.org/go/cpt',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  goalAchievement: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
  goalCategory: 'http://terminology.hl7.org/CodeSystem/goal-category',
  goalPriority: 'http://terminology.hl7.org/CodeSystem/goal-priority',
} as const;

/** Our own code systems and identifiers, for concepts no standard terminology in the catalog covers. */
const MANUPLAN = 'https://manuplan.dev/fhir';
export const MANUPLAN_SYSTEMS = {
  technique: `${MANUPLAN}/CodeSystem/technique`,
  homeExercise: `${MANUPLAN}/CodeSystem/home-exercise`,
  measure: `${MANUPLAN}/CodeSystem/measure`,
  goalType: `${MANUPLAN}/CodeSystem/goal-type`,
  patientId: `${MANUPLAN}/sid/patient-id`,
  patientExternalId: `${MANUPLAN}/sid/patient-external-id`,
  planId: `${MANUPLAN}/sid/plan-id`,
  /**
   * R4 CarePlan.activity.detail has no bodySite element: the technique's target region goes in
   * this extension (a CodeableConcept, like Procedure.bodySite), and in the detail's reasonReference
   * to the Condition at that region.
   */
  bodySiteExtension: `${MANUPLAN}/StructureDefinition/activity-body-site`,
} as const;

const humanize = (code: string) => code.replace(/_/g, ' ');
const sideText = (side: Side | undefined) => (side === undefined || side === 'midline' ? '' : side === 'bilateral' ? ', both sides' : `, ${side}`);

/** "Low back (lumbar), left": how a region and side read in text. */
export function regionText(region: RegionCode, side?: Side): string {
  return `${REGIONS[region].label}${sideText(side)}`;
}

/**
 * SNOMED CT body structure(s) for a region and side. A paired region with a laterality-specific
 * code uses it; both sides of a region that only has sided codes (the hip) give two body sites.
 * Without a SNOMED code the site is text only.
 */
export function bodySites(region: RegionCode, side?: Side): CodeableConcept[] {
  const { snomed, label } = REGIONS[region];
  // No display: the catalog holds the code, not SNOMED's preferred term; the text says it in our words.
  const site = (code: string | null, text: string): CodeableConcept => (code ? { coding: [{ system: SYSTEMS.snomed, code }], text } : { text });
  if (side === 'left' && snomed.left) return [site(snomed.left, regionText(region, 'left'))];
  if (side === 'right' && snomed.right) return [site(snomed.right, regionText(region, 'right'))];
  if (!snomed.code && snomed.left && snomed.right && (side === 'bilateral' || side === undefined)) {
    return [site(snomed.left, regionText(region, 'left')), site(snomed.right, regionText(region, 'right'))];
  }
  return [site(snomed.code, side ? regionText(region, side) : label)];
}

// Pain findings (SNOMED CT) named in the team reference; other regions get the general finding
// "Pain" with the place in bodySite.
const PAIN_FINDINGS: Partial<Record<RegionCode, Coding>> = {
  lower_back: { system: SYSTEMS.snomed, code: '279039007', display: 'Low back pain' },
  neck: { system: SYSTEMS.snomed, code: '81680005', display: 'Neck pain' },
  knee: { system: SYSTEMS.snomed, code: '30989003', display: 'Knee pain' },
};
const PAIN: Coding = { system: SYSTEMS.snomed, code: '22253000', display: 'Pain' };

export function painFinding(region: RegionCode, side?: Side): CodeableConcept {
  return { coding: [PAIN_FINDINGS[region] ?? PAIN], text: `Pain: ${regionText(region, side).toLowerCase()}` };
}

/** FHIR condition-severity (SNOMED CT) from a 0–10 rating: 1–3 mild, 4–6 moderate, 7–10 severe; 0 has none. */
export function painSeverity(intensity: number): CodeableConcept | undefined {
  if (intensity <= 0) return undefined;
  const [code, display] = intensity <= 3 ? ['255604002', 'Mild'] : intensity <= 6 ? ['6736007', 'Moderate'] : ['24484000', 'Severe'];
  return { coding: [{ system: SYSTEMS.snomed, code, display }], text: `${display} (${intensity}/10)` };
}

export function techniqueConcept(code: TechniqueCode): CodeableConcept {
  const { label, cpt } = TECHNIQUES[code];
  return {
    coding: [
      { system: MANUPLAN_SYSTEMS.technique, code, display: label },
      { system: SYSTEMS.cpt, code: cpt },
    ],
    text: label,
  };
}

export function homeExerciseConcept(code: HomeExerciseCode): CodeableConcept {
  const { label } = HOME_EXERCISES[code];
  return { coding: [{ system: MANUPLAN_SYSTEMS.homeExercise, code, display: label }], text: label };
}

export function goalTypeLabel(type: GoalType): string {
  return GOALS[type].label;
}

/** One measured quantity: which measure, for range of motion which joint movement. */
export interface MeasureKey {
  measure: MeasureCode;
  joint?: JointCode;
  movement?: MovementCode;
}

/** A stable key for a measure: `pain_nrs`, `odi`, `rom.lumbar.flexion`. */
export function measureKeyOf({ measure, joint, movement }: MeasureKey): string {
  return measure === 'rom' ? `rom.${joint}.${movement}` : measure;
}

export function measureText(key: MeasureKey): string {
  if (key.measure === 'rom') return `${JOINTS[key.joint!].label}: ${humanize(key.movement!)}, active range of motion`;
  return MEASURES[key.measure].label;
}

/**
 * The measure as a CodeableConcept: LOINC where the catalog has a code, and always our own code
 * (range of motion per joint movement, so two ROM goals stay distinguishable by code).
 */
export function measureConcept(key: MeasureKey): CodeableConcept {
  const text = measureText(key);
  const coding: Coding[] = [];
  const loinc = MEASURES[key.measure].loinc.code;
  if (loinc && key.measure !== 'rom') coding.push({ system: SYSTEMS.loinc, code: loinc });
  coding.push({ system: MANUPLAN_SYSTEMS.measure, code: measureKeyOf(key), display: text });
  return { coding, text };
}

const UNITS: Record<MeasureCode, { unit: string; code: string }> = {
  pain_nrs: { unit: 'score', code: '{score}' },
  rom: { unit: 'degrees', code: 'deg' },
  pss10: { unit: 'score', code: '{score}' },
  odi: { unit: '%', code: '%' },
  ndi: { unit: 'score', code: '{score}' },
  quickdash: { unit: 'score', code: '{score}' },
  lefs: { unit: 'score', code: '{score}' },
  psfs: { unit: 'score', code: '{score}' },
  spadi: { unit: 'score', code: '{score}' },
};

/** A value of the measure in UCUM. */
export function measureQuantity(measure: MeasureCode, value: number): Quantity {
  return { value, ...UNITS[measure], system: SYSTEMS.ucum };
}

/** Observation category: questionnaires and ratings are surveys, goniometry is an exam. */
export function measureCategory(measure: MeasureCode): CodeableConcept {
  const [code, display] = measure === 'rom' ? ['exam', 'Exam'] : ['survey', 'Survey'];
  return { coding: [{ system: SYSTEMS.observationCategory, code, display }] };
}

/** Every value in a measures object, keyed, in a fixed order: pain, range of motion, stress, function. */
export function measuredValues(measures: Measures | undefined): { key: MeasureKey; value: number }[] {
  if (!measures) return [];
  const values: { key: MeasureKey; value: number }[] = [];
  if (measures.painNrs !== undefined) values.push({ key: { measure: 'pain_nrs' }, value: measures.painNrs });
  for (const r of measures.rom ?? []) values.push({ key: { measure: 'rom', joint: r.joint, movement: r.movement }, value: r.degrees });
  if (measures.stress) values.push({ key: { measure: measures.stress.instrument }, value: measures.stress.score });
  if (measures.function) values.push({ key: { measure: measures.function.instrument }, value: measures.function.score });
  return values;
}
