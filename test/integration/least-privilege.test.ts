import { randomBytes } from 'node:crypto';
import pino from 'pino';
import type { Client, Pool } from 'pg';
import { sqlState } from '../../src/db/errors';
import { privilegeRisks, warnIfOverPrivileged } from '../../src/db/least-privilege';
import { connectPostgres } from '../../src/db/postgres.database';
import { lowBackAssessment } from '../support/fixtures';
import { serverDatabaseUrl } from '../support/database-target';
import { openRawConnection } from '../support/raw-sql';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

const onServer = serverDatabaseUrl() ? describe : describe.skip;

/**
 * SPEC §7 least privilege: the API serves as a login that is neither superuser, table owner nor
 * BYPASSRLS, only a member of manuplan_app; the owner (DATABASE_MIGRATE_URL) migrates. Here a
 * login like that is made for this run, and a representative slice of the API is driven through
 * it: every request must work with exactly the grants and policies the migrations give
 * manuplan_app. Skipped on PGlite, which has one user.
 */
onServer('least privilege: the API runs as a restricted login (PostgreSQL only)', () => {
  const login = `manuplan_rt_${randomBytes(4).toString('hex')}`;
  let raw: Client;
  let owner: TestApp;
  let restricted: TestApp;
  let clinic: TestClinic;
  let restrictedUrl: string;

  beforeAll(async () => {
    raw = await openRawConnection();
    await raw.query(`create role ${login} login password 'rt' nosuperuser nocreatedb nocreaterole nobypassrls inherit in role manuplan_app`);
    const url = new URL(serverDatabaseUrl()!);
    url.username = login;
    url.password = 'rt';
    restrictedUrl = url.toString();
    owner = await startTestApp();
    const database = connectPostgres({
      url: restrictedUrl,
      migrateUrl: serverDatabaseUrl()!,
      poolSize: 4,
      connectTimeoutMs: 5000,
      statementTimeoutMs: 30000,
      idleInTransactionTimeoutMs: 30000,
      logger: pino({ level: 'silent' }),
    });
    // The owner applies migrations (nothing is pending by now, but it is the owner that connects).
    await database.migrate();
    // With failed authentications throttled, so that their counters are written as this login too.
    restricted = await startTestApp({ database, serviceOptions: { authFailuresPerMinute: 30, authFailureBurst: 20 } });
    // Clinics are made by operators (the CLI, as the owner): the runtime login may not.
    clinic = await owner.createClinic('Least privilege clinic');
  });
  afterAll(async () => {
    await restricted?.close();
    await owner?.close();
    await raw?.query(`drop role if exists ${login}`).catch(() => undefined);
    await raw?.end();
  });

  it('the login is what SPEC §7 asks for, and the start-up check says so; the owner login is flagged', async () => {
    const privileges = await restricted.database.loginPrivileges!();
    expect(privileges).toEqual({ login, superuser: false, bypassRls: false, tableOwner: false, memberOfApp: true });
    const warnings: unknown[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) });
    expect(await warnIfOverPrivileged(restricted.database, logger)).toEqual([]);
    expect(warnings).toEqual([]);
    const ownerRisks = privilegeRisks(await owner.database.loginPrivileges!());
    expect(ownerRisks.length).toBeGreaterThan(0);
    expect(await warnIfOverPrivileged(owner.database, logger)).toEqual(ownerRisks);
    expect(warnings).toHaveLength(1);
  });

  it('cannot step around row-level security or make clinics', async () => {
    const direct = await (restricted.database.db as unknown as { $client: Pool }).$client.connect();
    try {
      // Without a clinic set, the policies (which apply to members of manuplan_app) show nothing.
      expect((await direct.query('select count(*)::int as n from patients')).rows[0].n).toBe(0);
      const disable = await direct.query('alter table patients disable row level security').catch((err: unknown) => err);
      expect(sqlState(disable)).toBe('42501');
    } finally {
      direct.release();
    }
    expect(sqlState(await restricted.services.clinics.create('Not allowed').catch((err: unknown) => err))).toBe('42501');
  });

  it('serves a clinic’s day through the restricted login', async () => {
    const http = restricted.http.bind(restricted);
    const auth = { Authorization: `Bearer ${clinic.adminKey}` };
    const created = await http()
      .post('/v1/patients')
      .set(auth)
      .set('Idempotency-Key', 'lp-1')
      .send({ externalId: 'LP-1', firstName: 'Ada', birthDate: '1980-02-01' });
    expect(created.status).toBe(201);
    const replay = await http()
      .post('/v1/patients')
      .set(auth)
      .set('Idempotency-Key', 'lp-1')
      .send({ externalId: 'LP-1', firstName: 'Ada', birthDate: '1980-02-01' });
    expect([replay.status, replay.headers['idempotent-replayed']]).toEqual([201, 'true']);
    const patientId = created.body.id as string;
    expect((await http().patch(`/v1/patients/${patientId}`).set(auth).set('if-match', 'W/"1"').send({ lastName: 'Byron' })).status).toBe(200);
    expect((await http().put('/v1/patients/by-external-id/LP-2').set(auth).send({ firstName: 'Grace' })).status).toBe(201);
    expect((await http().get('/v1/patients').set(auth)).body.data).toHaveLength(2);

    const assessment = await http().post('/v1/assessments').set(auth).send(lowBackAssessment(patientId));
    expect(assessment.status).toBe(201);
    const planId = assessment.body.plan.id as string;
    expect((await http().get(`/v1/plans/${planId}`).set(auth)).status).toBe(200);
    const session = await http()
      .post(`/v1/plans/${planId}/sessions`)
      .set(auth)
      .send({ performedAt: new Date().toISOString(), minutes: 45, techniques: ['swedish_massage'], regions: ['lower_back'] });
    expect(session.status).toBe(201);
    expect((await http().get(`/v1/plans/${planId}/progress`).set(auth)).status).toBe(200);
    expect((await http().get(`/v1/plans/${planId}/fhir`).set(auth)).status).toBe(200);
    expect((await http().get('/v1/changes').set(auth)).body.data.length).toBeGreaterThan(0);

    const key = await http()
      .post('/v1/api-keys')
      .set(auth)
      .send({ name: 'front desk', scopes: ['read'] });
    expect(key.status).toBe(201);
    expect(
      (
        await http()
          .get('/v1/patients')
          .set({ Authorization: `Bearer ${key.body.secret}` })
      ).status,
    ).toBe(200);
    expect((await http().delete(`/v1/api-keys/${key.body.apiKey.id}`).set(auth)).status).toBe(200);
    expect(
      (
        await http()
          .get('/v1/patients')
          .set({ Authorization: `Bearer ${key.body.secret}` })
      ).status,
    ).toBe(401);
    // A failed authentication is counted in auth_failures, as the restricted login (a refused grant would be a 500).
    expect(
      (
        await http()
          .get('/v1/patients')
          .set({ Authorization: `Bearer mpk_${'z'.repeat(12)}_${'A'.repeat(43)}` })
      ).status,
    ).toBe(401);

    await restricted.services.audit.flush();
    expect((await http().get('/v1/audit-events').set(auth)).body.data.length).toBeGreaterThan(0);

    // Another clinic's patient is not there for this one.
    const other = await owner.createClinic('Neighbour');
    const theirs = await owner
      .http()
      .post('/v1/patients')
      .set({ Authorization: `Bearer ${other.adminKey}` })
      .send({ firstName: 'Theirs' });
    expect((await http().get(`/v1/patients/${theirs.body.id}`).set(auth)).status).toBe(404);
  });
});
