// The facts of a case that change its plan (issue 13): for each rule, a case that gets it and a
// neighbour that differs only in that fact and does not. Home-program rules are checked by the
// presentation rule on the items, technique rules on the techniques, dose rules on the schedule.
import type { AssessmentInput } from '../../src/contracts/assessment.contract';
import type { PlanContent } from '../../src/contracts/plan.contract';
import type { HomeExerciseCode } from '../../src/planning/catalog/catalog.exercises';
import { assessment, caseOf, findingCodes, homeCodes, homeRules, plan, techniqueRules } from './planning.fixtures';

type Overrides = Parameters<typeof assessment>[0];

/** A case of `region`, pain only, built from the fixture with only what the row sets changed. */

interface HomeRow {
  presentation: string;
  gets: AssessmentInput;
  not: AssessmentInput;
  exercise: HomeExerciseCode;
}

const HOME: HomeRow[] = [
  {
    presentation: 'prolonged_sitting',
    gets: caseOf('lower_back', { complaint: 'Low back ache after long days sitting in meetings.' }),
    not: caseOf('lower_back', { complaint: 'Low back ache.' }),
    exercise: 'sitting_setup_and_breaks',
  },
  {
    presentation: 'long_travel',
    gets: caseOf('lower_back', { complaint: 'Low back ache since a long-haul flight.' }),
    not: caseOf('lower_back', { complaint: 'Low back ache.' }),
    exercise: 'travel_leg_exercises',
  },
  {
    presentation: 'bending_tasks',
    gets: caseOf('lower_back', { complaint: 'Low back sore after gardening all weekend.' }),
    not: caseOf('lower_back', { complaint: 'Low back sore.' }),
    exercise: 'bending_task_habits',
  },
  {
    presentation: 'prolonged_standing',
    gets: caseOf('lower_back', { complaint: 'Low back aches by the end of long shifts at the till.' }),
    not: caseOf('lower_back', { complaint: 'Low back aches by the end of the day.' }),
    exercise: 'standing_work_habits',
  },
  {
    presentation: 'overhead_work',
    gets: caseOf('shoulder', { complaint: 'Shoulder aches from painting the ceiling.', mechanism: 'repetitive_strain' }),
    not: caseOf('shoulder', { complaint: 'Shoulder aches.', mechanism: 'repetitive_strain' }),
    exercise: 'overhead_work_habits',
  },
  {
    presentation: 'sleep_position',
    gets: caseOf('neck', { complaint: 'Neck sore since a new pillow.' }),
    not: caseOf('neck', { complaint: 'Neck sore.' }),
    exercise: 'pillow_neck_support',
  },
  {
    presentation: 'morning_stiffness',
    gets: caseOf('lower_back', { complaint: 'Low back stiff in the mornings.' }),
    not: caseOf('lower_back', { complaint: 'Low back stiff.' }),
    exercise: 'morning_mobility_routine',
  },
  {
    presentation: 'screen_work',
    gets: caseOf('neck', { complaint: 'Neck ache from laptop work.' }),
    not: caseOf('neck', { complaint: 'Neck ache.' }),
    exercise: 'workstation_setup',
  },
  {
    presentation: 'running',
    gets: caseOf('calf', { complaint: 'Calf tight after running.', mechanism: 'sports' }),
    not: caseOf('calf', { complaint: 'Calf tight after football.', mechanism: 'sports' }),
    exercise: 'running_load_management',
  },
  {
    presentation: 'overhead_sport',
    gets: caseOf('shoulder', { complaint: 'Shoulder sore from swimming training.', mechanism: 'sports' }),
    not: caseOf('shoulder', { complaint: 'Shoulder sore from football.', mechanism: 'sports' }),
    exercise: 'overhead_sport_load',
  },
  {
    presentation: 'gym_training',
    gets: caseOf('lower_back', { complaint: 'Low back sore after squats at the gym.', mechanism: 'sports' }),
    not: caseOf('lower_back', { complaint: 'Low back sore after football.', mechanism: 'sports' }),
    exercise: 'training_load_modification',
  },
  {
    presentation: 'fear_of_falling',
    gets: caseOf('knee', { complaint: 'Knee aches, afraid of falling so walks less.', mechanism: 'unknown' }),
    not: caseOf('knee', { complaint: 'Knee aches, walks less.', mechanism: 'unknown' }),
    // Balance practice beside a support, whatever the goals (the core serves the fear, not a goal).
    exercise: 'single_leg_balance',
  },
  {
    presentation: 'stairs',
    gets: caseOf('knee', { complaint: 'Knee aches on stairs.', mechanism: 'unknown', durationWeeks: 3 }),
    not: caseOf('knee', { complaint: 'Knee aches.', mechanism: 'unknown', durationWeeks: 3 }),
    exercise: 'sit_to_stand',
  },
  {
    presentation: 'eases_with_movement',
    gets: caseOf('lower_back', { complaint: 'Low back sore, eases with walking.', durationWeeks: 3 }),
    not: caseOf('lower_back', { complaint: 'Low back sore.', durationWeeks: 3 }),
    exercise: 'stay_active',
  },
  {
    presentation: 'older_adult_balance',
    gets: caseOf('neck', { complaint: 'Neck ache.', age: 72 }),
    not: caseOf('neck', { complaint: 'Neck ache.', age: 55 }),
    exercise: 'sit_to_stand',
  },
  {
    presentation: 'bone_health',
    gets: caseOf('upper_back', { complaint: 'Upper back ache.', screening: { age: 68, conditions: ['osteoporosis'] } }),
    not: caseOf('upper_back', { complaint: 'Upper back ache.', screening: { age: 68, conditions: [] } }),
    exercise: 'back_extensor_lift',
  },
  {
    presentation: 'pregnancy',
    gets: caseOf('lower_back', { complaint: 'Low back ache, 24 weeks pregnant.', screening: { age: 31, conditions: ['pregnancy'] } }),
    not: caseOf('lower_back', { complaint: 'Low back ache.', screening: { age: 31, conditions: [] } }),
    exercise: 'pelvic_floor_exercises',
  },
  {
    presentation: 'diabetic_feet',
    gets: caseOf('knee', { complaint: 'Knee ache.', mechanism: 'unknown', screening: { age: 60, conditions: ['diabetic_neuropathy'] } }),
    not: caseOf('knee', { complaint: 'Knee ache.', mechanism: 'unknown', screening: { age: 60, conditions: [] } }),
    exercise: 'daily_foot_check',
  },
  {
    presentation: 'blood_pressure',
    gets: caseOf('neck', { complaint: 'Neck ache.', screening: { age: 58, conditions: ['controlled_hypertension'] } }),
    not: caseOf('neck', { complaint: 'Neck ache.', screening: { age: 58, conditions: [] } }),
    exercise: 'walking_program',
  },
];

