import { lowBackAssessment } from '../support/fixtures';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

describe('therapist edits stay within what the assessment allows', () => {
  let t: TestApp;
  let clinic: TestClinic;

  beforeAll(async () => {
    t = await startTestApp();
    clinic = await t.createClinic('Edit clinic');
  });
  afterAll(() => t?.close());

  const auth = () => ({ Authorization: `Bearer ${clinic.adminKey}` });
  const planFor = async (overrides: Record<string, unknown>) => {
    const patientId = (await t.http().post('/v1/patients').set(auth()).send({})).body.id;
    const res = await t.http().post('/v1/assessments').set(auth()).send(lowBackAssessment(patientId, overrides));
    expect(res.status).toBe(201);
    return res.body.plan;
  };
  const editTechniques = (plan: { id: string; version: number }, techniques: object[]) =>
    t.http().patch(`/v1/plans/${plan.id}`).set(auth()).set('If-Match', `W/"${plan.version}"`).send({ techniques });
  const technique = (over: object) => ({
    code: 'swedish_massage',
    region: 'lower_back',
    side: 'left',
    minutes: 20,
    pressure: 'moderate',
    goalTypes: ['pain_relief'],
    ...over,
  });

  it('accepts a safe change and recomputes the billing hints from it', async () => {
    const plan = await planFor({});
    const res = await editTechniques(plan, [technique({ minutes: 25 }), technique({ code: 'myofascial_release', minutes: 20 })]);
    expect(res.status).toBe(200);
    expect(res.body.techniques.map((x: { code: string; ruleIds: string[] }) => [x.code, x.ruleIds])).toEqual([
      ['swedish_massage', ['therapist_edit']],
      ['myofascial_release', ['therapist_edit']],
    ]);
    // 45 timed minutes on one region: never 97124 with 97140 there; the code with more minutes takes them all.
    expect(res.body.billing.map((b: { cpt: string }) => b.cpt)).toEqual(['97124']);
    expect(res.body.billing.reduce((n: number, b: { units: number }) => n + b.units, 0)).toBe(3);
  });

  it('refuses firmer pressure than a precaution allows (anticoagulants → light)', async () => {
    const plan = await planFor({ screening: { conditions: ['anticoagulants'], redFlags: [], age: 45 } });
    const res = await editTechniques(plan, [technique({ pressure: 'light' }), technique({ code: 'myofascial_release', pressure: 'firm' })]);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: '/techniques/1', message: expect.stringMatching(/light pressure at most.*anticoagulants/) }]);
    expect((await t.http().get(`/v1/plans/${plan.id}`).set(auth())).body.version).toBe(1);
  });

  it('refuses work on a region a local condition rules out, on that side only', async () => {
    const plan = await planFor({ screening: { conditions: [{ code: 'open_wound', region: 'lower_back', side: 'left' }], redFlags: [], age: 45 } });
    expect((await editTechniques(plan, [technique({ side: 'left' })])).body.errors[0].path).toBe('/techniques/0');
    expect((await editTechniques(plan, [technique({ side: 'right' })])).status).toBe(200);
  });

  const edit = (plan: { id: string; version: number }, body: object) =>
    t.http().patch(`/v1/plans/${plan.id}`).set(auth()).set('If-Match', `W/"${plan.version}"`).send(body);

  it('changes only the schedule fields sent, and accepts the schedule as SPEC §4 prints it', async () => {
    const plan = await planFor({});
    const { sessionMinutes, weeks, reassessAfterSessions } = plan.schedule;
    const partial = await edit(plan, { schedule: { sessionsPerWeek: 2 } });
    expect(partial.status).toBe(200);
    expect(partial.body.schedule).toMatchObject({ sessionMinutes, sessionsPerWeek: 2, weeks, totalSessions: 2 * weeks, reassessAfterSessions });

    const full = { sessionMinutes: 60, sessionsPerWeek: 2, weeks: 6, totalSessions: 12, reassessAfterSessions: 6 };
    expect((await edit(partial.body, { schedule: full })).body.schedule).toMatchObject(full);
  });

  it('refuses a totalSessions that disagrees with sessionsPerWeek × weeks', async () => {
    const plan = await planFor({});
    const res = await edit(plan, { schedule: { sessionsPerWeek: 2, weeks: 6, totalSessions: 10 } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: '/schedule/totalSessions', message: expect.stringMatching(/12/) }]);
  });

  it('points a late goal date at the goal edit in the request, not at the plan’s goal list', async () => {
    const plan = await planFor({});
    const romGoal = plan.goals.findIndex((g: { measure: string }) => g.measure === 'rom');
    expect(romGoal).toBeGreaterThan(0);
    const res = await edit(plan, {
      goals: [{ type: 'range_of_motion', measure: 'rom', joint: 'lumbar', movement: 'flexion', target: 70, byWeek: plan.schedule.weeks + 1 }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: '/goals/0/byWeek', message: expect.stringMatching(/after the plan/) }]);
  });

  it('refuses hands-on techniques in a plan whose screening referred the patient', async () => {
    const plan = await planFor({ complaint: 'Low back pain, and since yesterday I lost bladder control' });
    expect(plan.screening.decision).toBe('refer');
    expect(plan.status).toBe('draft');
    const res = await editTechniques(plan, [technique({})]);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/refer/);
  });
});
