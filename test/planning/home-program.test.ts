// Home programs that address the cause (issue 13): for each REFERENCE "Home programs that address the
// cause" line a case that gets it; the exercise restrictions; dose, progression and variety.
import fc from 'fast-check';
import { AssessmentInputSchema, type AssessmentInput } from '../../src/contracts/assessment.contract';
import type { PlanContent } from '../../src/contracts/plan.contract';
import { generatePlan } from '../../src/planning';
import {
  EXERCISE_TAGS,
  HOME_EXERCISE_CODES,
  HOME_EXERCISES,
  PRESENTATION_CODES,
  PRESENTATIONS,
  type HomeExerciseCode,
} from '../../src/planning/catalog/catalog.exercises';
import { CONDITION_CODES, type ConditionCode } from '../../src/planning/catalog/catalog.conditions';
import { GOAL_TYPES, MECHANISM_CODES } from '../../src/planning/catalog/catalog.goals';
import { REGION_CODES } from '../../src/planning/catalog/catalog.regions';
import { protocolPhase } from '../../src/planning/catalog/catalog.surgeries';
import { CONDITION_TAGS, forbiddenExerciseTags, TAG_BIT } from '../../src/planning/plan/exercise-restrictions';
import { assessment, caseOf, homeRules, plan, TODAY } from './planning.fixtures';
import { VARIETY_TODAY, varietyCases } from './variety.cases';
import { measureVariety, VARIETY_TARGETS } from './variety.metrics';

const codes = (p: PlanContent) => p.homeProgram.map((h) => h.code);
const has = (p: PlanContent, ...any: HomeExerciseCode[]) => codes(p).some((c) => any.includes(c));

interface Line {
  line: string;
  input: AssessmentInput;
  check: (p: PlanContent) => void;
}

