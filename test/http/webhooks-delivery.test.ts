import { sql } from 'drizzle-orm';
import pino from 'pino';
import { queryRows, type Database } from '../../src/db/database';
import { inClinic } from '../../src/db/tenant';
import { uuidv7 } from '../../src/lib/uuid';
import { patientsRepository } from '../../src/modules/patients/patients.repository';
import { createWebhookDispatcher, retryDelayMs } from '../../src/modules/webhooks/webhook-dispatcher';
import { asDispatcher, dispatcherRepository } from '../../src/modules/webhooks/webhook-dispatcher.repository';
import { createSealingKey } from '../../src/modules/webhooks/webhook-sealing-key';
import type { WebhookOptions } from '../../src/config';
import { sendDelivery } from '../../src/modules/webhooks/webhook-sender';
import { serverDatabaseUrl } from '../support/database-target';
import { lowBackAssessment } from '../support/fixtures';
import { describeOnServer } from '../support/raw-sql';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';
import { openTestDatabase } from '../support/test-database';
import { startReceiver, verifyStandardWebhook, waitFor, type Behaviour, type Receiver } from './webhooks-receiver';

const OPTIONS: WebhookOptions = {
  secretKey: 'test-webhooks-secret-key-0123456789abcdef',
  // The receiver listens on 127.0.0.1, as WEBHOOKS_ALLOW_PRIVATE_URLS=true allows in development.
  allowPrivateUrls: true,
  pollMs: 50,
  // Short so that a receiver that never answers costs a test half a second, not 10 s.
  timeoutMs: 500,
  concurrency: 4,
  retryBaseMs: 100,
  retryWindowMs: 24 * 3_600_000,
  retentionMs: 30 * 24 * 3_600_000,
};

interface Delivery {
  id: string;
  eventId: string;
  type: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
}