describe('home programs address what the case names', () => {
  it.each(HOME.map((r) => [r.presentation, r] as const))('%s: the case gets it, its neighbour does not', (presentation, r) => {
    const gets = plan(r.gets);
    const not = plan(r.not);
    expect(homeRules(gets).has(`home.presentation.${presentation}`)).toBe(true);
    expect(homeCodes(gets)).toContain(r.exercise);
    expect(homeRules(not).has(`home.presentation.${presentation}`)).toBe(false);
  });

  it('a negated sign is not read: "not stressed" brings no stress program, "no spasm" no positional release for it', () => {
    const stressed = plan(caseOf('neck', { complaint: 'Neck ache, stressed at work.' }));
    const calm = plan(caseOf('neck', { complaint: 'Neck ache, not stressed at work.' }));
    expect(homeRules(stressed).has('home.presentation.stress')).toBe(true);
    expect(homeRules(calm).has('home.presentation.stress')).toBe(false);
    expect(techniqueRules(plan(caseOf('upper_back', { complaint: 'Upper back ache, no spasm.' }))).has('technique.sign.spasm')).toBe(false);
  });
});

interface TechniqueRow {
  rule: string;
  gets: AssessmentInput;
  not: AssessmentInput;
}

const TECHNIQUE: TechniqueRow[] = [
  {
    rule: 'technique.sign.stiffness',
    gets: caseOf('hip', { complaint: 'Hip ache.', painLocations: [{ region: 'hip', side: 'right', intensity: 5, quality: ['stiffness'] }] }),
    not: caseOf('hip', { complaint: 'Hip ache.', painLocations: [{ region: 'hip', side: 'right', intensity: 5, quality: ['aching'] }] }),
  },
  {
    rule: 'technique.sign.tightness',
    gets: caseOf('knee', { complaint: 'Knee ache.', painLocations: [{ region: 'knee', side: 'right', intensity: 5, quality: ['tightness'] }] }),
    not: caseOf('knee', { complaint: 'Knee ache.', painLocations: [{ region: 'knee', side: 'right', intensity: 5, quality: ['aching'] }] }),
  },
  {
    rule: 'technique.sign.spasm',
    gets: caseOf('upper_back', { complaint: 'Upper back in spasm.' }),
    not: caseOf('upper_back', { complaint: 'Upper back ache.' }),
  },
  {
    rule: 'technique.sign.wry_neck',
    gets: caseOf('neck', { complaint: 'Neck locked since I slept awkwardly.', durationWeeks: 0.5 }),
    not: caseOf('neck', { complaint: 'Neck locked.', durationWeeks: 0.5 }),
  },
  {
    rule: 'technique.sign.trigger_point',
    gets: caseOf('gluteal', { complaint: 'A knot in the buttock.' }),
    not: caseOf('gluteal', { complaint: 'An ache in the buttock.' }),
  },
  {
    rule: 'technique.sign.stress',
    gets: caseOf('upper_back', { complaint: 'Upper back tight, stressed at work.' }),
    not: caseOf('upper_back', { complaint: 'Upper back tight.' }),
  },
  {
    rule: 'technique.sign.sustained_posture',
    gets: caseOf('upper_back', { complaint: 'Upper back aches from desk work.' }),
    not: caseOf('upper_back', { complaint: 'Upper back aches.' }),
  },
  {
    rule: 'technique.sign.lifting',
    gets: caseOf('lower_back', { complaint: 'Low back sore after lifting boxes.', durationWeeks: 3 }),
    not: caseOf('lower_back', { complaint: 'Low back sore.', durationWeeks: 3 }),
  },
  {
    rule: 'technique.sign.eases_moving',
    gets: caseOf('lower_back', { complaint: 'Low back sore, eases with walking.', durationWeeks: 3 }),
    not: caseOf('lower_back', { complaint: 'Low back sore.', durationWeeks: 3 }),
  },
  {
    rule: 'technique.subacute.session_exercise',
    gets: caseOf('neck', { complaint: 'Neck ache.', durationWeeks: 8 }),
    not: caseOf('neck', { complaint: 'Neck ache.', durationWeeks: 3 }),
  },
  {
    rule: 'technique.light_pressure.gentle_first',
    gets: caseOf('neck', { complaint: 'Neck ache.', screening: { age: 60, conditions: ['anticoagulants'] } }),
    not: caseOf('neck', { complaint: 'Neck ache.', screening: { age: 60, conditions: [] } }),
  },
  {
    rule: 'technique.first_weeks.gentle_first',
    gets: caseOf('lower_back', { complaint: 'Low back sore after lifting.', durationWeeks: 1, mechanism: 'trauma' }),
    not: caseOf('lower_back', { complaint: 'Low back sore after lifting.', durationWeeks: 4, mechanism: 'trauma' }),
  },
];

