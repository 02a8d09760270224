import type { Response } from 'supertest';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

describe('API keys over HTTP (admin scope)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
  const issue = (c: TestClinic, body: object) => t.http().post('/v1/api-keys').set(bearer(c.adminKey)).send(body);

  it('issues a key and shows its secret once; the key works with exactly its scopes', async () => {
    const c = await t.createClinic();
    const res = await issue(c, { name: 'front desk', scopes: ['write', 'read', 'read'] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      apiKey: {
        id: expect.any(String),
        name: 'front desk',
        prefix: expect.stringMatching(/^mpk_[a-z0-9]{12}$/),
        scopes: ['read', 'write'],
        createdAt: expect.any(String),
        revokedAt: null,
      },
      secret: expect.stringMatching(/^mpk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/),
    });
    expect(res.body.secret.startsWith(res.body.apiKey.prefix)).toBe(true);

    const key = res.body.secret;
    expect((await t.http().post('/v1/patients').set(bearer(key)).send({})).status).toBe(201);
    expect((await t.http().get('/v1/patients').set(bearer(key))).status).toBe(200);
    expect((await t.http().get('/v1/api-keys').set(bearer(key))).status).toBe(403);
  });

  it('lists keys in pages without secrets or hashes', async () => {
    const c = await t.createClinic();
    const secrets = [(await issue(c, { name: 'one', scopes: ['read'] })).body.secret, (await issue(c, { name: 'two', scopes: ['admin'] })).body.secret];
    const seen: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await t
        .http()
        .get('/v1/api-keys')
        .query({ limit: 1, ...(cursor ? { cursor } : {}) })
        .set(bearer(c.adminKey));
      expect(res.status).toBe(200);
      expect(res.body.data).toHaveLength(1);
      seen.push(...res.body.data);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.map((k) => k.name)).toEqual(['first admin key', 'one', 'two']);
    for (const k of seen) expect(Object.keys(k).sort()).toEqual(['createdAt', 'id', 'name', 'prefix', 'revokedAt', 'scopes']);
    const text = JSON.stringify(seen);
    for (const secret of [...secrets, c.adminKey]) expect(text).not.toContain(secret.slice(17));
  });

  it('revokes a key: 200 with revokedAt, 401 on the key’s very next request, and the first revocation time stands', async () => {
    const c = await t.createClinic();
    const { apiKey, secret } = (await issue(c, { name: 'leaving', scopes: ['read'] })).body;
    expect((await t.http().get('/v1/patients').set(bearer(secret))).status).toBe(200);

    const revoked = await t.http().delete(`/v1/api-keys/${apiKey.id}`).set(bearer(c.adminKey));
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ ...apiKey, revokedAt: expect.any(String) });
    expect((await t.http().get('/v1/patients').set(bearer(secret))).status).toBe(401);

    const again = await t.http().delete(`/v1/api-keys/${apiKey.id}`).set(bearer(c.adminKey));
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    const listed = (await t.http().get('/v1/api-keys').set(bearer(c.adminKey))).body.data.find((k: { id: string }) => k.id === apiKey.id);
    expect(listed.revokedAt).toBe(revoked.body.revokedAt);
  });

  it('an admin key can revoke itself', async () => {
    const c = await t.createClinic();
    const { apiKey, secret } = (await issue(c, { name: 'self', scopes: ['admin'] })).body;
    expect((await t.http().delete(`/v1/api-keys/${apiKey.id}`).set(bearer(secret))).status).toBe(200);
    expect((await t.http().get('/v1/api-keys').set(bearer(secret))).status).toBe(401);
  });

  it('answers 404 for an unknown key and for another clinic’s key, which keeps working', async () => {
    const [c, other] = [await t.createClinic(), await t.createClinic('Other')];
    const theirs = (await issue(other, { name: 'theirs', scopes: ['read'] })).body;
    expect((await t.http().delete('/v1/api-keys/0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57').set(bearer(c.adminKey))).status).toBe(404);
    const res = await t.http().delete(`/v1/api-keys/${theirs.apiKey.id}`).set(bearer(c.adminKey));
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe('API key was not found.');
    expect((await t.http().get('/v1/patients').set(bearer(theirs.secret))).status).toBe(200);
    expect((await t.http().get('/v1/api-keys').set(bearer(c.adminKey))).body.data.map((k: { id: string }) => k.id)).not.toContain(theirs.apiKey.id);
  });

  it('needs the admin scope for every key operation', async () => {
    const c = await t.createClinic();
    const writer = await c.keyWith('read', 'write');
    const someKey = (await t.http().get('/v1/api-keys').set(bearer(c.adminKey))).body.data[0].id;
    expect(
      (
        await t
          .http()
          .post('/v1/api-keys')
          .set(bearer(writer))
          .send({ name: 'x', scopes: ['admin'] })
      ).status,
    ).toBe(403);
    expect((await t.http().get('/v1/api-keys').set(bearer(writer))).status).toBe(403);
    expect((await t.http().delete(`/v1/api-keys/${someKey}`).set(bearer(writer))).status).toBe(403);
    expect((await t.http().get('/v1/api-keys').set(bearer(c.adminKey))).body.data[0].revokedAt).toBeNull();
  });

  it.each([
    ['no scopes', { name: 'x', scopes: [] }, '/scopes'],
    ['an unknown scope', { name: 'x', scopes: ['root'] }, '/scopes/0'],
    ['a blank name', { name: '   ', scopes: ['read'] }, '/name'],
    ['a name over 100 characters', { name: 'x'.repeat(101), scopes: ['read'] }, '/name'],
    ['an unknown field', { name: 'x', scopes: ['read'], secret: 'mine' }, '/secret'],
  ])('rejects %s with 400 naming it', async (_what, body, path) => {
    const c = await t.createClinic();
    const res = await issue(c, body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});
