import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database';
import { canonicalJson, requestFingerprint } from '../../src/lib/fingerprint';
import { idempotencyKeyDigest, seal } from '../../src/lib/sealed-response';
import { feedClient } from '../support/change-feed';
import { serverDatabaseUrl } from '../support/database-target';
import { describeOnServer, openRawConnection } from '../support/raw-sql';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';
import { openTestDatabase } from '../support/test-database';

describe('Idempotency-Key: a retried POST is answered, not repeated', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const auth = (c: TestClinic) => ({ Authorization: `Bearer ${c.adminKey}` });
  const postPatient = (app: TestApp, c: TestClinic, key: string, body: object) =>
    app.http().post('/v1/patients').set(auth(c)).set('Idempotency-Key', key).send(body);
  const patientCount = async (c: TestClinic) =>
    Number((await queryRows<{ n: string }>(t.database.db, sql`select count(*) as n from patients where clinic_id = ${c.clinicId}`))[0]!.n);

  it('50 parallel identical POSTs with one key create exactly one patient, and all get the same answer', async () => {
    const c = await t.createClinic();
    const responses = await Promise.all(Array.from({ length: 50 }, () => postPatient(t, c, 'burst-1', { externalId: 'IDEM-1', firstName: 'Once' })));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const first = responses.find((r) => r.headers['idempotent-replayed'] === undefined)!;
    for (const r of responses) expect(r.body).toEqual(first.body);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(49);
    expect(await patientCount(c)).toBe(1);
    // The work ran once: one creation in the change feed.
    const feed = await feedClient(t, c).pollUntil(undefined, (all) => all.length > 0);
    expect(feed.changes).toEqual([expect.objectContaining({ type: 'patient', id: first.body.id, version: 1, op: 'upsert' })]);
  });

  it('stores keyed digests: neither the plain SHA-256 of the body nor of the key, and different per clinic', async () => {
    const [a, b] = [await t.createClinic(), await t.createClinic()];
    const body = { firstName: 'Ada', lastName: 'Lovelace', birthDate: '1980-02-01' };
    for (const c of [a, b]) expect((await postPatient(t, c, 'same-key', body)).status).toBe(201);
    const rows = await queryRows<{ clinic_id: string; key: string; request_hash: string }>(
      t.database.db,
      sql`select clinic_id, key, request_hash from idempotency_keys where clinic_id in (${a.clinicId}, ${b.clinicId})`,
    );
    expect(rows).toHaveLength(2);
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const plainBodies = [canonicalJson(body), JSON.stringify(body), `POST /v1/patients\n${canonicalJson(body)}`].map(sha256);
    for (const row of rows) {
      expect(plainBodies).not.toContain(row.request_hash);
      expect([sha256('same-key'), sha256('manuplan idempotency key\nsame-key')]).not.toContain(row.key);
      // What it is: an HMAC under a key derived from the Idempotency-Key and the clinic.
      expect(row.request_hash).toBe(requestFingerprint('same-key', row.clinic_id, 'POST', '/v1/patients', body));
      expect(row.key).toBe(idempotencyKeyDigest('same-key', row.clinic_id));
    }
    expect(rows[0]!.key).not.toBe(rows[1]!.key);
    expect(rows[0]!.request_hash).not.toBe(rows[1]!.request_hash);
  });

  it('answers 422 when the key comes back with a different body, and creates nothing', async () => {
    const c = await t.createClinic();
    expect((await postPatient(t, c, 'k-422', { firstName: 'Ada' })).status).toBe(201);
    const reused = await postPatient(t, c, 'k-422', { firstName: 'Grace' });
    expect(reused.status).toBe(422);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reused.body.type).toMatch(/idempotency-key-reused$/);
    // The same key on another operation is another request too.
    const elsewhere = await t
      .http()
      .post('/v1/api-keys')
      .set(auth(c))
      .set('Idempotency-Key', 'k-422')
      .send({ name: 'x', scopes: ['read'] });
    expect(elsewhere.status).toBe(422);
    expect(await patientCount(c)).toBe(1);
  });

  it('treats a body with the same fields in another order as the same request', async () => {
    const c = await t.createClinic();
    const first = await postPatient(t, c, 'k-order', { firstName: 'Ada', lastName: 'Byron' });
    const again = await t
      .http()
      .post('/v1/patients')
      .set(auth(c))
      .set('Idempotency-Key', 'k-order')
      .set('Content-Type', 'application/json')
      .send('{"lastName":"Byron","firstName":"Ada"}');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
  });

  it('scopes keys per clinic: two clinics may use the same key', async () => {
    const [a, b] = [await t.createClinic('A'), await t.createClinic('B')];
    const ra = await postPatient(t, a, 'shared-key', { firstName: 'Same' });
    const rb = await postPatient(t, b, 'shared-key', { firstName: 'Same' });
    expect([ra.status, rb.status]).toEqual([201, 201]);
    expect(rb.headers['idempotent-replayed']).toBeUndefined();
    expect(rb.body.id).not.toBe(ra.body.id);
  });

  it('is accepted by every POST operation, as the OpenAPI document declares', async () => {
    const doc = (await t.http().get('/openapi.json')).body as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };
    const posts = Object.entries(doc.paths).flatMap(([path, ops]) => (ops.post ? [[path, ops.post] as const] : []));
    expect(posts.length).toBeGreaterThan(1);
    for (const [path, op] of posts) {
      expect([path, op.parameters?.some((p) => p.in === 'header' && p.name === 'idempotency-key')]).toEqual([path, true]);
    }
  });

  it('rejects an Idempotency-Key longer than 255 characters with 400', async () => {
    const c = await t.createClinic();
    const res = await postPatient(t, c, 'k'.repeat(256), {});
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('/idempotency-key');
  });

  it('still replays after a restart: a new app instance on the same database answers the retry', async () => {
    const onServer = Boolean(serverDatabaseUrl());
    const database = onServer ? await openTestDatabase() : t.database;
    const before = await startTestApp({ database });
    const c = await before.createClinic();
    const first = await postPatient(before, c, 'across-restart', { firstName: 'Durable' });
    await before.app.close();
    const after = await startTestApp({ database });
    try {
      const retry = await postPatient(after, c, 'across-restart', { firstName: 'Durable' });
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(await patientCount(c)).toBe(1);
    } finally {
      if (onServer) await after.close();
      else await after.app.close();
    }
  });

  it('forgets a key after its retention, and new claims sweep expired records away', async () => {
    const c = await t.createClinic();
    const first = await postPatient(t, c, 'expiring', { firstName: 'Old' });
    for (const key of ['stale-1', 'stale-2', 'stale-3']) await postPatient(t, c, key, { firstName: key });
    await t.database.db.execute(sql`update idempotency_keys set expires_at = now() - interval '1 second' where clinic_id = ${c.clinicId}`);

    const again = await postPatient(t, c, 'expiring', { firstName: 'Old' });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.body.id).not.toBe(first.body.id);
    const left = await queryRows<{ n: string }>(
      t.database.db,
      sql`select count(*) as n from idempotency_keys where clinic_id = ${c.clinicId} and expires_at <= now()`,
    );
    expect(Number(left[0]!.n)).toBe(0);
  });

  it('keeps records for at least 24 hours', async () => {
    const c = await t.createClinic();
    await postPatient(t, c, 'ttl', {});
    const [row] = await queryRows<{ hours: string }>(
      t.database.db,
      sql`select extract(epoch from expires_at - created_at) / 3600 as hours from idempotency_keys where clinic_id = ${c.clinicId}`,
    );
    expect(Number(row!.hours)).toBeGreaterThanOrEqual(24);
  });

  it('replays a new API key with its secret, yet stores neither the key nor the secret readably', async () => {
    const c = await t.createClinic();
    const create = () =>
      t
        .http()
        .post('/v1/api-keys')
        .set(auth(c))
        .set('Idempotency-Key', 'issue-front-desk')
        .send({ name: 'front desk', scopes: ['read'] });
    const first = await create();
    const retry = await create();
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const secret: string = first.body.secret;
    expect((await t.http().get('/v1/changes').set('Authorization', `Bearer ${secret}`)).status).toBe(200);
    const keys = await t.http().get('/v1/api-keys').set(auth(c));
    expect(keys.body.data.filter((k: { name: string }) => k.name === 'front desk')).toHaveLength(1);

    const stored = await queryRows<{ row: string }>(t.database.db, sql`select i::text as row from idempotency_keys i where clinic_id = ${c.clinicId}`);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.row).not.toContain(secret.slice(17));
    expect(stored[0]!.row).not.toContain('issue-front-desk');
    expect(stored[0]!.row).not.toContain('front desk');
  });

  describeOnServer('while the first request with a key is still running', () => {
    let raw: Awaited<ReturnType<typeof openRawConnection>>;
    let quick: TestApp;

    beforeAll(async () => {
      raw = await openRawConnection();
      quick = await startTestApp({ serviceOptions: { idempotencyWaitMs: 300 } });
    });
    afterAll(async () => {
      await raw?.end();
      await quick?.close();
    });

    /** Claims `key` for `body` in an open transaction on another connection, as a first request in flight would. */
    async function holdClaim(c: TestClinic, key: string, body: object) {
      await raw.query('begin');
      await raw.query(
        `insert into idempotency_keys (clinic_id, key, request_hash, method, path, expires_at)
         values ($1, $2, $3, 'POST', '/v1/patients', now() + interval '1 day')`,
        [c.clinicId, idempotencyKeyDigest(key, c.clinicId), requestFingerprint(key, c.clinicId, 'POST', '/v1/patients', body)],
      );
    }

    it('answers 409 after waiting IDEMPOTENCY_WAIT_MS, then serves the retry once the first gave up', async () => {
      const c = await quick.createClinic();
      await holdClaim(c, 'in-flight', { firstName: 'Slow' });
      try {
        const started = Date.now();
        const res = await postPatient(quick, c, 'in-flight', { firstName: 'Slow' });
        expect(res.status).toBe(409);
        expect(res.body.type).toMatch(/idempotency-key-in-flight$/);
        expect(Date.now() - started).toBeGreaterThanOrEqual(250);
        expect(Date.now() - started).toBeLessThan(3000);
      } finally {
        await raw.query('rollback');
      }
      const retry = await postPatient(quick, c, 'in-flight', { firstName: 'Slow' });
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
    });

    it('a retry that arrives while the first is running waits for it and replays its answer', async () => {
      const c = await t.createClinic();
      const body = { firstName: 'Patient' };
      await holdClaim(c, 'wait-and-replay', body);
      const retry = postPatient(t, c, 'wait-and-replay', body).then((r) => r);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const answer = {
        id: '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57',
        externalId: null,
        firstName: 'Patient',
        lastName: null,
        birthDate: null,
        sex: null,
        version: 1,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      };
      await raw.query(`update idempotency_keys set status_code = 201, response_body = $3 where clinic_id = $1 and key = $2`, [
        c.clinicId,
        idempotencyKeyDigest('wait-and-replay', c.clinicId),
        JSON.stringify(seal('wait-and-replay', c.clinicId, answer)),
      ]);
      await raw.query('commit');
      const res = await retry;
      expect(res.status).toBe(201);
      expect(res.headers['idempotent-replayed']).toBe('true');
      expect(res.body).toEqual(answer);
      expect(await patientCount(c)).toBe(0);
    });
  });
});