describe('technique choice follows the tissue and the complaint', () => {
  it.each(TECHNIQUE.map((r) => [r.rule, r] as const))('%s: the case gets it, its neighbour does not', (rule, r) => {
    expect(techniqueRules(plan(r.gets)).has(rule)).toBe(true);
    expect(techniqueRules(plan(r.not)).has(rule)).toBe(false);
  });

  it.each([
    ['told without swelling', 'Pulled my left calf sprinting on Monday, tender to touch.', false],
    ['swelling denied', 'Pulled my left calf sprinting on Monday. No swelling, no bruising.', false],
    ['swollen', 'Pulled my left calf sprinting on Monday, it is swollen.', true],
    ['bruised', 'Pulled my left calf sprinting on Monday, bruised at the back of the leg.', true],
    ['a haematoma', 'Tore my left calf on Monday, the physio says there is a haematoma.', true],
  ])('an injury under a week old %s: lymphatic drainage only where it has swelling or bruising to clear', (_, complaint, drains) => {
    const p = plan(caseOf('calf', { complaint, durationWeeks: 0.5, mechanism: 'sports' }));
    expect(p.techniques.some((t) => t.code === 'manual_lymphatic_drainage')).toBe(drains);
    for (const t of p.techniques) expect(t.pressure).toBe('light');
  });

  it('a sustained posture brings no trigger point work after an injury or under a light-pressure limit', () => {
    const injured = plan(caseOf('upper_back', { complaint: 'Upper back aches from desk work.', mechanism: 'trauma' }));
    const light = plan(caseOf('upper_back', { complaint: 'Upper back aches from desk work.', screening: { age: 60, conditions: ['anticoagulants'] } }));
    for (const p of [injured, light]) expect(p.techniques.map((t) => t.code)).not.toContain('trigger_point_therapy');
  });
});

