import { varietyCases } from '../planning/variety.cases';
import { lowBackAssessment } from '../support/fixtures';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

// GET /v1/plans/{id} sends the JSON text PostgreSQL writes from the stored plan; a write and the
// list answer with the plan mapped and serialized in Node. A client must not be able to tell them
// apart: same fields, same values, same timestamp format, and the same keys in the same order, so
// that content hashed or compared as text is the same however it was read (SPEC: byte-identical).
describe('a plan read back is the plan its write answered', () => {
  let t: TestApp;
  let clinic: TestClinic;

  beforeAll(async () => {
    t = await startTestApp();
    clinic = await t.createClinic('Plan text clinic');
  });
  afterAll(() => t?.close());

  const auth = () => ({ Authorization: `Bearer ${clinic.adminKey}` });
  const get = (id: string) => t.http().get(`/v1/plans/${id}`).set(auth());

  it('for plans of varied cases, as created, edited and replaced at a reassessment', async () => {
    const patientId = (await t.http().post('/v1/patients').set(auth()).send({ firstName: 'Zoë', lastName: 'Ñúñez “quoted” \\ back' })).body.id;
    // Every fifth varied case: regions, goals, conditions, surgeries, measures and preferences differ.
    const cases = varietyCases().filter((_, i) => i % 5 === 0);
    const written: Record<string, unknown>[] = [];
    for (const c of cases) {
      const res = await t
        .http()
        .post('/v1/assessments')
        .set(auth())
        .send({ ...c.assessment, patientId });
      expect({ id: c.id, status: res.status }).toEqual({ id: c.id, status: 201 });
      written.push(res.body.plan);
    }
    const first = written[0] as { id: string; version: number };
    const edited = await t
      .http()
      .patch(`/v1/plans/${first.id}`)
      .set(auth())
      .set('If-Match', `"${first.version}"`)
      .send({ notes: 'Tolerated well.\nNext: "progress" the load — 10 % at a time \u2028 ✓', status: 'on_hold' });
    expect(edited.status).toBe(200);
    written[0] = edited.body;
    const second = written[1] as { id: string };
    const { patientId: _patient, ...reassessment } = lowBackAssessment(patientId);
    const reassessed = await t.http().post(`/v1/plans/${second.id}/reassessments`).set(auth()).send(reassessment);
    expect(reassessed.status).toBe(201);
    written.push(reassessed.body.plan);
    written[1] = (await get(second.id)).body;
    expect(written[1]).toMatchObject({ nextPlanId: reassessed.body.plan.id });

    for (const plan of written) {
      const { id, version } = plan as { id: string; version: number };
      const res = await get(id);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers.etag).toBe(`"${version}"`);
      expect(res.body).toEqual(plan);
      expect(JSON.stringify(res.body)).toBe(JSON.stringify(plan));
    }

    const listed: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; headers: Record<string, string>; body: { data: Record<string, unknown>[]; nextCursor: string | null } } = await t
        .http()
        .get(`/v1/plans?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        .set(auth());
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('application/json; charset=utf-8');
      listed.push(...page.body.data);
      cursor = page.body.nextCursor;
    } while (cursor);
    const byId = (list: Record<string, unknown>[]) => Object.fromEntries(list.map((p) => [p.id, JSON.stringify(p)]));
    expect(byId(listed)).toEqual(byId(written));
  });

  it('the preview, the write and the read give the same content text', async () => {
    const patientId = (await t.http().post('/v1/patients').set(auth()).send({})).body.id;
    const assessment = lowBackAssessment(patientId);
    const preview = await t.http().post('/v1/assessments/preview').set(auth()).send(assessment);
    const created = await t.http().post('/v1/assessments').set(auth()).send(assessment);
    expect([preview.status, created.status]).toEqual([200, 201]);
    const read = await get(created.body.plan.id);
    const resourceFields = new Set(['id', 'patientId', 'assessmentId', 'status', 'version', 'notes', 'previousPlanId', 'nextPlanId', 'createdAt', 'updatedAt']);
    const content = (plan: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(plan).filter(([key]) => !resourceFields.has(key))));
    expect(content(created.body.plan)).toBe(JSON.stringify(preview.body));
    expect(content(read.body)).toBe(JSON.stringify(preview.body));
  });

  it('an empty page is still a page', async () => {
    const other = await t.createClinic('Empty plan clinic');
    const res = await t
      .http()
      .get('/v1/plans')
      .set({ Authorization: `Bearer ${other.adminKey}` });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [], nextCursor: null });
  });
});
