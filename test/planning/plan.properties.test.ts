// Properties that must hold for every valid assessment (SPEC §4), checked with fast-check over
// generated inputs: determinism, goals served, contraindications and precautions respected,
// consistent dose and billing.
import fc from 'fast-check';
import { AssessmentInputSchema, type AssessmentInput } from '../../src/contracts/assessment.contract';
import { PlanContentSchema, type PlanContent } from '../../src/contracts/plan.contract';
import { billingFor, generatePlan, techniqueViolations } from '../../src/planning';
import { CONDITION_CODES, CONDITIONS, type ConditionCode } from '../../src/planning/catalog/catalog.conditions';
import { GOAL_TYPES, MECHANISM_CODES, MECHANISMS, PAIN_QUALITIES } from '../../src/planning/catalog/catalog.goals';
import { FUNCTION_INSTRUMENTS, MEASURES, MIN_ROM_DEGREES, ROM_NORMS, romNorm, SIGNED_MOVEMENTS } from '../../src/planning/catalog/catalog.measures';
import { REGION_CODES, REGIONS, type RegionCode } from '../../src/planning/catalog/catalog.regions';
import { TECHNIQUES } from '../../src/planning/catalog/catalog.techniques';
import { ANSWERS, SCREENING_QUESTION_CODES, SCREENING_QUESTIONS } from '../../src/planning/catalog/catalog.screening';
import { protocolPhase, SURGICAL_APPROACHES, SURGICAL_PROCEDURES } from '../../src/planning/catalog/catalog.surgeries';
import { PRESSURES, SIDES, type Pressure } from '../../src/planning/catalog/catalog.types';
import { unitsForMinutes } from '../../src/planning/plan/billing.rules';
import { ALL_CLEAR, PATIENT_ID, TODAY } from './planning.fixtures';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) };
const RANK: Record<Pressure, number> = { light: 0, moderate: 1, firm: 2 };
const LOCAL = CONDITION_CODES.filter((c) => CONDITIONS[c].scope === 'local');
const NON_STOP = CONDITION_CODES.filter((c) => CONDITIONS[c].severity !== 'stop');

const PLAIN = [
  'Dull ache in the low back.',
  'Stiff neck after long hours at the desk.',
  'Shoulder hurts when reaching overhead.',
  'Tight hamstrings from running.',
  'No numbness in the groin, denies fever.',
  'No bladder or bowel problems.',
  'Not pregnant, no chest pain.',
];
const FLAGGED = [
  'Calf swollen and hot.',
  'Numb in the groin.',
  'Takes warfarin.',
  'I am 20 weeks pregnant.',
  'Fell off a ladder last week.',
  'Open wound on my left knee.',
  'Pain at night that wakes me.',
  'History of breast cancer.',
  'Had knee surgery 3 weeks ago.',
];

const dateOffset = (days: number) => new Date(Date.UTC(2025, 2, 1) + days * 86_400_000).toISOString().slice(0, 10);
const weighted = <T>(common: fc.Arbitrary<T>, rare: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: common }, { weight: 1, arbitrary: rare });
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const painLocation = fc.record(
  {
    region: fc.constantFrom(...REGION_CODES),
    side: fc.constantFrom(...SIDES),
    intensity: fc.integer({ min: 0, max: 10 }),
    quality: fc.subarray([...PAIN_QUALITIES], { maxLength: 3 }),
  },
  { requiredKeys: ['region', 'intensity'] },
);

const goals = fc
  .shuffledSubarray([...GOAL_TYPES], { minLength: 1 })
  .chain((types) => fc.tuple(fc.constant(types), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: types.length, maxLength: types.length })))
  .map(([types, priorities]) => types.map((type, i) => ({ type, priority: priorities[i] as number })));

const localCondition = fc.record(
  { code: fc.constantFrom(...LOCAL), region: fc.constantFrom(...REGION_CODES), side: fc.constantFrom(...SIDES) },
  { requiredKeys: ['code', 'region'] },
);

