// The rules of engine 2.2 that customise plans from what the case shows (issue 13's variety): for each
// rule a case that gets it and a control that differs only in that fact and does not. Technique rules
// are checked by their rule id on a technique of the region, home-program rules by the presentation
// rule and the exercise it brings.
import type { AssessmentInput } from '../../src/contracts/assessment.contract';
import type { HomeExerciseCode } from '../../src/planning/catalog/catalog.exercises';
import type { TechniqueCode } from '../../src/planning/catalog/catalog.techniques';
import type { RegionCode } from '../../src/planning/catalog/catalog.regions';
import { caseOf, homeCodes, homeRules, plan } from './planning.fixtures';

type Quality = NonNullable<NonNullable<AssessmentInput['painLocations']>[number]['quality']>[number];

const PAIN_REHAB = [
  { type: 'pain_relief' as const, priority: 1 },
  { type: 'injury_rehabilitation' as const, priority: 2 },
];

interface TechniqueRow {
  rule: string;
  region: RegionCode;
  code: TechniqueCode;
  gets: AssessmentInput;
  not: AssessmentInput;
}

const TECHNIQUE: TechniqueRow[] = [
  {
    rule: 'technique.sign.nerve_glide',
    region: 'wrist_hand',
    code: 'therapeutic_exercise',
    gets: caseOf('wrist_hand', { complaint: 'Hand tingles.', mechanism: 'repetitive_strain', quality: ['tingling'] }),
    not: caseOf('wrist_hand', { complaint: 'Hand aches.', mechanism: 'repetitive_strain', quality: ['aching'] }),
  },
  {
    rule: 'technique.sign.overhead_loading',
    region: 'shoulder',
    code: 'therapeutic_exercise',
    gets: caseOf('shoulder', { complaint: 'Shoulder aches from overhead work.', mechanism: 'repetitive_strain', durationWeeks: 3 }),
    not: caseOf('shoulder', { complaint: 'Shoulder aches.', mechanism: 'repetitive_strain', durationWeeks: 3 }),
  },
  {
    rule: 'technique.sign.sprain_balance',
    region: 'ankle_foot',
    code: 'neuromuscular_reeducation',
    gets: caseOf('ankle_foot', { complaint: 'Rolled my ankle on a kerb.', mechanism: 'trauma', durationWeeks: 3, goals: PAIN_REHAB }),
    // Under a week: the fresh injury comes first.
    not: caseOf('ankle_foot', { complaint: 'Rolled my ankle on a kerb.', mechanism: 'trauma', durationWeeks: 0.5, goals: PAIN_REHAB }),
  },
  {
    rule: 'technique.sign.strain_loading',
    region: 'calf',
    code: 'therapeutic_exercise',
    gets: caseOf('calf', { complaint: 'Felt a twinge in the calf at tennis.', mechanism: 'sports', durationWeeks: 2 }),
    not: caseOf('calf', { complaint: 'Calf aches.', mechanism: 'unknown', durationWeeks: 2 }),
  },
  {
    rule: 'technique.sign.plantar_fascia',
    region: 'ankle_foot',
    code: 'myofascial_release',
    gets: caseOf('ankle_foot', { complaint: 'Heel pain on the first steps.', mechanism: 'unknown', age: 70 }),
    not: caseOf('ankle_foot', { complaint: 'Foot aches.', mechanism: 'unknown', age: 70 }),
  },
  {
    rule: 'technique.sign.gait_aid',
    region: 'hip',
    code: 'neuromuscular_reeducation',
    gets: caseOf('hip', { complaint: 'Hip stiff, walking with a stick.', mechanism: 'unknown', goals: PAIN_REHAB }),
    not: caseOf('hip', { complaint: 'Hip stiff.', mechanism: 'unknown', goals: PAIN_REHAB }),
  },
  {
    rule: 'technique.sign.sustained_posture_light',
    region: 'lower_back',
    code: 'myofascial_release',
    // Anticoagulants: light pressure only, where trigger point pressure cannot go.
    gets: caseOf('lower_back', { complaint: 'Low back ache after long drives.', conditions: ['anticoagulants'] }),
    not: caseOf('lower_back', { complaint: 'Low back ache.', conditions: ['anticoagulants'] }),
  },
  {
    rule: 'technique.sign.lifting',
    region: 'lower_back',
    code: 'therapeutic_exercise',
    gets: caseOf('lower_back', { complaint: 'Low back sore after heavy squats.', mechanism: 'sports', durationWeeks: 3 }),
    not: caseOf('lower_back', { complaint: 'Low back sore after a match.', mechanism: 'sports', durationWeeks: 3 }),
  },
];