// Restrictions on techniques (SPEC §4): each rule with a case it binds on a region and its neighbour where it
// does not; `holds` checks what the rule changes in the plan of the restricted case.
interface RestrictionRow {
  rule: string;
  gets: AssessmentInput;
  not: AssessmentInput;
  region: NonNullable<AssessmentInput['painLocations']>[number]['region'];
  /** What differs in the restricted case, for the test name. */
  why: string;
  holds: (p: PlanContent) => void;
}

const stiffShoulder = (screening: NonNullable<Overrides>['screening']) =>
  caseOf('shoulder', {
    complaint: 'Stiff right shoulder.',
    painLocations: [{ region: 'shoulder', side: 'right', intensity: 5, quality: ['stiffness'] }],
    goals: [
      { type: 'pain_relief', priority: 1 },
      { type: 'range_of_motion', priority: 2 },
    ],
    screening: { age: 50, ...screening },
  });
const strain = (durationWeeks: number, mechanism: AssessmentInput['mechanism']) =>
  caseOf('hamstring', { complaint: 'Pulled my right hamstring, bruising at the back of the thigh.', durationWeeks, mechanism });
const at = (p: PlanContent, region: string) => p.techniques.filter((t) => t.region === region);
const limbLight = (region: string) => (p: PlanContent) => {
  for (const t of at(p, region)) expect(t.pressure).toBe('light');
  expect(at(p, region).map((t) => t.code)).not.toContain('pnf_stretching');
  expect(at(p, region).map((t) => t.code)).not.toContain('muscle_energy_technique');
};