const screening = fc.record(
  {
    conditions: fc.oneof(
      { weight: 3, arbitrary: fc.constant([] as ConditionCode[]) },
      { weight: 2, arbitrary: fc.subarray([...NON_STOP], { maxLength: 2 }) },
      { weight: 2, arbitrary: fc.array(localCondition, { minLength: 1, maxLength: 2 }) },
      { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...CONDITION_CODES), localCondition), { maxLength: 3 }) },
    ),
    redFlags: weighted(fc.constant([] as ConditionCode[]), fc.subarray([...CONDITION_CODES], { maxLength: 2 })),
    surgeryDate: weighted(fc.constant(null), fc.integer({ min: -120, max: 0 }).map(dateOffset)),
    age: fc.option(weighted(fc.integer({ min: 18, max: 64 }), fc.integer({ min: 5, max: 100 })), { nil: null }),
    answers: weighted(fc.constant(ALL_CLEAR), fc.dictionary(fc.constantFrom(...SCREENING_QUESTION_CODES), fc.constantFrom(...ANSWERS), { maxKeys: 6 })),
    vitals: weighted(
      fc.record(
        { systolic: fc.integer({ min: 100, max: 150 }), diastolic: fc.integer({ min: 60, max: 95 }), heartRate: fc.integer({ min: 55, max: 95 }) },
        { requiredKeys: [] },
      ),
      fc.record(
        {
          systolic: fc.integer({ min: 90, max: 220 }),
          diastolic: fc.integer({ min: 50, max: 130 }),
          heartRate: fc.integer({ min: 40, max: 130 }),
          temperatureC: fc.integer({ min: 355, max: 400 }).map((t) => t / 10),
        },
        { requiredKeys: [] },
      ),
    ),
    surgeries: weighted(
      fc.constant<NonNullable<AssessmentInput['screening']>['surgeries']>([]),
      fc.array(
        fc.record(
          {
            procedure: fc.constantFrom(...SURGICAL_PROCEDURES),
            date: fc.integer({ min: -200, max: 0 }).map(dateOffset),
            region: fc.constantFrom(...REGION_CODES),
            side: fc.constantFrom(...SIDES),
            approach: fc.constantFrom(...SURGICAL_APPROACHES),
          },
          { requiredKeys: ['procedure', 'date', 'region'] },
        ),
        { minLength: 1, maxLength: 2 },
      ),
    ),
  },
  { requiredKeys: [] },
);

const functionMeasure = fc
  .constantFrom(...FUNCTION_INSTRUMENTS)
  .chain((instrument) =>
    fc.record({ instrument: fc.constant(instrument), score: fc.integer({ min: MEASURES[instrument].min, max: MEASURES[instrument].max }) }),
  );

const measures = fc.record(
  {
    painNrs: fc.integer({ min: 0, max: 10 }),
    rom: fc.uniqueArray(
      fc.constantFrom(...ROM_NORMS).chain((norm) =>
        // An extension that stops short of neutral is recorded below 0.
        fc
          .integer({ min: SIGNED_MOVEMENTS.includes(norm.movement) ? MIN_ROM_DEGREES : 0, max: 200 })
          .map((degrees) => ({ joint: norm.joint, movement: norm.movement, degrees })),
      ),
      { maxLength: 3, selector: (r) => `${r.joint}:${r.movement}` },
    ),
    stress: fc.record({ instrument: fc.constant('pss10' as const), score: fc.integer({ min: 0, max: 40 }) }),
    function: functionMeasure,
  },
  { requiredKeys: [] },
);

const preferences = fc.record(
  { sessionMinutes: fc.integer({ min: 15, max: 120 }), sessionsPerWeek: fc.integer({ min: 1, max: 7 }), pressure: fc.constantFrom(...PRESSURES) },
  { requiredKeys: [] },
);

const assessment: fc.Arbitrary<AssessmentInput> = fc
  .record(
    {
      complaint: weighted(
        fc.array(fc.constantFrom(...PLAIN), { minLength: 1, maxLength: 3 }),
        fc.array(fc.constantFrom(...PLAIN, ...FLAGGED), { minLength: 1, maxLength: 3 }),
      ).map((p) => p.join(' ')),
      painLocations: fc.array(painLocation, { maxLength: 4 }),
      goals,
      durationWeeks: optional(fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constantFrom(5.5, 6, 12, 12.5))),
      mechanism: optional(fc.constantFrom(...MECHANISM_CODES)),
      screening: weighted(screening, fc.constant(undefined)),
      measures: optional(measures),
      preferences: optional(preferences),
    },
    { requiredKeys: ['complaint', 'goals'] },
  )
  .map((a) => AssessmentInputSchema.parse({ patientId: PATIENT_ID, practitioner: 'fast-check', ...a }));