describe('techniques follow the tissue and the signs', () => {
  it.each(TECHNIQUE.map((r) => [r.rule, r] as const))('%s: the case gets it, its control does not', (rule, r) => {
    const gets = plan(r.gets);
    const not = plan(r.not);
    expect(gets.techniques.some((t) => t.region === r.region && t.code === r.code && t.ruleIds.includes(rule))).toBe(true);
    expect(not.techniques.some((t) => t.ruleIds.includes(rule))).toBe(false);
  });

  it('stiffness waits while the pain is highly irritable: no muscle energy for it with night pain', () => {
    const stiff = { quality: ['stiffness'] as Quality[], durationWeeks: 3 };
    const calm = plan(caseOf('lower_back', { complaint: 'Low back stiff.', ...stiff }));
    const night = plan(caseOf('lower_back', { complaint: 'Low back stiff, wakes me at night.', ...stiff }));
    expect(calm.techniques.some((t) => t.ruleIds.includes('technique.sign.stiffness'))).toBe(true);
    expect(night.techniques.some((t) => t.ruleIds.includes('technique.sign.stiffness'))).toBe(false);
  });

  it('restrictions still win: no nerve glide where the region is left alone, no myofascial release beyond light pressure', () => {
    const wound = plan(
      caseOf('wrist_hand', {
        complaint: 'Hand tingles.',
        mechanism: 'repetitive_strain',
        quality: ['tingling'],
        screening: { age: 45, conditions: [{ code: 'open_wound', region: 'wrist_hand', side: 'right' }] },
      }),
    );
    expect(wound.techniques.filter((t) => t.region === 'wrist_hand')).toEqual([]);
    const light = plan(caseOf('lower_back', { complaint: 'Low back ache after long drives.', conditions: ['anticoagulants'] }));
    for (const t of light.techniques) expect(t.pressure).toBe('light');
  });
});

/** A low back ache whose only difference is the answer on recent immobility (an operation, a cast, bed rest, a long journey). */
const backAcheWithImmobility = (answer: 'yes' | 'no') =>
  caseOf('lower_back', {
    complaint: 'Low back ache.',
    screening: { age: 45, answers: { recent_immobility: answer, calf_swelling: 'no', previous_dvt: 'no' } },
  });

interface HomeRow {
  presentation: string;
  exercise: HomeExerciseCode;
  gets: AssessmentInput;
  not: AssessmentInput;
}

const HOME: HomeRow[] = [
  {
    presentation: 'exercise_soreness',
    exercise: 'active_recovery',
    gets: caseOf('calf', { complaint: 'Both calves sore since the marathon on Sunday.', side: 'bilateral', mechanism: 'sports', durationWeeks: 0.5 }),
    // A named strain is not soreness: the strain's program.
    not: caseOf('calf', { complaint: 'Pulled my calf in the marathon on Sunday.', side: 'bilateral', mechanism: 'sports', durationWeeks: 0.5 }),
  },
  {
    presentation: 'jaw_clicking',
    exercise: 'jaw_controlled_opening',
    gets: caseOf('jaw', { complaint: 'Jaw tight and clicks.', mechanism: 'postural' }),
    not: caseOf('jaw', { complaint: 'Jaw tight.', mechanism: 'postural' }),
  },
  {
    presentation: 'night_bruxism',
    exercise: 'night_bruxism_habits',
    gets: caseOf('jaw', { complaint: 'Jaw aches from clenching at night.', mechanism: 'postural' }),
    not: caseOf('jaw', { complaint: 'Jaw aches from clenching when stressed.', mechanism: 'postural' }),
  },
  {
    presentation: 'stress_incontinence',
    exercise: 'pelvic_floor_exercises',
    gets: caseOf('lower_back', { complaint: 'Low back ache. Small leaks when she coughs since her last baby.', age: 60 }),
    not: caseOf('lower_back', { complaint: 'Low back ache. Coughs in the mornings.', age: 60 }),
  },
  {
    presentation: 'ulnar_nerve',
    exercise: 'ulnar_nerve_glide',
    gets: caseOf('elbow', { complaint: 'Tingling in the little finger when leaning on my elbow at the desk.', quality: ['tingling'] }),
    not: caseOf('elbow', { complaint: 'Tingling in the thumb at the desk.', quality: ['tingling'] }),
  },
  {
    presentation: 'chest_wall_strain',
    exercise: 'pectoral_isometric_press',
    gets: caseOf('chest', { complaint: 'Pec sore after bench press.', mechanism: 'sports', durationWeeks: 1, goals: PAIN_REHAB }),
    not: caseOf('chest', { complaint: 'Chest wall aches.', mechanism: 'postural', durationWeeks: 1, goals: PAIN_REHAB }),
  },
  {
    presentation: 'manual_handling',
    exercise: 'manual_handling_habits',
    gets: caseOf('lower_back', { complaint: 'Back sore from lifting crates at work.', mechanism: 'repetitive_strain', durationWeeks: 3 }),
    not: caseOf('lower_back', { complaint: 'Back sore from lifting the shopping.', mechanism: 'repetitive_strain', durationWeeks: 3 }),
  },
  {
    presentation: 'muscle_strain',
    exercise: 'seated_calf_raise',
    gets: caseOf('calf', { complaint: 'Felt a twinge in the calf at tennis.', mechanism: 'sports', durationWeeks: 2, goals: PAIN_REHAB }),
    // Without a rehabilitation goal the strain's own loading step waits for one.
    not: caseOf('calf', { complaint: 'Felt a twinge in the calf at tennis.', mechanism: 'sports', durationWeeks: 2 }),
  },
  {
    presentation: 'eases_with_movement',
    exercise: 'paced_aerobic_activity',
    gets: caseOf('lower_back', { complaint: 'Low back ache, eases with walking.', durationWeeks: 1 }),
    not: caseOf('lower_back', { complaint: 'Low back ache.', durationWeeks: 1 }),
  },
  {
    presentation: 'clot_risk',
    exercise: 'clot_risk_moving_often',
    gets: caseOf('neck', { complaint: 'Neck stiff from desk work. Had a hernia repair 2 weeks ago.', mechanism: 'postural' }),
    not: caseOf('neck', { complaint: 'Neck stiff from desk work. Had a hernia repair 2 years ago.', mechanism: 'postural' }),
  },
  {
    presentation: 'clot_risk',
    exercise: 'clot_risk_moving_often',
    gets: backAcheWithImmobility('yes'),
    not: backAcheWithImmobility('no'),
  },
];

