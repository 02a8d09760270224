import type { Chronicity, ChronicityEntry, GoalTypeEntry, MechanismEntry } from './catalog.types';

export const GOAL_TYPES = ['pain_relief', 'range_of_motion', 'stress_reduction', 'injury_rehabilitation'] as const;
export type GoalType = (typeof GOAL_TYPES)[number];

export const MECHANISM_CODES = ['postural', 'repetitive_strain', 'sports', 'post_surgical', 'trauma', 'unknown'] as const;
export type MechanismCode = (typeof MECHANISM_CODES)[number];

export const PAIN_QUALITIES = [
  'aching',
  'dull',
  'sharp',
  'stabbing',
  'burning',
  'throbbing',
  'shooting',
  'radiating',
  'tingling',
  'numbness',
  'stiffness',
  'cramping',
  'tightness',
  'swelling',
] as const;
export type PainQuality = (typeof PAIN_QUALITIES)[number];
/** Qualities that suggest an irritated nerve rather than muscle: worth watching for a progressing deficit. */
export const NEURAL_QUALITIES: readonly PainQuality[] = ['burning', 'shooting', 'radiating', 'tingling', 'numbness'];

export const GOALS: Record<GoalType, GoalTypeEntry> = {
  pain_relief: {
    label: 'Pain relief',
    defaultMeasure: 'pain_nrs',
    techniques: [
      'myofascial_release',
      'trigger_point_therapy',
      'swedish_massage',
      'positional_release',
      'neuromuscular_therapy',
      'muscle_energy_technique',
      'manual_lymphatic_drainage',
    ],
    maxPressure: 'firm',
    defaultRegions: [],
  },
  range_of_motion: {
    label: 'Range of motion',
    defaultMeasure: 'rom',
    techniques: ['muscle_energy_technique', 'myofascial_release', 'pnf_stretching', 'joint_mobilisation', 'scar_mobilisation'],
    maxPressure: 'firm',
    defaultRegions: [],
  },
  stress_reduction: {
    label: 'Stress reduction',
    defaultMeasure: 'pss10',
    techniques: ['swedish_massage'],
    maxPressure: 'moderate',
    defaultRegions: ['neck', 'upper_back', 'shoulder'],
  },
  injury_rehabilitation: {
    label: 'Injury rehabilitation',
    defaultMeasure: 'psfs',
    techniques: [
      'therapeutic_exercise',
      'cross_fiber_friction',
      'manual_lymphatic_drainage',
      'myofascial_release',
      'pnf_stretching',
      'neuromuscular_reeducation',
      'functional_activity_training',
    ],
    maxPressure: 'firm',
    defaultRegions: [],
  },
};

export const MECHANISMS: Record<MechanismCode, MechanismEntry> = {
  postural: {
    label: 'Postural (sustained positions)',
    prefer: { pain_relief: ['myofascial_release', 'trigger_point_therapy'], injury_rehabilitation: ['therapeutic_exercise'] },
    homeExercises: ['ergonomic_breaks'],
    injury: false,
    minWeeks: 0,
    note: 'Soft-tissue work plus posture-changing exercise and breaks.',
  },
  repetitive_strain: {
    label: 'Repetitive strain',
    prefer: { pain_relief: ['myofascial_release'], injury_rehabilitation: ['cross_fiber_friction', 'functional_activity_training'] },
    homeExercises: ['ergonomic_breaks'],
    injury: false,
    minWeeks: 0,
    note: 'Friction for the overloaded tendon after the acute phase; task training and breaks.',
  },
  sports: {
    label: 'Sports injury',
    prefer: { injury_rehabilitation: ['cross_fiber_friction', 'neuromuscular_reeducation', 'pnf_stretching'], range_of_motion: ['pnf_stretching'] },
    homeExercises: [],
    injury: true,
    minWeeks: 0,
    note: 'No friction or firm work on the injured region in the acute phase; graded return with proprioceptive work.',
  },
  post_surgical: {
    label: 'Post-surgical',
    prefer: {
      injury_rehabilitation: ['manual_lymphatic_drainage', 'scar_mobilisation', 'therapeutic_exercise'],
      pain_relief: ['manual_lymphatic_drainage', 'swedish_massage'],
      range_of_motion: ['scar_mobilisation', 'muscle_energy_technique'],
    },
    homeExercises: ['ankle_pumps', 'scar_self_massage'],
    injury: false,
    minWeeks: 8,
    note: 'Lymphatic drainage early (around the incision), scar work once the incision has closed.',
  },
  trauma: {
    label: 'Trauma (fall, collision, accident)',
    prefer: { injury_rehabilitation: ['manual_lymphatic_drainage', 'therapeutic_exercise'], pain_relief: ['positional_release', 'swedish_massage'] },
    homeExercises: [],
    injury: true,
    minWeeks: 0,
    note: 'No friction or firm work on the injured region in the acute phase.',
  },
  unknown: { label: 'Unknown', prefer: {}, homeExercises: [], injury: false, minWeeks: 0, note: '' },
};

// Chronicity classes of the JOSPT 2017 neck guideline. Dose: Sherman 2014 (60 min, 2–3×/week for
// 4 weeks); chronic care centres on exercise (ACP 2017), so it always comes with a home program.
export const CHRONICITY: Record<Chronicity, ChronicityEntry> = {
  acute: {
    label: 'Acute (< 6 weeks)',
    fromWeeks: null,
    toWeeks: 6,
    sessionsPerWeek: 3,
    weeks: 3,
    painReduction: 0.5,
    maxPressureOnPainRegions: 'moderate',
    homeProgramAlways: false,
    sessionExercise: false,
    note: 'Gentler and more frequent: shorter course while the tissue settles; no firm work on the painful regions.',
    sourceIds: ['jospt_neck_2017', 'engine_choice'],
  },
  subacute: {
    label: 'Subacute (6–12 weeks)',
    fromWeeks: 6,
    toWeeks: 12,
    sessionsPerWeek: 2,
    weeks: 4,
    painReduction: 0.5,
    maxPressureOnPainRegions: 'firm',
    homeProgramAlways: false,
    sessionExercise: false,
    note: 'Massage is recommended for acute and subacute low back pain (ACP 2017); 2×/week for 4 weeks (Sherman 2014).',
    sourceIds: ['jospt_neck_2017', 'acp_2017', 'sherman_2014'],
  },
  chronic: {
    label: 'Chronic (> 12 weeks)',
    fromWeeks: 12,
    toWeeks: null,
    sessionsPerWeek: 2,
    weeks: 6,
    painReduction: 0.3,
    maxPressureOnPainRegions: 'firm',
    homeProgramAlways: true,
    sessionExercise: true,
    note: 'Chronic pain care centres on exercise (ACP 2017): massage paired with in-session exercise and a home program.',
    sourceIds: ['jospt_neck_2017', 'acp_2017', 'sherman_2014'],
  },
  unknown: {
    label: 'Duration not recorded',
    fromWeeks: null,
    toWeeks: null,
    sessionsPerWeek: 2,
    weeks: 4,
    painReduction: 0.3,
    maxPressureOnPainRegions: 'firm',
    homeProgramAlways: false,
    sessionExercise: false,
    note: 'Duration unknown: the subacute dose, with the conservative (30 %) pain target.',
    sourceIds: ['sherman_2014', 'engine_choice'],
  },
};

// The home-exercise library lives in catalog.exercises.ts; re-exported here for the modules that read it from the goals.
export { HOME_EXERCISE_CODES, HOME_EXERCISES, type HomeExerciseCode } from './catalog.exercises';
