import { apiKeysRepository } from '../../src/modules/api-keys/api-keys.repository';
import { serverDatabaseUrl } from '../support/database-target';
import { openTestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Each instance remembers the API keys it checked for API_KEY_CACHE_TTL_MS, so a busy key costs
 * no database round trip per request. The story of a key being revoked while two instances
 * serve it: the instance that revoked it refuses it at once; the other, within its TTL.
 */
describe('the API-key cache keeps revocation immediate here and bounded elsewhere', () => {
  const onServer = Boolean(serverDatabaseUrl());
  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
  let here: TestApp;
  const others: TestApp[] = [];

  /** Another instance on the same database, with its own cache. */
  async function anotherInstance(apiKeyCacheTtlMs: number, options: { rateLimitPerMinute?: number } = {}): Promise<TestApp> {
    const app = await startTestApp({ database: onServer ? await openTestDatabase() : here.database, serviceOptions: { apiKeyCacheTtlMs, ...options } });
    others.push(app);
    return app;
  }

  beforeAll(async () => {
    here = await startTestApp({ serviceOptions: { apiKeyCacheTtlMs: 60_000 } });
  });
  afterAll(async () => {
    for (const app of others) {
      if (onServer) await app.close();
      else await app.app.close();
    }
    await here.close();
  });

  it('a key checked moments ago is not looked up again (here with rate limiting off, which also reads the key)', async () => {
    const app = await anotherInstance(60_000, { rateLimitPerMinute: 0 });
    const c = await app.createClinic();
    const lookup = jest.spyOn(apiKeysRepository, 'findByPrefix');
    try {
      for (let i = 0; i < 5; i++) expect((await app.http().get('/v1/patients').set(bearer(c.adminKey))).status).toBe(200);
      expect(lookup).toHaveBeenCalledTimes(1);
    } finally {
      lookup.mockRestore();
    }
  });

  it('a revocation through this instance refuses the key on its very next request, however long the TTL', async () => {
    const c = await here.createClinic();
    const key = await c.keyWith('read');
    expect((await here.http().get('/v1/patients').set(bearer(key))).status).toBe(200);
    const id = (await here.http().get('/v1/api-keys?limit=200').set(bearer(c.adminKey))).body.data.find((k: { prefix: string }) => key.startsWith(k.prefix)).id;
    expect((await here.http().delete(`/v1/api-keys/${id}`).set(bearer(c.adminKey))).status).toBe(200);
    expect((await here.http().get('/v1/patients').set(bearer(key))).status).toBe(401);
  });

  it('a cached key still needs its whole secret', async () => {
    const c = await here.createClinic();
    expect((await here.http().get('/v1/patients').set(bearer(c.adminKey))).status).toBe(200);
    const forged = c.adminKey.slice(0, -4) + (c.adminKey.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await here.http().get('/v1/patients').set(bearer(forged))).status).toBe(401);
  });

  it('a revocation through another instance reaches this one within its TTL, and at once with the cache off', async () => {
    const uncached = await anotherInstance(0);
    const shortLived = await anotherInstance(300, { rateLimitPerMinute: 0 });
    const c = await here.createClinic();
    const key = await c.keyWith('read');
    for (const app of [uncached, shortLived]) expect((await app.http().get('/v1/patients').set(bearer(key))).status).toBe(200);

    const id = (await uncached.http().get('/v1/api-keys?limit=200').set(bearer(c.adminKey))).body.data.find((k: { prefix: string }) => key.startsWith(k.prefix)).id;
    expect((await uncached.http().delete(`/v1/api-keys/${id}`).set(bearer(c.adminKey))).status).toBe(200);

    expect((await uncached.http().get('/v1/patients').set(bearer(key))).status).toBe(401);
    // The stated bound: an instance that checked the key moments ago may still accept it until its TTL
    // runs out (or sooner: renewing a rate-limit lease reads the key again). Past the TTL it cannot.
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await shortLived.http().get('/v1/patients').set(bearer(key))).status).toBe(401);
  });
});
