import type { Response } from 'supertest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database';
import { inClinic } from '../../src/db/tenant';
import { sqlState } from '../../src/db/errors';
import { serverDatabaseUrl } from '../support/database-target';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';
import { openTestDatabase } from '../support/test-database';

interface AuditEvent {
  id: string;
  occurredAt: string;
  keyId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: string;
  statusCode: number;
  requestId: string;
}

describe('the audit trail: who read or changed what, and every denied attempt', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
  const auditOf = async (c: TestClinic, query: Record<string, string | number> = {}): Promise<AuditEvent[]> => {
    const res = await t
      .http()
      .get('/v1/audit-events')
      .query({ limit: 200, ...query })
      .set(bearer(c.adminKey));
    expect(res.status).toBe(200);
    return res.body.data;
  };
  const keyIdOf = async (c: TestClinic, key: string): Promise<string> => {
    const keys = await t.http().get('/v1/api-keys?limit=200').set(bearer(c.adminKey));
    return keys.body.data.find((k: { prefix: string }) => key.startsWith(k.prefix)).id;
  };
  const byRequest = (events: AuditEvent[], requestId: string) => events.filter((e) => e.requestId === requestId);

  it('records every read and write of a patient: key, action, resource, outcome, status and request id', async () => {
    const c = await t.createClinic();
    const key = await c.keyWith('write');
    const keyId = await keyIdOf(c, key);
    const as = (requestId: string) => ({ ...bearer(key), 'X-Request-Id': requestId });

    const created = await t.http().post('/v1/patients').set(as('audit-create')).send({ firstName: 'Ada' });
    const id = created.body.id;
    await t.http().get(`/v1/patients/${id}`).set(as('audit-read'));
    await t.http().get('/v1/patients').set(as('audit-list'));
    await t.http().patch(`/v1/patients/${id}`).set(as('audit-update')).set('If-Match', 'W/"1"').send({ lastName: 'Byron' });
    await t.http().delete(`/v1/patients/${id}`).set(as('audit-delete')).set('If-Match', 'W/"2"');
    await t.http().get('/v1/changes').set(as('audit-feed'));

    const events = await auditOf(c);
    const expected: [string, string, string | null, number][] = [
      ['audit-create', 'createPatient', id, 201],
      ['audit-read', 'getPatient', id, 200],
      ['audit-list', 'listPatients', null, 200],
      ['audit-update', 'updatePatient', id, 200],
      ['audit-delete', 'deletePatient', id, 204],
    ];
    for (const [requestId, action, resourceId, statusCode] of expected) {
      expect(byRequest(events, requestId)).toEqual([
        {
          id: expect.any(String),
          occurredAt: expect.any(String),
          keyId,
          action,
          resourceType: 'patient',
          resourceId,
          outcome: 'success',
          statusCode,
          requestId,
        },
      ]);
    }
    expect(byRequest(events, 'audit-feed')).toEqual([expect.objectContaining({ action: 'listChanges', resourceType: 'change', outcome: 'success' })]);
  });

  it('records denied attempts: 403 for a missing scope, 404 for another clinic’s patient', async () => {
    const [c, other] = [await t.createClinic(), await t.createClinic('Other')];
    const reader = await c.keyWith('read');
    const theirs = (await t.http().post('/v1/patients').set(bearer(other.adminKey)).send({ firstName: 'Theirs' })).body.id;

    expect(
      (
        await t
          .http()
          .post('/v1/patients')
          .set({ ...bearer(reader), 'X-Request-Id': 'denied-write' })
          .send({})
      ).status,
    ).toBe(403);
    expect(
      (
        await t
          .http()
          .get(`/v1/patients/${theirs}`)
          .set({ ...bearer(reader), 'X-Request-Id': 'probe-other' })
      ).status,
    ).toBe(404);
    expect(
      (
        await t
          .http()
          .get('/v1/api-keys')
          .set({ ...bearer(reader), 'X-Request-Id': 'denied-admin' })
      ).status,
    ).toBe(403);

    const events = await auditOf(c);
    const readerId = await keyIdOf(c, reader);
    expect(byRequest(events, 'denied-write')).toEqual([
      expect.objectContaining({ keyId: readerId, action: 'createPatient', resourceType: 'patient', resourceId: null, outcome: 'denied', statusCode: 403 }),
    ]);
    expect(byRequest(events, 'probe-other')).toEqual([
      expect.objectContaining({ keyId: readerId, action: 'getPatient', resourceId: theirs, outcome: 'not_found', statusCode: 404 }),
    ]);
    expect(byRequest(events, 'denied-admin')).toEqual([expect.objectContaining({ action: 'listApiKeys', resourceType: 'api_key', outcome: 'denied' })]);
    // Filed under the clinic that asked, never the one whose id was probed.
    expect(byRequest(await auditOf(other), 'probe-other')).toEqual([]);
  });

  it('records key management with the key’s id', async () => {
    const c = await t.createClinic();
    const created = await t
      .http()
      .post('/v1/api-keys')
      .set({ ...bearer(c.adminKey), 'X-Request-Id': 'key-create' })
      .send({ name: 'n', scopes: ['read'] });
    await t
      .http()
      .delete(`/v1/api-keys/${created.body.apiKey.id}`)
      .set({ ...bearer(c.adminKey), 'X-Request-Id': 'key-revoke' });
    const events = await auditOf(c);
    expect(byRequest(events, 'key-create')).toEqual([
      expect.objectContaining({ action: 'createApiKey', resourceType: 'api_key', resourceId: created.body.apiKey.id }),
    ]);
    expect(byRequest(events, 'key-revoke')).toEqual([
      expect.objectContaining({ action: 'revokeApiKey', resourceType: 'api_key', resourceId: created.body.apiKey.id }),
    ]);
  });

  it('logs a request without a valid key instead of storing it, and never logs the key', async () => {
    const c = await t.createClinic();
    const forged = c.adminKey.slice(0, -6) + 'AAAAAA';
    const res = await t
      .http()
      .get('/v1/patients')
      .set({ ...bearer(forged), 'X-Request-Id': 'no-valid-key' });
    expect(res.status).toBe(401);
    const line = t.logs.find((l) => l.includes('authentication_failed') && l.includes('no-valid-key'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ keyPrefix: c.adminKey.slice(0, 16), route: '/v1/patients' });
    expect(t.logs.join('')).not.toContain(forged.slice(17));
    await t.services.audit.flush();
    const stored = await queryRows(t.database.db, sql`select 1 from audit_events where clinic_id = ${c.clinicId}`);
    expect(stored).toEqual([]);
  });

  it('lists newest first with cursor paging, and filters by resource', async () => {
    const c = await t.createClinic();
    const a = (await t.http().post('/v1/patients').set(bearer(c.adminKey)).send({})).body.id;
    const b = (await t.http().post('/v1/patients').set(bearer(c.adminKey)).send({})).body.id;
    for (const id of [a, b, a]) await t.http().get(`/v1/patients/${id}`).set(bearer(c.adminKey));

    const all = await auditOf(c);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort().reverse());
    const paged: AuditEvent[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await t
        .http()
        .get('/v1/audit-events')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(bearer(c.adminKey));
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      paged.push(...res.body.data);
      cursor = res.body.nextCursor;
    } while (cursor);
    // Paging itself is audited too, so newer events may have arrived: the older ones are all there, in order.
    expect(paged.map((e) => e.id).slice(-all.length)).toEqual(all.map((e) => e.id));

    const aboutA = await auditOf(c, { resourceId: a });
    expect(aboutA.map((e) => e.action)).toEqual(['getPatient', 'getPatient', 'createPatient']);
    expect(await auditOf(c, { resourceType: 'api_key' })).toEqual([]);
    expect((await t.http().get('/v1/audit-events?resourceId=nope').set(bearer(c.adminKey))).status).toBe(400);
    expect((await t.http().get('/v1/audit-events?limit=500').set(bearer(c.adminKey))).status).toBe(400);
  });

  it('is for admin keys only', async () => {
    const c = await t.createClinic();
    expect(
      (
        await t
          .http()
          .get('/v1/audit-events')
          .set(bearer(await c.keyWith('write')))
      ).status,
    ).toBe(403);
  });

  it('cannot be changed or erased by the application role', async () => {
    const c = await t.createClinic();
    await t.http().get('/v1/patients').set(bearer(c.adminKey));
    expect((await auditOf(c)).length).toBeGreaterThan(0);
    for (const statement of [sql`update audit_events set outcome = 'success'`, sql`delete from audit_events`]) {
      const attempt = inClinic(t.database.db, c.clinicId, (tx) => tx.execute(statement));
      await expect(attempt).rejects.toThrow();
      expect(sqlState(await attempt.catch((err: unknown) => err))).toBe('42501');
    }
    expect((await auditOf(c)).length).toBeGreaterThan(0);
  });

  it('writes events behind the response within AUDIT_FLUSH_MS, and the rest when the app closes', async () => {
    const onServer = Boolean(serverDatabaseUrl());
    const database = onServer ? await openTestDatabase() : t.database;
    const quick = await startTestApp({ database, serviceOptions: { auditFlushMs: 50 } });
    const c = await quick.createClinic();
    const count = async (requestId: string) =>
      Number(
        (
          await queryRows<{ n: string }>(
            t.database.db,
            sql`select count(*) as n from audit_events where clinic_id = ${c.clinicId} and request_id = ${requestId}`,
          )
        )[0]!.n,
      );

    await quick
      .http()
      .get('/v1/patients')
      .set({ ...bearer(c.adminKey), 'X-Request-Id': 'flushed-by-timer' });
    const deadline = Date.now() + 2000;
    while ((await count('flushed-by-timer')) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await count('flushed-by-timer')).toBe(1);

    const slow = await startTestApp({ database, serviceOptions: { auditFlushMs: 5000 } });
    await slow
      .http()
      .get('/v1/patients')
      .set({ ...bearer(c.adminKey), 'X-Request-Id': 'flushed-on-close' });
    expect(await count('flushed-on-close')).toBe(0);
    await slow.app.close();
    expect(await count('flushed-on-close')).toBe(1);
    if (onServer) await quick.close();
    else await quick.app.close();
  });
});
