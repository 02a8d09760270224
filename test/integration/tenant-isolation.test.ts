import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../../src/db/database';
import { sqlState } from '../../src/db/errors';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

/**
 * Row-level security, checked from below the application: raw SQL as the role every request
 * runs as. Whatever a query forgets, the database itself confines it to the clinic set.
 */
describe('tenant isolation in the database itself', () => {
  let t: TestApp;
  let a: TestClinic;
  let b: TestClinic;
  let tenantTables: string[];

  /** Runs `query` as manuplan_app, with the given settings, in a transaction of its own. */
  const asApp = <T>(settings: { clinicId?: string; keyPrefix?: string }, work: (tx: Tx) => Promise<T>) =>
    t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'manuplan_app', true)`);
      if (settings.clinicId) await tx.execute(sql`select set_config('app.clinic_id', ${settings.clinicId}, true)`);
      if (settings.keyPrefix) await tx.execute(sql`select set_config('app.key_prefix', ${settings.keyPrefix}, true)`);
      return work(tx);
    });
  const count = async (tx: Tx, table: string, where: SQL = sql`true`) =>
    Number((await queryRows<{ n: string }>(tx, sql`select count(*) as n from ${sql.identifier(table)} where ${where}`))[0]!.n);
  const ownerCount = (table: string, clinicId: string) => t.database.db.transaction((tx) => count(tx, table, sql`clinic_id = ${clinicId}`));

  /** Gives the clinic rows in every tenant table: through the API where it exists, raw SQL for the rest. */
  async function seed(c: TestClinic): Promise<void> {
    const auth = { Authorization: `Bearer ${c.adminKey}` };
    const patient = (await t.http().post('/v1/patients').set(auth).set('Idempotency-Key', `seed-${c.clinicId}`).send({ firstName: 'Seed' })).body;
    await t.http().get(`/v1/patients/${patient.id}`).set(auth);
    await t.services.audit.flush();
    const id = (n: number) => `${c.clinicId.slice(0, 24)}${String(n).padStart(12, '0')}`;
    const [assessmentId, planId, sessionId, webhookId] = [id(1), id(2), id(3), id(4)];
    const db = t.database.db;
    // A webhook for every event first: the rows below then leave deliveries in its outbox.
    await db.execute(sql`insert into webhooks (clinic_id, id, url, events, secret_sealed)
                         values (${c.clinicId}, ${webhookId}, 'https://93.184.215.14/seed', '{*}', 'sealed')`);
    await db.execute(sql`insert into assessments (clinic_id, id, patient_id, practitioner, assessed_at, input)
                         values (${c.clinicId}, ${assessmentId}, ${patient.id}, 'dr-seed', now(), '{}')`);
    await db.execute(sql`insert into plans (clinic_id, id, patient_id, assessment_id, status, engine_version, content)
                         values (${c.clinicId}, ${planId}, ${patient.id}, ${assessmentId}, 'draft', 'seed', '{}')`);
    await db.execute(sql`insert into plan_versions (clinic_id, plan_id, version, status, content, changed_at)
                         values (${c.clinicId}, ${planId}, 1, 'draft', '{}', now())`);
    await db.execute(sql`insert into sessions (clinic_id, id, plan_id, performed_at, minutes, techniques, regions, measures, adverse_events)
                         values (${c.clinicId}, ${sessionId}, ${planId}, now(), 30, '{}', '{}', '{}', '[]')`);
  }

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = [await t.createClinic('A'), await t.createClinic('B')];
    await seed(a);
    await seed(b);
    const tables = await queryRows<{ name: string }>(
      t.database.db,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'
            and exists (select 1 from pg_attribute att where att.attrelid = c.oid and att.attname = 'clinic_id' and not att.attisdropped)
          order by 1`,
    );
    tenantTables = tables.map((r) => r.name);
  });
  afterAll(() => t?.close());

  it('knows every tenant table and has rows of both clinics in each (extend seed() for a new table)', async () => {
    expect(tenantTables).toEqual(expect.arrayContaining(['api_keys', 'audit_events', 'changes', 'idempotency_keys', 'patients', 'rate_limits']));
    for (const table of tenantTables) {
      expect([table, (await ownerCount(table, a.clinicId)) > 0, (await ownerCount(table, b.clinicId)) > 0]).toEqual([table, true, true]);
    }
  });

  it('forces row-level security on every tenant table and on clinics, owner included', async () => {
    const rows = await queryRows<{ name: string; enabled: boolean; forced: boolean }>(
      t.database.db,
      sql`select relname as name, relrowsecurity as enabled, relforcerowsecurity as forced from pg_class
          where relname in (${sql.join(
            [...tenantTables, 'clinics'].map((n) => sql`${n}`),
            sql`, `,
          )}) and relkind = 'r'`,
    );
    for (const row of rows) expect(row).toEqual({ name: row.name, enabled: true, forced: true });
    expect(rows).toHaveLength(tenantTables.length + 1);
  });

  it('with no clinic set, the application role reads zero rows from every tenant table', async () => {
    for (const table of [...tenantTables, 'clinics']) {
      expect([table, await asApp({}, (tx) => count(tx, table))]).toEqual([table, 0]);
    }
  });

  it('with clinic A set, it reads exactly A’s rows', async () => {
    for (const table of tenantTables) {
      const seen = await asApp({ clinicId: a.clinicId }, async (tx) => ({
        all: await count(tx, table),
        foreign: await count(tx, table, sql`clinic_id <> ${a.clinicId}`),
      }));
      expect([table, seen]).toEqual([table, { all: await ownerCount(table, a.clinicId), foreign: 0 }]);
    }
    const clinics = await asApp({ clinicId: a.clinicId }, (tx) => queryRows<{ id: string }>(tx, sql`select id from clinics`));
    expect(clinics.map((c) => c.id)).toEqual([a.clinicId]);
  });

  it('with clinic A set, it can neither change, delete nor create B’s rows', async () => {
    for (const table of tenantTables) {
      for (const statement of [
        sql`with changed as (update ${sql.identifier(table)} set clinic_id = clinic_id where clinic_id = ${b.clinicId} returning 1) select count(*) as n from changed`,
        sql`with removed as (delete from ${sql.identifier(table)} where clinic_id = ${b.clinicId} returning 1) select count(*) as n from removed`,
      ]) {
        const outcome = await asApp({ clinicId: a.clinicId }, (tx) => queryRows<{ n: string }>(tx, statement)).then(
          (rows) => Number(rows[0]!.n),
          (err: unknown) => sqlState(err),
        );
        // Either nothing of B's matched, or the role may not change this table at all.
        expect([table, outcome === 0 || outcome === '42501']).toEqual([table, true]);
      }
      expect([table, (await ownerCount(table, b.clinicId)) > 0]).toEqual([table, true]);
    }
    const smuggle = asApp({ clinicId: a.clinicId }, (tx) =>
      tx.execute(sql`insert into patients (clinic_id, id, first_name) values (${b.clinicId}, gen_random_uuid(), 'Smuggled')`),
    );
    expect(sqlState(await smuggle.catch((err: unknown) => err))).toBe('42501');
  });

  it('the webhook dispatcher sees the webhooks and deliveries of every clinic, and nothing else', async () => {
    const seen = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'manuplan_app', true), set_config('app.webhook_dispatcher', 'on', true)`);
      const counts: Record<string, boolean> = {};
      for (const table of [...tenantTables, 'clinics']) counts[table] = (await count(tx, table)) > 0;
      const both = sql`clinic_id in (${a.clinicId}, ${b.clinicId})`;
      counts.bothClinicsWebhooks = (await queryRows(tx, sql`select distinct clinic_id from webhooks where ${both}`)).length === 2;
      return counts;
    });
    const expected = {
      ...Object.fromEntries([...tenantTables, 'clinics'].map((table) => [table, table === 'webhooks' || table === 'webhook_deliveries'])),
      bothClinicsWebhooks: true,
    };
    expect(seen).toEqual(expected);
  });

  it('while authenticating, only the presented key and its clinic are visible', async () => {
    const prefix = a.adminKey.slice(0, 16);
    const seen = await asApp({ keyPrefix: prefix }, async (tx) => ({
      keys: await queryRows<{ prefix: string }>(tx, sql`select prefix from api_keys`),
      clinics: await queryRows<{ id: string }>(tx, sql`select id from clinics`),
      patients: await count(tx, 'patients'),
    }));
    expect(seen).toEqual({ keys: [{ prefix }], clinics: [{ id: a.clinicId }], patients: 0 });
  });
});
