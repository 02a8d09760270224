import { sql } from 'drizzle-orm';
import { WEBHOOK_EVENT_TYPES } from '../../src/contracts/webhook.contract';
import { queryRows } from '../../src/db/database';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

const SECRET_KEY = 'test-webhooks-secret-key-0123456789abcdef';

describe('webhooks: managing subscriptions', () => {
  let t: TestApp;
  let clinic: TestClinic;
  let other: TestClinic;

  beforeAll(async () => {
    // As in production: private and loopback targets are refused.
    t = await startTestApp({ serviceOptions: { webhooks: { ...defaults(), secretKey: SECRET_KEY, allowPrivateUrls: false } } });
    clinic = await t.createClinic();
    other = await t.createClinic('Other clinic');
  });
  afterAll(() => t?.close());

  const as = (c: TestClinic) => ({ Authorization: `Bearer ${c.adminKey}` });
  const PUBLIC_URL = 'https://93.184.215.14/hooks/manuplan';
  const create = (body: object, c: TestClinic = clinic) => t.http().post('/v1/webhooks').set(as(c)).send(body);

  it('creates a webhook whose secret is shown once and kept sealed', async () => {
    const res = await create({ url: PUBLIC_URL, events: ['patient.created', 'plan.updated'], description: 'EHR sync' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/webhooks/${res.body.webhook.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body.webhook).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      url: PUBLIC_URL,
      events: ['patient.created', 'plan.updated'],
      description: 'EHR sync',
      enabled: true,
      disabledReason: null,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const keyBytes = Buffer.from(res.body.secret.slice('whsec_'.length), 'base64');
    expect(keyBytes.length).toBeGreaterThanOrEqual(24);
    expect(keyBytes.length).toBeLessThanOrEqual(64);

    const read = await t.http().get(`/v1/webhooks/${res.body.webhook.id}`).set(as(clinic));
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body.webhook);
    expect(JSON.stringify(read.body)).not.toContain('whsec_');
    const revalidated = await t
      .http()
      .get(`/v1/webhooks/${res.body.webhook.id}`)
      .set(as(clinic))
      .set('If-None-Match', read.headers.etag ?? '');
    expect({ status: revalidated.status, body: revalidated.text }).toEqual({ status: 304, body: '' });

    const [stored] = await queryRows<{ secret_sealed: string }>(t.database.db, sql`select secret_sealed from webhooks where id = ${res.body.webhook.id}`);
    expect(stored!.secret_sealed).not.toContain(res.body.secret.slice(6, 20));
    expect(stored!.secret_sealed).not.toContain(keyBytes.toString('hex').slice(0, 16));
  });

  it('lists webhooks page by page', async () => {
    const c = await t.createClinic('Lister');
    for (let i = 0; i < 3; i++) expect((await create({ url: `${PUBLIC_URL}/${i}`, events: ['*'] }, c)).status).toBe(201);
    const first = await t.http().get('/v1/webhooks?limit=2').set(as(c));
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.http().get(`/v1/webhooks?limit=2&cursor=${first.body.nextCursor}`).set(as(c));
    expect(second.body.data.map((w: { url: string }) => w.url)).toEqual([`${PUBLIC_URL}/2`]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('accepts "*" alone and refuses unknown event types, listing the allowed ones', async () => {
    expect((await create({ url: PUBLIC_URL, events: ['*'] })).body.webhook.events).toEqual(['*']);
    const unknown = await create({ url: PUBLIC_URL, events: ['patient.created', 'patient.exploded'] });
    expect(unknown.status).toBe(400);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    const text = JSON.stringify(unknown.body.errors);
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual(['/events/1']);
    for (const type of WEBHOOK_EVENT_TYPES) expect(text).toContain(type);
    expect((await create({ url: PUBLIC_URL, events: [] })).status).toBe(400);
    expect((await create({ url: PUBLIC_URL, events: ['*', 'plan.created'] })).status).toBe(400);
    expect((await create({ url: PUBLIC_URL, events: ['*'], secret: 'mine' })).status).toBe(400);
  });

  it.each([
    ['loopback IPv4', 'http://127.0.0.1:8080/hook'],
    ['loopback by name', 'http://localhost/hook'],
    ['loopback IPv6', 'http://[::1]/hook'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/hook'],
    ['IPv4-mapped private, in hex', 'http://[::ffff:a00:1]/hook'],
    ['private 10/8', 'https://10.1.2.3/hook'],
    ['private 172.16/12', 'https://172.16.5.4/hook'],
    ['private 192.168/16', 'https://192.168.0.10/hook'],
    ['link-local (cloud metadata)', 'http://169.254.169.254/latest/meta-data'],
    ['link-local IPv6', 'http://[fe80::1]/hook'],
    ['unique-local IPv6', 'http://[fd12:3456::1]/hook'],
    ['unspecified IPv4', 'http://0.0.0.0/hook'],
    ['unspecified IPv6', 'http://[::]/hook'],
    ['a decimal loopback', 'http://2130706433/hook'],
    ['another scheme', 'ftp://93.184.215.14/hook'],
    ['credentials in the URL', 'https://user:pass@93.184.215.14/hook'],
    ['no URL at all', 'not a url'],
  ])('refuses %s with 400 naming /url', async (_what, url) => {
    const res = await create({ url, events: ['*'] });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('/url');
  });

  it('refuses a private URL on PATCH too', async () => {
    const { body } = await create({ url: PUBLIC_URL, events: ['*'] });
    const res = await t.http().patch(`/v1/webhooks/${body.webhook.id}`).set(as(clinic)).set('If-Match', 'W/"1"').send({ url: 'http://10.0.0.1/' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('/url');
  });

  it('changes a webhook only with the current ETag: 428 without, 412 when stale', async () => {
    const { body } = await create({ url: PUBLIC_URL, events: ['patient.created'] });
    const path = `/v1/webhooks/${body.webhook.id}`;
    const missing = await t.http().patch(path).set(as(clinic)).send({ enabled: false });
    expect(missing.status).toBe(428);
    const changed = await t
      .http()
      .patch(path)
      .set(as(clinic))
      .set('If-Match', 'W/"1"')
      .send({ enabled: false, events: ['plan.created', 'plan.deleted'] });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.body).toMatchObject({ enabled: false, events: ['plan.created', 'plan.deleted'], version: 2 });
    const stale = await t.http().patch(path).set(as(clinic)).set('If-Match', 'W/"1"').send({ enabled: true });
    expect(stale.status).toBe(412);

    expect((await t.http().delete(path).set(as(clinic))).status).toBe(428);
    expect((await t.http().delete(path).set(as(clinic)).set('If-Match', 'W/"1"')).status).toBe(412);
    expect((await t.http().delete(path).set(as(clinic)).set('If-Match', 'W/"2"')).status).toBe(204);
    expect((await t.http().get(path).set(as(clinic))).status).toBe(404);
  });

  it('needs the admin scope', async () => {
    const reader = await clinic.keyWith('read');
    const writer = await clinic.keyWith('write');
    for (const key of [reader, writer]) {
      expect(
        (
          await t
            .http()
            .post('/v1/webhooks')
            .set('Authorization', `Bearer ${key}`)
            .send({ url: PUBLIC_URL, events: ['*'] })
        ).status,
      ).toBe(403);
      expect((await t.http().get('/v1/webhooks').set('Authorization', `Bearer ${key}`)).status).toBe(403);
    }
    expect((await t.http().get('/v1/webhooks')).status).toBe(401);
  });

  it("answers another clinic's webhook exactly like one that does not exist", async () => {
    const { body } = await create({ url: PUBLIC_URL, events: ['*'] });
    const path = `/v1/webhooks/${body.webhook.id}`;
    const missing = `/v1/webhooks/0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57`;
    for (const p of [path, missing]) {
      const read = await t.http().get(p).set(as(other));
      expect(read.status).toBe(404);
      expect((await t.http().patch(p).set(as(other)).set('If-Match', '*').send({ enabled: false })).status).toBe(404);
      expect((await t.http().delete(p).set(as(other)).set('If-Match', '*')).status).toBe(404);
      expect((await t.http().get(`${p}/deliveries`).set(as(other))).status).toBe(404);
      expect((await t.http().post(`${p}/deliveries/0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57/retry`).set(as(other))).status).toBe(404);
    }
    expect((await t.http().get('/v1/webhooks').set(as(other))).body.data.map((w: { id: string }) => w.id)).not.toContain(body.webhook.id);
    expect((await t.http().get(path).set(as(clinic))).status).toBe(200);
  });
});

function defaults() {
  return {
    allowPrivateUrls: false,
    pollMs: 50,
    timeoutMs: 500,
    concurrency: 4,
    retryBaseMs: 100,
    retryWindowMs: 24 * 3_600_000,
    retentionMs: 30 * 24 * 3_600_000,
  };
}
