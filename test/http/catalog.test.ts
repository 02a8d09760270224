// GET /v1/catalog: the engine's knowledge base, the same bytes for the life of an engine
// version — so it carries a strong ETag and a client holding the current copy gets a 304.
import { CatalogSchema } from '../../src/contracts/catalog.contract';
import { CATALOG } from '../../src/planning';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

describe('GET /v1/catalog', () => {
  let t: TestApp;
  let clinic: TestClinic;

  beforeAll(async () => {
    t = await startTestApp();
    clinic = await t.createClinic('Catalog clinic');
  });
  afterAll(() => t?.close());

  const auth = () => ({ Authorization: `Bearer ${clinic.adminKey}` });

  it('answers the catalog as JSON, exactly what its schema allows, with a strong ETag', async () => {
    const res = await t.http().get('/v1/catalog').set(auth());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(CatalogSchema.parse(CATALOG))));
    expect(res.body.engineVersion).toBe(CATALOG.engineVersion);
    // What the contract names: body regions, techniques, contraindications, measures, engine version.
    for (const key of ['regions', 'techniques', 'contraindications', 'measures']) expect(res.body[key].length).toBeGreaterThan(0);
    expect(res.body.contraindications).toContainEqual({
      code: 'deep_vein_thrombosis',
      label: expect.any(String),
      kind: 'contraindication',
      scope: 'systemic',
      severity: 'stop',
      decision: 'refer',
    });
    expect(res.body.contraindications.map((c: { code: string }) => c.code)).toEqual(res.body.conditions.map((c: { code: string }) => c.code));
    const again = await t.http().get('/v1/catalog').set(auth());
    expect(again.headers.etag).toBe(res.headers.etag);
    expect(again.text).toBe(res.text);
  });

  it('answers 304 without a body when If-None-Match names the current copy (weak comparison), 200 otherwise', async () => {
    const { etag } = (await t.http().get('/v1/catalog').set(auth())).headers;
    for (const ifNoneMatch of [etag!, `W/${etag}`, `"stale", ${etag}`, '*']) {
      const res = await t.http().get('/v1/catalog').set(auth()).set('If-None-Match', ifNoneMatch);
      expect(res.status).toBe(304);
      expect(res.text ?? '').toBe('');
      expect(res.headers.etag).toBe(etag);
    }
    const stale = await t.http().get('/v1/catalog').set(auth()).set('If-None-Match', '"stale"');
    expect(stale.status).toBe(200);
    expect(stale.body.engineVersion).toBe(CATALOG.engineVersion);
  });

  it('still needs an API key', async () => {
    const { etag } = (await t.http().get('/v1/catalog').set(auth())).headers;
    const res = await t.http().get('/v1/catalog').set('If-None-Match', etag!);
    expect(res.status).toBe(401);
  });
});