describe('webhooks: deliveries', () => {
  let t: TestApp;
  let receiver: Receiver;
  // Each test answers at a path of its own: how the receiver behaves there, by path.
  const behaviours = new Map<string, Behaviour>();

  beforeAll(async () => {
    t = await startTestApp({ serviceOptions: { webhooks: OPTIONS } });
    receiver = await startReceiver((request, nth) => behaviours.get(request.path)?.(request, nth) ?? 200);
    t.services.webhookDispatcher.start();
  });
  // Webhooks this describe made: deleted at the end, so that a later run on the same server
  // database does not go on retrying deliveries to this run's receiver.
  const made: { clinic: TestClinic; id: string }[] = [];
  afterAll(async () => {
    await t?.services.webhookDispatcher.stop();
    for (const { clinic, id } of made) await t.http().delete(`/v1/webhooks/${id}`).set(as(clinic)).set('If-Match', '*');
    await receiver?.close();
    await t?.close();
  });

  const as = (c: TestClinic) => ({ Authorization: `Bearer ${c.adminKey}` });

  /** A new clinic subscribed at a path of its own, answered as `behaviour` says. */
  async function subscribed(events: string[] = ['*'], behaviour?: Behaviour) {
    const clinic = await t.createClinic();
    const path = `/hook/${uuidv7()}`;
    if (behaviour) behaviours.set(path, behaviour);
    const res = await t
      .http()
      .post('/v1/webhooks')
      .set(as(clinic))
      .send({ url: receiver.url(path), events });
    expect(res.status).toBe(201);
    made.push({ clinic, id: res.body.webhook.id });
    return {
      clinic,
      webhookId: res.body.webhook.id as string,
      secret: res.body.secret as string,
      received: () => receiver.at(path),
      deliveries: async (): Promise<Delivery[]> => (await t.http().get(`/v1/webhooks/${res.body.webhook.id}/deliveries`).set(as(clinic))).body.data,
    };
  }
  const newPatient = async (clinic: TestClinic, body: object = {}) =>
    (await t.http().post('/v1/patients').set(as(clinic)).send(body)).body as { id: string; version: number };

  it('First a new patient, assessment and plan reach the receiver, signed as Standard Webhooks says', async () => {
    const hook = await subscribed();
    const patient = await newPatient(hook.clinic, { firstName: 'Ada' });
    const assessed = await t.http().post('/v1/assessments').set(as(hook.clinic)).send(lowBackAssessment(patient.id));
    expect(assessed.status).toBe(201);
    const { assessment, plan } = assessed.body;

    const got = await waitFor('three events', () => hook.received().length >= 3 && hook.received());
    const byType = Object.fromEntries(got.map((r) => [r.json.type, r]));
    expect(byType['patient.created']!.json.data).toEqual({ id: patient.id, version: 1 });
    expect(byType['assessment.created']!.json.data).toEqual({ id: assessment.id, version: 1, patientId: patient.id });
    expect(byType['plan.created']!.json.data).toEqual({ id: plan.id, version: 1, patientId: patient.id });
    for (const r of got) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['webhook-id']).toEqual(expect.any(String));
      expect(r.headers['webhook-timestamp']).toMatch(/^\d{10}$/);
      expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(verifyStandardWebhook(hook.secret, r.headers, r.body)).toBe(true);
      // Any other secret, or a body changed on the way, does not verify.
      expect(verifyStandardWebhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`, r.headers, r.body)).toBe(false);
      expect(verifyStandardWebhook(hook.secret, r.headers, r.body.replace('"version":1', '"version":2'))).toBe(false);
      expect(Date.parse(r.json.timestamp)).not.toBeNaN();
    }
    const deliveries = await waitFor('three succeeded deliveries', async () => {
      const d = await hook.deliveries();
      return d.length === 3 && d.every((x) => x.status === 'succeeded') && d;
    });
    expect(deliveries[0]).toEqual({
      id: expect.any(String),
      eventId: expect.any(String),
      type: expect.any(String),
      status: 'succeeded',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
      createdAt: expect.any(String),
    });
    expect(new Set(deliveries.map((d) => d.eventId))).toEqual(new Set(got.map((r) => r.headers['webhook-id'])));
  });

  it('Then a session, a plan edit and the patient’s deletion follow, each with the ids that place it', async () => {
    const hook = await subscribed(['session.created', 'plan.updated', 'plan.deleted']);
    const patient = await newPatient(hook.clinic);
    const { plan } = (await t.http().post('/v1/assessments').set(as(hook.clinic)).send(lowBackAssessment(patient.id))).body;
    const technique = plan.techniques[0];
    const session = await t
      .http()
      .post(`/v1/plans/${plan.id}/sessions`)
      .set(as(hook.clinic))
      .send({
        performedAt: new Date().toISOString(),
        minutes: 30,
        techniques: [technique.code],
        regions: [technique.region],
      });
    expect(session.status).toBe(201);
    const edited = await t.http().patch(`/v1/plans/${plan.id}`).set(as(hook.clinic)).set('If-Match', 'W/"1"').send({ notes: 'Edited' });
    expect(edited.status).toBe(200);
    expect((await t.http().delete(`/v1/patients/${patient.id}`).set(as(hook.clinic)).set('If-Match', 'W/"1"')).status).toBe(204);
    const got = await waitFor('three events', () => hook.received().length >= 3 && hook.received());
    // Order holds per resource (the plan's two events); the session is another resource.
    expect(got.filter((r) => r.json.data.id === plan.id).map((r) => r.json)).toEqual([
      { type: 'plan.updated', timestamp: expect.any(String), data: { id: plan.id, version: 2, patientId: patient.id } },
      { type: 'plan.deleted', timestamp: expect.any(String), data: { id: plan.id, version: 3, patientId: patient.id } },
    ]);
    expect(got.filter((r) => r.json.data.id === session.body.id).map((r) => r.json)).toEqual([
      { type: 'session.created', timestamp: expect.any(String), data: { id: session.body.id, version: 1, planId: plan.id } },
    ]);
  });

  it('sends only the event types subscribed to, and patient.updated / patient.deleted for changes', async () => {
    const hook = await subscribed(['patient.updated', 'patient.deleted']);
    const patient = await newPatient(hook.clinic);
    const path = `/v1/patients/${patient.id}`;
    expect((await t.http().patch(path).set(as(hook.clinic)).set('If-Match', 'W/"1"').send({ firstName: 'Bo' })).status).toBe(200);
    expect((await t.http().delete(path).set(as(hook.clinic)).set('If-Match', 'W/"2"')).status).toBe(204);
    const got = await waitFor('two events', () => hook.received().length >= 2 && hook.received());
    expect(got.map((r) => [r.json.type, r.json.data.version])).toEqual([
      ['patient.updated', 2],
      ['patient.deleted', 3],
    ]);
  });

  it('retries after a 500 with the same webhook-id and body, and records each attempt', async () => {
    const hook = await subscribed(['patient.created'], (_r, nth) => (nth === 1 ? 500 : 200));
    const patient = await newPatient(hook.clinic);
    const got = await waitFor('the retry', () => hook.received().length >= 2 && hook.received());
    expect(got[0]!.headers['webhook-id']).toBe(got[1]!.headers['webhook-id']);
    expect(got[0]!.body).toBe(got[1]!.body);
    expect(got[1]!.json.data.id).toBe(patient.id);
    expect(verifyStandardWebhook(hook.secret, got[1]!.headers, got[1]!.body)).toBe(true);
    // The first retry waits about the base delay (here 100 ms; 5 s in production).
    expect(got[1]!.at - got[0]!.at).toBeGreaterThanOrEqual(OPTIONS.retryBaseMs * 0.8 - 20);
    const [delivery] = await waitFor('success recorded', async () => {
      const d = await hook.deliveries();
      return d[0]?.status === 'succeeded' && d;
    });
    expect(delivery).toMatchObject({ attempts: 2, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
  });

  it('shows a failing delivery as pending with its last answer and next attempt', async () => {
    const hook = await subscribed(['patient.created'], () => 503);
    await newPatient(hook.clinic);
    const [delivery] = await waitFor('two failed attempts', async () => {
      const d = await hook.deliveries();
      return (d[0]?.attempts ?? 0) >= 2 && d[0]?.lastStatusCode === 503 && d;
    });
    expect(delivery).toMatchObject({ status: 'pending', lastStatusCode: 503, lastError: 'HTTP 503' });
    expect(Date.parse(delivery!.nextAttemptAt!)).toBeGreaterThan(Date.parse(delivery!.createdAt));
  });

  it('retries after a time-out', async () => {
    const hook = await subscribed(['patient.created'], (_r, nth) => (nth === 1 ? 'hang' : 204));
    await newPatient(hook.clinic);
    const got = await waitFor('the retry after the time-out', () => hook.received().length >= 2 && hook.received(), 10000);
    expect(got[1]!.at - got[0]!.at).toBeGreaterThanOrEqual(OPTIONS.timeoutMs - 50);
    const [delivery] = await waitFor('success recorded', async () => {
      const d = await hook.deliveries();
      return d[0]?.status === 'succeeded' && d;
    });
    expect(delivery).toMatchObject({ attempts: 2, lastStatusCode: 204 });
  });

  it('never sends a change that was rolled back', async () => {
    const hook = await subscribed(['patient.created']);
    const rolledBack = uuidv7();
    await expect(
      inClinic(t.database.db, hook.clinic.clinicId, async (tx) => {
        await patientsRepository.insert(tx, {
          clinicId: hook.clinic.clinicId,
          id: rolledBack,
          externalId: null,
          firstName: 'Never',
          lastName: null,
          birthDate: null,
          sex: null,
        });
        throw new Error('the request failed after the write');
      }),
    ).rejects.toThrow('the request failed after the write');
    // A change committed after it is delivered, so the dispatcher has looked past the rolled-back one.
    const committed = await newPatient(hook.clinic);
    await waitFor('the committed change', () => hook.received().some((r) => r.json.data.id === committed.id));
    expect(hook.received().map((r) => r.json.data.id)).toEqual([committed.id]);
    const rows = await queryRows(t.database.db, sql`select 1 from webhook_deliveries where resource_id = ${rolledBack}`);
    expect(rows).toHaveLength(0);
  });

  it('keeps per-resource commit order: a later event waits while an earlier one of the same resource is retried', async () => {
    // The first event of every resource fails twice before it is accepted.
    const hook = await subscribed(['*'], (r, nth) => (r.json.data.version === 1 && nth <= 2 ? 500 : 200));
    const patient = await newPatient(hook.clinic);
    for (let version = 1; version <= 4; version++) {
      const res = await t
        .http()
        .patch(`/v1/patients/${patient.id}`)
        .set(as(hook.clinic))
        .set('If-Match', `W/"${version}"`)
        .send({ firstName: `v${version + 1}` });
      expect(res.status).toBe(200);
    }
    const got = await waitFor('all five events', () => hook.received().filter((r) => r.json.data.id === patient.id).length >= 7 && hook.received());
    const accepted = got.filter((r) => r.json.data.id === patient.id);
    expect(accepted.map((r) => r.json.data.version)).toEqual([1, 1, 1, 2, 3, 4, 5]);
    expect(accepted.map((r) => r.json.type)).toEqual([
      'patient.created',
      'patient.created',
      'patient.created',
      'patient.updated',
      'patient.updated',
      'patient.updated',
      'patient.updated',
    ]);
  });

  it('does not hold back other resources while one is retried', async () => {
    const slow = uuidv7();
    const hook = await subscribed(['patient.created'], (r) => (r.json.data.id === slow ? 500 : 200));
    await inClinic(t.database.db, hook.clinic.clinicId, (tx) =>
      patientsRepository.insert(tx, {
        clinicId: hook.clinic.clinicId,
        id: slow,
        externalId: null,
        firstName: null,
        lastName: null,
        birthDate: null,
        sex: null,
      }),
    );
    const other = await newPatient(hook.clinic);
    await waitFor('the other patient', () => hook.received().some((r) => r.json.data.id === other.id));
  });

  it('sends a delivery again on request (202)', async () => {
    const hook = await subscribed(['patient.created']);
    await newPatient(hook.clinic);
    const [delivery] = await waitFor('the first delivery', async () => {
      const d = await hook.deliveries();
      return d[0]?.status === 'succeeded' && d;
    });
    const res = await t.http().post(`/v1/webhooks/${hook.webhookId}/deliveries/${delivery!.id}/retry`).set(as(hook.clinic));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ id: delivery!.id, status: 'pending', attempts: 1 });
    const got = await waitFor('the resend', () => hook.received().length >= 2 && hook.received());
    expect(got[1]!.headers['webhook-id']).toBe(got[0]!.headers['webhook-id']);
    expect((await t.http().post(`/v1/webhooks/${hook.webhookId}/deliveries/${uuidv7()}/retry`).set(as(hook.clinic))).status).toBe(404);
  });

  it('pages deliveries newest first', async () => {
    const hook = await subscribed(['patient.created']);
    for (let i = 0; i < 3; i++) await newPatient(hook.clinic);
    await waitFor('three deliveries', async () => (await hook.deliveries()).length === 3);
    const first = await t.http().get(`/v1/webhooks/${hook.webhookId}/deliveries?limit=2`).set(as(hook.clinic));
    expect(first.body.data).toHaveLength(2);
    const second = await t.http().get(`/v1/webhooks/${hook.webhookId}/deliveries?limit=2&cursor=${first.body.nextCursor}`).set(as(hook.clinic));
    expect(second.body.data).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.data, ...second.body.data].map((d: Delivery) => d.id);
    expect(new Set(all).size).toBe(3);
  });

  it('sends nothing to a disabled or deleted webhook', async () => {
    const hook = await subscribed(['patient.created']);
    const off = await t.http().patch(`/v1/webhooks/${hook.webhookId}`).set(as(hook.clinic)).set('If-Match', 'W/"1"').send({ enabled: false });
    expect(off.status).toBe(200);
    await newPatient(hook.clinic);
    const gone = await subscribed(['patient.created']);
    expect((await t.http().delete(`/v1/webhooks/${gone.webhookId}`).set(as(gone.clinic)).set('If-Match', 'W/"1"')).status).toBe(204);
    await newPatient(gone.clinic);
    // A webhook that receives, created after the others' changes: once it has its event, the
    // dispatcher has had every chance to send theirs.
    const control = await subscribed(['patient.created']);
    const p = await newPatient(control.clinic);
    await waitFor('the control delivery', () => control.received().some((r) => r.json.data.id === p.id));
    expect(hook.received()).toHaveLength(0);
    expect(gone.received()).toHaveLength(0);
    expect(await hook.deliveries()).toHaveLength(0);
  });

  it('two dispatchers on one database never make the same attempt at once, and deliver each event once', async () => {
    // A second process, as another instance would be: on a server with a connection pool of its own.
    const second: Database = serverDatabaseUrl() ? await openTestDatabase() : t.database;
    const other = createWebhookDispatcher({
      database: second,
      logger: pino({ level: 'silent' }),
      options: OPTIONS,
      sealingKey: createSealingKey(second, OPTIONS.secretKey),
    });
    other.start();
    try {
      // A slow receiver keeps attempts open long enough to overlap, were two made at once.
      const hook = await subscribed(['patient.created'], () => ({ status: 200, afterMs: 100 }));
      const slowPath = hook.received;
      const patients = await Promise.all(Array.from({ length: 12 }, () => newPatient(hook.clinic)));
      await waitFor('all twelve', () => new Set(slowPath().map((r) => r.json.data.id)).size === 12);
      await waitFor('all recorded', async () => {
        const d = await t.http().get(`/v1/webhooks/${hook.webhookId}/deliveries?limit=50`).set(as(hook.clinic));
        return d.body.data.length === 12 && d.body.data.every((x: Delivery) => x.status === 'succeeded');
      });
      const ids = slowPath().map((r) => r.headers['webhook-id']);
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
      expect(new Set(slowPath().map((r) => r.json.data.id))).toEqual(new Set(patients.map((p) => p.id)));
      expect(receiver.maxOpenPerEvent).toBe(1);
    } finally {
      await other.stop();
      if (second !== t.database) await second.close();
    }
  });
});

describe('webhooks: a receiver that keeps failing', () => {
  let t: TestApp;
  let receiver: Receiver;

  beforeAll(async () => {
    // A retry window of a second stands in for the 24 h of production.
    t = await startTestApp({ serviceOptions: { webhooks: { ...OPTIONS, retryWindowMs: 1000 } } });
    receiver = await startReceiver(() => 500);
    t.services.webhookDispatcher.start();
  });
  afterAll(async () => {
    await t?.services.webhookDispatcher.stop();
    await receiver?.close();
    await t?.close();
  });

  it('is given up on after the retry window and disabled, and the webhook says why', async () => {
    const clinic = await t.createClinic();
    const auth = { Authorization: `Bearer ${clinic.adminKey}` };
    const created = await t
      .http()
      .post('/v1/webhooks')
      .set(auth)
      .send({ url: receiver.url('/down'), events: ['patient.created'] });
    await t.http().post('/v1/patients').set(auth).send({});
    const webhook = await waitFor('the webhook disabled', async () => {
      const res = await t.http().get(`/v1/webhooks/${created.body.webhook.id}`).set(auth);
      return res.body.enabled === false && res.body;
    });
    expect(webhook.disabledReason).toMatch(/without a single success/);
    const deliveries = (await t.http().get(`/v1/webhooks/${created.body.webhook.id}/deliveries`).set(auth)).body.data as Delivery[];
    expect(deliveries[0]).toMatchObject({ status: 'failed', lastStatusCode: 500, nextAttemptAt: null });
    expect(deliveries[0]!.attempts).toBeGreaterThanOrEqual(2);

    // Retrying needs the webhook enabled again; enabling clears the reason.
    expect((await t.http().post(`/v1/webhooks/${created.body.webhook.id}/deliveries/${deliveries[0]!.id}/retry`).set(auth)).status).toBe(409);
    const on = await t.http().patch(`/v1/webhooks/${created.body.webhook.id}`).set(auth).set('If-Match', `W/"${webhook.version}"`).send({ enabled: true });
    expect(on.body).toMatchObject({ enabled: true, disabledReason: null });
    expect((await t.http().delete(`/v1/webhooks/${created.body.webhook.id}`).set(auth).set('If-Match', '*')).status).toBe(204);
  });
});

describe('webhooks: finished deliveries are swept after the retention period', () => {
  let t: TestApp;
  let receiver: Receiver;
  beforeAll(async () => {
    // Half a second stands in for the 30 days of production.
    t = await startTestApp({ serviceOptions: { webhooks: { ...OPTIONS, retentionMs: 500 } } });
    receiver = await startReceiver((r) => (r.path === '/pending' ? 500 : 200));
    t.services.webhookDispatcher.start();
  });
  afterAll(async () => {
    await t?.services.webhookDispatcher.stop();
    await receiver?.close();
    await t?.close();
  });

  it('deletes succeeded deliveries once old enough, and keeps pending ones', async () => {
    const clinic = await t.createClinic();
    const auth = { Authorization: `Bearer ${clinic.adminKey}` };
    const done = (
      await t
        .http()
        .post('/v1/webhooks')
        .set(auth)
        .send({ url: receiver.url('/done'), events: ['patient.created'] })
    ).body.webhook;
    const pending = (
      await t
        .http()
        .post('/v1/webhooks')
        .set(auth)
        .send({ url: receiver.url('/pending'), events: ['patient.created'] })
    ).body.webhook;
    await t.http().post('/v1/patients').set(auth).send({});
    const list = async (id: string) => (await t.http().get(`/v1/webhooks/${id}/deliveries`).set(auth)).body.data as Delivery[];
    await waitFor('the delivery sent', () => receiver.at('/done').length > 0);
    await waitFor('the succeeded delivery swept', async () => (await list(done.id)).length === 0);
    const [kept] = await waitFor('the failing delivery kept', async () => {
      const d = await list(pending.id);
      return d[0]?.lastStatusCode === 500 && d;
    });
    expect(kept).toMatchObject({ status: 'pending', lastStatusCode: 500 });
    expect((await t.http().delete(`/v1/webhooks/${pending.id}`).set(auth).set('If-Match', '*')).status).toBe(204);
  });
});

describe('webhooks: a commit wakes the dispatchers', () => {
  let t: TestApp;
  let receiver: Receiver;
  beforeAll(async () => {
    // A poll once a minute: only the notification from the commit can explain a prompt delivery.
    t = await startTestApp({ serviceOptions: { webhooks: { ...OPTIONS, pollMs: 60_000 } } });
    receiver = await startReceiver();
    t.services.webhookDispatcher.start();
  });
  afterAll(async () => {
    await t?.services.webhookDispatcher.stop();
    await receiver?.close();
    await t?.close();
  });

  it('delivers within seconds of the commit without waiting for the next poll', async () => {
    const clinic = await t.createClinic();
    const auth = { Authorization: `Bearer ${clinic.adminKey}` };
    const created = await t
      .http()
      .post('/v1/webhooks')
      .set(auth)
      .send({ url: receiver.url('/prompt'), events: ['patient.created'] });
    const committedAt = Date.now();
    const patient = (await t.http().post('/v1/patients').set(auth).send({})).body;
    const [got] = await waitFor('the prompt delivery', () => receiver.at('/prompt').length > 0 && receiver.at('/prompt'), 10_000);
    expect(got!.json.data.id).toBe(patient.id);
    expect(got!.at - committedAt).toBeLessThan(10_000);
    expect((await t.http().delete(`/v1/webhooks/${created.body.webhook.id}`).set(auth).set('If-Match', '*')).status).toBe(204);
  });
});

describe('webhooks: sending', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver((r) => (r.path === '/moved' ? 302 : 200));
  });
  afterAll(() => receiver?.close());

  it('checks the address again when it connects, whatever the URL said at creation', async () => {
    for (const url of [receiver.url('/x'), receiver.url('/x').replace('127.0.0.1', 'localhost')]) {
      const result = await sendDelivery(url, {}, '{}', { timeoutMs: 1000, allowPrivate: false });
      expect(result.statusCode).toBeUndefined();
      expect(result.error).toMatch(/forbidden/);
    }
    expect(receiver.received).toHaveLength(0);
  });

  it('never follows a redirect', async () => {
    const result = await sendDelivery(receiver.url('/moved'), {}, '{}', { timeoutMs: 1000, allowPrivate: true });
    expect(result).toEqual({ statusCode: 302, error: 'HTTP 302' });
    expect(receiver.received.map((r) => r.path)).toEqual(['/moved']);
  });

  it('backs off exponentially with jitter, about 5 s first, for at least 24 h', () => {
    expect(retryDelayMs(1, 5000, () => 0.5)).toBe(5000);
    expect(retryDelayMs(2, 5000, () => 0.5)).toBe(10000);
    expect(retryDelayMs(1, 5000, () => 0)).toBe(4000);
    expect(retryDelayMs(1, 5000, () => 1)).toBe(6000);
    expect(retryDelayMs(40, 5000, () => 0.5)).toBe(6 * 3_600_000);
  });
});

describe('webhooks: at least once, when a dispatcher dies mid-attempt', () => {
  let t: TestApp;
  let receiver: Receiver;

  beforeAll(async () => {
    t = await startTestApp({ serviceOptions: { webhooks: OPTIONS } });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await t?.services.webhookDispatcher.stop();
    await receiver?.close();
    await t?.close();
  });

  it('makes the attempt again once the dead claimant’s lease has run out', async () => {
    const clinic = await t.createClinic();
    const auth = { Authorization: `Bearer ${clinic.adminKey}` };
    const created = await t
      .http()
      .post('/v1/webhooks')
      .set(auth)
      .send({ url: receiver.url('/lease'), events: ['patient.created'] });
    const patient = (await t.http().post('/v1/patients').set(auth).send({})).body;
    // A dispatcher claims the delivery and dies before sending it.
    const claimedAt = Date.now();
    const claimed = await asDispatcher(t.database.db, (tx) => dispatcherRepository.claim(tx, 10, 400));
    expect(claimed.map((d) => d.resourceId)).toEqual([patient.id]);
    // While the lease holds, a live dispatcher does not touch it; afterwards it sends it.
    t.services.webhookDispatcher.start();
    const [got] = await waitFor('the delivery after the lease', () => receiver.at('/lease').length > 0 && receiver.at('/lease'));
    // The lease (400 ms) began at the claim, which began after claimedAt (less a little clock skew).
    expect(got!.at - claimedAt).toBeGreaterThanOrEqual(350);
    expect(got!.json.data.id).toBe(patient.id);
    const [delivery] = await waitFor('success recorded', async () => {
      const d = (await t.http().get(`/v1/webhooks/${created.body.webhook.id}/deliveries`).set(auth)).body.data as Delivery[];
      return d[0]?.status === 'succeeded' && d;
    });
    expect(delivery!.attempts).toBe(2);
    // The dead claimant's late report changes nothing: its claim is gone.
    expect(await asDispatcher(t.database.db, (tx) => dispatcherRepository.succeeded(tx, claimed[0]!, 200))).toBe(false);
  });
});

describeOnServer('webhooks: claims from two connections at once', () => {
  let t: TestApp;
  let second: Database;

  beforeAll(async () => {
    t = await startTestApp({ serviceOptions: { webhooks: OPTIONS } });
    second = await openTestDatabase();
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('never hand the same delivery to both (FOR UPDATE SKIP LOCKED)', async () => {
    const clinic = await t.createClinic();
    const auth = { Authorization: `Bearer ${clinic.adminKey}` };
    // No dispatcher runs here: the test is the only claimant. Unroutable on purpose, nothing is sent.
    const created = await t
      .http()
      .post('/v1/webhooks')
      .set(auth)
      .send({ url: 'http://127.0.0.1:9/never', events: ['patient.created'] });
    await Promise.all(Array.from({ length: 20 }, () => t.http().post('/v1/patients').set(auth).send({})));
    const mine = (rows: { clinicId: string; id: string }[]) => rows.filter((r) => r.clinicId === clinic.clinicId).map((r) => r.id);
    const [a, b] = await Promise.all([
      asDispatcher(t.database.db, (tx) => dispatcherRepository.claim(tx, 500, 60_000)),
      asDispatcher(second.db, (tx) => dispatcherRepository.claim(tx, 500, 60_000)),
    ]);
    const both = [...mine(a!), ...mine(b!)];
    expect(new Set(both).size).toBe(both.length);
    expect(both.length).toBe(20);
    expect((await t.http().delete(`/v1/webhooks/${created.body.webhook.id}`).set(auth).set('If-Match', '*')).status).toBe(204);
  });
});

describe('webhooks without WEBHOOKS_SECRET_KEY', () => {
  let t: TestApp;
  let receiver: Receiver;
  let made: { clinic: TestClinic; id: string } | undefined;
  beforeAll(async () => {
    t = await startTestApp({ serviceOptions: { webhooks: { ...OPTIONS, secretKey: undefined } } });
    receiver = await startReceiver(() => 200);
    t.services.webhookDispatcher.start();
  });
  afterAll(async () => {
    await t?.services.webhookDispatcher.stop();
    if (made) await t.http().delete(`/v1/webhooks/${made.id}`).set('Authorization', `Bearer ${made.clinic.adminKey}`).set('If-Match', '*');
    await receiver?.close();
    await t?.close();
  });

  it('work as `npm start` runs them: secrets sealed under the key the database generated, deliveries signed', async () => {
    const clinic = await t.createClinic();
    const as = { Authorization: `Bearer ${clinic.adminKey}` };
    const path = `/hook/${uuidv7()}`;
    const res = await t
      .http()
      .post('/v1/webhooks')
      .set(as)
      .send({ url: receiver.url(path), events: ['patient.created'] });
    expect(res.status).toBe(201);
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    made = { clinic, id: res.body.webhook.id };
    const patient = (await t.http().post('/v1/patients').set(as).send({})).body as { id: string };
    const [got] = await waitFor('the delivery', () => receiver.at(path).length > 0 && receiver.at(path));
    expect(got!.json.data.id).toBe(patient.id);
    expect(verifyStandardWebhook(res.body.secret, got!.headers, got!.body)).toBe(true);
  });

  it('share one key across instances and restarts: the migration generated it once, in the database', async () => {
    const second: Database = serverDatabaseUrl() ? await openTestDatabase() : t.database;
    try {
      const [mine, theirs] = await Promise.all([createSealingKey(t.database, undefined)(), createSealingKey(second, undefined)()]);
      expect(mine).toMatch(/^[0-9a-f]{64}$/);
      expect(theirs).toBe(mine);
      // A configured key wins over the database's.
      expect(await createSealingKey(t.database, OPTIONS.secretKey)()).toBe(OPTIONS.secretKey);
    } finally {
      if (second !== t.database) await second.close();
    }
  });
});
