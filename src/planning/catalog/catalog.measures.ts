import type { JointEntry, MeasureEntry, RomNormEntry } from './catalog.types';

export const JOINT_CODES = ['cervical', 'thoracic', 'lumbar', 'shoulder', 'elbow', 'wrist', 'hip', 'knee', 'ankle'] as const;
export type JointCode = (typeof JOINT_CODES)[number];

export const MOVEMENT_CODES = [
  'flexion',
  'extension',
  'lateral_flexion',
  'rotation',
  'abduction',
  'adduction',
  'external_rotation',
  'internal_rotation',
  'supination',
  'pronation',
  'radial_deviation',
  'ulnar_deviation',
  'dorsiflexion',
  'plantarflexion',
] as const;
export type MovementCode = (typeof MOVEMENT_CODES)[number];

// SPEC's normative list is odi | ndi | quickdash | lefs | psfs; SPADI is an addition for the shoulder.
export const FUNCTION_INSTRUMENTS = ['odi', 'ndi', 'quickdash', 'lefs', 'psfs', 'spadi'] as const;
export type FunctionInstrument = (typeof FUNCTION_INSTRUMENTS)[number];

export const STRESS_INSTRUMENTS = ['pss10'] as const;
export type StressInstrument = (typeof STRESS_INSTRUMENTS)[number];

export const MEASURE_CODES = ['pain_nrs', 'rom', ...STRESS_INSTRUMENTS, ...FUNCTION_INSTRUMENTS] as const;
export type MeasureCode = (typeof MEASURE_CODES)[number];

/**
 * Goniometer degrees below 0 record an extension that stops short of neutral (a knee "−10°" lacks 10° of
 * full extension, a flexion contracture); other movements start at 0.
 */
export const MIN_ROM_DEGREES = -90;
/** Movements whose range may be recorded below 0. */
export const SIGNED_MOVEMENTS: readonly MovementCode[] = ['extension'];

export const JOINTS: Record<JointCode, JointEntry> = {
  cervical: { label: 'Cervical spine', regions: ['neck'], movements: ['flexion', 'extension', 'lateral_flexion', 'rotation'], defaultMovement: 'rotation' },
  thoracic: {
    label: 'Thoracic spine',
    regions: ['upper_back'],
    movements: ['flexion', 'extension', 'lateral_flexion', 'rotation'],
    defaultMovement: 'rotation',
  },
  lumbar: {
    label: 'Lumbar (thoracolumbar) spine',
    regions: ['lower_back', 'sacroiliac'],
    movements: ['flexion', 'extension', 'lateral_flexion', 'rotation'],
    defaultMovement: 'flexion',
  },
  shoulder: {
    label: 'Shoulder',
    regions: ['shoulder'],
    movements: ['flexion', 'abduction', 'external_rotation', 'internal_rotation'],
    defaultMovement: 'flexion',
  },
  elbow: {
    label: 'Elbow and forearm',
    regions: ['elbow', 'upper_arm', 'forearm'],
    movements: ['flexion', 'extension', 'supination', 'pronation'],
    defaultMovement: 'flexion',
  },
  wrist: {
    label: 'Wrist',
    regions: ['wrist_hand', 'forearm'],
    movements: ['flexion', 'extension', 'radial_deviation', 'ulnar_deviation'],
    defaultMovement: 'extension',
  },
  hip: {
    label: 'Hip',
    regions: ['hip', 'gluteal'],
    movements: ['flexion', 'extension', 'abduction', 'adduction', 'external_rotation', 'internal_rotation'],
    defaultMovement: 'flexion',
  },
  knee: { label: 'Knee', regions: ['knee', 'thigh', 'hamstring'], movements: ['flexion', 'extension'], defaultMovement: 'flexion' },
  ankle: { label: 'Ankle', regions: ['ankle_foot', 'calf'], movements: ['dorsiflexion', 'plantarflexion'], defaultMovement: 'dorsiflexion' },
};

