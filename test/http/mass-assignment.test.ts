import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { feedClient } from '../support/change-feed';
import { lowBackAssessment } from '../support/fixtures';
import { resolve, type JsonSchema, type OpenApiDocument } from '../support/openapi-arbitraries';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

/**
 * Mass assignment: a client must not set what the server owns (ids, versions, timestamps, the
 * clinic, the engine's output, a key's secret…) by adding it to a write. For every write
 * operation of the OpenAPI document, the fields its response has and its request does not —
 * the server-owned ones, read from the document itself — plus the usual suspects are each sent
 * on an otherwise valid body: each is refused with 400 naming the field, and nothing changes
 * (the resource reads the same, with the same ETag, and the change feed records nothing).
 */
const doc = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'openapi', 'openapi.json'), 'utf8')) as OpenApiDocument;

const SUSPECTS = [
  'id',
  'clinicId',
  'clinic_id',
  'version',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'ownerId',
  'role',
  'isAdmin',
  'scopes',
  'secretHash',
  'engineVersion',
];

/** Top-level property names of a schema (through $refs, anyOf branches and allOf parts). */
function propertyNames(schema: JsonSchema | undefined): Set<string> {
  const names = new Set<string>();
  if (!schema) return names;
  const s = resolve(doc, schema);
  for (const name of Object.keys(s.properties ?? {})) names.add(name);
  for (const part of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) propertyNames(part).forEach((n) => names.add(n));
  return names;
}

interface WriteOperation {
  method: string;
  route: string;
  requestFields: Set<string>;
  serverOwned: string[];
}

const writeOperations: WriteOperation[] = Object.entries(doc.paths).flatMap(([route, methods]) =>
  Object.entries(methods)
    .filter(([, op]) => op.requestBody?.content['application/json'])
    .map(([method, op]) => {
      const requestFields = propertyNames(op.requestBody!.content['application/json']!.schema);
      const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'))![1];
      const responseFields = new Set<string>();
      for (const media of Object.values(success.content ?? {})) {
        const top = propertyNames(media.schema);
        top.forEach((n) => responseFields.add(n));
        // A response wrapping resources ({ assessment, plan }, { apiKey, secret }): their fields count too.
        for (const name of top) propertyNames(resolve(doc, media.schema).properties?.[name]).forEach((n) => responseFields.add(n));
      }
      const serverOwned = [...new Set([...responseFields, ...SUSPECTS])].filter((f) => !requestFields.has(f)).sort();
      return { method: method.toUpperCase(), route, requestFields, serverOwned };
    }),
);

