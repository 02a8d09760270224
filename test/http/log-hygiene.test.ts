import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { connectPostgres } from '../../src/db/postgres.database';
import { lowBackAssessment } from '../support/fixtures';
import { serverDatabaseUrl } from '../support/database-target';
import { describeOnServer, openRawConnection } from '../support/raw-sql';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

/**
 * No patient data in logs. A therapist's software sends names, complaint text, SOAP notes and
 * its own patient ids; an integration may even put its key in a query string. Whatever happens
 * to the request — served, refused, failed in the database, timed out on a lock — none of it
 * may reach a log line. Each value below is unique, so finding it anywhere in what the app
 * wrote (at trace level, the most it ever writes) is a leak.
 */
const canary = (what: string) => `${what}${randomUUID().replace(/-/g, '').slice(0, 12)}`;

describe('logs hold no patient data, SQL or secrets', () => {
  let t: TestApp;
  let clinic: TestClinic;
  const canaries = {
    firstName: canary('Adaline'),
    lastName: canary('Lovecraft'),
    complaint: `sharp pain after falling from a ladder ${canary('complaint')}`,
    notes: canary('SOAPnote'),
    externalId: canary('EXT-'),
    queryKey: canary('mpk_querykey'),
  };
  const auth = () => ({ Authorization: `Bearer ${clinic.adminKey}` });

  beforeAll(async () => {
    t = await startTestApp({
      logLevel: 'trace',
      // A database error forced on one route: a real statement that fails in PostgreSQL with the
      // request's values as parameters, as any unforeseen failure of a write would.
      services: (s) => ({
        ...s,
        patients: {
          ...s.patients,
          upsertByExternalId: async (_ctx, externalId, _ifMatch, body) => {
            await s.database.db.execute(sql`select ${externalId}::text, ${body.firstName ?? ''}::text, ${body.lastName ?? ''}::int`);
            throw new Error('unreachable');
          },
        },
      }),
    });
    clinic = await t.createClinic();
  });
  afterAll(() => t?.close());

  function expectNoCanaryInLogs() {
    const written = t.logs.join('');
    for (const [what, value] of Object.entries(canaries)) {
      if (written.includes(value)) throw new Error(`the logs hold the ${what} canary: ${t.logs.find((l) => l.includes(value))}`);
    }
    expect(written).not.toMatch(/Failed query|select .*::int|params:/i);
    expect(written).not.toContain(clinic.adminKey.slice(17));
  }

  it('served, refused and failed requests leave only route patterns, classes and codes in the log', async () => {
    const patient = await t
      .http()
      .post('/v1/patients')
      .set(auth())
      .send({ externalId: canaries.externalId, firstName: canaries.firstName, lastName: canaries.lastName, birthDate: '1980-02-01' });
    expect(patient.status).toBe(201);
    const assessment = await t
      .http()
      .post('/v1/assessments')
      .set(auth())
      .send(lowBackAssessment(patient.body.id, { complaint: canaries.complaint }));
    expect(assessment.status).toBe(201);
    const planId = assessment.body.plan.id as string;
    const session = await t
      .http()
      .post(`/v1/plans/${planId}/sessions`)
      .set(auth())
      .send({
        performedAt: new Date().toISOString(),
        minutes: 45,
        techniques: ['swedish_massage'],
        regions: ['lower_back'],
        notes: { subjective: canaries.notes },
      });
    expect(session.status).toBe(201);

    // A read that names the patient by the clinic's own id in the query.
    expect((await t.http().get('/v1/patients').query({ externalId: canaries.externalId }).set(auth())).status).toBe(200);
    // A key in the query string (refused: keys go in Authorization), and with no key at all.
    expect((await t.http().get('/v1/patients').query({ api_key: canaries.queryKey })).status).toBe(401);
    expect((await t.http().get('/v1/patients').query({ api_key: canaries.queryKey }).set(auth())).status).toBe(400);
    // Validation errors carrying patient data: an unknown field, a wrong type, a bad date, bad JSON.
    const invalid = [
      await t.http().post('/v1/patients').set(auth()).send({ firstName: canaries.firstName, nickname: canaries.lastName }),
      await t.http().post('/v1/patients').set(auth()).send({ firstName: 42, lastName: canaries.lastName, sex: canaries.notes }),
      await t
        .http()
        .post(`/v1/plans/${planId}/sessions`)
        .set(auth())
        .send({ performedAt: '0000-01-01T00:00:00Z', minutes: 30, techniques: ['swedish_massage'], regions: [], notes: { plan: canaries.notes } }),
      await t.http().post('/v1/patients').set(auth()).set('content-type', 'application/json').send(`{"firstName": "${canaries.firstName}", `),
    ];
    expect(invalid.map((r) => r.status)).toEqual([400, 400, 400, 400]);
    // A route that does not exist, its path holding a patient id.
    expect((await t.http().get(`/v1/nowhere/${canaries.externalId}`).set(auth())).status).toBe(404);

    // A database error: 500 for the client, a log line for the operator.
    const failed = await t
      .http()
      .put(`/v1/patients/by-external-id/${canaries.externalId}`)
      .set(auth())
      .send({ firstName: canaries.firstName, lastName: canaries.lastName });
    expect(failed.status).toBe(500);
    expect(JSON.stringify(failed.body)).not.toMatch(/select|params|Lovecraft|Adaline/i);

    expectNoCanaryInLogs();
    // What the log does say about the failure: enough to find it, nothing of the data.
    const line = JSON.parse(t.logs.find((l) => l.includes('"request failed"'))!);
    expect(line).toMatchObject({
      level: 50,
      requestId: failed.body.requestId,
      route: '/v1/patients/by-external-id/:externalId',
      err: { type: 'DrizzleQueryError', sqlState: '22P02', causes: expect.arrayContaining([expect.any(String)]) },
    });
    expect(line.err.message).toBeUndefined();
    // The request log names route patterns, never URLs.
    const routes = t.logs
      .map((l) => JSON.parse(l))
      .filter((l) => l.msg === 'incoming request')
      .map((l) => l.req.route);
    expect(routes).toEqual(expect.arrayContaining(['/v1/patients', '/v1/patients/by-external-id/:externalId', '/v1/plans/:id/sessions']));
    for (const l of t.logs) expect(JSON.parse(l).req?.url).toBeUndefined();
  });
});

