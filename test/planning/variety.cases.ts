// Varied clinical cases for the engine's variety report (bench/engine-variety.ts) and its test: each
// scenario is a presentation a clinic sees; each variant changes what a therapist would see change —
// age, irritability, duration, a second region, goals, a condition, preferences. Deterministic.
import type { AssessmentInput } from '../../src/contracts/assessment.contract';
import { AssessmentInputSchema } from '../../src/contracts/assessment.contract';

export const VARIETY_PATIENT_ID = '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57';

type Region = NonNullable<AssessmentInput['painLocations']>[number]['region'];
type Goal = AssessmentInput['goals'][number]['type'];
type Mechanism = NonNullable<AssessmentInput['mechanism']>;
type Quality = NonNullable<NonNullable<AssessmentInput['painLocations']>[number]['quality']>[number];
type Measures = NonNullable<AssessmentInput['measures']>;

interface Scenario {
  id: string;
  complaint: string;
  region: Region;
  /** Regions a second complaint often sits in. */
  also: Region[];
  mechanism: Mechanism;
  weeks: number;
  goals: Goal[];
  qualities: Quality[];
  measures?: Measures;
  surgeryDaysAgo?: number;
}

const SCENARIOS: Scenario[] = [
  {
    id: 'acute-lbp',
    complaint: 'Low back pain since lifting a box last week',
    region: 'lower_back',
    also: ['gluteal', 'hip', 'upper_back'],
    mechanism: 'trauma',
    weeks: 1,
    goals: ['pain_relief'],
    qualities: ['aching'],
  },
  {
    id: 'chronic-lbp',
    complaint: 'Dull ache low back for months, worse sitting',
    region: 'lower_back',
    also: ['sacroiliac', 'hamstring', 'gluteal'],
    mechanism: 'postural',
    weeks: 30,
    goals: ['pain_relief', 'range_of_motion'],
    qualities: ['dull', 'stiffness'],
    measures: { function: { instrument: 'odi', score: 34 } },
  },
  {
    id: 'lbp-lifting',
    complaint: 'Back pain at work from lifting and carrying crates',
    region: 'lower_back',
    also: ['upper_back', 'hamstring'],
    mechanism: 'repetitive_strain',
    weeks: 10,
    goals: ['pain_relief', 'injury_rehabilitation'],
    qualities: ['aching'],
  },
  {
    id: 'sciatica',
    complaint: 'Back pain that shoots down the leg',
    region: 'lower_back',
    also: ['gluteal', 'hamstring', 'calf'],
    mechanism: 'unknown',
    weeks: 8,
    goals: ['pain_relief'],
    qualities: ['shooting', 'radiating'],
  },
  {
    id: 'knee-oa',
    complaint: 'Knee osteoarthritis, stiff in the morning and on stairs',
    region: 'knee',
    also: ['hip', 'thigh', 'calf'],
    mechanism: 'unknown',
    weeks: 100,
    goals: ['pain_relief', 'injury_rehabilitation'],
    qualities: ['aching', 'stiffness'],
    measures: { function: { instrument: 'lefs', score: 38 } },
  },
  {
    id: 'hip-oa',
    complaint: 'Hip arthritis, groin ache walking',
    region: 'hip',
    also: ['gluteal', 'thigh', 'lower_back'],
    mechanism: 'unknown',
    weeks: 60,
    goals: ['pain_relief', 'range_of_motion'],
    qualities: ['aching'],
  },
  {
    id: 'tennis-elbow',
    complaint: 'Tennis elbow from using the mouse, worse gripping',
    region: 'elbow',
    also: ['forearm', 'shoulder', 'neck'],
    mechanism: 'repetitive_strain',
    weeks: 14,
    goals: ['injury_rehabilitation', 'pain_relief'],
    qualities: ['aching'],
    measures: { function: { instrument: 'quickdash', score: 40 } },
  },
  {
    id: 'plantar-heel',
    complaint: 'Heel pain with the first steps in the morning',
    region: 'ankle_foot',
    also: ['calf', 'knee'],
    mechanism: 'postural',
    weeks: 20,
    goals: ['pain_relief'],
    qualities: ['sharp'],
  },
  {
    id: 'achilles',
    complaint: 'Achilles pain after running',
    region: 'calf',
    also: ['ankle_foot', 'hamstring'],
    mechanism: 'sports',
    weeks: 16,
    goals: ['injury_rehabilitation', 'pain_relief'],
    qualities: ['stiffness'],
  },
  {
    id: 'ankle-sprain',
    complaint: 'Rolled my ankle playing football',
    region: 'ankle_foot',
    also: ['calf', 'knee'],
    mechanism: 'sports',
    weeks: 2,
    goals: ['injury_rehabilitation', 'pain_relief'],
    qualities: ['swelling', 'throbbing'],
    measures: { function: { instrument: 'lefs', score: 42 } },
  },
  {
    id: 'desk-neck',
    complaint: 'Stiff neck and shoulders from long hours at the computer',
    region: 'neck',
    also: ['upper_back', 'shoulder', 'head'],
    mechanism: 'postural',
    weeks: 20,
    goals: ['pain_relief', 'range_of_motion'],
    qualities: ['tightness'],
    measures: { function: { instrument: 'ndi', score: 16 } },
  },
  {
    id: 'whiplash',
    complaint: 'Neck pain after a car accident months ago, no new symptoms',
    region: 'neck',
    also: ['upper_back', 'head', 'shoulder'],
    mechanism: 'trauma',
    weeks: 26,
    goals: ['pain_relief', 'range_of_motion'],
    qualities: ['aching'],
  },
  {
    id: 'tension-headache',
    complaint: 'Tension headaches at the end of the working day',
    region: 'head',
    also: ['neck', 'jaw', 'upper_back'],
    mechanism: 'postural',
    weeks: 40,
    goals: ['pain_relief', 'stress_reduction'],
    qualities: ['dull'],
  },
  {
    id: 'jaw',
    complaint: 'Jaw aches from clenching when stressed',
    region: 'jaw',
    also: ['head', 'neck'],
    mechanism: 'repetitive_strain',
    weeks: 12,
    goals: ['pain_relief', 'stress_reduction'],
    qualities: ['aching', 'tightness'],
  },
  {
    id: 'shoulder-rc',
    complaint: 'Shoulder hurts reaching overhead, swims a lot',
    region: 'shoulder',
    also: ['upper_arm', 'neck', 'upper_back'],
    mechanism: 'sports',
    weeks: 9,
    goals: ['pain_relief', 'range_of_motion'],
    qualities: ['sharp'],
    measures: { function: { instrument: 'spadi', score: 46 }, rom: [{ joint: 'shoulder', movement: 'flexion', degrees: 140 }] },
  },
  {
    id: 'frozen-shoulder',
    complaint: 'Stiff painful shoulder, cannot reach behind the back',
    region: 'shoulder',
    also: ['upper_arm', 'upper_back'],
    mechanism: 'unknown',
    weeks: 24,
    goals: ['range_of_motion', 'pain_relief'],
    qualities: ['stiffness'],
    measures: { rom: [{ joint: 'shoulder', movement: 'external_rotation', degrees: 35 }] },
  },
  {
    id: 'upper-back',
    complaint: 'Upper back ache between the shoulder blades at the desk',
    region: 'upper_back',
    also: ['neck', 'chest', 'shoulder'],
    mechanism: 'postural',
    weeks: 10,
    goals: ['pain_relief'],
    qualities: ['aching', 'tightness'],
  },
  {
    id: 'wrist',
    complaint: 'Wrist and hand ache from typing, some tingling',
    region: 'wrist_hand',
    also: ['forearm', 'elbow', 'neck'],
    mechanism: 'repetitive_strain',
    weeks: 12,
    goals: ['pain_relief', 'range_of_motion'],
    qualities: ['aching'],
  },
  {
    id: 'tka',
    complaint: 'Right knee replacement, stiff and swollen',
    region: 'knee',
    also: ['thigh', 'calf', 'hip'],
    mechanism: 'post_surgical',
    weeks: 4,
    goals: ['range_of_motion', 'injury_rehabilitation'],
    qualities: ['stiffness'],
    measures: { rom: [{ joint: 'knee', movement: 'flexion', degrees: 85 }] },
    surgeryDaysAgo: 25,
  },
  {
    id: 'tha',
    complaint: 'Hip replacement recovering, weak walking',
    region: 'hip',
    also: ['thigh', 'gluteal', 'lower_back'],
    mechanism: 'post_surgical',
    weeks: 7,
    goals: ['injury_rehabilitation', 'pain_relief'],
    qualities: ['aching'],
    surgeryDaysAgo: 50,
  },
  {
    id: 'acl',
    complaint: 'ACL reconstruction, wants to run again',
    region: 'knee',
    also: ['thigh', 'hamstring', 'calf'],
    mechanism: 'post_surgical',
    weeks: 10,
    goals: ['injury_rehabilitation', 'range_of_motion'],
    qualities: ['stiffness'],
    surgeryDaysAgo: 70,
  },
  {
    id: 'hamstring-strain',
    complaint: 'Pulled hamstring sprinting',
    region: 'hamstring',
    also: ['gluteal', 'knee', 'lower_back'],
    mechanism: 'sports',
    weeks: 3,
    goals: ['injury_rehabilitation', 'pain_relief'],
    qualities: ['sharp'],
  },
  {
    id: 'calf-strain',
    complaint: 'Calf strain at tennis',
    region: 'calf',
    also: ['ankle_foot', 'knee'],
    mechanism: 'sports',
    weeks: 2,
    goals: ['injury_rehabilitation'],
    qualities: ['cramping'],
  },
  {
    id: 'gluteal',
    complaint: 'Buttock pain sitting, piriformis tight',
    region: 'gluteal',
    also: ['lower_back', 'hip', 'hamstring'],
    mechanism: 'postural',
    weeks: 18,
    goals: ['pain_relief', 'range_of_motion'],
    qualities: ['aching'],
  },
  {
    id: 'stress',
    complaint: 'Very stressed at work, cannot switch off, poor sleep',
    region: 'neck',
    also: ['upper_back', 'shoulder', 'jaw'],
    mechanism: 'unknown',
    weeks: 30,
    goals: ['stress_reduction'],
    qualities: ['tightness'],
    measures: { stress: { instrument: 'pss10', score: 25 } },
  },
  {
    id: 'fibromyalgia',
    complaint: 'Fibromyalgia, widespread aching and fatigue',
    region: 'upper_back',
    also: ['lower_back', 'neck', 'thigh'],
    mechanism: 'unknown',
    weeks: 150,
    goals: ['pain_relief', 'stress_reduction'],
    qualities: ['aching'],
  },
  {
    id: 'thigh-contusion',
    complaint: 'Dead leg from a knee in the thigh at rugby',
    region: 'thigh',
    also: ['knee', 'hip'],
    mechanism: 'trauma',
    weeks: 1,
    goals: ['pain_relief', 'injury_rehabilitation'],
    qualities: ['throbbing'],
  },
  {
    id: 'si-joint',
    complaint: 'Sacroiliac pain after pregnancy',
    region: 'sacroiliac',
    also: ['lower_back', 'gluteal', 'hip'],
    mechanism: 'unknown',
    weeks: 14,
    goals: ['pain_relief'],
    qualities: ['sharp'],
  },
  {
    id: 'forearm-climber',
    complaint: 'Forearm pump and ache from climbing',
    region: 'forearm',
    also: ['elbow', 'wrist_hand', 'shoulder'],
    mechanism: 'sports',
    weeks: 7,
    goals: ['pain_relief', 'range_of_motion'],
    qualities: ['tightness'],
  },
  {
    id: 'chest-strain',
    complaint: 'Pectoral strain after bench press, tender to touch',
    region: 'chest',
    also: ['shoulder', 'upper_back'],
    mechanism: 'sports',
    weeks: 3,
    goals: ['pain_relief', 'injury_rehabilitation'],
    qualities: ['sharp'],
  },
  {
    id: 'runner-knee',
    complaint: 'Front of knee pain running downhill',
    region: 'knee',
    also: ['thigh', 'hip', 'ankle_foot'],
    mechanism: 'sports',
    weeks: 12,
    goals: ['pain_relief', 'injury_rehabilitation'],
    qualities: ['aching'],
  },
  {
    id: 'older-back',
    complaint: 'Stiff back and hips in the mornings',
    region: 'lower_back',
    also: ['hip', 'upper_back', 'knee'],
    mechanism: 'unknown',
    weeks: 200,
    goals: ['range_of_motion', 'pain_relief'],
    qualities: ['stiffness'],
    measures: { rom: [{ joint: 'lumbar', movement: 'flexion', degrees: 45 }] },
  },
];

