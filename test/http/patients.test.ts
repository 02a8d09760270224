import type { Response } from 'supertest';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

describe('patients', () => {
  let t: TestApp;
  let clinic: TestClinic;
  let other: TestClinic;

  beforeAll(async () => {
    t = await startTestApp();
    clinic = await t.createClinic();
    other = await t.createClinic('Other clinic');
  });
  afterAll(() => t?.close());

  const as = (c: TestClinic) => ({ Authorization: `Bearer ${c.adminKey}` });
  const create = (body: object = {}, c: TestClinic = clinic) => t.http().post('/v1/patients').set(as(c)).send(body);

  it('creates a patient with an ETag and reads it back', async () => {
    const res = await create({ externalId: 'P-1001', firstName: 'Ada', lastName: 'Byron', birthDate: '1980-02-01', sex: 'female' });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/v1/patients/${res.body.id}`);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      externalId: 'P-1001',
      firstName: 'Ada',
      lastName: 'Byron',
      birthDate: '1980-02-01',
      sex: 'female',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const read = await t.http().get(`/v1/patients/${res.body.id}`).set(as(clinic));
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toEqual(res.body);
  });

  it('accepts a patient with no fields at all', async () => {
    const res = await create({});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ externalId: null, firstName: null, version: 1 });
  });

  it.each([
    ['server-owned id', { id: '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57' }, '/id'],
    ['server-owned version', { version: 3 }, '/version'],
    ['server-owned clinicId', { clinicId: '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57' }, '/clinicId'],
    ['an unknown field', { nickname: 'Addie' }, '/nickname'],
    ['a birth date in the future', { birthDate: '2999-01-01' }, '/birthDate'],
    ['a malformed birth date', { birthDate: '01/02/1980' }, '/birthDate'],
    ['an unknown sex code', { sex: 'f' }, '/sex'],
  ])('rejects %s with 400 naming it', async (_what, body, path) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('replays a retried create with the same Idempotency-Key instead of creating twice', async () => {
    const c = await t.createClinic('Retry clinic');
    const first = await t.http().post('/v1/patients').set(as(c)).set('Idempotency-Key', 'create-1').send({ firstName: 'Once' });
    const retry = await t.http().post('/v1/patients').set(as(c)).set('Idempotency-Key', 'create-1').send({ firstName: 'Once' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.location).toBe(`/v1/patients/${first.body.id}`);
    const reused = await t.http().post('/v1/patients').set(as(c)).set('Idempotency-Key', 'create-1').send({ firstName: 'Twice' });
    expect(reused.status).toBe(422);
    expect((await t.http().get('/v1/patients').set(as(c))).body.data).toHaveLength(1);
  });

  it('rejects a duplicate external id with 409', async () => {
    expect((await create({ externalId: 'DUP-1' })).status).toBe(201);
    const dup = await create({ externalId: 'DUP-1' });
    expect(dup.status).toBe(409);
    expect(dup.headers['content-type']).toMatch(/problem\+json/);
    expect(dup.body).toMatchObject({ type: expect.stringMatching(/external-id-taken$/), errors: [{ path: '/externalId' }] });
  });

  it('lists patients in stable pages and filters by external id', async () => {
    const c = await t.createClinic('Paging clinic');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create({ externalId: `PG-${i}` }, c)).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await t
        .http()
        .get('/v1/patients')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(as(c));
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.map((p: { id: string }) => p.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    const filtered = await t.http().get('/v1/patients?externalId=PG-3').set(as(c));
    expect(filtered.body).toEqual({ data: [expect.objectContaining({ id: ids[3], externalId: 'PG-3' })], nextCursor: null });
  });

  it('rejects bad list parameters with 400', async () => {
    for (const q of ['limit=0', 'limit=201', 'limit=abc', 'cursor=%%%', 'unknown=1']) {
      expect([q, (await t.http().get(`/v1/patients?${q}`).set(as(clinic))).status]).toEqual([q, 400]);
    }
  });

  it('rejects a malformed id with 400 and an unknown one with 404', async () => {
    expect((await t.http().get('/v1/patients/not-a-uuid').set(as(clinic))).status).toBe(400);
    expect((await t.http().get('/v1/patients/0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57').set(as(clinic))).status).toBe(404);
  });

  describe('changes need If-Match', () => {
    it('428 without it, 412 when stale, 200 with the current ETag', async () => {
      const { id } = (await create({ firstName: 'Grace' })).body;
      const noMatch = await t.http().patch(`/v1/patients/${id}`).set(as(clinic)).send({ lastName: 'Hopper' });
      expect(noMatch.status).toBe(428);
      const stale = await t.http().patch(`/v1/patients/${id}`).set(as(clinic)).set('If-Match', 'W/"7"').send({ lastName: 'Hopper' });
      expect(stale.status).toBe(412);
      const ok = await t.http().patch(`/v1/patients/${id}`).set(as(clinic)).set('If-Match', 'W/"1"').send({ lastName: 'Hopper', firstName: null });
      expect(ok.status).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      expect(ok.body).toMatchObject({ firstName: null, lastName: 'Hopper', version: 2 });
      const again = await t.http().patch(`/v1/patients/${id}`).set(as(clinic)).set('If-Match', 'W/"1"').send({ lastName: 'X' });
      expect(again.status).toBe(412);
      expect((await t.http().get(`/v1/patients/${id}`).set(as(clinic))).body.lastName).toBe('Hopper');
    });

    it('a rejected change leaves the stored patient as it was', async () => {
      const created = (await create({ firstName: 'Keep' })).body;
      const bad = await t.http().patch(`/v1/patients/${created.id}`).set(as(clinic)).set('If-Match', 'W/"1"').send({ firstName: 'New', version: 9 });
      expect(bad.status).toBe(400);
      expect((await t.http().get(`/v1/patients/${created.id}`).set(as(clinic))).body).toEqual(created);
    });

    it('exactly one of many concurrent changes with the same If-Match wins', async () => {
      const { id } = (await create({ firstName: 'Race' })).body;
      const attempts = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          t
            .http()
            .patch(`/v1/patients/${id}`)
            .set(as(clinic))
            .set('If-Match', 'W/"1"')
            .send({ lastName: `L${i}` }),
        ),
      );
      const statuses = attempts.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(11);
      expect((await t.http().get(`/v1/patients/${id}`).set(as(clinic))).body.version).toBe(2);
    });

    it('soft-deletes with If-Match: then 404, and its external id is free again', async () => {
      const { id } = (await create({ externalId: 'DEL-1' })).body;
      expect((await t.http().delete(`/v1/patients/${id}`).set(as(clinic))).status).toBe(428);
      expect((await t.http().delete(`/v1/patients/${id}`).set(as(clinic)).set('If-Match', 'W/"2"')).status).toBe(412);
      const del = await t.http().delete(`/v1/patients/${id}`).set(as(clinic)).set('If-Match', 'W/"1"');
      expect(del.status).toBe(204);
      expect((await t.http().get(`/v1/patients/${id}`).set(as(clinic))).status).toBe(404);
      expect((await t.http().delete(`/v1/patients/${id}`).set(as(clinic)).set('If-Match', '*')).status).toBe(404);
      expect((await create({ externalId: 'DEL-1' })).status).toBe(201);
    });
  });

  describe('upsert by external id (sync)', () => {
    it('creates with 201, replaces with 200, and leaves an identical record alone', async () => {
      const first = await t.http().put('/v1/patients/by-external-id/EXT-77').set(as(clinic)).send({ firstName: 'Linus', sex: 'male' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ externalId: 'EXT-77', firstName: 'Linus', sex: 'male', version: 1 });
      expect(first.headers.location).toBe(`/v1/patients/${first.body.id}`);
      const same = await t.http().put('/v1/patients/by-external-id/EXT-77').set(as(clinic)).send({ firstName: 'Linus', sex: 'male' });
      expect(same.status).toBe(200);
      expect(same.headers.location).toBeUndefined();
      expect(same.body.version).toBe(1);
      const replaced = await t.http().put('/v1/patients/by-external-id/EXT-77').set(as(clinic)).send({ externalId: 'EXT-77', lastName: 'T' });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toMatchObject({ id: first.body.id, firstName: null, lastName: 'T', sex: null, version: 2 });
      expect(replaced.headers.etag).toBe('"2"');
      const stale = await t.http().put('/v1/patients/by-external-id/EXT-77').set(as(clinic)).set('If-Match', 'W/"1"').send({ lastName: 'U' });
      expect(stale.status).toBe(412);
    });

    it('answers 412, creating nothing, when If-Match names a version of a patient that does not exist', async () => {
      for (const ifMatch of ['"1"', '*']) {
        const res = await t.http().put('/v1/patients/by-external-id/EXT-NONE').set(as(clinic)).set('If-Match', ifMatch).send({ lastName: 'U' });
        expect(res.status).toBe(412);
      }
      const created = await t.http().put('/v1/patients/by-external-id/EXT-NONE').set(as(clinic)).send({ lastName: 'U' });
      expect(created.status).toBe(201);
    });

    it('rejects a body whose externalId contradicts the path', async () => {
      const res = await t.http().put('/v1/patients/by-external-id/EXT-1').set(as(clinic)).send({ externalId: 'EXT-2' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe('/externalId');
    });

    it("keeps clinics' external ids apart", async () => {
      const mine = await t.http().put('/v1/patients/by-external-id/SHARED-1').set(as(clinic)).send({ firstName: 'Mine' });
      const theirs = await t.http().put('/v1/patients/by-external-id/SHARED-1').set(as(other)).send({ firstName: 'Theirs' });
      expect([mine.status, theirs.status]).toEqual([201, 201]);
      expect(mine.body.id).not.toBe(theirs.body.id);
    });
  });

  it("treats another clinic's patient exactly like a missing one, for every verb", async () => {
    const theirs = (await create({ externalId: 'THEIRS-1', firstName: 'Secret' }, other)).body;
    const url = `/v1/patients/${theirs.id}`;
    const responses = [
      await t.http().get(url).set(as(clinic)),
      await t.http().patch(url).set(as(clinic)).set('If-Match', 'W/"1"').send({ firstName: 'Hacked' }),
      await t.http().delete(url).set(as(clinic)).set('If-Match', 'W/"1"'),
    ];
    const missing = await t.http().get('/v1/patients/0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57').set(as(clinic));
    for (const res of responses) {
      expect(res.status).toBe(404);
      expect({ ...res.body, instance: undefined, requestId: undefined }).toEqual({ ...missing.body, instance: undefined, requestId: undefined });
    }
    const listed = await t.http().get('/v1/patients?externalId=THEIRS-1').set(as(clinic));
    expect(listed.body.data).toEqual([]);
    expect((await t.http().get(url).set(as(other))).body).toEqual(theirs);
  });

  it('needs the write scope to change and the read scope to see', async () => {
    const readOnly = await clinic.keyWith('read');
    expect((await t.http().post('/v1/patients').set('Authorization', `Bearer ${readOnly}`).send({})).status).toBe(403);
    expect((await t.http().get('/v1/patients').set('Authorization', `Bearer ${readOnly}`)).status).toBe(200);
  });
});
