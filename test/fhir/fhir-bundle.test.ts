import { derivedUuid } from '../../src/lib/derived-uuid';
import { planToFhirBundle } from '../../src/modules/fhir/fhir-bundle';
import type { FhirBundle, FhirCarePlan, FhirCondition, FhirGoal, FhirObservation, FhirProcedure, FhirResource } from '../../src/modules/fhir/fhir.types';
import { validateFhirBundle } from '../support/fhir-validator';
import { variedPlanRecords } from './plan-records';

const records = variedPlanRecords();
const of = <T extends FhirResource>(bundle: FhirBundle, type: T['resourceType']) =>
  bundle.entry.map((e) => e.resource).filter((r): r is T => r.resourceType === type);
const codes = (concept: { coding?: { system: string; code: string }[] } | undefined) => (concept?.coding ?? []).map((c) => `${c.system}|${c.code}`);

describe('derivedUuid', () => {
  it('is RFC 9562 UUIDv5 (the RFC’s own example) and stable', () => {
    expect(derivedUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(derivedUuid('0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57', 'goal/0')).toBe(derivedUuid('0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57', 'goal/0'));
    expect(() => derivedUuid('not-a-uuid', 'x')).toThrow();
  });
});

describe('a plan as a FHIR R4 Bundle', () => {
  it.each(Object.keys(records))('%s: valid FHIR R4 with zero errors, and every reference resolves inside the bundle', (name) => {
    const bundle = planToFhirBundle(records[name]!);
    const report = validateFhirBundle(bundle as unknown as Record<string, unknown>);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    for (const entry of bundle.entry) expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource.id}`);
  });

  it('would be caught by the validators if it broke the rules (so a clean report means something)', () => {
    const broken = structuredClone(planToFhirBundle(records.lowBack!)) as unknown as { entry: { resource: Record<string, unknown> }[] };
    const carePlan = broken.entry.find((e) => e.resource.resourceType === 'CarePlan')!.resource;
    carePlan.status = 'in-progress'; // not a request-status code (required binding)
    carePlan.subject = { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' }; // dangling
    const goal = broken.entry.find((e) => e.resource.resourceType === 'Goal')!.resource;
    delete goal.subject; // 1..1
    (goal.target as { measure?: unknown }[])[0]!.measure = undefined; // gol-1
    carePlan.bodySite = [{ text: 'not an R4 CarePlan element' }];
    goal.lifecycleStatus = 'done'; // not a goal-status code (inlined in the JSON Schema)
    const { errors } = validateFhirBundle(broken as unknown as Record<string, unknown>);
    expect(errors.some((e) => e.startsWith('binding') && e.includes('.status') && e.includes('request-status'))).toBe(true);
    expect(errors.some((e) => e.startsWith('unresolved reference urn:uuid:00000000'))).toBe(true);
    expect(errors.some((e) => e.startsWith('medplum') && /subject/.test(e))).toBe(true);
    expect(errors.some((e) => e.includes('gol-1'))).toBe(true);
    expect(errors.some((e) => e.includes('bodySite'))).toBe(true);
    expect(errors.some((e) => e.startsWith('schema') && e.includes('lifecycleStatus'))).toBe(true);
    expect(errors.some((e) => e.startsWith('binding') && e.includes('lifecycleStatus'))).toBe(true);
  });

  it('is identical on every export of the same data (stable ids, no clock)', () => {
    for (const record of Object.values(records)) {
      expect(JSON.stringify(planToFhirBundle(record))).toBe(JSON.stringify(planToFhirBundle(structuredClone(record))));
    }
    const bundle = planToFhirBundle(records.lowBack!);
    expect(bundle.timestamp).toBe(records.lowBack!.sessions.at(-1)!.createdAt);
    expect(of<FhirCarePlan>(bundle, 'CarePlan')[0]!.id).toBe(records.lowBack!.plan.id);
  });

  it('maps our plan status to CarePlan.status, Goal.lifecycleStatus and the activities’ status', () => {
    const expected = {
      lowBack: ['active', 'active', 'in-progress'],
      stress: ['on-hold', 'on-hold', 'on-hold'],
      hips: ['completed', 'completed', 'completed'],
      referral: ['draft', 'proposed', undefined],
      neck: ['revoked', 'cancelled', 'stopped'],
    } as const;
    for (const [name, [carePlanStatus, goalStatus, firstActivity]] of Object.entries(expected)) {
      const bundle = planToFhirBundle(records[name]!);
      const carePlan = of<FhirCarePlan>(bundle, 'CarePlan')[0]!;
      expect([name, carePlan.status, carePlan.intent]).toEqual([name, carePlanStatus, 'plan']);
      for (const goal of of<FhirGoal>(bundle, 'Goal')) expect([name, goal.lifecycleStatus]).toEqual([name, goalStatus]);
      expect([name, carePlan.activity?.[0]?.detail.status]).toEqual([name, firstActivity]);
    }
  });

  it('gives every technique and home exercise an activity with its code, body site, timing from the schedule and goals', () => {
    const { plan } = records.lowBack!;
    const carePlan = of<FhirCarePlan>(planToFhirBundle(records.lowBack!), 'CarePlan')[0]!;
    expect(carePlan.activity).toHaveLength(plan.techniques.length + plan.homeProgram.length);
    const first = carePlan.activity![0]!.detail;
    const technique = plan.techniques[0]!;
    expect(codes(first.code)).toContain(`https://manuplan.dev/fhir/CodeSystem/technique|${technique.code}`);
    expect(first.extension?.[0]?.valueCodeableConcept?.coding?.[0]).toEqual({ system: 'http://snomed.info/sct', code: '37822005' });
    expect(first.scheduledTiming?.repeat).toMatchObject({
      frequency: plan.schedule.sessionsPerWeek,
      period: 1,
      periodUnit: 'wk',
      count: plan.schedule.totalSessions,
      duration: technique.minutes,
      durationUnit: 'min',
    });
    expect(first.goal!.length).toBeGreaterThan(0);
    const home = carePlan.activity![plan.techniques.length]!.detail;
    expect(home.scheduledString).toBe(plan.homeProgram[0]!.frequency);
    expect(home.description).toBe(plan.homeProgram[0]!.instructions);
  });

  it('turns goals into Goals with LOINC-coded measures, target ranges, due dates and achievement from progress', () => {
    const lowBack = of<FhirGoal>(planToFhirBundle(records.lowBack!), 'Goal');
    const pain = lowBack.find((g) => codes(g.target![0]!.measure).includes('http://loinc.org|72514-3'))!;
    const planPain = records.lowBack!.plan.goals.find((g) => g.measure === 'pain_nrs')!;
    expect(pain.target![0]).toMatchObject({
      detailRange: { high: { value: planPain.target, system: 'http://unitsofmeasure.org', code: '{score}' } },
      dueDate: new Date(Date.parse('2026-01-05T00:00:00Z') + planPain.byWeek * 7 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(pain.achievementStatus?.coding?.[0]?.code).toBe('improving');
    expect(pain.priority?.coding?.[0]?.code).toBe('high-priority');
    const rom = lowBack.find((g) => codes(g.target![0]!.measure).includes('https://manuplan.dev/fhir/CodeSystem/measure|rom.lumbar.flexion'))!;
    expect(rom.target![0]!.detailRange).toEqual({ low: expect.objectContaining({ code: 'deg' }) });

    const hips = of<FhirGoal>(planToFhirBundle(records.hips!), 'Goal');
    expect(hips.find((g) => codes(g.target![0]!.measure).includes('http://loinc.org|72514-3'))!.achievementStatus?.coding?.[0]?.code).toBe('achieved');
    const neck = of<FhirGoal>(planToFhirBundle(records.neck!), 'Goal');
    expect(neck.map((g) => g.achievementStatus?.coding?.[0]?.code)).toEqual(neck.map(() => 'not-achieved'));
  });

  it('records each pain location as a Condition with its SNOMED CT body site and onset from the duration', () => {
    const [shoulder] = of<FhirCondition>(planToFhirBundle(records.shoulder!), 'Condition');
    expect(codes(shoulder!.bodySite![0])).toEqual(['http://snomed.info/sct|91774008']);
    expect(shoulder!.onsetDateTime).toBe('2025-11-10');
    expect(codes(shoulder!.severity)).toEqual(['http://snomed.info/sct|6736007']);
    const [hips, knee] = of<FhirCondition>(planToFhirBundle(records.hips!), 'Condition');
    expect(hips!.bodySite!.flatMap(codes)).toEqual(['http://snomed.info/sct|287679003', 'http://snomed.info/sct|287579007']);
    expect(codes(knee!.code)).toEqual(['http://snomed.info/sct|30989003']);
    expect(codes(knee!.bodySite![0])).toEqual(['http://snomed.info/sct|82169009']);
    const [lowBack] = of<FhirCondition>(planToFhirBundle(records.lowBack!), 'Condition');
    expect(codes(lowBack!.code)).toEqual(['http://snomed.info/sct|279039007']);
    expect(of<FhirCondition>(planToFhirBundle(records.stress!), 'Condition')).toEqual([]);
  });

  it('has Observations for baseline and session measures and a Procedure per delivered technique', () => {
    const record = records.lowBack!;
    const bundle = planToFhirBundle(record);
    const observations = of<FhirObservation>(bundle, 'Observation');
    // Baseline: pain, lumbar flexion, ODI; session 1: pain, flexion; session 2: pain, ODI.
    expect(observations).toHaveLength(7);
    const baselinePain = observations.find((o) => o.effectiveDateTime === record.assessment.assessedAt && codes(o.code).includes('http://loinc.org|72514-3'))!;
    expect(baselinePain.valueQuantity).toEqual({ value: 7, unit: 'score', code: '{score}', system: 'http://unitsofmeasure.org' });
    const procedures = of<FhirProcedure>(bundle, 'Procedure');
    expect(procedures).toHaveLength(record.sessions.reduce((n, s) => n + s.techniques.length, 0));
    expect(procedures[0]).toMatchObject({
      status: 'completed',
      performedDateTime: record.sessions[0]!.performedAt,
      basedOn: [{ reference: `urn:uuid:${record.plan.id}` }],
    });
    expect(procedures[0]!.note?.[0]?.text).toMatch(/Less stiff/);
    const sessionPain = observations.find(
      (o) => o.effectiveDateTime === record.sessions[1]!.performedAt && codes(o.code).includes('http://loinc.org|72514-3'),
    )!;
    const painGoal = of<FhirGoal>(bundle, 'Goal').find((g) => codes(g.target![0]!.measure).includes('http://loinc.org|72514-3'))!;
    expect(painGoal.outcomeReference).toEqual([{ reference: `urn:uuid:${sessionPain.id}` }]);

    const shoulder = of<FhirProcedure>(planToFhirBundle(records.shoulder!), 'Procedure');
    expect(shoulder.every((p) => p.complication?.[0]?.text === 'Bruising at the incision')).toBe(true);
  });

  it('carries the patient’s identifiers, name, gender and birth date, and nothing it does not know', () => {
    const [patient] = of(planToFhirBundle(records.lowBack!), 'Patient');
    expect(patient).toMatchObject({
      gender: 'female',
      birthDate: '1981-05-02',
      name: [{ family: 'Rivera', given: ['Sam'] }],
      identifier: [{ value: 'ext-low-back' }, { value: records.lowBack!.patient.id }],
    });
    const [anonymous] = of(planToFhirBundle(records.referral!), 'Patient');
    expect(Object.keys(anonymous!).sort()).toEqual(['id', 'identifier', 'meta', 'resourceType']);
  });
});
