// HTTP semantics an experienced client expects (RFC 9110): strong entity tags that If-Match compares
// strongly (older clients' weak tags still accepted), 405 with Allow for a known path and a wrong
// method, 415 for a body in another media type, no new version for a change that changes nothing, and
// 304 to a read whose If-None-Match names the current version.
import { lowBackAssessment } from '../support/fixtures';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

describe('HTTP conformance', () => {
  let t: TestApp;
  let clinic: TestClinic;

  beforeAll(async () => {
    t = await startTestApp();
    clinic = await t.createClinic('Conformance clinic');
  });
  afterAll(() => t?.close());

  const auth = () => ({ Authorization: `Bearer ${clinic.adminKey}` });
  const newPatient = async () =>
    (await t.http().post('/v1/patients').set(auth()).send({ firstName: 'Ines', lastName: 'Duarte' })).body as { id: string; version: number };

  it('ETags are strong ("1"), and If-Match takes the strong tag, an older client’s weak one, or a list', async () => {
    const patient = await newPatient();
    const read = await t.http().get(`/v1/patients/${patient.id}`).set(auth());
    expect(read.headers.etag).toBe('"1"');

    const strong = await t.http().patch(`/v1/patients/${patient.id}`).set(auth()).set('If-Match', '"1"').send({ firstName: 'Inês' });
    expect(strong.status).toBe(200);
    expect(strong.headers.etag).toBe('"2"');
    const weak = await t.http().patch(`/v1/patients/${patient.id}`).set(auth()).set('If-Match', 'W/"2"').send({ firstName: 'Ines' });
    expect(weak.status).toBe(200);
    const list = await t.http().patch(`/v1/patients/${patient.id}`).set(auth()).set('If-Match', '"7", "3"').send({ lastName: 'Duarte Silva' });
    expect(list.status).toBe(200);
    const stale = await t.http().patch(`/v1/patients/${patient.id}`).set(auth()).set('If-Match', '"1"').send({ firstName: 'X' });
    expect(stale.status).toBe(412);
  });

  it('a PATCH that changes nothing keeps the version and the ETag (and writes no change)', async () => {
    const patient = await newPatient();
    const same = await t.http().patch(`/v1/patients/${patient.id}`).set(auth()).set('If-Match', '"1"').send({ firstName: 'Ines' });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(1);
    expect(same.headers.etag).toBe('"1"');
    const changed = await t.http().patch(`/v1/patients/${patient.id}`).set(auth()).set('If-Match', '"1"').send({ firstName: 'Inês' });
    expect(changed.body.version).toBe(2);
  });

  it('a read whose If-None-Match names the current version answers 304 without a body; a stale or other tag gets the resource', async () => {
    const patient = await newPatient();
    const created = await t.http().post('/v1/assessments').set(auth()).send(lowBackAssessment(patient.id));
    expect(created.status).toBe(201);
    const reads = [`/v1/patients/${patient.id}`, `/v1/assessments/${created.body.assessment.id}`, `/v1/plans/${created.body.plan.id}`];
    for (const path of reads) {
      const first = await t.http().get(path).set(auth());
      expect({ path, status: first.status }).toEqual({ path, status: 200 });
      const etag = first.headers.etag ?? '';
      const again = await t.http().get(path).set(auth()).set('If-None-Match', etag);
      expect({ path, status: again.status, body: again.text, etag: again.headers.etag }).toEqual({ path, status: 304, body: '', etag });
      const proxied = await t.http().get(path).set(auth()).set('If-None-Match', `"999", W/${etag}`);
      expect({ path, status: proxied.status }).toEqual({ path, status: 304 });
      const other = await t.http().get(path).set(auth()).set('If-None-Match', '"999"');
      expect({ path, status: other.status, hasBody: other.text.length > 0 }).toEqual({ path, status: 200, hasBody: true });
    }

    const changed = await t.http().patch(`/v1/patients/${patient.id}`).set(auth()).set('If-Match', '"1"').send({ firstName: 'Inês' });
    expect(changed.headers.etag).toBe('"2"');
    const stale = await t.http().get(`/v1/patients/${patient.id}`).set(auth()).set('If-None-Match', '"1"');
    expect(stale.status).toBe(200);
    expect(stale.body.firstName).toBe('Inês');
    // A PATCH is not a read: If-None-Match does not turn its answer into a 304.
    const patched = await t
      .http()
      .patch(`/v1/patients/${patient.id}`)
      .set(auth())
      .set('If-Match', '"2"')
      .set('If-None-Match', '"2"')
      .send({ lastName: 'Duarte' });
    expect(patched.status).toBe(200);

    const stranger = await t.createClinic('Conformance stranger');
    const across = await t
      .http()
      .get(`/v1/plans/${created.body.plan.id}`)
      .set({ Authorization: `Bearer ${stranger.adminKey}` })
      .set('If-None-Match', '"1"');
    expect(across.status).toBe(404);
  });

  it('a wrong method on a known path answers 405 with Allow, as problem+json', async () => {
    const patient = await newPatient();
    const res = await t.http().put(`/v1/patients/${patient.id}`).set(auth()).send({});
    expect(res.status).toBe(405);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.headers.allow?.split(/,\s*/).sort()).toEqual(['DELETE', 'GET', 'HEAD', 'PATCH']);
    const collection = await t.http().delete('/v1/patients').set(auth());
    expect(collection.status).toBe(405);
    expect(collection.headers.allow?.split(/,\s*/).sort()).toEqual(['GET', 'HEAD', 'POST']);
    const unknown = await t.http().get('/v1/nothing-here').set(auth());
    expect(unknown.status).toBe(404);
  });

  it('a body in another media type answers 415, as problem+json', async () => {
    const res = await t.http().post('/v1/patients').set(auth()).set('Content-Type', 'text/plain').send('firstName=Ines');
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const form = await t.http().post('/v1/patients').set(auth()).type('form').send({ firstName: 'Ines' });
    expect(form.status).toBe(415);
  });
});

describe('overload shedding (@fastify/under-pressure)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A limit of 1 ms: any blocked stretch of the event loop puts the process over it.
    t = await startTestApp({ appOptions: { maxEventLoopDelayMs: 1 } });
  });
  afterAll(() => t?.close());

  it('past the event-loop delay limit new requests get 503 problem+json with Retry-After; liveness still answers', async () => {
    // Block the loop, let under-pressure sample the delay, then ask; on a noisy machine the sample
    // may land before the block, so try a bounded number of times.
    let res = await t.http().get('/health/live');
    for (let attempt = 0; attempt < 20 && res.status !== 503; attempt++) {
      const blockUntil = Date.now() + 300;
      while (Date.now() < blockUntil) {
        // Busy: the event loop is blocked, as under a saturating load.
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      res = await t.http().get('/v1/catalog');
    }
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const live = await t.http().get('/health/live');
    expect(live.status).toBe(200);
  });
});