const RESTRICTION: RestrictionRow[] = [
  ...(['wrist_hand', 'upper_arm', 'chest'] as const).map((coded) => ({
    rule: 'condition.lymphoedema.max_pressure',
    gets: stiffShoulder({ conditions: [{ code: 'lymphoedema' as const, region: coded, side: 'right' as const }] }),
    not: stiffShoulder({ conditions: [{ code: 'lymphoedema' as const, region: 'calf' as const, side: 'right' as const }] }),
    region: 'shoulder' as const,
    why: `lymphoedema coded at the ${coded}`,
    holds: limbLight('shoulder'),
  })),
  {
    rule: 'condition.lymphoedema.drainage',
    gets: caseOf('knee', { complaint: 'Knee ache.', screening: { conditions: [{ code: 'lymphoedema', region: 'ankle_foot', side: 'right' }] } }),
    not: caseOf('knee', { complaint: 'Knee ache.', screening: { conditions: [{ code: 'lymphoedema', region: 'wrist_hand', side: 'right' }] } }),
    region: 'knee',
    why: 'lymphoedema coded at the foot',
    holds: (p) => {
      expect(at(p, 'knee')[0]?.code).toBe('manual_lymphatic_drainage');
      for (const t of at(p, 'knee')) expect(t.pressure).toBe('light');
    },
  },
  {
    rule: 'condition.lymphoedema.drainage',
    gets: stiffShoulder({ conditions: [{ code: 'lymphoedema', region: 'shoulder', side: 'right' }] }),
    not: stiffShoulder({ conditions: [] }),
    region: 'shoulder',
    why: 'lymphoedema coded at the shoulder',
    holds: (p) => expect(at(p, 'shoulder')[0]).toMatchObject({ code: 'manual_lymphatic_drainage', pressure: 'light' }),
  },
  ...(
    [
      ['2025-02-01', 'mastectomy 4 weeks ago'],
      ['2024-06-01', 'mastectomy 9 months ago (the risk to the arm outlasts the protocol)'],
    ] as const
  ).map(([date, why]) => ({
    rule: 'surgery.mastectomy.lymphoedema_risk',
    gets: stiffShoulder({ surgeries: [{ procedure: 'mastectomy' as const, date, region: 'chest' as const, side: 'right' as const }] }),
    not: stiffShoulder({ surgeries: [{ procedure: 'hernia_repair' as const, date, region: 'abdomen' as const }] }),
    region: 'shoulder' as const,
    why,
    holds: limbLight('shoulder'),
  })),
  {
    rule: 'mechanism.acute_injury.first_week',
    gets: strain(0.5, 'sports'),
    not: strain(1.5, 'sports'),
    region: 'hamstring',
    why: 'sports strain 3 days old',
    holds: (p) => {
      expect(at(p, 'hamstring')[0]?.code).toBe('manual_lymphatic_drainage');
      // Hands-on: light work only; the strain's pain-free isometric loading (taught, not hands-on) may start.
      for (const t of at(p, 'hamstring'))
        expect(['manual_lymphatic_drainage', 'swedish_massage', 'positional_release', 'therapeutic_exercise']).toContain(t.code);
      for (const t of at(p, 'hamstring')) expect(t.pressure).toBe('light');
    },
  },
  {
    rule: 'mechanism.acute_injury.first_week',
    gets: strain(0.5, 'trauma'),
    not: strain(0.5, 'unknown'),
    region: 'hamstring',
    why: 'trauma 3 days old',
    holds: (p) => {
      for (const t of at(p, 'hamstring')) expect(t.pressure).toBe('light');
    },
  },
  {
    rule: 'mechanism.acute_injury.swelling',
    gets: caseOf('ankle_foot', { complaint: 'Rolled my ankle playing football, it is swollen.', durationWeeks: 3, mechanism: 'sports' }),
    not: caseOf('ankle_foot', { complaint: 'Rolled my ankle playing football.', durationWeeks: 3, mechanism: 'sports' }),
    region: 'ankle_foot',
    why: 'sprain 3 weeks old, still swollen',
    holds: (p) => {
      expect(at(p, 'ankle_foot')[0]?.code).toBe('manual_lymphatic_drainage');
      for (const t of at(p, 'ankle_foot')) expect(t.pressure).toBe('light');
    },
  },
];

describe('restrictions on techniques reach every region they concern', () => {
  it.each(RESTRICTION.map((r) => [r.rule, r.region, r.why, r] as const))(
    '%s on the %s (%s): the case gets it, its neighbour does not',
    (rule, region, _why, r) => {
      const restricted = plan(r.gets);
      const free = plan(r.not);
      expect(at(restricted, region).some((t) => t.ruleIds.includes(rule))).toBe(true);
      expect(free.techniques.some((t) => t.ruleIds.includes(rule))).toBe(false);
      r.holds(restricted);
    },
  );
});

