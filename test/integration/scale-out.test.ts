import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { Client } from 'pg';
import type { Response } from 'supertest';
import { connectPostgres } from '../../src/db/postgres.database';
import { createRateLimiter } from '../../src/modules/rate-limits/rate-limiter';
import { serverDatabaseUrl } from '../support/database-target';
import { scaleClusterUnavailable, startScaleCluster, type ScaleCluster } from '../support/scale-cluster';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

// Runs in CI's PostgreSQL leg; the embedded-database leg has no server to replicate.
const skipReason = serverDatabaseUrl() ? scaleClusterUnavailable() : 'the tests run on the embedded database (no DATABASE_URL)';
const describeScale = skipReason ? describe.skip : describe;
// Jest prints no titles of a suite it skips whole: say why here.
if (skipReason) console.info(`scale-out test skipped: ${skipReason}`);

/** Polls `check` until it returns true; fails with `what` after `timeoutMs` (a condition, not a timing). */
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeScale(`scale-out: three instances, PgBouncer (transaction pooling), a streaming replica${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let cluster: ScaleCluster;
  let instances: TestApp[];
  let clinic: TestClinic;

  const any = () => instances[Math.floor(Math.random() * instances.length)]!;
  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
  const auth = () => bearer(clinic.adminKey);
  const readiness = async (t: TestApp) => (await t.http().get('/health/ready')).body as { databases: { replica: { status: string; servingReads: boolean } } };
  const everyInstance = async (replicaServing: boolean) => {
    for (const t of instances) if ((await readiness(t)).databases.replica.servingReads !== replicaServing) return false;
    return true;
  };

  beforeAll(async () => {
    cluster = await startScaleCluster();
    // Each instance as an operator would configure it: DATABASE_URL through PgBouncer,
    // DATABASE_LISTEN_URL and migrations straight to the primary, DATABASE_READ_URL the replica.
    // Rate limiting is off here (it reads the key on every request): the API-key cache, and so
    // revocation through NOTIFY, is what decides who gets in. Its TTL is long, so only NOTIFY can.
    instances = [];
    for (let i = 0; i < 3; i++) {
      const database = connectPostgres({
        url: cluster.pooledUrl,
        listenUrl: cluster.primaryUrl,
        migrateUrl: cluster.primaryUrl,
        readUrl: cluster.replicaUrl,
        readMaxLagMs: 60_000,
        poolSize: 5,
        connectTimeoutMs: 2000,
        statementTimeoutMs: 10_000,
        idleInTransactionTimeoutMs: 10_000,
        logger: pino({ level: 'silent' }),
      });
      await database.migrate();
      instances.push(await startTestApp({ database, serviceOptions: { apiKeyCacheTtlMs: 60_000, rateLimitPerMinute: 0 } }));
    }
    clinic = await instances[0]!.createClinic('Scale-out clinic');
    await eventually('the replica serves reads on every instance', () => everyInstance(true));
  });

  afterAll(async () => {
    for (const t of instances ?? []) await t.close();
    await cluster?.destroy();
  });

  it('reads its own write through another instance with X-Consistency-Token, while token-less reads go to the replica', async () => {
    // With replay paused the replica keeps answering (within the lag limit) but sees no new commit.
    await cluster.pauseReplay(true);
    try {
      const [writer, reader] = [instances[0]!, instances[1]!];
      const created = await writer.http().post('/v1/patients').set(auth()).send({ firstName: 'Ada' });
      expect(created.status).toBe(201);
      const token = created.headers['x-consistency-token'] as string;
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);

      const withToken = await reader.http().get(`/v1/patients/${created.body.id}`).set(auth()).set('X-Consistency-Token', token);
      expect(withToken.status).toBe(200);
      expect(withToken.body).toEqual(created.body);
      // Without the token the read is the replica's, which has not seen the patient yet.
      expect((await instances[2]!.http().get(`/v1/patients/${created.body.id}`).set(auth())).status).toBe(404);

      const bad = await reader.http().get(`/v1/patients/${created.body.id}`).set(auth()).set('X-Consistency-Token', 'not a token');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toBe('/headers/x-consistency-token');
    } finally {
      await cluster.pauseReplay(false);
    }
    // Once replayed, the replica answers the token's read itself; either way the answer is the same.
    const later = await any().http().post('/v1/patients').set(auth()).send({ firstName: 'Grace' });
    await eventually('the replica has the patient', async () => (await any().http().get(`/v1/patients/${later.body.id}`).set(auth())).status === 200);
  });

  it('pages the change feed across instances while writers run: the result equals the truth', async () => {
    const c = await instances[1]!.createClinic('Feed clinic');
    const truth = new Map<string, number>();
    const write = async () => {
      for (let i = 0; i < 12; i++) {
        const created = await any()
          .http()
          .post('/v1/patients')
          .set(bearer(c.adminKey))
          .send({ firstName: `P${i}` });
        expect(created.status).toBe(201);
        truth.set(created.body.id, created.body.version);
        if (i % 3 === 0) {
          const changed = await any().http().patch(`/v1/patients/${created.body.id}`).set(bearer(c.adminKey)).set('If-Match', 'W/"1"').send({ lastName: 'X' });
          expect(changed.status).toBe(200);
          truth.set(created.body.id, changed.body.version);
        }
      }
    };
    const seen = new Map<string, number>();
    let cursor: string | undefined;
    const page = async () => {
      const res: Response = await any()
        .http()
        .get('/v1/changes')
        .query({ limit: 7, ...(cursor ? { cursor } : {}) })
        .set(bearer(c.adminKey));
      expect(res.status).toBe(200);
      for (const change of res.body.data as { id: string; version: number }[]) seen.set(change.id, Math.max(seen.get(change.id) ?? 0, change.version));
      cursor = res.body.syncCursor;
      return res.body.nextCursor === null;
    };
    let writing = true;
    const writers = Promise.all([write(), write(), write()]).finally(() => (writing = false));
    while (writing) await page();
    await writers;
    await eventually('the feed holds every change', async () => {
      while (!(await page()));
      return seen.size === truth.size && [...truth].every(([id, version]) => seen.get(id) === version);
    });
    expect(seen).toEqual(truth);
  });

  it('keeps serving reads from the primary when the replica stops under load, and returns to the replica when it is back', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (
          await any()
            .http()
            .post('/v1/patients')
            .set(auth())
            .send({ firstName: `L${i}` })
        ).body.id,
      );
    await eventually('the replica has them', async () => (await any().http().get(`/v1/patients/${ids[4]}`).set(auth())).status === 200);

    // Each failure with whether its request began after every instance reported the replica bypassed.
    const failures: { status: number; afterBypass: boolean }[] = [];
    let served = 0;
    let loading = true;
    let bypassed = false;
    const load = async () => {
      while (loading) {
        const afterBypass = bypassed;
        const res = await any()
          .http()
          .get(`/v1/patients/${ids[served % ids.length]}`)
          .set(auth());
        if (res.status === 200) served += 1;
        else failures.push({ status: res.status, afterBypass });
      }
    };
    const readers = Promise.all([load(), load(), load(), load()]);
    try {
      await eventually('some reads', async () => served > 20);
      await cluster.stopReplica();
      // Generous: how soon the monitor notices depends on the machine, not on what is tested.
      await eventually('every instance bypasses the replica', () => everyInstance(false), 60_000);
      bypassed = true;
      const before = served;
      await eventually('reads go on, from the primary', async () => served > before + 20);
      // Reads a dying replica failed are run again on the primary: any 5xx falls before the bypass.
      expect(failures.filter((f) => f.afterBypass)).toEqual([]);
      expect(failures.every((f) => f.status === 503)).toBe(true);

      await cluster.startReplica();
      await eventually('every instance reads from the replica again', () => everyInstance(true));
      const again = served;
      await eventually('reads go on', async () => served > again + 20);
    } finally {
      loading = false;
      await readers;
    }
    const ready = (await any().http().get('/health/ready')).body;
    expect(ready.databases).toMatchObject({ primary: { status: 'up' }, replica: { status: 'up', servingReads: true }, listener: { status: 'up' } });
  });

  it('the same idempotency and revocation guarantees hold across the three instances', async () => {
    const key = randomUUID();
    const results = await Promise.all(instances.map((t) => t.http().post('/v1/patients').set(auth()).set('Idempotency-Key', key).send({ firstName: 'Once' })));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.status === 201 && r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);

    const reader = await clinic.keyWith('read');
    for (const t of instances) expect((await t.http().get('/v1/patients').set(bearer(reader))).status).toBe(200);
    const listed = await any().http().get('/v1/api-keys?limit=200').set(auth());
    const id = listed.body.data.find((k: { prefix: string }) => reader.startsWith(k.prefix)).id;
    expect((await instances[0]!.http().delete(`/v1/api-keys/${id}`).set(auth())).status).toBe(200);
    // Every instance cached the key for 60 s: only the NOTIFY heard on DATABASE_LISTEN_URL refuses it sooner.
    for (const t of instances)
      await eventually('the revoked key is refused', async () => (await t.http().get('/v1/patients').set(bearer(reader))).status === 401);
  });

  it('one key’s rate limit is one budget across the three instances', async () => {
    const limited = await Promise.all(
      instances.map((t) => startTestApp({ database: t.database, services: (s) => ({ ...s, rateLimiter: createRateLimiter({ perMinute: 60, burst: 10 }) }) })),
    );
    try {
      const key = await clinic.keyWith('read');
      const started = Date.now();
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await limited[i % 3]!.http().get('/v1/patients').set(bearer(key))).status);
      const refilled = Math.ceil((Date.now() - started) / 1000) + 1;
      const admitted = statuses.filter((s) => s === 200).length;
      expect(admitted).toBeGreaterThanOrEqual(10);
      expect(admitted).toBeLessThanOrEqual(10 + refilled);
      expect(statuses.filter((s) => s !== 200).every((s) => s === 429)).toBe(true);
    } finally {
      for (const t of limited) await t.app.close();
    }
  });

  it('went through PgBouncer in transaction pooling mode', async () => {
    const admin = new Client({ connectionString: cluster.pgbouncerAdminUrl });
    await admin.connect();
    try {
      const stats = (await admin.query('SHOW STATS')).rows as { database: string; total_xact_count: string }[];
      expect(Number(stats.find((s) => s.database === 'manuplan')?.total_xact_count ?? 0)).toBeGreaterThan(100);
      const config = (await admin.query('SHOW CONFIG')).rows as { key: string; value: string }[];
      expect(config.find((c) => c.key === 'pool_mode')?.value).toBe('transaction');
    } finally {
      await admin.end();
    }
  });
});