describeOnServer('logs on a lock time-out hold no patient data', () => {
  it('a PATCH waiting on a locked row answers 503, and the warning names the route and SQLSTATE only', async () => {
    const database = connectPostgres({
      url: serverDatabaseUrl()!,
      poolSize: 3,
      connectTimeoutMs: 2000,
      statementTimeoutMs: 400,
      idleInTransactionTimeoutMs: 5000,
      logger: pino({ level: 'silent' }),
    });
    const t = await startTestApp({ database, logLevel: 'trace' });
    const raw = await openRawConnection();
    try {
      const clinic = await t.createClinic();
      const auth = { Authorization: `Bearer ${clinic.adminKey}` };
      const [firstName, lastName] = [canary('Theodora'), canary('Quill')];
      const created = await t.http().post('/v1/patients').set(auth).send({ firstName: 'Before', lastName: 'Before' });
      expect(created.status).toBe(201);
      // Another session holds the patient's row, as a long import would.
      await raw.query('begin');
      await raw.query('select 1 from patients where clinic_id = $1 and id = $2 for update', [clinic.clinicId, created.body.id]);
      const patched = await t.http().patch(`/v1/patients/${created.body.id}`).set(auth).set('if-match', 'W/"1"').send({ firstName, lastName });
      await raw.query('rollback');
      expect(patched.status).toBe(503);
      const written = t.logs.join('');
      expect(written).not.toContain(firstName);
      expect(written).not.toContain(lastName);
      const line = JSON.parse(t.logs.find((l) => l.includes('"service unavailable"'))!);
      expect(line).toMatchObject({ route: '/v1/patients/:id', requestId: patched.body.requestId, err: { sqlState: '57014' } });
    } finally {
      await raw.end();
      await t.close();
    }
  });
});