const LINES: Line[] = [
  {
    line: 'Acute low back pain: stay active, avoid bed rest, walk (ACP 2017; NICE NG59)',
    input: assessment({
      complaint: 'Low back pain since gardening yesterday.',
      durationWeeks: 1,
      painLocations: [{ region: 'lower_back', intensity: 5 }],
      measures: { painNrs: 5 },
      goals: [{ type: 'pain_relief', priority: 1 }],
    }),
    check: (p) => expect(has(p, 'stay_active', 'walking_program')).toBe(true),
  },
  {
    line: 'Chronic low back pain: graded strengthening, motor control, walking (ACP 2017)',
    input: assessment({ durationWeeks: 30 }),
    check: (p) => {
      expect(has(p, 'glute_bridge', 'bird_dog', 'side_plank_knees', 'abdominal_bracing')).toBe(true);
      expect(has(p, 'dead_bug', 'abdominal_bracing', 'bird_dog', 'pelvic_tilts')).toBe(true);
      expect(codes(p)).toContain('walking_program');
    },
  },
  {
    line: 'Knee osteoarthritis: quadriceps and hip abductor strengthening, walking (NICE NG226; OARSI 2019)',
    input: assessment({
      complaint: 'Knee osteoarthritis, stiff on stairs.',
      durationWeeks: 80,
      painLocations: [{ region: 'knee', side: 'right', intensity: 5 }],
      measures: { painNrs: 5 },
      goals: [{ type: 'pain_relief', priority: 1 }],
      mechanism: 'unknown',
      screening: { age: 67 },
    }),
    check: (p) => {
      expect(has(p, 'seated_knee_extension', 'sit_to_stand', 'straight_leg_raise', 'short_arc_quads', 'quad_sets')).toBe(true);
      expect(has(p, 'side_lying_hip_abduction', 'standing_hip_abduction')).toBe(true);
      expect(has(p, 'walking_program', 'stationary_cycling')).toBe(true);
    },
  },
  {
    line: 'Hip osteoarthritis: hip abductor and quadriceps strengthening, walking',
    input: assessment({
      complaint: 'Hip arthritis, groin ache walking.',
      durationWeeks: 60,
      painLocations: [{ region: 'hip', side: 'left', intensity: 5 }],
      measures: { painNrs: 5 },
      goals: [{ type: 'pain_relief', priority: 1 }],
      mechanism: 'unknown',
      screening: { age: 70 },
    }),
    check: (p) => {
      expect(has(p, 'side_lying_hip_abduction', 'standing_hip_abduction')).toBe(true);
      expect(has(p, 'walking_program', 'stationary_cycling')).toBe(true);
    },
  },
  {
    line: 'Lateral elbow tendinopathy, irritable: isometric wrist-extensor loading first, workload changes',
    input: assessment({
      complaint: 'Tennis elbow, sore at night.',
      durationWeeks: 8,
      painLocations: [{ region: 'elbow', side: 'right', intensity: 7 }],
      measures: { painNrs: 7 },
      goals: [{ type: 'injury_rehabilitation', priority: 1 }],
      mechanism: 'repetitive_strain',
    }),
    check: (p) => {
      expect(codes(p)).toContain('wrist_extensor_isometric');
      expect(has(p, 'ergonomic_breaks', 'workstation_setup')).toBe(true);
      expect(p.homeProgram.find((h) => h.code === 'wrist_extensor_isometric')?.progression).toContain('wrist extensor eccentric lowering');
    },
  },
  {
    line: 'Lateral elbow tendinopathy, settled: eccentric/isotonic wrist-extensor loading',
    input: assessment({
      complaint: 'Tennis elbow from the mouse.',
      durationWeeks: 20,
      painLocations: [{ region: 'elbow', side: 'right', intensity: 4 }],
      measures: { painNrs: 4 },
      goals: [{ type: 'injury_rehabilitation', priority: 1 }],
      mechanism: 'repetitive_strain',
    }),
    check: (p) => expect(codes(p)).toContain('wrist_extensor_eccentric'),
  },
  {
    line: 'Plantar heel pain: high-load heel raises (Rathleff 2015), calf and plantar fascia stretch, footwear',
    input: assessment({
      complaint: 'Heel pain with the first steps in the morning.',
      durationWeeks: 20,
      painLocations: [{ region: 'ankle_foot', side: 'left', intensity: 5 }],
      measures: { painNrs: 5 },
      goals: [{ type: 'pain_relief', priority: 1 }],
      mechanism: 'postural',
    }),
    check: (p) => {
      expect(codes(p)).toContain('high_load_heel_raise');
      expect(has(p, 'plantar_fascia_stretch', 'calf_stretch')).toBe(true);
      expect(has(p, 'supportive_footwear', 'calf_stretch')).toBe(true);
      expect(p.focusAreas[0]?.targetMuscles[0]).toBe('plantar_fascia');
    },
  },
  {
    line: 'Achilles tendinopathy: progressive calf loading',
    input: assessment({
      complaint: 'Achilles pain after running.',
      durationWeeks: 16,
      painLocations: [{ region: 'calf', side: 'right', intensity: 4 }],
      measures: { painNrs: 4 },
      goals: [{ type: 'injury_rehabilitation', priority: 1 }],
      mechanism: 'sports',
    }),
    check: (p) => expect(has(p, 'eccentric_heel_drop', 'high_load_heel_raise', 'heel_raises', 'achilles_isometric_hold')).toBe(true),
  },
  {
    line: 'Ankle sprain: balance and proprioceptive training (Hupperets 2009), early weight-bearing',
    input: assessment({
      complaint: 'Rolled my ankle at football.',
      durationWeeks: 3,
      painLocations: [{ region: 'ankle_foot', side: 'right', intensity: 4 }],
      measures: { painNrs: 4 },
      goals: [{ type: 'injury_rehabilitation', priority: 1 }],
      mechanism: 'sports',
    }),
    check: (p) => {
      expect(has(p, 'single_leg_balance', 'balance_progression')).toBe(true);
      expect(has(p, 'weight_bearing_walk', 'ankle_alphabet')).toBe(true);
      expect(codes(p)).not.toContain('diaphragmatic_breathing');
    },
  },
  {
    line: 'Ankle sprain told as "rolled his L ankle", heel raises in the exam: the sprain program, not the plantar heel one (review round 65)',
    input: assessment({
      complaint: 'Rolled his L ankle tripping on a kerb 9 days ago. Swelling going down. 15 single-leg heel raises vs 20 R.',
      durationWeeks: 1,
      painLocations: [{ region: 'ankle_foot', side: 'left', intensity: 3, quality: ['aching'] }],
      measures: { painNrs: 3 },
      goals: [{ type: 'injury_rehabilitation', priority: 1 }],
      mechanism: 'trauma',
    }),
    check: (p) => {
      expect(has(p, 'single_leg_balance', 'balance_progression')).toBe(true);
      expect(codes(p)).not.toContain('plantar_fascia_stretch');
    },
  },
  {
    line: 'Ankle sprain whose bruising tracks to the heel: still the sprain program, not the plantar heel one (review round 55)',
    input: assessment({
      complaint: 'Inversion sprain R ankle playing netball 10 days ago, swollen lateral ankle, bruising tracking to heel.',
      durationWeeks: 1,
      painLocations: [{ region: 'ankle_foot', side: 'right', intensity: 4, quality: ['swelling', 'aching'] }],
      measures: { painNrs: 4 },
      goals: [{ type: 'injury_rehabilitation', priority: 1 }],
      mechanism: 'sports',
    }),
    check: (p) => {
      expect(has(p, 'single_leg_balance', 'balance_progression')).toBe(true);
      expect(codes(p)).not.toContain('plantar_fascia_stretch');
    },
  },
  {
    line: 'Desk and posture: movement breaks, workstation set-up',
    input: assessment({
      complaint: 'Stiff neck from long hours at the computer.',
      durationWeeks: 10,
      painLocations: [{ region: 'neck', intensity: 4 }],
      measures: { painNrs: 4 },
      goals: [{ type: 'pain_relief', priority: 1 }],
      mechanism: 'postural',
    }),
    check: (p) => expect(has(p, 'ergonomic_breaks', 'workstation_setup')).toBe(true),
  },
  {
    line: 'Lifting: hip hinge, load close',
    input: assessment({
      complaint: 'Back pain at work lifting boxes.',
      durationWeeks: 10,
      painLocations: [{ region: 'lower_back', intensity: 4 }],
      measures: { painNrs: 4 },
      goals: [{ type: 'pain_relief', priority: 1 }],
      mechanism: 'repetitive_strain',
    }),
    check: (p) => expect(has(p, 'hip_hinge_practice', 'lifting_load_close')).toBe(true),
  },
  {
    line: 'Stress: paced breathing, sleep routine',
    input: assessment({
      complaint: 'Stressed, cannot switch off.',
      painLocations: [],
      goals: [{ type: 'stress_reduction', priority: 1 }],
      durationWeeks: undefined,
      mechanism: undefined,
      measures: { stress: { instrument: 'pss10', score: 22 } },
    }),
    check: (p) => {
      expect(codes(p)).toContain('diaphragmatic_breathing');
      expect(codes(p)).toContain('sleep_routine');
    },
  },
  {
    line: 'Total knee arthroplasty: flexion and extension range, quadriceps sets, ankle pumps',
    input: assessment({
      complaint: 'Knee replacement three weeks ago.',
      durationWeeks: 3,
      painLocations: [{ region: 'knee', side: 'right', intensity: 5 }],
      measures: { painNrs: 5 },
      goals: [
        { type: 'range_of_motion', priority: 1 },
        { type: 'injury_rehabilitation', priority: 2 },
      ],
      mechanism: 'post_surgical',
      screening: { age: 68, surgeryDate: '2025-02-08' },
    }),
    check: (p) => {
      expect(codes(p)).toEqual(expect.arrayContaining(['heel_slides', 'knee_extension_prop', 'quad_sets', 'ankle_pumps']));
      expect(p.schedule.weeks).toBe(12);
    },
  },
  {
    line: 'Total hip arthroplasty (approach not recorded): gluteal activation within the hip precautions',
    input: assessment({
      complaint: 'Hip replacement a month ago.',
      durationWeeks: 4,
      painLocations: [{ region: 'hip', side: 'left', intensity: 4 }],
      measures: { painNrs: 4 },
      goals: [{ type: 'injury_rehabilitation', priority: 1 }],
      mechanism: 'post_surgical',
      screening: { age: 72, surgeryDate: '2025-02-01' },
    }),
    check: (p) => {
      expect(has(p, 'glute_sets', 'standing_hip_abduction')).toBe(true);
      for (const h of p.homeProgram)
        for (const t of ['hip_flexion_past_90', 'hip_adduction', 'hip_internal_rotation'] as const) expect(HOME_EXERCISES[h.code].tags).not.toContain(t);
      expect(p.rationale.map((r) => r.ruleId)).toContain('exercise.surgery.total_hip_arthroplasty.protocol');
    },
  },
  {
    line: 'Lumbar spinal fusion, first 3 months: stay active and hinge at the hips; nothing that bends, arches or turns the fused segments',
    input: assessment({
      complaint: 'L4-5 fusion five weeks ago, back aching.',
      durationWeeks: 5,
      painLocations: [{ region: 'lower_back', side: 'bilateral', intensity: 5 }],
      measures: { painNrs: 5 },
      goals: [{ type: 'pain_relief', priority: 1 }],
      mechanism: 'post_surgical',
      screening: { age: 59, surgeries: [{ procedure: 'spinal_fusion', date: '2025-01-24', region: 'lower_back', side: 'midline', approach: 'posterior' }] },
    }),
    check: (p) => {
      expect(codes(p)).toEqual(expect.arrayContaining(['stay_active', 'hip_hinge_practice']));
      for (const h of p.homeProgram) expect(HOME_EXERCISES[h.code].tags).not.toContain('spinal_range');
      expect(p.rationale.map((r) => r.ruleId)).toContain('exercise.surgery.spinal_fusion.protocol');
    },
  },
  {
    line: 'Neck pain: deep neck flexor and shoulder-girdle exercise',
    input: assessment({
      complaint: 'Neck ache.',
      durationWeeks: 20,
      painLocations: [{ region: 'neck', intensity: 4 }],
      measures: { painNrs: 4 },
      goals: [{ type: 'pain_relief', priority: 1 }],
      mechanism: 'unknown',
    }),
    check: (p) => expect(has(p, 'deep_neck_flexor_endurance', 'chin_tucks', 'neck_isometrics')).toBe(true),
  },
  {
    line: 'Shoulder pain: rotator cuff loading and range',
    input: assessment({
      complaint: 'Shoulder hurts reaching overhead.',
      durationWeeks: 10,
      painLocations: [{ region: 'shoulder', side: 'right', intensity: 4 }],
      measures: { painNrs: 4, function: { instrument: 'spadi', score: 40 } },
      goals: [{ type: 'pain_relief', priority: 1 }],
      mechanism: 'repetitive_strain',
    }),
    check: (p) => {
      expect(has(p, 'shoulder_external_rotation_band', 'shoulder_isometrics')).toBe(true);
      expect(p.goals.find((g) => g.measure === 'spadi')).toMatchObject({ baseline: 40, mcid: 13, direction: 'lower_is_better' });
    },
  },
  {
    line: 'Jaw: rest position, controlled opening, masseter and temporalis',
    input: assessment({
      complaint: 'Jaw aches from clenching.',
      durationWeeks: 10,
      painLocations: [{ region: 'jaw', side: 'bilateral', intensity: 4 }],
      measures: { painNrs: 4 },
      goals: [{ type: 'pain_relief', priority: 1 }],
      mechanism: 'repetitive_strain',
    }),
    check: (p) => {
      expect(codes(p)).toContain('jaw_relaxation');
      expect(has(p, 'jaw_controlled_opening', 'masseter_self_massage')).toBe(true);
      expect(p.techniques.some((t) => t.region === 'jaw' && t.rationale.includes('masseter'))).toBe(true);
    },
  },
  {
    line: 'Upper back: thoracic mobility and scapular strength',
    input: assessment({
      complaint: 'Ache between the shoulder blades.',
      durationWeeks: 10,
      painLocations: [{ region: 'upper_back', intensity: 4 }],
      measures: { painNrs: 4 },
      goals: [{ type: 'pain_relief', priority: 1 }],
      mechanism: 'unknown',
    }),
    check: (p) => expect(has(p, 'thoracic_extension', 'thoracic_rotation_open_book')).toBe(true),
  },
  {
    line: 'Wrist and hand: tendon and nerve gliding',
    input: assessment({
      complaint: 'Wrist ache from typing.',
      durationWeeks: 10,
      painLocations: [{ region: 'wrist_hand', side: 'right', intensity: 4 }],
      measures: { painNrs: 4 },
      goals: [{ type: 'pain_relief', priority: 1 }],
      mechanism: 'repetitive_strain',
    }),
    check: (p) => expect(has(p, 'tendon_glides', 'median_nerve_glide', 'thumb_opposition')).toBe(true),
  },
];