// Goniometry cannot tell changes under about 5–10° from measurement error (Gajdosik & Bohannon 1987):
// the engine counts 10° as real on large arcs and 5° on arcs of 45° or less.
const rom = (
  joint: RomNormEntry['joint'],
  movement: RomNormEntry['movement'],
  degrees: number | null,
  note = '38 CFR 4.71a, as given in the team reference.',
): RomNormEntry => ({
  joint,
  movement,
  degrees,
  mcid: degrees !== null && degrees > 45 ? 10 : 5,
  sourceId: 'cfr_38_4_71a',
  note,
});
const PLATE_I = '38 CFR 4.71a Plate I; not in the team reference: verify.';
const PLATE_II = '38 CFR 4.71a Plate II; not in the team reference: verify.';
const THORACIC = '38 CFR 4.71a rates the thoracolumbar spine as one unit and gives no thoracic-only norm: goals aim for a measurable change instead.';
const THORACOLUMBAR = '38 CFR 4.71a thoracolumbar spine (measured as one unit).';

export const ROM_NORMS: RomNormEntry[] = [
  rom('cervical', 'flexion', 45),
  rom('cervical', 'extension', 45),
  rom('cervical', 'lateral_flexion', 45, '38 CFR 4.71a, each side.'),
  rom('cervical', 'rotation', 80, '38 CFR 4.71a, each side.'),
  rom('thoracic', 'flexion', null, THORACIC),
  rom('thoracic', 'extension', null, THORACIC),
  rom('thoracic', 'lateral_flexion', null, THORACIC),
  rom('thoracic', 'rotation', null, THORACIC),
  rom('lumbar', 'flexion', 90, THORACOLUMBAR),
  rom('lumbar', 'extension', 30, THORACOLUMBAR),
  rom('lumbar', 'lateral_flexion', 30, THORACOLUMBAR),
  rom('lumbar', 'rotation', 30, THORACOLUMBAR),
  rom('shoulder', 'flexion', 180),
  rom('shoulder', 'abduction', 180),
  rom('shoulder', 'external_rotation', 90),
  rom('shoulder', 'internal_rotation', 90),
  rom('elbow', 'flexion', 145, PLATE_I),
  // Full extension is 0°; a joint that lacks it is recorded below 0 ("knee extension −10°": 10° short).
  rom('elbow', 'extension', 0, PLATE_I),
  rom('elbow', 'supination', 85, PLATE_I),
  rom('elbow', 'pronation', 80, PLATE_I),
  rom('wrist', 'flexion', 80, PLATE_I),
  rom('wrist', 'extension', 70, PLATE_I),
  rom('wrist', 'radial_deviation', 20, PLATE_I),
  rom('wrist', 'ulnar_deviation', 45, PLATE_I),
  rom('hip', 'flexion', 125),
  rom('hip', 'extension', 30),
  rom('hip', 'abduction', 45),
  rom('hip', 'adduction', 25),
  rom('hip', 'external_rotation', 60),
  rom('hip', 'internal_rotation', 40),
  rom('knee', 'flexion', 140),
  rom('knee', 'extension', 0, PLATE_II),
  rom('ankle', 'dorsiflexion', 20, PLATE_II),
  rom('ankle', 'plantarflexion', 45, PLATE_II),
];

/** Catalog order of range-of-motion measurements (joint, then movement), so that input order never matters. */
export function romOrder(a: { joint: JointCode; movement: MovementCode }, b: { joint: JointCode; movement: MovementCode }): number {
  return JOINT_CODES.indexOf(a.joint) - JOINT_CODES.indexOf(b.joint) || MOVEMENT_CODES.indexOf(a.movement) - MOVEMENT_CODES.indexOf(b.movement);
}

const ROM_NORM_INDEX = new Map(ROM_NORMS.map((n) => [`${n.joint}:${n.movement}`, n]));

/** The norm for a joint movement; every movement listed for a joint has one (degrees may be null). */
export function romNorm(joint: JointCode, movement: MovementCode): RomNormEntry | undefined {
  return ROM_NORM_INDEX.get(`${joint}:${movement}`);
}

