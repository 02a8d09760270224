import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../src/db/database';
import { inClinic, readInClinic } from '../../src/db/tenant';
import { serverDatabaseUrl } from '../support/database-target';
import { openTestDatabase } from '../support/test-database';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

/**
 * Tenant transactions send BEGIN and their settings with their first statement, and
 * single-statement reads run in one round trip without BEGIN (src/db/postgres-transactions.ts).
 * Whatever the round trips saved, the guarantees are those of a plain transaction: the role and
 * clinic apply to every statement and to nothing after, a failure rolls back, and a connection
 * goes back to the pool clean. On PGlite the same calls are drizzle transactions: same answers.
 */
describe('tenant transactions in few round trips', () => {
  let t: TestApp;
  let a: TestClinic;
  let b: TestClinic;
  // One connection, so every unit below runs on the connection the previous one left behind.
  let single: Database;

  beforeAll(async () => {
    t = await startTestApp();
    single = serverDatabaseUrl() ? await openTestDatabase({ poolSize: 1 }) : t.database;
    a = await t.createClinic('A');
    b = await t.createClinic('B');
    for (const c of [a, b])
      await t
        .http()
        .post('/v1/patients')
        .set('Authorization', `Bearer ${c.adminKey}`)
        .send({ firstName: `In ${c.clinicId}` });
  });
  afterAll(async () => {
    if (single !== t.database) await single.close();
    await t.close();
  });

  const visibleClinics = (rows: { clinic_id: string }[]) => [...new Set(rows.map((r) => r.clinic_id))];
  const whoAmI = () =>
    queryRows<{ role: string; clinic: string | null }>(single.db, sql`select current_user as role, current_setting('app.clinic_id', true) as clinic`);

  it('a single-statement read sees only its clinic, and the connection is itself again afterwards', async () => {
    const rows = await readInClinic(single.db, a.clinicId, (tx) => queryRows<{ clinic_id: string }>(tx, sql`select clinic_id from patients`));
    expect(visibleClinics(rows)).toEqual([a.clinicId]);
    const [after] = await whoAmI();
    expect(after!.role).not.toBe('manuplan_app');
    expect(after!.clinic || '').toBe('');
  });

  it('a transaction applies the settings to every statement and to nothing after it', async () => {
    const seen = await inClinic(single.db, b.clinicId, async (tx) => [
      visibleClinics(await queryRows<{ clinic_id: string }>(tx, sql`select clinic_id from patients`)),
      visibleClinics(await queryRows<{ clinic_id: string }>(tx, sql`select clinic_id from api_keys`)),
    ]);
    expect(seen).toEqual([[b.clinicId], [b.clinicId]]);
    expect((await whoAmI())[0]!.role).not.toBe('manuplan_app');
  });

  it('a failure rolls the whole transaction back and leaves the connection usable', async () => {
    const name = `rolled-back-${Date.now()}`;
    await expect(
      inClinic(single.db, a.clinicId, async (tx) => {
        await tx.execute(sql`insert into patients (clinic_id, id, first_name) values (${a.clinicId}, gen_random_uuid(), ${name})`);
        await tx.execute(sql`select 1 / 0`);
      }),
    ).rejects.toThrow();
    // A failure in the very first statement, which carries BEGIN and the settings with it.
    await expect(inClinic(single.db, a.clinicId, (tx) => tx.execute(sql`select no_such_column from patients`))).rejects.toThrow();
    const rows = await readInClinic(single.db, a.clinicId, (tx) =>
      queryRows<{ n: string }>(tx, sql`select count(*) as n from patients where first_name = ${name}`),
    );
    expect(Number(rows[0]!.n)).toBe(0);
    expect((await whoAmI())[0]!.role).not.toBe('manuplan_app');
  });

  it('parameters mean the same written into the statement as bound: quotes, backslashes, JSON and NULL survive', async () => {
    const tricky = `O'Brien \\' ; drop table patients; -- $1 "x"`;
    const [row] = await readInClinic(single.db, a.clinicId, (tx) =>
      queryRows<{ s: string; j: unknown; n: null }>(tx, sql`select ${tricky}::text as s, ${JSON.stringify({ q: tricky })}::jsonb as j, ${null}::text as n`),
    );
    expect(row).toEqual({ s: tricky, j: { q: tricky }, n: null });
  });

  (serverDatabaseUrl() ? it : it.skip)('refuses a second statement in a single-statement read (it would run without the settings)', async () => {
    await expect(
      readInClinic(single.db, a.clinicId, async (tx) => {
        await tx.execute(sql`select 1`);
        await tx.execute(sql`select clinic_id from patients`);
      }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/single-statement/) } });
    expect((await whoAmI())[0]!.role).not.toBe('manuplan_app');
  });
});