describe('home programs that address the cause (REFERENCE lines)', () => {
  it.each(LINES.map((l) => [l.line, l] as const))('%s', (_line, l) => {
    const p = plan(l.input);
    expect(['treat', 'treat_with_precautions']).toContain(p.screening.decision);
    l.check(p);
    for (const h of p.homeProgram) {
      expect(h.dose).toBeDefined();
      expect(h.progression).toMatch(/^When this is easy: /);
      expect(h.instructions.length).toBeGreaterThan(20);
    }
  });

  it('every presentation core names library exercises, and the library has at least 60', () => {
    expect(HOME_EXERCISE_CODES.length).toBeGreaterThanOrEqual(60);
    for (const p of PRESENTATION_CODES) for (const group of PRESENTATIONS[p].core) for (const c of group) expect(HOME_EXERCISE_CODES).toContain(c);
    for (const c of HOME_EXERCISE_CODES) {
      const e = HOME_EXERCISES[c];
      if (e.progression) expect(HOME_EXERCISE_CODES).toContain(e.progression);
      expect(Object.keys(e.dose).length).toBeGreaterThan(0);
      expect(e.goalTypes.length).toBeGreaterThan(0);
      for (const t of e.tags) expect(EXERCISE_TAGS).toContain(t);
    }
    // Every mechanism has an exercise for every goal type, so a home program can always address it.
    for (const m of MECHANISM_CODES)
      for (const g of GOAL_TYPES)
        expect(HOME_EXERCISE_CODES.some((c) => HOME_EXERCISES[c].mechanisms.includes(m) && HOME_EXERCISES[c].goalTypes.includes(g))).toBe(true);
  });
});