describe('the dose follows the case', () => {
  it('a calm strain under 2 weeks old gets a 2-week course; a 4-week-old one the acute course', () => {
    const fresh = plan(caseOf('calf', { complaint: 'Calf sore after football.', mechanism: 'sports', durationWeeks: 1, measures: { painNrs: 4 } }));
    const older = plan(caseOf('calf', { complaint: 'Calf sore after football.', mechanism: 'sports', durationWeeks: 4, measures: { painNrs: 4 } }));
    expect(fresh.schedule).toMatchObject({ weeks: 2, ruleIds: expect.arrayContaining(['schedule.recent_strain.weeks']) });
    expect(fresh.schedule.rationale).toMatch(/recent strain/);
    expect(older.schedule.ruleIds).not.toContain('schedule.recent_strain.weeks');
    expect(older.schedule.weeks).toBe(3);
  });

  it('from age 70 at most 2 sessions a week, with the age named in the rationale', () => {
    const older = plan(caseOf('neck', { complaint: 'Neck ache.', durationWeeks: 3, screening: { age: 72 } }));
    const younger = plan(caseOf('neck', { complaint: 'Neck ache.', durationWeeks: 3, screening: { age: 60 } }));
    expect(older.schedule.sessionsPerWeek).toBe(2);
    expect(older.schedule.rationale).toMatch(/age 72/);
    expect(younger.schedule.sessionsPerWeek).toBe(3);
  });
});

// The reference asks for clearance for a resting heart rate above 100 or below 50 with symptoms.
describe('a resting heart rate outside 50–100', () => {
  const clearance = (p: PlanContent) => p.precautions.some((t) => /clearance from/.test(t));
  it.each([
    ['46, no symptoms: a note, the plan goes ahead', 'Tight calves from marathon training.', 46, 'info', 'treat', false],
    ['46 in the note, no symptoms: a note', 'Cyclist, tight quads. Resting HR 46, no dizziness, no fainting.', undefined, 'info', 'treat', false],
    ['112, no symptoms: a caution to re-check', 'Upper back tight from desk work.', 112, 'caution', 'treat_with_precautions', false],
    ['46, dizzy: clearance', 'Tight calves. Gets dizzy when standing up lately.', 46, 'caution', 'treat_with_precautions', true],
    ['112, palpitations: clearance', 'Upper back tight. Palpitations on and off this week.', 112, 'caution', 'treat_with_precautions', true],
  ])('%s', (_, complaint, heartRate, severity, decision, needsClearance) => {
    const p = plan(caseOf('calf', { complaint, screening: { age: 40, ...(heartRate ? { vitals: { heartRate } } : {}) } }));
    expect(p.screening.findings.find((f) => f.code === 'abnormal_heart_rate')?.severity).toBe(severity);
    expect(p.screening.decision).toBe(decision);
    expect(clearance(p)).toBe(needsClearance);
  });
});

describe('a recorded surgical approach the complaint contradicts', () => {
  const hip = (complaint: string) =>
    plan(
      caseOf('hip', {
        complaint,
        mechanism: 'post_surgical',
        goals: [{ type: 'range_of_motion', priority: 1 }],
        screening: { age: 68, surgeries: [{ procedure: 'total_hip_arthroplasty', date: '2025-02-01', region: 'hip', side: 'right', approach: 'anterior' }] },
      }),
    );
  const protocol = (p: PlanContent) => p.screening.findings.find((f) => f.code === 'surgery_protocol');
  it('holds both sets of precautions until it is confirmed', () => {
    const doubted = protocol(hip('Form says anterior approach; op note: R THA via posterolateral approach, posterior precautions 6/52. Sore R buttock.'));
    expect(doubted?.message).toMatch(/both sets of precautions/);
    expect(doubted?.evidence).toMatch(/another approach/);
  });
  it('keeps the recorded approach when the complaint names no other', () => {
    const recorded = protocol(hip('R THA via anterior approach, sore R buttock, wants to get moving.'));
    expect(recorded?.message).not.toMatch(/both sets of precautions/);
  });
});

