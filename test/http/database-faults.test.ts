import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import pino from 'pino';
import { queryRows } from '../../src/db/database';
import { connectPostgres, type PostgresOptions } from '../../src/db/postgres.database';
import { isDatabaseUnavailable } from '../../src/db/errors';
import { serverDatabaseUrl } from '../support/database-target';
import { describeOnServer, openRawConnection } from '../support/raw-sql';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { startTestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/** A pool of its own, named so that its sessions can be told apart in pg_stat_activity. */
function ownPool(url: string, options: Partial<PostgresOptions>) {
  const applicationName = `manuplan-faults-${randomUUID().slice(0, 8)}`;
  const named = new URL(url);
  named.searchParams.set('application_name', applicationName);
  const database = connectPostgres({
    url: named.toString(),
    poolSize: 3,
    connectTimeoutMs: 300,
    statementTimeoutMs: 1500,
    idleInTransactionTimeoutMs: 3000,
    logger: pino({ level: 'silent' }),
    ...options,
  });
  const pool = (database.db as unknown as { $client: Pool }).$client;
  return { database, pool, applicationName };
}

/** What PostgreSQL holds for a pool, by state ("idle", "active", "idle in transaction"…). */
async function serverSessions(applicationName: string): Promise<Record<string, number>> {
  const raw = await openRawConnection();
  try {
    const { rows } = await raw.query(`select state, count(*)::int as n from pg_stat_activity where application_name = $1 group by state`, [applicationName]);
    return Object.fromEntries(rows.map((r: { state: string; n: number }) => [r.state, r.n]));
  } finally {
    await raw.end();
  }
}

describeOnServer('database faults: the pool survives them (see src/db/pool-guards.ts)', () => {
  let proxy: TcpProxy;

  beforeEach(async () => {
    const upstream = new URL(serverDatabaseUrl()!);
    proxy = await startTcpProxy({ host: upstream.hostname, port: Number(upstream.port || 5432) });
  });
  afterEach(() => proxy.close());

  it('a connection lost between two statements of a transaction fails the transaction (503), not the process', async () => {
    const { database, pool } = ownPool(proxy.url(serverDatabaseUrl()!), {});
    try {
      const failure = await database.db
        .transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          // The connection dies while the transaction is between statements, as while a plan is computed.
          proxy.cut();
          await sleep(100);
          await tx.execute(sql`select 2`);
        })
        .then(
          () => undefined,
          (err: unknown) => err,
        );
      // Before the fix the client's 'error' event had no listener and the process died here.
      expect(isDatabaseUnavailable(failure)).toBe(true);
      proxy.restore();
      await sleep(1200);
      expect(await queryRows(database.db, sql`select 3 as n`)).toEqual([{ n: 3 }]);
      expect(pool.totalCount).toBeLessThanOrEqual(3);
    } finally {
      await database.close();
    }
  });

  it('a silent database (partition) answers 503 within the statement deadline, and the pool is whole once it is back', async () => {
    const { database, pool } = ownPool(proxy.url(serverDatabaseUrl()!), { poolSize: 2, statementTimeoutMs: 300 });
    const app = await startTestApp({ database });
    try {
      const c = await app.createClinic();
      // Two idle connections in the pool, then the network goes silent under them.
      const warm = await Promise.all([pool.connect(), pool.connect()]);
      warm.forEach((client) => client.release());
      expect(pool.idleCount).toBe(2);
      proxy.blackhole();
      // The readiness ping meets one of the stranded connections first.
      expect((await app.http().get('/health/ready')).status).toBe(503);
      const started = Date.now();
      // The audit trail's batches use drizzle's own transactions: let them meet the stranded connections.
      const auditLike = Promise.allSettled([1, 2].map(() => database.db.transaction(async (tx) => tx.execute(sql`select 1`))));
      const during = await Promise.all([1, 2, 3].map(() => app.http().get('/v1/patients').set(bearer(c.adminKey))));
      expect((await auditLike).map((r) => r.status === 'rejected' && isDatabaseUnavailable(r.reason))).toEqual([true, true]);
      expect(during.map((r) => r.status)).toEqual([503, 503, 503]);
      for (const r of during) expect(r.headers['retry-after']).toBeDefined();
      // statement_timeout 300 ms + 1 s of deadline margin, and some slack for a busy machine.
      expect(Date.now() - started).toBeLessThan(3000);
      // Still inside the partition, nothing stays checked out: every statement sent into the
      // silence (the readiness ping's too) was dropped at its deadline, and every connection that
      // died while checked out was released. Before the guards, the ping and each BEGIN kept
      // their pool slot for ever (drizzle's transaction() releases its client only after BEGIN
      // succeeded), and with both slots gone every request answered 503 from then on.
      await sleep(2500);
      expect(pool.totalCount - pool.idleCount).toBe(0);

      proxy.restore();
      const after = await app.http().get('/v1/patients').set(bearer(c.adminKey));
      expect(after.status).toBe(200);
      expect((await app.http().get('/health/ready')).status).toBe(200);
      expect(pool.totalCount).toBeLessThanOrEqual(2);
      expect(pool.waitingCount).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('more slow requests than the pool holds: the excess answers 503 fast; no connection leaks or stays in a transaction', async () => {
    const url = serverDatabaseUrl()!;
    const { database, pool, applicationName } = ownPool(url, { poolSize: 3, connectTimeoutMs: 300, statementTimeoutMs: 1500 });
    const app = await startTestApp({ database });
    const raw = await openRawConnection();
    try {
      const c = await app.createClinic();
      const patient = (await app.http().post('/v1/patients').set(bearer(c.adminKey)).send({ firstName: 'Slow' })).body as { id: string; version: number };
      // Another client holds the patient's row: every change of it waits (a slow query).
      await raw.query('begin');
      await raw.query('select 1 from patients where clinic_id = $1 and id = $2 for update', [c.clinicId, patient.id]);

      const timed = async (run: () => Promise<{ status: number; headers: Record<string, string>; body: unknown }>) => {
        const t0 = Date.now();
        const res = await run();
        return { status: res.status, retryAfter: res.headers['retry-after'], type: res.headers['content-type'], ms: Date.now() - t0 };
      };
      const patch = () =>
        timed(() =>
          app.http().patch(`/v1/patients/${patient.id}`).set(bearer(c.adminKey)).set('If-Match', `W/"${patient.version}"`).send({ lastName: 'Waits' }),
        );
      const read = () => timed(() => app.http().get('/v1/patients').set(bearer(c.adminKey)));

      // Three slow changes take the whole pool; twelve more requests find no connection.
      const slow = [patch(), patch(), patch()];
      await sleep(200);
      const excess = await Promise.all([...Array.from({ length: 6 }, patch), ...Array.from({ length: 6 }, read)]);
      for (const r of excess) {
        expect(r).toMatchObject({ status: 503, retryAfter: expect.any(String), type: expect.stringMatching(/^application\/problem\+json/) });
        // DB_CONNECT_TIMEOUT_MS is 300 here: a fast 503, not a queue.
        expect(r.ms).toBeLessThan(1500);
      }
      // The slow ones end at statement_timeout (1.5 s) with 503 too, instead of hanging.
      for (const r of await Promise.all(slow)) expect(r).toMatchObject({ status: 503, retryAfter: expect.any(String) });
      await raw.query('rollback');

      // Nothing leaked: every connection is back in the pool, idle, and none is left in a transaction.
      expect(pool.waitingCount).toBe(0);
      expect(pool.idleCount).toBe(pool.totalCount);
      expect(pool.totalCount).toBeLessThanOrEqual(3);
      const sessions = await serverSessions(applicationName);
      expect(Object.keys(sessions).filter((state) => state.startsWith('idle in transaction'))).toEqual([]);
      expect(Object.values(sessions).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3);
      // And the service serves again at once.
      expect((await read()).status).toBe(200);
      const changed = await app
        .http()
        .patch(`/v1/patients/${patient.id}`)
        .set(bearer(c.adminKey))
        .set('If-Match', `W/"${patient.version}"`)
        .send({ lastName: 'Done' });
      expect(changed.status).toBe(200);
    } finally {
      await raw.query('rollback').catch(() => undefined);
      await raw.end();
      await app.close();
    }
  });
});
