// Codes in the words a patient (or a chart's reader) understands: no catalog codes, no jargon.
import type { PlanGoal } from '../../contracts/plan.contract';

type MeasureCode = PlanGoal['measure'];
type GoalType = PlanGoal['type'];

const MEASURE_WORDS: Record<MeasureCode, { title: string; unit: string; scale: string }> = {
  pain_nrs: { title: 'Pain', unit: 'points', scale: '0 = no pain, 10 = worst imaginable' },
  rom: { title: 'Range of movement', unit: 'degrees', scale: 'how far the joint moves' },
  pss10: { title: 'Stress (PSS-10 questionnaire)', unit: 'points', scale: '0–40' },
  odi: { title: 'Back-related disability (Oswestry questionnaire)', unit: '%', scale: '0–100 %' },
  ndi: { title: 'Neck-related disability (Neck Disability Index)', unit: 'points', scale: '0–50' },
  quickdash: { title: 'Arm, shoulder and hand problems (QuickDASH)', unit: 'points', scale: '0–100' },
  lefs: { title: 'Leg and foot function (LEFS)', unit: 'points', scale: '0–80' },
  psfs: { title: 'Everyday activities you chose (PSFS)', unit: 'points', scale: '0–10' },
  spadi: { title: 'Shoulder pain and disability (SPADI)', unit: '%', scale: '0–100' },
};

const JOINT_WORDS: Record<string, string> = {
  cervical: 'neck',
  thoracic: 'upper back',
  lumbar: 'low back',
  shoulder: 'shoulder',
  elbow: 'elbow',
  wrist: 'wrist',
  hip: 'hip',
  knee: 'knee',
  ankle: 'ankle',
};

const MOVEMENT_WORDS: Record<string, string> = {
  flexion: 'bending forward',
  extension: 'bending back',
  lateral_flexion: 'bending to the side',
  rotation: 'turning',
  abduction: 'lifting out to the side',
  adduction: 'moving in across the body',
  external_rotation: 'turning outward',
  internal_rotation: 'turning inward',
  supination: 'turning the palm up',
  pronation: 'turning the palm down',
  radial_deviation: 'tilting toward the thumb',
  ulnar_deviation: 'tilting toward the little finger',
  dorsiflexion: 'pulling the foot up',
  plantarflexion: 'pointing the foot down',
};

const words = (code: string | undefined, map: Record<string, string>) => (code ? (map[code] ?? code.replace(/_/g, ' ')) : '');

/** The name of what a goal measures, e.g. "Pain" or "Low back: bending forward". */
export function measureTitle(goal: Pick<PlanGoal, 'measure' | 'joint' | 'movement'>): string {
  if (goal.measure === 'rom') {
    const joint = words(goal.joint, JOINT_WORDS);
    return `${joint.charAt(0).toUpperCase()}${joint.slice(1)}: ${words(goal.movement, MOVEMENT_WORDS)}`;
  }
  return MEASURE_WORDS[goal.measure].title;
}

/** The unit a measure is recorded in ("points", "degrees", "%"). */
export function measureUnit(measure: MeasureCode): string {
  return MEASURE_WORDS[measure].unit;
}

/** How to read the measure's scale, e.g. "0 = no pain, 10 = worst imaginable". */
export function measureScale(measure: MeasureCode): string {
  return MEASURE_WORDS[measure].scale;
}

const GOAL_WORDS: Record<GoalType, string> = {
  pain_relief: 'ease your pain',
  range_of_motion: 'help you move more freely',
  stress_reduction: 'help you feel less stressed and sleep better',
  injury_rehabilitation: 'help you recover from your injury or operation and get back to your activities',
};

/** What a goal type aims for, addressed to the patient. */
export function goalWords(type: GoalType): string {
  return GOAL_WORDS[type];
}

const REGION_WORDS: Record<string, string> = {
  head: 'head',
  jaw: 'jaw',
  neck: 'neck',
  upper_back: 'upper back',
  lower_back: 'low back',
  sacroiliac: 'lower back near the pelvis',
  shoulder: 'shoulder',
  upper_arm: 'upper arm',
  elbow: 'elbow',
  forearm: 'forearm',
  wrist_hand: 'wrist and hand',
  chest: 'chest',
  abdomen: 'belly',
  hip: 'hip',
  gluteal: 'buttock',
  thigh: 'thigh',
  hamstring: 'back of the thigh',
  knee: 'knee',
  calf: 'calf',
  ankle_foot: 'ankle and foot',
};

/** A body region in everyday words, with its side ("left low back", "both shoulders"). */
export function regionWords(region: string, side?: string): string {
  const name = words(region, REGION_WORDS);
  if (side === 'left' || side === 'right') return `${side} ${name}`;
  if (side === 'bilateral') return `${name} on both sides`;
  return name;
}

const TECHNIQUE_WORDS: Record<string, string> = {
  swedish_massage: 'relaxing massage with long, gliding strokes',
  myofascial_release: 'slow, sustained pressure to loosen tight tissue',
  trigger_point_therapy: 'steady pressure on tender knots in the muscle',
  neuromuscular_therapy: 'focused massage of tight, tender muscles',
  positional_release: 'gentle positioning that lets tight muscles relax',
  muscle_energy_technique: 'gentle stretches where you push lightly against the therapist’s hand',
  pnf_stretching: 'assisted stretches with short, gentle muscle contractions',
  joint_mobilisation: 'gentle, controlled movement of the joint',
  cross_fiber_friction: 'firm massage across the grain of a tendon or scar',
  manual_lymphatic_drainage: 'very light, rhythmic strokes to reduce swelling',
  scar_mobilisation: 'gentle massage to loosen the scar',
  therapeutic_exercise: 'exercises guided by the therapist',
  neuromuscular_reeducation: 'exercises for balance, control and coordination',
  functional_activity_training: 'practising everyday movements safely',
};

/** A hands-on technique described for the patient. */
export function techniqueWords(code: string): string {
  return words(code, TECHNIQUE_WORDS);
}

/** An ISO time as the calendar date (UTC) it falls on, YYYY-MM-DD. */
export const dateOf = (iso: string) => iso.slice(0, 10);