describe('an injury years ago does not make a new complaint a trauma', () => {
  const lowBack = (complaint: string) => plan(caseOf('lower_back', { complaint, durationWeeks: 1, screening: { age: 72 } }));
  it('asks no fracture question of a fall told as long past', () =>
    expect(findingCodes(lowBack('Fell down the stairs in 2010. Now low back ache for a week after gardening.'))).not.toContain('suspected_fracture'));
  it('still asks it of a fall this week', () =>
    expect(findingCodes(lowBack('Fell down the stairs 3 days ago, low back ache since.'))).toContain('suspected_fracture'));
});

// REFERENCE, surgery protocols: no work on an incision until it has closed. A wound the complaint tells as still
// open at a recorded operation's region is that incision, whatever the calendar says.
describe('an operated region whose incision is told as still open', () => {
  const acl = (complaint: string) =>
    plan(
      caseOf('knee', {
        complaint,
        mechanism: 'post_surgical',
        durationWeeks: 2,
        quality: ['swelling', 'stiffness'],
        goals: [{ type: 'injury_rehabilitation', priority: 1 }],
        screening: { age: 24, surgeries: [{ procedure: 'acl_reconstruction', date: '2026-11-04', region: 'knee', side: 'right' }] },
      }),
      '2026-11-20',
    );
  it('is left alone and drained from the thigh, at light pressure', () => {
    const p = acl('ACL reconstruction, graft harvest wound still scabbed, knee swollen.');
    expect(p.techniques.filter((t) => t.region === 'knee')).toEqual([]);
    expect(p.techniques.map((t) => `${t.code}@${t.region}`)).toContain('manual_lymphatic_drainage@thigh');
    expect(p.techniques.every((t) => t.pressure === 'light')).toBe(true);
    expect(p.schedule.totalSessions).toBeGreaterThan(0);
  });
  const drainedThigh = (p: PlanContent) => p.techniques.some((t) => t.code === 'manual_lymphatic_drainage' && t.region === 'thigh');
  it('is worked in its healing phase when the wound has closed', () => {
    const p = acl('ACL reconstruction, wounds healed, knee swollen.');
    expect(p.techniques.some((t) => t.region === 'knee')).toBe(true);
  });
  it('is not drained towards the trunk when its fresh incision looks infected, whichever rule opened it', () => {
    const p = plan(
      caseOf('knee', {
        complaint: 'Left TKR 5 days ago, wound red hot and oozing pus.',
        side: 'left',
        mechanism: 'post_surgical',
        durationWeeks: 1,
        screening: { age: 70, surgeries: [{ procedure: 'total_knee_arthroplasty', region: 'knee', side: 'left', date: '2026-11-15' }] },
      }),
      '2026-11-20',
    );
    expect(drainedThigh(p)).toBe(false);
  });
  it('is not drained towards the trunk when the wound looks infected', () => {
    const p = acl('ACL reconstruction, graft harvest wound still scabbed, red and oozing pus, knee swollen.');
    expect(drainedThigh(p)).toBe(false);
  });
  it('is not drained for a new cut at a knee operated years ago, nor on the other side', () => {
    const at = (surgery: { date: string; side: 'left' | 'right' }) =>
      plan(
        caseOf('knee', {
          complaint: 'Cut my knee on a step, wound still open.',
          quality: ['aching'],
          screening: { age: 60, surgeries: [{ procedure: 'total_knee_arthroplasty', region: 'knee', ...surgery }] },
        }),
        '2026-11-20',
      );
    expect(drainedThigh(at({ date: '2021-05-01', side: 'right' }))).toBe(false);
    expect(drainedThigh(at({ date: '2026-11-10', side: 'left' }))).toBe(false);
    expect(drainedThigh(at({ date: '2026-11-10', side: 'right' }))).toBe(true);
  });
});