describe('mass assignment: server-owned and unknown fields are refused on every write, and nothing changes', () => {
  let t: TestApp;
  let c: TestClinic;
  const auth = () => ({ Authorization: `Bearer ${c.adminKey}` });

  beforeAll(async () => {
    // Webhooks need a key to seal their secrets with; nothing is sent (no dispatcher runs).
    t = await startTestApp({ serviceOptions: { webhooks: loadConfig({ WEBHOOKS_SECRET_KEY: 'mass-assignment-test-key-0123456789abcdef' }).webhooks } });
    c = await t.createClinic();
  });
  afterAll(() => t?.close());

  it('finds the server-owned fields of every write operation in the OpenAPI document', () => {
    const byOperation = Object.fromEntries(writeOperations.map((w) => [`${w.method} ${w.route}`, w.serverOwned]));
    expect(Object.keys(byOperation).sort()).toEqual(
      [
        'PATCH /v1/patients/{id}',
        'PATCH /v1/plans/{id}',
        'POST /v1/api-keys',
        'POST /v1/assessments',
        'POST /v1/assessments/preview',
        'POST /v1/patients',
        'POST /v1/plans/{id}/reassessments',
        'POST /v1/plans/{id}/sessions',
        'PUT /v1/patients/by-external-id/{externalId}',
        'PATCH /v1/webhooks/{id}',
        'POST /v1/webhooks',
      ].sort(),
    );
    expect(byOperation['POST /v1/patients']).toEqual(expect.arrayContaining(['id', 'version', 'createdAt', 'updatedAt', 'clinicId']));
    expect(byOperation['POST /v1/assessments']).toEqual(expect.arrayContaining(['assessment', 'plan', 'planId', 'status', 'engineVersion']));
    expect(byOperation['PATCH /v1/plans/{id}']).toEqual(
      expect.arrayContaining(['id', 'version', 'patientId', 'assessmentId', 'engineVersion', 'screening', 'summary']),
    );
    expect(byOperation['POST /v1/api-keys']).toEqual(expect.arrayContaining(['prefix', 'secret', 'revokedAt', 'secretHash']));
  });

  it.each(writeOperations.map((w) => [`${w.method} ${w.route}`, w] as const))('%s', async (_name, operation) => {
    const http = () => t.http();
    const patient = (
      await http()
        .post('/v1/patients')
        .set(auth())
        .send({ firstName: 'Mass', externalId: `MASS-${Date.now()}-${Math.random().toString(36).slice(2, 8)}` })
    ).body;
    const created = (await http().post('/v1/assessments').set(auth()).send(lowBackAssessment(patient.id))).body;
    const plan = created.plan;
    const technique = plan.techniques[0];
    const patientNow = async () => http().get(`/v1/patients/${patient.id}`).set(auth());
    const planNow = async () => http().get(`/v1/plans/${plan.id}`).set(auth());
    const webhook = (
      await http()
        .post('/v1/webhooks')
        .set(auth())
        .send({ url: 'https://93.184.215.14/hook', events: ['*'] })
    ).body.webhook;
    const webhookNow = async () => http().get(`/v1/webhooks/${webhook.id}`).set(auth());

    // A valid request of the operation, and how to read what it would change.
    const cases: Record<string, { url: string; body: Record<string, unknown>; headers?: () => Promise<Record<string, string>>; read: () => Promise<unknown> }> =
      {
        'POST /v1/patients': {
          url: '/v1/patients',
          body: { firstName: 'Ada' },
          read: async () => (await http().get('/v1/patients?limit=200').set(auth())).body,
        },
        'PUT /v1/patients/by-external-id/{externalId}': {
          url: `/v1/patients/by-external-id/${patient.externalId}`,
          body: { firstName: 'Renamed' },
          read: async () => [(await patientNow()).body, (await patientNow()).headers.etag],
        },
        'PATCH /v1/patients/{id}': {
          url: `/v1/patients/${patient.id}`,
          body: { lastName: 'Changed' },
          headers: async () => ({ 'If-Match': String((await patientNow()).headers.etag) }),
          read: async () => [(await patientNow()).body, (await patientNow()).headers.etag],
        },
        'POST /v1/assessments': {
          url: '/v1/assessments',
          body: lowBackAssessment(patient.id),
          read: async () => (await http().get('/v1/plans?limit=200').set(auth())).body,
        },
        'POST /v1/assessments/preview': {
          url: '/v1/assessments/preview',
          body: lowBackAssessment(patient.id),
          read: async () => (await http().get('/v1/plans?limit=200').set(auth())).body,
        },
        'PATCH /v1/plans/{id}': {
          url: `/v1/plans/${plan.id}`,
          body: { notes: 'Edited' },
          headers: async () => ({ 'If-Match': String((await planNow()).headers.etag) }),
          read: async () => [(await planNow()).body, (await planNow()).headers.etag],
        },
        'POST /v1/plans/{id}/sessions': {
          url: `/v1/plans/${plan.id}/sessions`,
          body: { performedAt: new Date().toISOString(), minutes: 30, techniques: [technique.code], regions: [technique.region] },
          read: async () => (await http().get(`/v1/plans/${plan.id}/sessions`).set(auth())).body,
        },
        'POST /v1/plans/{id}/reassessments': {
          url: `/v1/plans/${plan.id}/reassessments`,
          body: (({ patientId: _p, ...input }) => input)(lowBackAssessment(patient.id)),
          read: async () => [(await planNow()).body, (await http().get('/v1/plans?limit=200').set(auth())).body],
        },
        'POST /v1/webhooks': {
          url: '/v1/webhooks',
          body: { url: 'https://93.184.215.14/other', events: ['patient.created'] },
          read: async () => (await http().get('/v1/webhooks?limit=200').set(auth())).body,
        },
        'PATCH /v1/webhooks/{id}': {
          url: `/v1/webhooks/${webhook.id}`,
          body: { description: 'Changed' },
          headers: async () => ({ 'If-Match': String((await webhookNow()).headers.etag) }),
          read: async () => [(await webhookNow()).body, (await webhookNow()).headers.etag],
        },
        'POST /v1/api-keys': {
          url: '/v1/api-keys',
          body: { name: 'mass', scopes: ['read'] },
          read: async () => (await http().get('/v1/api-keys?limit=200').set(auth())).body,
        },
      };
    const key = `${operation.method} ${operation.route}`;
    const valid = cases[key];
    if (!valid) throw new Error(`no valid request for ${key}: add one when a write operation is added`);
    const send = async (body: unknown, raw?: string) => {
      const agent = http();
      const method = operation.method.toLowerCase() as 'post' | 'put' | 'patch';
      const request = agent[method](valid.url)
        .set(auth())
        .set(valid.headers ? await valid.headers() : {});
      return raw === undefined ? request.send(body as object) : request.set('Content-Type', 'application/json').send(raw);
    };

    const feed = feedClient(t, c);
    // On a server a change shows in the feed once older transactions have ended: wait for this test's own.
    const { syncCursor } = await feed.pollUntil(undefined, (all) => all.some((change) => change.id === plan.id));
    const before = await valid.read();

    const attempts: [string, unknown][] = [
      ...operation.serverOwned.map(
        (field) =>
          [field, { ...valid.body, [field]: field === 'version' ? 99 : field.endsWith('At') ? new Date().toISOString() : 'sneaky' }] as [string, unknown],
      ),
      ['unknownField', { ...valid.body, unknownField: 1 }],
    ];
    // One level down too, where the body has objects of its own.
    for (const [name, value] of Object.entries(valid.body)) {
      if (value && typeof value === 'object' && !Array.isArray(value)) attempts.push([`${name}/id`, { ...valid.body, [name]: { ...value, id: 'sneaky' } }]);
    }
    if (key === 'PATCH /v1/plans/{id}') {
      // The total is the server's: sessionsPerWeek × weeks.
      attempts.push([
        'schedule/totalSessions',
        { schedule: { sessionMinutes: 60, sessionsPerWeek: 1, weeks: 6, reassessAfterSessions: 3, totalSessions: 99 } },
      ]);
    }
    for (const [field, body] of attempts) {
      const res = await send(body);
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: `/${field}` })]));
    }
    // Prototype pollution rides in raw JSON: refused as well.
    for (const raw of [
      JSON.stringify(valid.body).replace(/^\{/, '{"__proto__":{"isAdmin":true},'),
      JSON.stringify(valid.body).replace(/^\{/, '{"constructor":{"prototype":{"isAdmin":true}},'),
    ]) {
      const res = await send(undefined, raw);
      expect(res.status).toBe(400);
      expect(({} as { isAdmin?: boolean }).isAdmin).toBeUndefined();
    }

    // Nothing changed: the same reading, and nothing in the change feed.
    expect(await valid.read()).toEqual(before);
    expect((await feed.drain(syncCursor)).changes).toEqual([]);

    // The same request without the extra field goes through (so the refusals were about the fields).
    const accepted = await send(valid.body);
    expect(accepted.status).toBeLessThan(300);
  });
});
