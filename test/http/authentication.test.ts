import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

describe('API keys authenticate callers and scopes limit them', () => {
  let t: TestApp;
  let clinic: TestClinic;

  beforeAll(async () => {
    t = await startTestApp();
    clinic = await t.createClinic();
  });
  afterAll(() => t?.close());

  const expectProblem = (res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, type: expect.stringContaining('/problems/'), title: expect.any(String), detail: expect.any(String) });
  };

  it('answers 401 without a key', async () => {
    const res = await t.http().get('/v1/api-keys');
    expectProblem(res, 401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it.each([
    ['a malformed header', 'Basic abc'],
    ['a bearer that is not one of our keys', 'Bearer not-a-key'],
    ['an unknown key of the right shape', `Bearer mpk_aaaaaaaaaaaa_${'A'.repeat(43)}`],
  ])('answers 401 for %s', async (_what, header) => {
    expectProblem(await t.http().get('/v1/api-keys').set('Authorization', header), 401);
  });

  it('answers 401 when the secret part is wrong even though the prefix exists', async () => {
    const forged = clinic.adminKey.slice(0, -4) + (clinic.adminKey.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expectProblem(await t.http().get('/v1/api-keys').set('Authorization', `Bearer ${forged}`), 401);
  });

  it('lets a valid admin key in', async () => {
    const res = await t.http().get('/v1/api-keys').set('Authorization', `Bearer ${clinic.adminKey}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({ prefix: clinic.adminKey.slice(0, 16), scopes: ['admin', 'read', 'write'], revokedAt: null });
    expect(JSON.stringify(res.body)).not.toContain(clinic.adminKey);
  });

  it('answers 403 when the key lacks the scope', async () => {
    const readKey = await clinic.keyWith('read');
    expectProblem(await t.http().get('/v1/api-keys').set('Authorization', `Bearer ${readKey}`), 403);
  });

  it('answers 401 for a revoked key on its very next request', async () => {
    const key = await clinic.keyWith('admin');
    expect((await t.http().get('/v1/api-keys').set('Authorization', `Bearer ${key}`)).status).toBe(200);
    const list = await t.http().get('/v1/api-keys?limit=200').set('Authorization', `Bearer ${clinic.adminKey}`);
    const id = list.body.data.find((k: { prefix: string }) => key.startsWith(k.prefix)).id;
    const revoked = await t.http().delete(`/v1/api-keys/${id}`).set('Authorization', `Bearer ${clinic.adminKey}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expectProblem(await t.http().get('/v1/api-keys').set('Authorization', `Bearer ${key}`), 401);
  });

  it('stores keys only as hashes', async () => {
    const rows = await queryRows<{ secret_hash: string }>(t.database.db, sql`select secret_hash from api_keys where clinic_id = ${clinic.clinicId}`);
    for (const row of rows) {
      expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.secret_hash).not.toContain(clinic.adminKey);
    }
  });

  it("never reveals or revokes another clinic's key", async () => {
    const other = await t.createClinic('Other clinic');
    const theirs = await t.http().get('/v1/api-keys').set('Authorization', `Bearer ${other.adminKey}`);
    const theirKeyId = theirs.body.data[0].id;
    expectProblem(await t.http().delete(`/v1/api-keys/${theirKeyId}`).set('Authorization', `Bearer ${clinic.adminKey}`), 404);
    expect((await t.http().get('/v1/api-keys').set('Authorization', `Bearer ${other.adminKey}`)).status).toBe(200);
  });
});