describe('home programs follow what the case names', () => {
  it.each(HOME.map((r) => [r.presentation, r.exercise, r] as const))('%s brings %s; its control does not', (presentation, exercise, r) => {
    const gets = plan(r.gets);
    const not = plan(r.not);
    const rule = `home.presentation.${presentation}`;
    expect(gets.homeProgram.some((h) => h.code === exercise && h.ruleIds.includes(rule))).toBe(true);
    expect(not.homeProgram.some((h) => h.code === exercise && h.ruleIds.includes(rule))).toBe(false);
  });

  it('falls prevention whatever the goals: from 65 balance practice even when the only goal is pain relief', () => {
    const older = plan(caseOf('knee', { complaint: 'Knee aches.', mechanism: 'unknown', age: 72 }));
    const younger = plan(caseOf('knee', { complaint: 'Knee aches.', mechanism: 'unknown', age: 50 }));
    expect(homeCodes(older)).toContain('single_leg_balance');
    expect(homeCodes(younger)).not.toContain('single_leg_balance');
  });

  it('a safety item is never dropped for size: numb feet keep the daily foot check in a full program', () => {
    const full = caseOf('lower_back', {
      complaint: 'Low back sore after gardening all weekend.',
      durationWeeks: 2,
      age: 68,
      conditions: ['diabetic_neuropathy'],
    });
    const p = plan(full);
    expect(homeCodes(p)).toContain('daily_foot_check');
    expect(homeCodes(plan({ ...full, screening: { ...full.screening, conditions: [] } }))).not.toContain('daily_foot_check');
  });

  it('a raised clot risk keeps its self-care in a short program (irritable pain, age 80)', () => {
    const p = plan(
      caseOf('neck', {
        complaint: 'Neck very sore, wakes me at night turning over. Knee scope 10 days ago.',
        mechanism: 'postural',
        age: 81,
        durationWeeks: 2,
      }),
    );
    expect(homeCodes(p)).toContain('clot_risk_moving_often');
  });

  it('"first steps" in the morning is heel pain, not stairs', () => {
    expect(homeRules(plan(caseOf('ankle_foot', { complaint: 'Heel pain on the first steps in the morning.' }))).has('home.presentation.stairs')).toBe(false);
    expect(homeRules(plan(caseOf('ankle_foot', { complaint: 'Heel pain climbing the steps at work.' }))).has('home.presentation.stairs')).toBe(true);
  });

  it('a daily foot check does not stand in for the cause: a pectoral strain gets its own loading, never the foot check', () => {
    const p = plan(caseOf('chest', { complaint: 'Pec sore after bench press.', mechanism: 'sports', durationWeeks: 1, goals: PAIN_REHAB }));
    expect(homeCodes(p)).not.toContain('daily_foot_check');
  });
});