const contextAge = fc.option(fc.integer({ min: 5, max: 100 }), { nil: null });

const treats = (p: PlanContent) => p.screening.decision === 'treat' || p.screening.decision === 'treat_with_precautions';
const codesOf = (input: AssessmentInput) =>
  new Set([...(input.screening?.conditions ?? []).map((c) => (typeof c === 'string' ? c : c.code)), ...(input.screening?.redFlags ?? [])]);
const handsOn = (p: PlanContent) => p.techniques.filter((t) => TECHNIQUES[t.code].handsOn);
const sideBits = (side: string | undefined, paired: boolean) =>
  side === 'left' ? 1 : side === 'right' ? 2 : side === 'bilateral' ? 3 : side === 'midline' ? (paired ? 3 : 4) : paired ? 3 : 4;

describe('plan properties', () => {
  it('the generator covers every decision, firm work and located conditions', () => {
    const plans = fc.sample(assessment, { numRuns: 1000, seed: 42 }).map((input) => ({ input, p: generatePlan(input, { today: TODAY }) }));
    const share = (f: (x: (typeof plans)[number]) => boolean) => plans.filter(f).length / plans.length;
    expect(share((x) => x.p.screening.decision === 'treat')).toBeGreaterThan(0.05);
    expect(share((x) => x.p.screening.decision === 'treat_with_precautions')).toBeGreaterThan(0.2);
    expect(share((x) => x.p.screening.decision === 'refer')).toBeGreaterThan(0.05);
    expect(share((x) => x.p.screening.decision === 'postpone')).toBeGreaterThan(0);
    // Engine 2 starts irritable cases (pain ≥ 7, night pain, nerve signs) with gentle work, so firm work is rarer.
    expect(share((x) => x.p.techniques.some((t) => t.pressure === 'firm'))).toBeGreaterThan(0.02);
    expect(share((x) => x.p.techniques.length > 0 && (x.input.screening?.conditions ?? []).some((c) => typeof c !== 'string'))).toBeGreaterThan(0.1);
  });

  it('same input, same engine → byte-identical plan, whatever the order of the lists', () => {
    fc.assert(
      fc.property(assessment, contextAge, (input, age) => {
        const once = JSON.stringify(generatePlan(input, { today: TODAY, age }));
        expect(JSON.stringify(generatePlan(structuredClone(input), { today: TODAY, age }))).toBe(once);
        const reversed: AssessmentInput = {
          ...input,
          painLocations: input.painLocations && [...input.painLocations].reverse(),
          goals: [...input.goals].reverse(),
          screening: input.screening && { ...input.screening, conditions: input.screening.conditions && [...input.screening.conditions].reverse() },
          measures: input.measures && { ...input.measures, rom: input.measures.rom && [...input.measures.rom].reverse() },
        };
        expect(JSON.stringify(generatePlan(reversed, { today: TODAY, age }))).toBe(once);
      }),
      RUNS,
    );
  });

  it('every plan matches the response schema and names its rules in rationale[]', () => {
    fc.assert(
      fc.property(assessment, contextAge, (input, age) => {
        const p = PlanContentSchema.parse(generatePlan(input, { today: TODAY, age }));
        const fired = new Set(p.rationale.map((r) => r.ruleId));
        const used = [
          ...p.techniques.flatMap((t) => t.ruleIds),
          ...p.goals.flatMap((g) => g.ruleIds),
          ...p.schedule.ruleIds,
          ...p.homeProgram.flatMap((h) => h.ruleIds),
        ];
        for (const id of used) expect(fired).toContain(id);
        expect(fired).toContain('screen.decision');
      }),
      RUNS,
    );
  });

  it('when treatment goes ahead, every requested goal is served and every baseline is a measurable goal', () => {
    fc.assert(
      fc.property(assessment, (input) => {
        const p = generatePlan(input, { today: TODAY });
        // With no region given, named or measured there is nothing to locate treatment at: the plan
        // asks for the place first (focus.no_region) and schedules nothing.
        if (!treats(p) || p.focusAreas.length === 0) return;
        const served = new Set([...p.techniques.flatMap((t) => t.goalTypes), ...p.homeProgram.flatMap((h) => h.goalTypes)]);
        for (const g of input.goals) expect(served).toContain(g.type);
        for (const g of p.goals) expect(served).toContain(g.type);
        const m = input.measures ?? {};
        const has = (measure: string, baseline: number) => p.goals.some((g) => g.measure === measure && g.baseline === baseline && g.target !== null);
        if (m.painNrs !== undefined) expect(has('pain_nrs', m.painNrs)).toBe(true);
        if (m.stress) expect(has('pss10', m.stress.score)).toBe(true);
        if (m.function) expect(has(m.function.instrument, m.function.score)).toBe(true);
        for (const r of m.rom ?? [])
          expect(p.goals.some((g) => g.joint === r.joint && g.movement === r.movement && g.baseline === r.degrees && g.target !== null)).toBe(true);
        if (p.schedule.totalSessions > 0) for (const g of p.goals) expect(g.byWeek).toBeLessThanOrEqual(p.schedule.weeks);
      }),
      RUNS,
    );
  });

  it('goal targets improve in the measure’s direction and stay within its range and the norm', () => {
    fc.assert(
      fc.property(assessment, (input) => {
        for (const g of generatePlan(input, { today: TODAY }).goals) {
          if (g.baseline === null || g.target === null) continue;
          const m = MEASURES[g.measure];
          expect(g.target).toBeGreaterThanOrEqual(m.min);
          expect(g.target).toBeLessThanOrEqual(m.max);
          if (g.direction === 'lower_is_better') expect(g.target).toBeLessThanOrEqual(g.baseline);
          else expect(g.target).toBeGreaterThanOrEqual(g.baseline);
          const normal = g.joint && g.movement ? romNorm(g.joint, g.movement)?.degrees : null;
          if (normal !== null && normal !== undefined) expect(g.target).toBeLessThanOrEqual(Math.max(normal, g.baseline));
        }
      }),
      RUNS,
    );
  });

  it('no technique on a region (and side) that a local condition or pregnancy rules out', () => {
    fc.assert(
      fc.property(assessment, (input) => {
        const p = generatePlan(input, { today: TODAY });
        const painRegions = (input.painLocations ?? []).map((l) => l.region);
        for (const c of input.screening?.conditions ?? []) {
          const code = typeof c === 'string' ? c : c.code;
          const entry = CONDITIONS[code];
          // A post-surgical plan works around an operated region's incision by design (drainage first).
          if (entry.scope !== 'local' || entry.kind !== 'contraindication' || (code === 'recent_surgery_site' && input.mechanism === 'post_surgical')) continue;
          const places: { region: RegionCode; bits: number }[] =
            typeof c === 'string'
              ? (entry.defaultRegions.length > 0 ? entry.defaultRegions : painRegions).map((region) => ({ region, bits: 7 }))
              : [{ region: c.region, bits: c.side === 'left' ? 1 : c.side === 'right' ? 2 : c.side === 'midline' ? 4 : 7 }];
          for (const place of places) {
            if (code === 'recent_surgery_site') {
              // The site is dated by the latest recorded operation at the same region, else by the single surgery date.
              const atSite = (input.screening?.surgeries ?? []).filter((s) => s.region === place.region).map((s) => s.date);
              const date = atSite.sort().at(-1) ?? input.screening?.surgeryDate;
              const days = date ? Math.round((Date.parse(TODAY) - Date.parse(date)) / 86_400_000) : null;
              if (days !== null && days >= 14) continue; // closed incision: scar work is allowed
            }
            for (const t of p.techniques.filter((x) => x.region === place.region)) {
              expect(sideBits(t.side, REGIONS[t.region].paired) & place.bits).toBe(0);
            }
          }
        }
        if (codesOf(input).has('pregnancy')) expect(p.techniques.filter((t) => t.region === 'abdomen')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('any stop finding → postpone or refer, with no hands-on technique, session or bill', () => {
    fc.assert(
      fc.property(assessment, (input) => {
        const p = generatePlan(input, { today: TODAY });
        const stop = p.screening.findings.some((f) => f.severity === 'stop');
        expect(stop).toBe(!treats(p));
        if (stop) {
          expect(['postpone', 'refer']).toContain(p.screening.decision);
          expect(p.techniques).toEqual([]);
          expect(p.billing).toEqual([]);
          expect(p.schedule.totalSessions).toBe(0);
        }
        const redFlag = [...codesOf(input)].some((c) => CONDITIONS[c as ConditionCode].kind === 'red_flag');
        if (redFlag) expect(p.screening.decision).toBe('refer');
      }),
      RUNS,
    );
  });

  it('precautions change the plan: pressure caps from conditions, age, preference and the acute phase', () => {
    fc.assert(
      fc.property(assessment, contextAge, (input, contextAgeValue) => {
        const p = generatePlan(input, { today: TODAY, age: contextAgeValue });
        if (!treats(p)) return;
        const codes = codesOf(input);
        const lightOnly = ['anticoagulants', 'bleeding_disorder', 'osteoporosis', 'fragile_skin'].some((c) => codes.has(c as ConditionCode));
        const age = input.screening?.age ?? contextAgeValue ?? null;
        const preferred = input.preferences?.pressure;
        const painRegions = new Set((input.painLocations ?? []).map((l) => l.region));
        const acuteInjury = input.durationWeeks !== undefined && input.durationWeeks < 6 && MECHANISMS[input.mechanism ?? 'unknown'].injury;
        for (const t of handsOn(p)) {
          if (lightOnly || (age !== null && age >= 80)) expect(t.pressure).toBe('light');
          if ((age !== null && age >= 65) || codes.has('cancer') || codes.has('diabetic_neuropathy')) expect(t.pressure).not.toBe('firm');
          if (preferred) expect(RANK[t.pressure]).toBeLessThanOrEqual(RANK[preferred]);
          if (acuteInjury && painRegions.has(t.region)) {
            expect(TECHNIQUES[t.code].avoidInAcuteInjury).toBe(false);
            expect(t.pressure).not.toBe('firm');
          }
          if (codes.has('osteoporosis') || codes.has('cancer')) expect(t.code).not.toBe('joint_mobilisation');
          if (codes.has('heart_disease')) expect(t.code).not.toBe('manual_lymphatic_drainage');
          expect(RANK[t.pressure]).toBeGreaterThanOrEqual(RANK[TECHNIQUES[t.code].minPressure]);
        }
      }),
      RUNS,
    );
  });

  it('schedule arithmetic is consistent and technique minutes fit the session', () => {
    fc.assert(
      fc.property(assessment, (input) => {
        const p = generatePlan(input, { today: TODAY });
        const s = p.schedule;
        expect(s.totalSessions).toBe(s.sessionsPerWeek * s.weeks);
        expect(s.weeks).toBeLessThanOrEqual(12);
        if (s.totalSessions > 0) {
          expect(s.reassessAfterSessions).toBeGreaterThanOrEqual(1);
          expect(s.reassessAfterSessions).toBeLessThanOrEqual(Math.min(s.totalSessions, 10));
        }
        if (input.preferences?.sessionMinutes) expect(s.sessionMinutes).toBe(input.preferences.sessionMinutes);
        if (input.preferences?.sessionsPerWeek && treats(p) && s.totalSessions > 0) expect(s.sessionsPerWeek).toBe(input.preferences.sessionsPerWeek);
        expect(p.techniques.reduce((sum, t) => sum + t.minutes, 0)).toBeLessThanOrEqual(s.sessionMinutes);
        for (const t of p.techniques) {
          expect(t.minutes).toBeGreaterThanOrEqual(TECHNIQUES[t.code].minMinutes);
          expect(t.minutes).toBeLessThanOrEqual(TECHNIQUES[t.code].maxMinutes);
        }
      }),
      RUNS,
    );
  });

  it('a home program always comes with chronic complaints and with range-of-motion or rehabilitation goals', () => {
    fc.assert(
      fc.property(assessment, (input) => {
        const p = generatePlan(input, { today: TODAY });
        if (!treats(p)) return;
        const chronic = input.durationWeeks !== undefined && input.durationWeeks > 12;
        if (chronic || p.goals.some((g) => g.type === 'range_of_motion' || g.type === 'injury_rehabilitation')) expect(p.homeProgram.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('billing follows the 8-minute rule and never has 97124 and 97140 on one region', () => {
    fc.assert(
      fc.property(assessment, (input) => {
        const p = generatePlan(input, { today: TODAY });
        const minutes = p.techniques.reduce((sum, t) => sum + t.minutes, 0);
        expect(p.billing.reduce((sum, b) => sum + b.units, 0)).toBe(unitsForMinutes(minutes));
        expect(p.billing.reduce((sum, b) => sum + b.minutes, 0)).toBe(minutes);
        const massage = p.billing.find((b) => b.cpt === '97124')?.regions ?? [];
        const manual = p.billing.find((b) => b.cpt === '97140')?.regions ?? [];
        for (const r of massage) expect(manual).not.toContain(r);
        for (const b of p.billing) expect(b.units).toBeGreaterThanOrEqual(Math.floor(b.minutes / 15));
      }),
      RUNS,
    );
  });

  it('the edit check agrees with the engine: its own techniques always pass, and a firmer one than allowed never does', () => {
    fc.assert(
      fc.property(assessment, contextAge, (input, age) => {
        const context = { today: TODAY, age };
        const p = generatePlan(input, context);
        expect(techniqueViolations(input, context, p.techniques)).toEqual([]);
        expect(billingFor(p.techniques)).toEqual(p.billing);
        const capped = p.techniques.findIndex(
          (t) => t.pressure !== 'firm' && TECHNIQUES[t.code].handsOn && t.ruleIds.some((r) => r.includes('pressure') || r.startsWith('age.')),
        );
        if (capped >= 0) {
          const firmer = p.techniques.map((t, i) => (i === capped ? { ...t, pressure: 'firm' as const } : t));
          expect(techniqueViolations(input, context, firmer).map((v) => v.index)).toContain(capped);
        }
      }),
      RUNS,
    );
  });

  it('a "yes" answer always raises its red flag, and an unanswered applicable question is listed and never leaves a plain treat', () => {
    fc.assert(
      fc.property(assessment, (input) => {
        const p = generatePlan(input, { today: TODAY });
        const answers = input.screening?.answers ?? {};
        const codes = new Set(p.screening.findings.map((f) => f.code));
        for (const q of SCREENING_QUESTION_CODES) if (answers[q] === 'yes') expect(codes).toContain(SCREENING_QUESTIONS[q].redFlag);
        for (const q of p.screening.unanswered ?? []) expect(answers[q] === 'yes' || answers[q] === 'no').toBe(false);
        if ((p.screening.unanswered ?? []).length > 0) expect(p.screening.decision).not.toBe('treat');
      }),
      RUNS,
    );
  });

  it('never firm pressure with anticoagulants, osteoporosis or osteopenia; never above light with anticoagulants or osteoporosis', () => {
    fc.assert(
      fc.property(assessment, (input) => {
        const p = generatePlan(input, { today: TODAY });
        const codes = new Set(p.screening.findings.map((f) => f.code));
        const ceiling =
          codes.has('anticoagulants') || codes.has('osteoporosis') ? 'light' : codes.has('osteopenia') || codes.has('antiplatelets') ? 'moderate' : 'firm';
        for (const t of handsOn(p)) expect(RANK[t.pressure]).toBeLessThanOrEqual(RANK[ceiling]);
      }),
      RUNS,
    );
  });

  it('never a range-of-motion target past a surgery protocol limit', () => {
    fc.assert(
      fc.property(assessment, (input) => {
        const p = generatePlan(input, { today: TODAY });
        for (const s of input.screening?.surgeries ?? []) {
          const days = Math.round((Date.parse(TODAY) - Date.parse(s.date)) / 86_400_000);
          const phase = protocolPhase(s.procedure, s.approach ?? null, days);
          for (const limit of phase?.romLimits ?? []) {
            for (const g of p.goals.filter((x) => x.measure === 'rom' && x.joint === limit.joint && x.movement === limit.movement)) {
              // A range already past the limit is held where it is, never pushed further.
              expect(g.target ?? 0).toBeLessThanOrEqual(Math.max(limit.maxDegrees, g.baseline ?? 0));
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('never sessions without content: no technique and no home exercise → no sessions', () => {
    fc.assert(
      fc.property(assessment, (input) => {
        const p = generatePlan(input, { today: TODAY });
        if (p.techniques.length === 0 && p.homeProgram.length === 0) expect(p.schedule.totalSessions).toBe(0);
        if (p.schedule.totalSessions > 0) expect(p.techniques.length + p.homeProgram.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});
