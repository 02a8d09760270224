import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

/**
 * A clinic's last admin key cannot be revoked over HTTP: with it gone nobody could issue or
 * revoke the clinic's keys again. Only an operator, with the CLI, can do that.
 */
describe("the clinic's last admin key", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
  const keys = async (c: TestClinic) =>
    (await t.http().get('/v1/api-keys').set(bearer(c.adminKey))).body.data as { id: string; scopes: string[]; revokedAt: string | null }[];
  const adminKeyId = async (c: TestClinic) => (await keys(c)).find((k) => k.scopes.includes('admin'))!.id;

  it('cannot be revoked over HTTP (409 problem+json), and keeps working', async () => {
    const c = await t.createClinic();
    const id = await adminKeyId(c);
    const res = await t.http().delete(`/v1/api-keys/${id}`).set(bearer(c.adminKey));
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 409, type: expect.stringMatching(/\/last-admin-key$/), detail: expect.stringMatching(/CLI/) });
    expect((await t.http().get('/v1/api-keys').set(bearer(c.adminKey))).status).toBe(200);
  });

  it('can be revoked once another admin key exists; the other then is the last', async () => {
    const c = await t.createClinic();
    const first = await adminKeyId(c);
    const second = await c.keyWith('admin');
    // A write-scoped key does not count: it cannot manage keys.
    await c.keyWith('read', 'write');
    expect((await t.http().delete(`/v1/api-keys/${first}`).set(bearer(second))).status).toBe(200);
    const secondId = (await t.http().get('/v1/api-keys').set(bearer(second))).body.data.find(
      (k: { id: string; revokedAt: string | null; scopes: string[] }) => k.scopes.includes('admin') && !k.revokedAt,
    ).id;
    expect((await t.http().delete(`/v1/api-keys/${secondId}`).set(bearer(second))).status).toBe(409);
  });

  it('two admins revoking each other at once: one succeeds, the other is refused, one admin key remains', async () => {
    const c = await t.createClinic();
    const first = await adminKeyId(c);
    const secondKey = await c.keyWith('admin');
    const secondId = (await keys(c)).find((k) => k.scopes.includes('admin') && k.id !== first)!.id;
    const answers = await Promise.all([
      t.http().delete(`/v1/api-keys/${secondId}`).set(bearer(c.adminKey)),
      t.http().delete(`/v1/api-keys/${first}`).set(bearer(secondKey)),
    ]);
    // The loser is refused by the rule (409), or — when the winner finished before it was even
    // authenticated — because its own key is gone (401). Never both revoked.
    const statuses = answers.map((r) => r.status).sort();
    expect([
      [200, 401],
      [200, 409],
    ]).toContainEqual(statuses);
    const survivor = answers[0]!.status === 200 ? c.adminKey : secondKey;
    const left = ((await t.http().get('/v1/api-keys').set(bearer(survivor))).body.data as { scopes: string[]; revokedAt: string | null }[]).filter(
      (k) => k.scopes.includes('admin') && !k.revokedAt,
    );
    expect(left).toHaveLength(1);
  });

  it('an operator can still revoke it with the CLI', async () => {
    const c = await t.createClinic();
    const revoked = await t.services.apiKeys.revokeAnyClinic(await adminKeyId(c));
    expect(revoked.revokedAt).not.toBeNull();
    expect((await t.http().get('/v1/api-keys').set(bearer(c.adminKey))).status).toBe(401);
  });
});