describe('exercise restrictions', () => {
  const base = { chronicity: 'chronic' as const, mechanism: 'unknown' as const, surgeryDays: null, age: 40 };
  const forbids = (c: string[], facts = base) => EXERCISE_TAGS.filter((t) => (forbiddenExerciseTags(new Set(c), facts).mask & TAG_BIT[t]) !== 0);

  it.each([
    ['pregnancy', ['supine_lying', 'abdominal_loading']],
    ['osteoporosis', ['spinal_flexion_loaded', 'spinal_twist_loaded', 'high_impact']],
    ['osteopenia', ['high_impact']],
    ['lymphoedema', ['vigorous_limb_stretch', 'heat']],
  ])('%s forbids %j', (code, tags) => {
    expect(forbids([code])).toEqual(expect.arrayContaining(tags));
  });

  it('pregnancy before 20 weeks still allows lying on the back', () => {
    expect(forbids(['pregnancy'], { ...base, pregnancyWeeks: 14 } as typeof base)).toEqual([]);
  });

  it('situations: acute injury, early after surgery, a hip replacement protocol, age 80', () => {
    expect(forbids([], { ...base, chronicity: 'acute', mechanism: 'sports' } as never)).toEqual(expect.arrayContaining(['heavy_loading', 'high_impact']));
    expect(forbids([], { ...base, chronicity: 'acute', mechanism: 'post_surgical', surgeryDays: 10 } as never)).toContain('heavy_loading');
    const protocol = (days: number) =>
      (protocolPhase('total_hip_arthroplasty', 'posterior', days)?.forbidMovements ?? []).map((tag) => ({
        tag,
        ruleId: 'surgery.total_hip_arthroplasty.protocol',
      }));
    const posterior = forbiddenExerciseTags(new Set(), { ...base, protocolMovements: protocol(20) });
    for (const t of ['hip_flexion_past_90', 'hip_adduction', 'hip_internal_rotation'] as const) expect(posterior.mask & TAG_BIT[t]).not.toBe(0);
    // The catalog keeps posterior hip precautions for 12 weeks (many surgeons: 3 months).
    expect(forbiddenExerciseTags(new Set(), { ...base, protocolMovements: protocol(100) }).mask).toBe(0);
    expect(forbids([], { ...base, age: 84 })).toContain('unsupported_balance');
  });

  it('every mapped condition code is a catalog condition', () => {
    for (const code of Object.keys(CONDITION_TAGS)) expect(CONDITION_CODES).toContain(code);
  });
});

// Generated cases with conditions that forbid tags: no home item may carry one, and every item has a dose.
const RESTRICTING: ConditionCode[] = [
  'pregnancy',
  'osteoporosis',
  'diabetic_neuropathy',
  'heart_disease',
  'anticoagulants',
  'recent_neck_trauma',
  'fragile_skin',
];
const generated = fc
  .record({
    region: fc.constantFrom(...REGION_CODES),
    second: fc.option(fc.constantFrom(...REGION_CODES), { nil: undefined }),
    intensity: fc.integer({ min: 0, max: 10 }),
    goals: fc.shuffledSubarray([...GOAL_TYPES], { minLength: 1 }),
    weeks: fc.constantFrom(1, 3, 8, 16, 60),
    mechanism: fc.constantFrom(...MECHANISM_CODES),
    conditions: fc.subarray(RESTRICTING, { maxLength: 2 }),
    age: fc.integer({ min: 18, max: 95 }),
    swelling: fc.boolean(),
    surgeryDaysAgo: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
  })
  .map((g) =>
    AssessmentInputSchema.parse({
      patientId: '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57',
      practitioner: 'fast-check',
      complaint: 'Sore.',
      painLocations: [
        { region: g.region, intensity: g.intensity, quality: g.swelling ? ['swelling'] : [] },
        ...(g.second && g.second !== g.region ? [{ region: g.second, intensity: 3 }] : []),
      ],
      goals: g.goals.map((type, i) => ({ type, priority: i + 1 })),
      durationWeeks: g.weeks,
      mechanism: g.mechanism,
      screening: {
        conditions: g.conditions,
        age: g.age,
        surgeryDate: g.surgeryDaysAgo ? new Date(Date.UTC(2025, 2, 1) - g.surgeryDaysAgo * 86_400_000).toISOString().slice(0, 10) : null,
      },
    }),
  );