interface Variant {
  age: number;
  intensity: number;
  weeksFactor: number;
  second: boolean;
  extraGoal: Goal | null;
  conditions: string[];
  extraQualities: Quality[];
  preferences: AssessmentInput['preferences'];
}

const VARIANTS: Variant[] = [
  { age: 34, intensity: 5, weeksFactor: 1, second: false, extraGoal: null, conditions: [], extraQualities: [], preferences: undefined },
  { age: 58, intensity: 8, weeksFactor: 1, second: true, extraGoal: null, conditions: [], extraQualities: [], preferences: undefined },
  {
    age: 71,
    intensity: 4,
    weeksFactor: 2,
    second: false,
    extraGoal: 'range_of_motion',
    conditions: ['osteoporosis'],
    extraQualities: [],
    preferences: undefined,
  },
  {
    age: 45,
    intensity: 3,
    weeksFactor: 3,
    second: true,
    extraGoal: 'stress_reduction',
    conditions: [],
    extraQualities: ['tightness'],
    preferences: { sessionMinutes: 45 },
  },
  {
    age: 29,
    intensity: 6,
    weeksFactor: 0.5,
    second: true,
    extraGoal: 'injury_rehabilitation',
    conditions: ['pregnancy'],
    extraQualities: [],
    preferences: { pressure: 'light' },
  },
  {
    age: 84,
    intensity: 7,
    weeksFactor: 1,
    second: false,
    extraGoal: null,
    conditions: ['anticoagulants'],
    extraQualities: ['numbness'],
    preferences: { sessionsPerWeek: 1 },
  },
];

