import { encodeCursor } from '../../src/lib/cursor';
import { lowBackAssessment } from '../support/fixtures';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

/**
 * No 5xx from input. ISO 8601 and JavaScript accept year 0000 and offsets that carry
 * 9999-12-31 into year 10000 in UTC; PostgreSQL refuses both, and each was a 500 (a session
 * posted with a year-0000 performedAt answered 500). Every date and time the API accepts is
 * now checked by the shared primitives of http.contract.ts, and what records when something
 * happened must also be plausible: 1900-01-01 to a year from now.
 */
describe('dates and times are range-checked before they reach the database', () => {
  let t: TestApp;
  let c: TestClinic;
  let planId: string;
  let patientId: string;
  const auth = () => ({ Authorization: `Bearer ${c.adminKey}` });
  const inAYearAndAMonth = () => new Date(Date.now() + 400 * 24 * 3600 * 1000);
  const session = (performedAt: string) => ({ performedAt, minutes: 30, techniques: ['swedish_massage'], regions: ['lower_back'] });

  beforeAll(async () => {
    t = await startTestApp();
    c = await t.createClinic();
    patientId = (await t.http().post('/v1/patients').set(auth()).send({ firstName: 'Ada' })).body.id;
    planId = (await t.http().post('/v1/assessments').set(auth()).send(lowBackAssessment(patientId))).body.plan.id;
  });
  afterAll(() => t?.close());

  function expect400Naming(res: { status: number; body: { errors?: { path: string }[] }; headers: Record<string, string> }, path: string) {
    expect([res.status, res.headers['content-type']]).toEqual([400, expect.stringMatching(/^application\/problem\+json/)]);
    expect(res.body.errors?.map((e) => e.path)).toEqual([path]);
  }

  it.each([
    ['in year 0000', '0000-01-01T00:00:00Z'],
    ['in year 10000 once converted to UTC', '9999-12-31T23:00:00-05:00'],
    ['before 1900', '1899-12-31T23:59:59Z'],
    ['more than a year ahead', inAYearAndAMonth().toISOString()],
  ])('a session performed %s is refused with 400 naming performedAt', async (_what, performedAt) => {
    expect400Naming(await t.http().post(`/v1/plans/${planId}/sessions`).set(auth()).send(session(performedAt)), '/performedAt');
  });

  it('the edges of the plausible range are accepted', async () => {
    for (const performedAt of ['1900-01-01T00:00:00Z', '1900-01-01T00:30:00+00:30', new Date(Date.now() + 300 * 24 * 3600 * 1000).toISOString()]) {
      const res = await t.http().post(`/v1/plans/${planId}/sessions`).set(auth()).send(session(performedAt));
      expect([performedAt, res.status]).toEqual([performedAt, 201]);
    }
  });

  it.each([
    ['assessedAt in year 0000', { assessedAt: '0000-06-01T00:00:00Z' }, '/assessedAt'],
    ['assessedAt before 1900', { assessedAt: '1850-06-01T00:00:00Z' }, '/assessedAt'],
    ['a surgery date in year 0000', { screening: { conditions: [], redFlags: [], surgeryDate: '0000-03-01', age: 45 } }, '/screening/surgeryDate'],
    ['a surgery date before 1900', { screening: { conditions: [], redFlags: [], surgeryDate: '1899-03-01', age: 45 } }, '/screening/surgeryDate'],
    [
      'a surgery date more than a year ahead',
      { screening: { conditions: [], redFlags: [], surgeryDate: inAYearAndAMonth().toISOString().slice(0, 10), age: 45 } },
      '/screening/surgeryDate',
    ],
  ])('an assessment with %s is refused with 400 naming it', async (_what, overrides, path) => {
    expect400Naming(await t.http().post('/v1/assessments').set(auth()).send(lowBackAssessment(patientId, overrides)), path);
  });

  it.each([
    ['in year 0000', '0000-01-01'],
    ['before 1900', '1899-12-31'],
  ])('a birth date %s is refused with 400, on create, replace and change', async (_what, birthDate) => {
    expect400Naming(await t.http().post('/v1/patients').set(auth()).send({ birthDate }), '/birthDate');
    expect400Naming(await t.http().put('/v1/patients/by-external-id/BD-1').set(auth()).send({ birthDate }), '/birthDate');
    expect400Naming(await t.http().patch(`/v1/patients/${patientId}`).set(auth()).set('if-match', 'W/"1"').send({ birthDate }), '/birthDate');
  });

  it('updatedSince out of the storable years is refused with 400; an old one in range is a filter like any other', async () => {
    for (const updatedSince of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59-01:00']) {
      expect400Naming(await t.http().get('/v1/plans').query({ updatedSince }).set(auth()), '/updatedSince');
    }
    const all = await t.http().get('/v1/plans').query({ updatedSince: '0001-01-01T00:00:00Z' }).set(auth());
    expect(all.status).toBe(200);
    expect(all.body.data.map((p: { id: string }) => p.id)).toContain(planId);
  });

  it('a forged list cursor holding year 0000 or an oversized version is 400, not 500', async () => {
    const yearZero = encodeCursor(['0000-01-01T00:00:00.000Z', '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57']);
    expect400Naming(await t.http().get('/v1/patients').query({ cursor: yearZero }).set(auth()), '/cursor');
    const hugeVersion = encodeCursor([Number.MAX_SAFE_INTEGER]);
    expect400Naming(await t.http().get(`/v1/plans/${planId}/versions`).query({ cursor: hugeVersion }).set(auth()), '/cursor');
  });
});
