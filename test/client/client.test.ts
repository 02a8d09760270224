import type { AddressInfo } from 'node:net';
import { createClient, etagOf, pages, paginate, ProblemError, type components, type ManuplanClient } from '../../clients/typescript/src';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';
import { startFaultProxy } from './fault-proxy';

type NewAssessment = components['schemas']['NewAssessmentInput'];

/** A plain low-back case, written against the client's types (a wrong field would not compile). */
const lowBack = (patientId: string): NewAssessment => ({
  patientId,
  practitioner: 'dr-lee',
  complaint: 'Dull ache low back for 4 months, worse sitting',
  painLocations: [{ region: 'lower_back', side: 'left', intensity: 6, quality: ['aching'] }],
  goals: [{ type: 'pain_relief', priority: 1 }],
  durationWeeks: 16,
  measures: { painNrs: 6 },
});

describe('the typed client against the real app', () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t?.close());

  const clientOf = async (name: string): Promise<{ clinic: TestClinic; client: ManuplanClient }> => {
    const clinic = await t.createClinic(name);
    return { clinic, client: createClient({ baseUrl, apiKey: clinic.adminKey }) };
  };

  it('creates a patient and an assessment, reads the plan and edits it with If-Match', async () => {
    const { client } = await clientOf('Client story clinic');

    const created = await client.POST('/v1/patients', { body: { externalId: 'C-1', firstName: 'Ada' } });
    expect(created.response.status).toBe(201);
    const patient = created.data!;
    expect(patient).toMatchObject({ externalId: 'C-1', firstName: 'Ada', version: 1 });

    const assessed = await client.POST('/v1/assessments', { body: lowBack(patient.id) });
    expect(assessed.response.status).toBe(201);
    const planId = assessed.data!.plan.id;

    const read = await client.GET('/v1/plans/{id}', { params: { path: { id: planId } } });
    expect(read.data).toMatchObject({ id: planId, patientId: patient.id, status: 'active', version: 1 });
    const etag = etagOf(read.response);

    const edited = await client.PATCH('/v1/plans/{id}', {
      params: { path: { id: planId }, header: { 'if-match': etag } },
      body: { status: 'on_hold', notes: 'Away until May' },
    });
    expect(edited.response.status).toBe(200);
    expect(edited.data).toMatchObject({ status: 'on_hold', notes: 'Away until May', version: 2 });
    expect(etagOf(edited.response)).not.toBe(etag);

    // The copy read before the edit is stale now: the server refuses to let it overwrite the edit.
    const stale = await client.PATCH('/v1/plans/{id}', { params: { path: { id: planId }, header: { 'if-match': etag } }, body: { notes: 'Overwrite' } });
    expect(stale.response.status).toBe(412);
    expect(stale.error).toMatchObject({ status: 412 });
    const missing = await client.PATCH('/v1/plans/{id}', { params: { path: { id: planId } }, body: { notes: 'Blind write' } });
    expect(missing.response.status).toBe(428);
    expect((await client.GET('/v1/plans/{id}', { params: { path: { id: planId } } })).data).toMatchObject({ notes: 'Away until May', version: 2 });
  });

  it('gives every POST its own Idempotency-Key unless the caller chose one', async () => {
    const { client } = await clientOf('Client key clinic');
    const keys: string[] = [];
    client.use({
      onRequest({ request }) {
        keys.push(request.headers.get('idempotency-key') ?? '(none)');
      },
    });
    await client.POST('/v1/patients', { body: {} });
    await client.POST('/v1/patients', { body: {} });
    const chosen = await client.POST('/v1/patients', { body: { firstName: 'Once' }, params: { header: { 'idempotency-key': 'import-row-17' } } });
    const replay = await client.POST('/v1/patients', { body: { firstName: 'Once' }, params: { header: { 'idempotency-key': 'import-row-17' } } });
    await client.GET('/v1/patients');

    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys.slice(2)).toEqual(['import-row-17', 'import-row-17', '(none)']);
    expect(replay.response.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.data!.id).toBe(chosen.data!.id);
  });

  it('pages through a list with more than one page, following nextCursor', async () => {
    const { client } = await clientOf('Client paging clinic');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await client.POST('/v1/patients', { body: { externalId: `page-${i}` } })).data!.id);

    const sizes: number[] = [];
    for await (const page of pages(client, '/v1/patients', { params: { query: { limit: 2 } } })) sizes.push(page.data.length);
    expect(sizes).toEqual([2, 2, 1]);

    const seen: string[] = [];
    for await (const patient of paginate(client, '/v1/patients', { params: { query: { limit: 2 } } })) seen.push(patient.id);
    expect([...seen].sort()).toEqual([...ids].sort());

    // A list that needs a path parameter: the plan's sessions (none yet).
    const plan = (await client.POST('/v1/assessments', { body: lowBack(ids[0]!) })).data!.plan;
    const sessions = [];
    for await (const session of paginate(client, '/v1/plans/{id}/sessions', { params: { path: { id: plan.id } } })) sessions.push(session);
    expect(sessions).toEqual([]);
  });

  it('ends paging with a ProblemError when a page is refused', async () => {
    const { clinic } = await clientOf('Client refused clinic');
    const reader = createClient({ baseUrl, apiKey: await clinic.keyWith('read') });
    const walk = async () => {
      for await (const _event of paginate(reader, '/v1/audit-events')) return;
    };
    await expect(walk()).rejects.toThrow(ProblemError);
    await expect(walk()).rejects.toMatchObject({ status: 403, problem: { status: 403 } });
  });

  it('survives a 503 with Retry-After: the retried POST carries the same key, and the work is done once', async () => {
    const { client: direct, clinic } = await clientOf('Client retry clinic');
    const proxy = await startFaultProxy(baseUrl);
    try {
      const client = createClient({ baseUrl: proxy.url, apiKey: clinic.adminKey });
      proxy.failNext503((method, url) => method === 'POST' && url === '/v1/patients');

      const created = await client.POST('/v1/patients', { body: { externalId: 'R-1', firstName: 'Retried' } });

      expect(created.response.status).toBe(201);
      const posts = proxy.seen.filter((r) => r.method === 'POST');
      expect(posts.map((r) => r.status)).toEqual([503, 201]);
      expect(posts[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(posts[1]!.idempotencyKey).toBe(posts[0]!.idempotencyKey);
      // The app did the work on the first attempt; the retry got its stored answer back.
      expect(created.response.headers.get('idempotent-replayed')).toBe('true');
      const all = [];
      for await (const patient of paginate(direct, '/v1/patients')) all.push(patient);
      expect(all.map((p) => p.id)).toEqual([created.data!.id]);
    } finally {
      await proxy.close();
    }
  });

  it('does not retry a PATCH, which the server would not replay', async () => {
    const { client: direct, clinic } = await clientOf('Client patch clinic');
    const patient = await direct.POST('/v1/patients', { body: { firstName: 'Ada' } });
    const proxy = await startFaultProxy(baseUrl);
    try {
      const client = createClient({ baseUrl: proxy.url, apiKey: clinic.adminKey });
      proxy.failNext503((method) => method === 'PATCH');
      const patched = await client.PATCH('/v1/patients/{id}', {
        params: { path: { id: patient.data!.id }, header: { 'if-match': etagOf(patient.response) } },
        body: { firstName: 'Ada Lovelace' },
      });
      expect(patched.response.status).toBe(503);
      expect(proxy.seen.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });
});