/** The date the variety cases are planned on. */
export const VARIETY_TODAY = '2025-03-01';
const daysAgo = (days: number) => new Date(Date.UTC(2025, 2, 1) - days * 86_400_000).toISOString().slice(0, 10);

/** About 190 varied assessments: every scenario in every variant. */
export function varietyCases(): { id: string; assessment: AssessmentInput }[] {
  const out: { id: string; assessment: AssessmentInput }[] = [];
  SCENARIOS.forEach((sc, si) => {
    VARIANTS.forEach((v, vi) => {
      const weeks = sc.surgeryDaysAgo !== undefined ? sc.weeks : Math.max(0.5, Math.round(sc.weeks * v.weeksFactor * 2) / 2);
      const second = sc.also[(si + vi) % sc.also.length] as Region;
      const goals = [...sc.goals, ...(v.extraGoal && !sc.goals.includes(v.extraGoal) ? [v.extraGoal] : [])];
      const conditions = sc.surgeryDaysAgo !== undefined ? v.conditions.filter((c) => c !== 'pregnancy') : v.conditions;
      const assessment = AssessmentInputSchema.parse({
        patientId: VARIETY_PATIENT_ID,
        practitioner: 'variety',
        complaint: sc.complaint + '.',
        painLocations: [
          { region: sc.region, side: vi % 2 ? 'left' : 'bilateral', intensity: v.intensity, quality: [...new Set([...sc.qualities, ...v.extraQualities])] },
          ...(v.second ? [{ region: second, intensity: Math.max(1, v.intensity - 2) }] : []),
        ],
        goals: goals.map((type, k) => ({ type, priority: k + 1 })),
        durationWeeks: weeks,
        mechanism: sc.mechanism,
        screening: { conditions, redFlags: [], surgeryDate: sc.surgeryDaysAgo !== undefined ? daysAgo(sc.surgeryDaysAgo) : null, age: v.age },
        measures: { painNrs: v.intensity, ...(sc.measures ?? {}) },
        preferences: v.preferences,
      });
      out.push({ id: `${sc.id}/${vi}`, assessment });
    });
  });
  return out;
}