describe('home program properties', () => {
  it('no home-program item carries a tag the case’s restrictions forbid; every item has a dose, instructions and a progression', () => {
    fc.assert(
      fc.property(generated, (input) => {
        const p = generatePlan(input, { today: TODAY });
        if (p.screening.decision !== 'treat' && p.screening.decision !== 'treat_with_precautions') return;
        const active = new Set<string>(p.screening.findings.map((f) => f.code));
        for (const c of input.screening?.conditions ?? []) active.add(typeof c === 'string' ? c : c.code);
        const facts = {
          chronicity: (input.durationWeeks ?? 0) < 6 ? ('acute' as const) : ('chronic' as const),
          mechanism: input.mechanism ?? 'unknown',
          surgeryDays: null,
          age: input.screening?.age ?? null,
        };
        // The conditions alone (the engine adds situation tags on top).
        const forbidden = forbiddenExerciseTags(active, { ...facts, chronicity: 'chronic', mechanism: 'unknown' }).mask;
        for (const h of p.homeProgram) {
          const e = HOME_EXERCISES[h.code];
          expect(e.tags.reduce((m, t) => m | TAG_BIT[t], 0) & forbidden).toBe(0);
          if (input.mechanism && ['sports', 'trauma'].includes(input.mechanism) && (input.durationWeeks ?? 99) < 6)
            expect(e.tags).not.toContain('heavy_loading');
          expect(h.dose && Object.keys(h.dose).length > 0).toBe(true);
          expect(h.instructions).toContain(e.instructions);
          expect(h.frequency.length).toBeGreaterThan(0);
          expect(h.progression).toBeTruthy();
        }
        expect(p.homeProgram.some((h) => HOME_EXERCISES[h.code].mechanisms.includes(input.mechanism ?? 'unknown'))).toBe(true);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });
});

describe('variety (issue 13)', () => {
  it('the built-in varied cases meet the variety targets', () => {
    const r = measureVariety(varietyCases().map((c) => ({ ...c, plan: generatePlan(c.assessment, { today: VARIETY_TODAY }) })));
    expect(r.techniqueSets / r.treated).toBeGreaterThanOrEqual(VARIETY_TARGETS.techniqueShare);
    expect(r.homePrograms / r.treated).toBeGreaterThanOrEqual(VARIETY_TARGETS.homeShare);
    expect(r.schedulePatterns).toBeGreaterThanOrEqual(VARIETY_TARGETS.schedulePatterns);
    expect(r.uncovered).toEqual([]);
  });
});

describe('technique choice from tissue and signs', () => {
  const strain = (quality: string[]) =>
    plan(
      assessment({
        complaint: 'Calf strain at tennis.',
        durationWeeks: 2,
        mechanism: 'sports',
        painLocations: [{ region: 'calf', side: 'right', intensity: 5, quality: quality as never }],
        measures: { painNrs: 5 },
        goals: [
          { type: 'injury_rehabilitation', priority: 1 },
          { type: 'pain_relief', priority: 2 },
        ],
      }),
    );

  it('manual lymphatic drainage only when swelling is reported (pain quality or the complaint), or early after surgery', () => {
    expect(strain([]).techniques.map((t) => t.code)).not.toContain('manual_lymphatic_drainage');
    expect(strain(['swelling']).techniques.map((t) => t.code)).toContain('manual_lymphatic_drainage');
    const told = plan(
      assessment({
        complaint: 'Ankle swollen since I twisted it.',
        durationWeeks: 1,
        mechanism: 'sports',
        painLocations: [{ region: 'ankle_foot', intensity: 5 }],
        measures: { painNrs: 5 },
        goals: [{ type: 'injury_rehabilitation', priority: 1 }],
      }),
    );
    expect(told.techniques.map((t) => t.code)).toContain('manual_lymphatic_drainage');
    const denied = plan(
      assessment({
        complaint: 'Twisted ankle, no swelling.',
        durationWeeks: 1,
        mechanism: 'sports',
        painLocations: [{ region: 'ankle_foot', intensity: 5 }],
        measures: { painNrs: 5 },
        goals: [{ type: 'injury_rehabilitation', priority: 1 }],
      }),
    );
    expect(denied.techniques.map((t) => t.code)).not.toContain('manual_lymphatic_drainage');
  });

  it('cross-fibre friction only where a tendon is the target', () => {
    const back = plan(assessment({ durationWeeks: 20, mechanism: 'postural', goals: [{ type: 'injury_rehabilitation', priority: 1 }] }));
    expect(back.techniques.map((t) => t.code)).not.toContain('cross_fiber_friction');
    const elbow = plan(
      assessment({
        complaint: 'Tennis elbow.',
        durationWeeks: 20,
        mechanism: 'repetitive_strain',
        painLocations: [{ region: 'elbow', side: 'right', intensity: 4 }],
        measures: { painNrs: 4 },
        goals: [{ type: 'injury_rehabilitation', priority: 1 }],
      }),
    );
    const friction = elbow.techniques.find((t) => t.code === 'cross_fiber_friction');
    expect(friction?.rationale).toContain('common extensor origin');
  });

  it('acute pain-only plans differ by region', () => {
    const sets = new Set(
      (['neck', 'lower_back', 'shoulder', 'jaw', 'knee', 'calf'] as const).map((region) => {
        const p = plan(
          assessment({
            complaint: 'Sore.',
            durationWeeks: 2,
            mechanism: 'unknown',
            painLocations: [{ region, intensity: 5 }],
            measures: { painNrs: 5 },
            goals: [{ type: 'pain_relief', priority: 1 }],
          }),
        );
        return p.techniques
          .map((t) => t.code)
          .sort()
          .join(',');
      }),
    );
    expect(sets.size).toBeGreaterThanOrEqual(4);
  });
});

describe('input', () => {
  const withQuality = (quality: string[], instrument = 'psfs') =>
    AssessmentInputSchema.safeParse({
      patientId: '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57',
      practitioner: 'x',
      complaint: 'Sore.',
      painLocations: [{ region: 'ankle_foot', intensity: 4, quality }],
      goals: [{ type: 'pain_relief', priority: 1 }],
      measures: { function: { instrument, score: 5 } },
    });

  it('accepts swelling as a pain quality and SPADI as a function instrument; an unknown quality names its field', () => {
    expect(withQuality(['swelling']).success).toBe(true);
    expect(withQuality(['swelling'], 'spadi').success).toBe(true);
    const bad = withQuality(['swollen']);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['painLocations', 0, 'quality', 0]);
  });
});

describe('advice that implies a movement is withheld where that movement is (each with the neighbour that gets it)', () => {
  const running = {
    complaint: 'Runner: hamstring tight and sore after my long runs, 10k training.',
    painLocations: [{ region: 'hamstring' as const, side: 'right' as const, intensity: 4 }],
    durationWeeks: 10,
    mechanism: 'sports' as const,
    goals: [{ type: 'pain_relief' as const, priority: 1 }],
    measures: { painNrs: 4 },
  };
  const gym = {
    ...running,
    complaint: 'Shoulder sore after bench press at the gym.',
    painLocations: [{ region: 'shoulder' as const, side: 'left' as const, intensity: 4 }],
  };
  const stiff = {
    complaint: 'Low back stiff in the mornings, and sore after gardening and bending.',
    painLocations: [{ region: 'lower_back' as const, side: 'bilateral' as const, intensity: 4, quality: ['stiffness' as const] }],
    durationWeeks: 12,
    mechanism: 'postural' as const,
    goals: [{ type: 'range_of_motion' as const, priority: 1 }],
    measures: { painNrs: 4 },
  };
  const fusion = {
    procedure: 'spinal_fusion' as const,
    date: '2025-01-17',
    region: 'lower_back' as const,
    side: 'midline' as const,
    approach: 'posterior' as const,
  };
  const cuffRepair = (date: string): Parameters<typeof assessment>[0] => ({
    complaint: 'Rotator cuff repair on the right shoulder, stiff.',
    painLocations: [{ region: 'shoulder', side: 'right', intensity: 4 }],
    durationWeeks: 4,
    mechanism: 'post_surgical',
    goals: [{ type: 'range_of_motion', priority: 1 }],
    measures: { painNrs: 4 },
    screening: { age: 55, surgeries: [{ procedure: 'rotator_cuff_repair', date, region: 'shoulder', side: 'right' }] },
  });
  it.each<[string, Parameters<typeof assessment>[0], Parameters<typeof assessment>[0], HomeExerciseCode[]]>([
    [
      'keep running: not in the first weeks of a strain',
      running,
      { ...running, complaint: 'Pulled my hamstring running for the bus five days ago.', durationWeeks: 1 },
      ['running_load_management'],
    ],
    [
      'keep running: not with osteoporosis (impact)',
      running,
      { ...running, screening: { age: 66, conditions: ['osteoporosis'] } },
      ['running_load_management'],
    ],
    [
      'keep training at the gym: not with heart disease (straining)',
      gym,
      { ...gym, screening: { age: 60, conditions: ['heart_disease'] } },
      ['training_load_modification'],
    ],
    [
      'morning routine lying on the back: not in pregnancy',
      stiff,
      { ...stiff, screening: { age: 31, conditions: ['pregnancy'] } },
      ['morning_mobility_routine'],
    ],
    [
      'morning rocking, back extensions while gardening, pelvic tilts: not in the first 3 months after a spinal fusion',
      stiff,
      { ...stiff, durationWeeks: 6, mechanism: 'post_surgical', screening: { age: 59, surgeries: [fusion] } },
      ['morning_mobility_routine', 'bending_task_habits', 'pelvic_tilts'],
    ],
    [
      'assisted shoulder raising: not in the protected first 6 weeks after a rotator cuff repair (pendulum only)',
      cuffRepair('2025-01-08'),
      cuffRepair('2025-02-05'),
      ['shoulder_flexion_wand'],
    ],
  ])('%s', (_rule, gets, withheld, exercises) => {
    expect(codes(plan(assessment(gets)))).toEqual(expect.arrayContaining(exercises));
    const restricted = codes(plan(assessment(withheld)));
    for (const e of exercises) expect(restricted).not.toContain(e);
  });
});

describe('a progression never leads where the case forbids going', () => {
  const stiffBack = {
    complaint: 'Low back sore and stiff in the mornings for 3 weeks after gardening.',
    painLocations: [{ region: 'lower_back' as const, side: 'bilateral' as const, intensity: 4, quality: ['stiffness' as const] }],
    durationWeeks: 3,
    mechanism: 'postural' as const,
    goals: [
      { type: 'range_of_motion' as const, priority: 1 },
      { type: 'pain_relief' as const, priority: 2 },
    ],
    measures: { painNrs: 4 },
  };
  const sprain = {
    complaint: 'Rolled my ankle a week ago, still wobbly.',
    painLocations: [{ region: 'ankle_foot' as const, side: 'right' as const, intensity: 4 }],
    durationWeeks: 1,
    mechanism: 'trauma' as const,
    goals: [{ type: 'injury_rehabilitation' as const, priority: 1 }],
    measures: { painNrs: 4 },
  };
  const progressionOf = (p: PlanContent, code: HomeExerciseCode) => p.homeProgram.find((h) => h.code === code)?.progression;

  it('osteoporosis: no repeated or end-range bending or turning of the spine (cat-camel, the morning knee rocking)', () => {
    expect(codes(plan(assessment({ ...stiffBack, screening: { age: 60 } })))).toEqual(expect.arrayContaining(['cat_camel', 'morning_mobility_routine']));
    const osteo = plan(assessment({ ...stiffBack, screening: { age: 70, conditions: ['osteoporosis'] } }));
    for (const h of osteo.homeProgram) expect(HOME_EXERCISES[h.code].tags).not.toContain('spinal_bend_twist');
    expect(codes(osteo)).not.toContain('cat_camel');
  });

  it.each([
    ['anticoagulants', 63],
    ['diabetic_neuropathy', 55],
  ] as const)('%s: single-leg balance stays beside the support; its progression off the support waits', (condition, age) => {
    expect(progressionOf(plan(assessment({ ...sprain, screening: { age: 40 } })), 'single_leg_balance')).toMatch(/eyes closed/);
    const held = progressionOf(plan(assessment({ ...sprain, screening: { age, conditions: [condition] } })), 'single_leg_balance');
    expect(held).toMatch(/keep to this level/);
    expect(held).not.toMatch(/eyes closed|softer surface|cushion/);
  });
});

describe('items for another limb or situation are left out (each with the neighbour that gets it)', () => {
  const operated = (procedure: 'total_knee_arthroplasty' | 'carpal_tunnel_release', region: 'knee' | 'wrist_hand'): Parameters<typeof assessment>[0] => ({
    complaint: 'Operated three weeks ago, still swollen.',
    painLocations: [{ region, side: 'right', intensity: 4, quality: ['swelling'] }],
    durationWeeks: 3,
    mechanism: 'post_surgical',
    goals: [{ type: 'range_of_motion', priority: 1 }],
    measures: { painNrs: 4 },
    screening: { age: 66, surgeries: [{ procedure, date: '2025-02-08', region, side: 'right' }] },
  });
  const overhead = {
    complaint: 'Shoulder sore from painting ceilings, overhead work all day.',
    painLocations: [{ region: 'shoulder' as const, side: 'right' as const, intensity: 4 }],
    durationWeeks: 8,
    mechanism: 'repetitive_strain' as const,
    goals: [{ type: 'pain_relief' as const, priority: 1 }],
    measures: { painNrs: 4 },
  };
  it.each<[string, Parameters<typeof assessment>[0], Parameters<typeof assessment>[0], HomeExerciseCode[]]>([
    [
      'arm pumping for swelling after surgery: for an operated arm, not a knee',
      operated('carpal_tunnel_release', 'wrist_hand'),
      operated('total_knee_arthroplasty', 'knee'),
      ['lymphatic_arm_exercise'],
    ],
    [
      'ankle pumps for swelling after surgery: for an operated leg, not a hand',
      operated('total_knee_arthroplasty', 'knee'),
      operated('carpal_tunnel_release', 'wrist_hand'),
      ['ankle_pumps'],
    ],
    [
      'overhead work habits: when overhead work is mentioned, not for every shoulder (a cuff repair at 7 weeks)',
      overhead,
      {
        ...overhead,
        complaint: 'Rotator cuff repair on the right shoulder, stiff.',
        mechanism: 'post_surgical',
        durationWeeks: 7,
        screening: { age: 55, surgeries: [{ procedure: 'rotator_cuff_repair', date: '2025-01-08', region: 'shoulder', side: 'right' }] },
      },
      ['overhead_work_habits'],
    ],
  ])('%s', (_rule, gets, withheld, exercises) => {
    expect(codes(plan(assessment(gets)))).toEqual(expect.arrayContaining(exercises));
    const restricted = codes(plan(assessment(withheld)));
    for (const e of exercises) expect(restricted).not.toContain(e);
  });
});

describe('a recent fracture: nothing that loads or balances on it (each with the neighbour that gets it)', () => {
  const ankle = {
    complaint: 'Ankle injured 4 weeks ago, in a boot.',
    painLocations: [{ region: 'ankle_foot' as const, side: 'right' as const, intensity: 4 }],
    durationWeeks: 4,
    mechanism: 'trauma' as const,
    goals: [{ type: 'injury_rehabilitation' as const, priority: 1 }],
    measures: { painNrs: 4 },
    screening: { age: 45 },
  };
  const wrist = {
    complaint: 'Wrist stiff and weak after an injury, long standing.',
    painLocations: [{ region: 'wrist_hand' as const, side: 'left' as const, intensity: 3 }],
    durationWeeks: 20,
    mechanism: 'trauma' as const,
    goals: [{ type: 'injury_rehabilitation' as const, priority: 1 }],
    measures: { painNrs: 3 },
    screening: { age: 45 },
  };
  it.each<[string, Parameters<typeof assessment>[0], Parameters<typeof assessment>[0], HomeExerciseCode[]]>([
    [
      'balance, weight-bearing and resisted ankle work: not on a recently fractured ankle (region given)',
      ankle,
      { ...ankle, screening: { age: 45, conditions: [{ code: 'recent_fracture', region: 'ankle_foot', side: 'right' }] } },
      ['single_leg_balance', 'weight_bearing_walk', 'resisted_ankle_eversion'],
    ],
    [
      'the same when the fracture has no recorded place: the painful region is taken',
      ankle,
      { ...ankle, screening: { age: 45, conditions: ['recent_fracture'] } },
      ['single_leg_balance', 'weight_bearing_walk', 'resisted_ankle_eversion'],
    ],
    [
      'grip strengthening: not on a recently fractured wrist',
      wrist,
      { ...wrist, screening: { age: 45, conditions: [{ code: 'recent_fracture', region: 'wrist_hand', side: 'left' }] } },
      ['grip_strengthening'],
    ],
  ])('%s', (_rule, gets, withheld, exercises) => {
    expect(codes(plan(assessment(gets)))).toEqual(expect.arrayContaining(exercises));
    const restricted = plan(assessment(withheld));
    for (const e of exercises) expect(codes(restricted)).not.toContain(e);
    expect(restricted.homeProgram.length).toBeGreaterThan(0);
  });

  it('a fractured wrist keeps walking; a fractured ankle leaves out everything standing on the leg', () => {
    const chronicWrist = plan(assessment({ ...wrist, screening: { age: 45, conditions: [{ code: 'recent_fracture', region: 'wrist_hand', side: 'left' }] } }));
    expect(codes(chronicWrist)).toContain('walking_program');
    const fracturedAnkle = plan(assessment({ ...ankle, screening: { age: 45, conditions: [{ code: 'recent_fracture', region: 'ankle_foot' }] } }));
    for (const c of codes(fracturedAnkle)) expect(HOME_EXERCISES[c].tags).not.toContain('weight_bearing');
  });
});

describe('grinding the teeth is night bruxism unless told of the day; clenching only when told of sleep (review round 7)', () => {
  const jaw = (complaint: string) => plan(caseOf('jaw', { side: 'bilateral', complaint, mechanism: 'unknown' }));

  it.each([
    'Jaw aches, grinds her teeth.',
    'Jaw aches, he grinds his teeth.',
    'Jaw ache from bruxism.',
    'Jaw aches, known bruxist, wears a night guard.',
    'Jaw aches, teeth grinding.',
    'Jaw aches. Dentist says she grinds.',
    'Jaw aches, partner hears her grinding.',
    'Jaw aches, clenching overnight.',
    'Jaw aches, wakes with her jaw clenched.',
    'Jaw aches, clenches in her sleep.',
  ])('night bruxism habits: %s', (complaint) => expect(has(jaw(complaint), 'night_bruxism_habits')).toBe(true));

  it.each([
    'Jaw aches from clenching when stressed.',
    'Jaw sore, clenches her teeth.',
    'Jaw aches, grinds teeth during the day at her desk.',
    'Jaw aches, clenches at the desk when concentrating.',
    'Jaw grinds when she opens her mouth.',
    'Jaw clicks, grinding noise when chewing.',
    'Jaw aches, no grinding.',
    'Jaw aches, does not grind her teeth.',
    'Jaw tight.',
  ])('not for daytime clenching, a grinding joint or no grinding: %s', (complaint) => expect(has(jaw(complaint), 'night_bruxism_habits')).toBe(false));

  it('waking with a clenched jaw is no night pain: treated', () => expect(jaw('Jaw aches, wakes with her jaw clenched.').screening.decision).not.toBe('refer'));
});

describe('stress with poor sleep: the sleep routine as well as the breathing (REFERENCE "Stress: paced breathing, sleep routine")', () => {
  const stressCase = (complaint: string, goal = true) =>
    plan(
      caseOf('neck', {
        side: 'bilateral',
        complaint,
        painLocations: [
          { region: 'neck', side: 'bilateral', intensity: 5, quality: ['tightness'] },
          { region: 'shoulder', side: 'bilateral', intensity: 4, quality: ['tightness'] },
          { region: 'jaw', side: 'bilateral', intensity: 3, quality: ['aching'] },
        ],
        goals: goal
          ? [
              { type: 'pain_relief', priority: 1 },
              { type: 'stress_reduction', priority: 2 },
            ]
          : [{ type: 'pain_relief', priority: 1 }],
        measures: goal ? { painNrs: 5 } : { painNrs: 5, stress: { instrument: 'pss10', score: 21 } },
      }),
    );

  it.each([
    ['Not sleeping (4-5 hrs), jaw clenched, neck like rocks.', true],
    ['Insomnia since the redundancy, neck and shoulders tight.', true],
    ['Waking at 3am most nights, can’t switch off.', false],
    ["Can't sleep for worrying about work, shoulders up round her ears.", true],
    ['Only getting 4 hours sleep a night with the new job.', false],
    ['Lies awake half the night, mind racing.', true],
    ['Sleeping 4-5 hrs since the divorce, jaw clenched.', false],
  ])('%s (stress goal: %s)', (complaint, goal) => {
    const p = stressCase(complaint, goal);
    expect(has(p, 'sleep_routine')).toBe(true);
    expect(has(p, 'diaphragmatic_breathing', 'progressive_muscle_relaxation')).toBe(true);
  });

  it.each([
    'Sleeping well, no insomnia. Desk job, neck tight.',
    'No trouble sleeping; stressful job, shoulders tight.',
    'Neck and shoulders tight from the desk.',
  ])('no poor-sleep rule when sleep is fine or not told: %s', (complaint) =>
    expect(homeRules(stressCase(complaint))).not.toContain('home.presentation.stress.poor_sleep'),
  );
});

describe('fibromyalgia always gets graded aerobic activity, low level in a flare (EULAR 2016; review round 9)', () => {
  const AEROBIC: HomeExerciseCode[] = ['paced_aerobic_activity', 'walking_program'];
  const fibro = (complaint: string, durationWeeks: number, painLocations: AssessmentInput['painLocations'], goals: AssessmentInput['goals']) =>
    plan(
      assessment({
        complaint,
        durationWeeks,
        painLocations,
        goals,
        measures: { painNrs: 7 },
        screening: { conditions: ['fibromyalgia'], redFlags: [], age: 44 },
      }),
    );

  it.each<[string, number, AssessmentInput['painLocations'], AssessmentInput['goals']]>([
    [
      'Fibromyalgia flare for 3 weeks: aching all over, neck, shoulders and upper back worst, sleeping badly.',
      3,
      [
        { region: 'neck', side: 'bilateral', intensity: 7 },
        { region: 'shoulder', side: 'bilateral', intensity: 6 },
        { region: 'upper_back', side: 'bilateral', intensity: 6 },
      ],
      [
        { type: 'pain_relief', priority: 1 },
        { type: 'stress_reduction', priority: 2 },
      ],
    ],
    [
      'Fibromyalgia for years, low back and hips ache, stiff in the mornings.',
      52,
      [
        { region: 'lower_back', side: 'bilateral', intensity: 6 },
        { region: 'hip', side: 'bilateral', intensity: 5 },
        { region: 'knee', side: 'bilateral', intensity: 4 },
      ],
      [{ type: 'range_of_motion', priority: 1 }],
    ],
  ])('with a full program of regional items or a goal aerobic work does not serve: %s', (complaint, weeks, areas, goals) =>
    expect(has(fibro(complaint, weeks, areas, goals), ...AEROBIC)).toBe(true),
  );

  it('without fibromyalgia the same neck, shoulder and upper back flare need not get it', () => {
    const p = plan(
      assessment({
        complaint: 'Neck, shoulders and upper back tight for 3 weeks after a house move, sleeping badly.',
        durationWeeks: 3,
        painLocations: [
          { region: 'neck', side: 'bilateral', intensity: 7 },
          { region: 'shoulder', side: 'bilateral', intensity: 6 },
          { region: 'upper_back', side: 'bilateral', intensity: 6 },
        ],
        measures: { painNrs: 7 },
      }),
    );
    expect(homeRules(p)).not.toContain('home.presentation.fibromyalgia');
  });
});
