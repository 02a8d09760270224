import { lowBackAssessment } from '../support/fixtures';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

// What the OpenAPI fuzzer (openapi-fuzz.test.ts) found, pinned as plain regression tests.
describe('hostile input the fuzzer found', () => {
  let t: TestApp;
  let c: TestClinic;
  const auth = () => ({ Authorization: `Bearer ${c.adminKey}` });

  beforeAll(async () => {
    t = await startTestApp();
    c = await t.createClinic();
  });
  afterAll(() => t?.close());

  it('refuses a NUL character in any field with 400 naming it (PostgreSQL cannot store one: it was a 500)', async () => {
    const res = await t.http().post('/v1/patients').set(auth()).send({ firstName: 'Ada\u0000', lastName: 'Lovelace' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ path: '/firstName', message: expect.stringMatching(/NUL/) }]);

    const patient = (await t.http().post('/v1/patients').set(auth()).send({ firstName: 'Ada' })).body;
    const nested = await t
      .http()
      .post('/v1/assessments')
      .set(auth())
      .send(lowBackAssessment(patient.id, { goals: [{ type: 'pain_relief', priority: 1, detail: 'x\u0000' }] }));
    expect(nested.status).toBe(400);
    expect(nested.body.errors).toEqual([{ path: '/goals/0/detail', message: expect.stringMatching(/NUL/) }]);
  });

  it('refuses a lone UTF-16 surrogate (not Unicode; jsonb refuses it) with 400', async () => {
    const patient = (await t.http().post('/v1/patients').set(auth()).send({ firstName: 'Ada' })).body;
    const res = await t
      .http()
      .post('/v1/assessments')
      .set(auth())
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(lowBackAssessment(patient.id, { complaint: 'back pain \ud800' })));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: '/complaint', message: expect.stringMatching(/surrogate/) }]);
    // A proper pair (an emoji) is fine.
    const ok = await t.http().post('/v1/patients').set(auth()).send({ firstName: 'Ada 😀' });
    expect(ok.status).toBe(201);
  });

  it('takes an externalId of the full 128 characters the contract allows in the path (Fastify’s 100-character limit answered 414)', async () => {
    const externalId = `X${'a:b@c'.repeat(25)}XY`.slice(0, 128);
    expect(externalId).toHaveLength(128);
    const res = await t
      .http()
      .put(`/v1/patients/by-external-id/${encodeURIComponent(externalId)}`)
      .set(auth())
      .send({ firstName: 'Long' });
    expect(res.status).toBe(201);
    expect(res.body.externalId).toBe(externalId);
  });

  it('answers the router’s own refusals as problem+json, without echoing the URL', async () => {
    for (const url of [`/v1/patients/${'a'.repeat(600)}`, '/v1/patients/%E0%A4%A']) {
      const res = await t.http().get(url).set(auth());
      expect([url.slice(0, 30), res.status]).toEqual([url.slice(0, 30), 400]);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['x-request-id']).toBeDefined();
      expect(res.body).toMatchObject({ status: 400, requestId: res.headers['x-request-id'] });
      expect(res.body.detail).not.toContain('aaaa');
    }
  });
});