export const MEASURES: Record<MeasureCode, MeasureEntry> = {
  pain_nrs: {
    label: 'Pain, numeric rating scale 0–10',
    min: 0,
    max: 10,
    direction: 'lower_is_better',
    mcid: 2,
    mcidPercent: 30,
    mcidNote: '2 points or 30 % (Farrar 2001); 1.5–3.5 in physical-therapy cohorts (Abbott & Schmitt 2014).',
    loinc: { code: '72514-3', status: 'reference' },
    bands: [],
    sourceIds: ['farrar_2001', 'abbott_schmitt_2014', 'dworkin_2008'],
  },
  rom: {
    label: 'Active range of motion (degrees, goniometer)',
    min: MIN_ROM_DEGREES,
    max: 200,
    direction: 'higher_is_better',
    mcid: 10,
    mcidPercent: null,
    mcidNote:
      'No published MCID; the engine counts a change beyond goniometric error (10°, 5° on arcs ≤ 45°) as real (Gajdosik & Bohannon 1987). Per movement in romNorms.',
    loinc: { code: null, status: 'unassigned' },
    bands: [],
    sourceIds: ['cfr_38_4_71a', 'gajdosik_1987', 'engine_choice'],
  },
  pss10: {
    label: 'Perceived Stress Scale, 10 items',
    min: 0,
    max: 40,
    direction: 'lower_is_better',
    mcid: 4,
    mcidPercent: null,
    mcidNote:
      'None published. The engine uses half a standard deviation (Norman 2003) of population PSS-10 scores (SD ≈ 6–7), rounded up to 4 points. Items 4, 5, 7, 8 are reverse-scored.',
    loinc: { code: null, status: 'unassigned' },
    bands: [
      { label: 'low', min: 0, max: 13 },
      { label: 'moderate', min: 14, max: 26 },
      { label: 'high', min: 27, max: 40 },
    ],
    sourceIds: ['cohen_1983', 'norman_2003', 'engine_choice'],
  },
  odi: {
    label: 'Oswestry Disability Index (%)',
    min: 0,
    max: 100,
    direction: 'lower_is_better',
    mcid: 12,
    mcidPercent: 30,
    mcidNote: '12 points in a physical-therapy cohort (Abbott & Schmitt 2014); 30 % improvement (Ostelo 2008).',
    loinc: { code: '97908-8', status: 'verify' },
    bands: [],
    sourceIds: ['abbott_schmitt_2014', 'ostelo_2008'],
  },
  ndi: {
    label: 'Neck Disability Index (0–50 points)',
    min: 0,
    max: 50,
    direction: 'lower_is_better',
    mcid: 10,
    mcidPercent: null,
    mcidNote: 'MCID 7.5 points, but the minimal detectable change is 10.2, so the engine uses 10 (Young 2009).',
    loinc: { code: '82237-9', status: 'verify' },
    bands: [],
    sourceIds: ['young_2009'],
  },
  quickdash: {
    label: 'QuickDASH (0–100)',
    min: 0,
    max: 100,
    direction: 'lower_is_better',
    mcid: 14,
    mcidPercent: null,
    mcidNote: '14 points, CI 9–20 (Sorensen 2013); 15.9 in Franchignoni 2014.',
    loinc: { code: null, status: 'unassigned' },
    bands: [],
    sourceIds: ['sorensen_2013', 'franchignoni_2014'],
  },
  lefs: {
    label: 'Lower Extremity Functional Scale (0–80, higher is better)',
    min: 0,
    max: 80,
    direction: 'higher_is_better',
    mcid: 9,
    mcidPercent: null,
    mcidNote: '9 points (Binkley 1999).',
    loinc: { code: null, status: 'unassigned' },
    bands: [],
    sourceIds: ['binkley_1999'],
  },
  psfs: {
    label: 'Patient-Specific Functional Scale (0–10, higher is better)',
    min: 0,
    max: 10,
    direction: 'higher_is_better',
    mcid: 2,
    mcidPercent: null,
    mcidNote: '2 points; 1.3 small, 2.3 medium, 2.7 large change (Abbott & Schmitt 2014).',
    loinc: { code: null, status: 'unassigned' },
    bands: [],
    sourceIds: ['abbott_schmitt_2014'],
  },
  spadi: {
    label: 'Shoulder Pain and Disability Index (SPADI, 0–100)',
    min: 0,
    max: 100,
    direction: 'lower_is_better',
    mcid: 13,
    mcidPercent: null,
    mcidNote:
      'MCID 8–13 points across studies (Roy 2009 review; Paul 2004); the engine takes the upper bound, 13, so a change it counts is real in every study.',
    loinc: { code: null, status: 'unassigned' },
    bands: [],
    sourceIds: ['roy_2009', 'paul_2004'],
  },
};
