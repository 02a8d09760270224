import { sql } from 'drizzle-orm';
import { tokenPrefix } from '../../src/lib/api-key-token';
import { apiKeysRepository } from '../../src/modules/api-keys/api-keys.repository';
import { serverDatabaseUrl } from '../support/database-target';
import { sleep } from '../support/fault-kit';
import { openTestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Each instance remembers the API keys it checked for API_KEY_CACHE_TTL_MS, so a busy key costs
 * no database round trip per request. The story of a key being revoked while instances serve
 * it: the instance that revoked it refuses it at once; the others as soon as the database
 * announces the change, whoever made it.
 */
describe('the API-key cache never outlives a revocation', () => {
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

  /** Polls `probe` every 20 ms until it is true; false if it never is within `ms`. */
  async function eventually(probe: () => Promise<boolean>, ms: number): Promise<boolean> {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(20)) {
      if (await probe()) return true;
    }
    return false;
  }

  /** An instance with a long TTL, once it serves `key` from its cache (it hears key changes, and has checked the key). */
  async function instanceCaching(key: string): Promise<TestApp> {
    const app = await anotherInstance(60_000, { rateLimitPerMinute: 0 });
    const lookup = jest.spyOn(apiKeysRepository, 'findByPrefix');
    try {
      const cached = await eventually(async () => {
        lookup.mockClear();
        expect((await app.http().get('/v1/patients').set(bearer(key))).status).toBe(200);
        return lookup.mock.calls.length === 0;
      }, 10_000);
      expect(cached).toBe(true);
    } finally {
      lookup.mockRestore();
    }
    return app;
  }

  const refused = (app: TestApp, key: string) => async () => (await app.http().get('/v1/patients').set(bearer(key))).status === 401;

  it('a revocation through another instance reaches an instance caching the key as soon as the database announces it, long before the TTL', async () => {
    const uncached = await anotherInstance(0);
    const c = await here.createClinic();
    const key = await c.keyWith('read');
    const caching = await instanceCaching(key);

    const id = (await uncached.http().get('/v1/api-keys?limit=200').set(bearer(c.adminKey))).body.data.find((k: { prefix: string }) =>
      key.startsWith(k.prefix),
    ).id;
    expect((await uncached.http().delete(`/v1/api-keys/${id}`).set(bearer(c.adminKey))).status).toBe(200);

    expect(await refused(uncached, key)()).toBe(true);
    // The announcement travels after the commit, asynchronously: seconds at most, against a TTL of a minute.
    expect(await eventually(refused(caching, key), 5_000)).toBe(true);
  });

  it('a key revoked by any process straight in the database (the CLI, a script) is refused by an instance caching it', async () => {
    const c = await here.createClinic();
    const key = await c.keyWith('read');
    const caching = await instanceCaching(key);
    const prefix = tokenPrefix(key);
    const direct = onServer ? await openTestDatabase() : here.database;
    try {
      await direct.db.execute(sql`update api_keys set revoked_at = now() where prefix = ${prefix}`);
    } finally {
      if (onServer) await direct.close();
    }
    expect(await eventually(refused(caching, key), 5_000)).toBe(true);
  });
});
