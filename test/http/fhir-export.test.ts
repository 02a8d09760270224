import { lowBackAssessment } from '../support/fixtures';
import { validateFhirBundle } from '../support/fhir-validator';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

type Bundle = { resourceType: string; type: string; entry: { fullUrl: string; resource: Record<string, unknown> & { resourceType: string; id: string } }[] };

describe('GET /v1/plans/{id}/fhir: a stored plan as a FHIR R4 Bundle', () => {
  let t: TestApp;
  let clinic: TestClinic;

  beforeAll(async () => {
    t = await startTestApp();
    clinic = await t.createClinic('FHIR clinic');
  });
  afterAll(() => t?.close());

  const auth = (key = clinic.adminKey) => ({ Authorization: `Bearer ${key}` });
  const newPatient = async (
    body: Record<string, unknown> = {
      firstName: 'Robin',
      lastName: 'Hale',
      birthDate: '1979-03-14',
      sex: 'male',
      externalId: `p-${Math.random().toString(36).slice(2)}`,
    },
  ) => (await t.http().post('/v1/patients').set(auth()).send(body)).body.id as string;
  const assess = async (input: Record<string, unknown>) => {
    const res = await t.http().post('/v1/assessments').set(auth()).send(input);
    expect(res.status).toBe(201);
    return res.body.plan as { id: string; status: string; techniques: { code: string; region: string }[]; version: number };
  };
  const fhir = (planId: string, accept?: string, key?: string) => {
    const req = t.http().get(`/v1/plans/${planId}/fhir`).set(auth(key));
    return accept === undefined ? req : req.set('Accept', accept);
  };
  const expectValid = (bundle: Bundle) => {
    const report = validateFhirBundle(bundle as unknown as Record<string, unknown>);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
  };

  it('exports several different plans — goals, regions, decisions, statuses, sessions — as valid FHIR R4', async () => {
    // Low back, two sessions with measures, then completed.
    const lowBack = await assess(lowBackAssessment(await newPatient(), { assessedAt: '2026-02-02T09:00:00Z' }));
    for (const [i, painNrs] of [5, 3].entries()) {
      const session = await t
        .http()
        .post(`/v1/plans/${lowBack.id}/sessions`)
        .set(auth())
        .send({
          performedAt: `2026-02-${10 + i * 7}T10:00:00Z`,
          minutes: 55,
          techniques: lowBack.techniques.map((x) => x.code).slice(0, 2),
          regions: ['lower_back'],
          measures: { painNrs, rom: [{ joint: 'lumbar', movement: 'flexion', degrees: 50 + i * 10 }] },
          notes: { subjective: 'Sleeping better' },
        });
      expect(session.status).toBe(201);
    }
    const completed = await t.http().patch(`/v1/plans/${lowBack.id}`).set(auth()).set('If-Match', 'W/"1"').send({ status: 'completed' });
    expect(completed.status).toBe(200);

    // Stress only (no pain location), a right shoulder after surgery on anticoagulants, a referral, a postponement.
    const stress = await assess({
      patientId: await newPatient({ firstName: 'Kim' }),
      practitioner: 'dr-okafor',
      complaint: 'Work stress, tense all the time',
      goals: [{ type: 'stress_reduction', priority: 1 }],
      measures: { stress: { instrument: 'pss10', score: 25 } },
    });
    const shoulder = await assess({
      patientId: await newPatient(),
      practitioner: 'dr-lee',
      complaint: 'Stiff right shoulder after rotator cuff repair',
      painLocations: [{ region: 'shoulder', side: 'right', intensity: 5 }],
      goals: [
        { type: 'range_of_motion', priority: 1 },
        { type: 'injury_rehabilitation', priority: 2 },
      ],
      durationWeeks: 9,
      mechanism: 'post_surgical',
      screening: { conditions: ['anticoagulants'], surgeryDate: '2025-12-01' },
      measures: { rom: [{ joint: 'shoulder', movement: 'abduction', degrees: 95 }], function: { instrument: 'quickdash', score: 50 } },
      assessedAt: '2026-02-02T09:00:00Z',
    });
    const referral = await assess(lowBackAssessment(await newPatient(), { complaint: 'Low back pain, numb in the groin since yesterday' }));
    const postponed = await assess(
      lowBackAssessment(await newPatient(), { screening: { conditions: ['fever'] }, painLocations: [{ region: 'calf', side: 'left', intensity: 4 }] }),
    );
    expect([referral.status, postponed.status]).toEqual(['draft', 'on_hold']);

    const statuses: Record<string, string> = {};
    for (const plan of [lowBack, stress, shoulder, referral, postponed]) {
      const res = await fhir(plan.id);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
      const bundle = res.body as Bundle;
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
      expectValid(bundle);
      const carePlan = bundle.entry.find((e) => e.resource.resourceType === 'CarePlan')!.resource;
      expect(carePlan.id).toBe(plan.id);
      statuses[plan.id] = String(carePlan.status);
    }
    expect([lowBack, stress, shoulder, referral, postponed].map((p) => statuses[p.id])).toEqual(['completed', 'active', 'active', 'draft', 'on-hold']);

    const lowBackBundle = (await fhir(lowBack.id)).body as Bundle;
    const types = lowBackBundle.entry.map((e) => e.resource.resourceType);
    expect(new Set(types)).toEqual(new Set(['Patient', 'CarePlan', 'Condition', 'Goal', 'Observation', 'Procedure']));
    expect(types.filter((x) => x === 'Procedure')).toHaveLength(4);
  });

  it('is identical on repeated exports, and answers application/json to a client that asks for it', async () => {
    const plan = await assess(lowBackAssessment(await newPatient()));
    const first = await fhir(plan.id);
    const again = await fhir(plan.id, 'application/fhir+json');
    expect(again.text).toBe(first.text);
    const json = await fhir(plan.id, 'application/json');
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.text).toBe(first.text);
    expect((await fhir(plan.id, 'text/html,application/xhtml+xml,*/*;q=0.8')).headers['content-type']).toMatch(/^application\/fhir\+json/);
    const xml = await fhir(plan.id, 'application/fhir+xml');
    expect(xml.status).toBe(406);
    expect(xml.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('needs only the read scope, is audited as a read of the plan, and hides other clinics’ plans (404)', async () => {
    const plan = await assess(lowBackAssessment(await newPatient()));
    const reader = await clinic.keyWith('read');
    const res = await fhir(plan.id, undefined, reader).set('X-Request-Id', 'fhir-export-read');
    expect(res.status).toBe(200);

    const other = await t.createClinic('Other clinic');
    const foreign = await fhir(plan.id, undefined, other.adminKey);
    expect(foreign.status).toBe(404);
    expect(foreign.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await fhir('0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57')).status).toBe(404);

    // The event is queued when the response has gone out, a moment after the client has it.
    const auditOfPlan = async () =>
      (await t.http().get('/v1/audit-events').query({ resourceId: plan.id, limit: 200 }).set(auth())).body.data as { action: string }[];
    const deadline = Date.now() + 2000;
    while (!(await auditOfPlan()).some((e) => e.action === 'getPlanFhirBundle') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await auditOfPlan()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'getPlanFhirBundle', resourceType: 'plan', resourceId: plan.id, outcome: 'success', requestId: 'fhir-export-read' }),
      ]),
    );
  });
});
