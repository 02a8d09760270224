import type { Client } from 'pg';
import { serverDatabaseUrl } from '../support/database-target';
import {
  createClinicDirect,
  httpClient,
  markedAssessment,
  newMarker,
  ownerConnection,
  partialWrites,
  percentile,
  sleep,
  type Exchange,
  type TrackedWrite,
} from '../support/fault-kit';
import { createFreshDatabase, startServerProcess, type ServerProcess } from '../support/server-process';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

// The timeline: load throughout; PostgreSQL reset and refusing (a crash or restart of the server),
// then back; then unreachable without a word (a network partition), then back.
const WARM_MS = 3000;
const CUT_MS = 8000;
const BETWEEN_MS = 5000;
const PARTITION_MS = 8000;
const AFTER_MS = 8000;
// Server settings under test: how long a request may wait for the database before 503.
const CONNECT_TIMEOUT_MS = 1000;
const STATEMENT_TIMEOUT_MS = 2000;
// A request meeting a refusing database answers within about the connect time-out; one meeting a
// silent one (a partition) within a wait for a pool slot, a statement's deadline
// (statement time-out + 1 s) and a margin for this 2-core machine.
const FAIL_FAST_CUT_MS = CONNECT_TIMEOUT_MS + 1500;
const FAIL_FAST_MS = CONNECT_TIMEOUT_MS + STATEMENT_TIMEOUT_MS + 1000 + 1500;
// After the database is back, requests succeed again within this.
const RECOVERY_MS = 4000;
const WORKERS = 6;

const onServer = Boolean(serverDatabaseUrl());

(onServer ? describe : describe.skip)('a database outage under load: fail fast, recover without a restart, lose nothing', () => {
  let db: Awaited<ReturnType<typeof createFreshDatabase>>;
  let proxy: TcpProxy;
  let server: ServerProcess;
  let owner: Client;

  beforeAll(async () => {
    db = await createFreshDatabase();
    const upstream = new URL(db.url);
    proxy = await startTcpProxy({ host: upstream.hostname, port: Number(upstream.port || 5432) });
    server = await startServerProcess({
      DATABASE_URL: proxy.url(db.url),
      DB_POOL_SIZE: '6',
      DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '5000',
      HEALTH_TIMEOUT_MS: '500',
      IDEMPOTENCY_WAIT_MS: '1000',
    });
    owner = await ownerConnection(db.url);
  });

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await owner?.end();
    await proxy?.close();
    await db?.drop();
  });

  it('answers 503 + Retry-After during the outage, serves again after it, and keeps every write whole', async () => {
    const { clinicId, key } = await createClinicDirect(db.url);
    const http = httpClient(server.baseUrl, key, 30_000);

    // Each worker works on its own patient and plan, so no two writes contend.
    const seeds: { patientId: string; plan: { id: string; techniques: { code: string; region: string }[] } }[] = [];
    for (let w = 0; w < WORKERS; w++) {
      const patient = await http.call('POST', '/v1/patients', { firstName: `Worker${w}` });
      const created = await http.call('POST', '/v1/assessments', markedAssessment((patient.body as { id: string }).id, newMarker('seed')));
      expect(created.status).toBe(201);
      const plan = (created.body as { plan: { id: string; techniques: { code: string; region: string }[] } }).plan;
      seeds.push({ patientId: (patient.body as { id: string }).id, plan });
    }

    const writes: TrackedWrite[] = [];
    const phases: { name: string; at: number }[] = [];
    const phase = (name: string) => phases.push({ name, at: Date.now() });
    let running = true;

    // A client of this workload backs off briefly on 503 (less than Retry-After asks, to keep the
    // outage busy).
    const call = async (...args: Parameters<typeof http.call>) => {
      const res = await http.call(...args);
      if (res.status === 503) await sleep(100 + Math.random() * 100);
      return res;
    };

    async function worker(w: number) {
      const { patientId, plan } = seeds[w]!;
      let planVersion = 1;
      for (let i = 0; running; i++) {
        const step = i % 6;
        if (step === 0 || step === 3) {
          const marker = newMarker(`w${w}`);
          const write: TrackedWrite = { kind: 'assessment', path: '/v1/assessments', key: `${marker}-key`, marker, body: markedAssessment(patientId, marker) };
          writes.push(write);
          const res = await call('POST', write.path, write.body, { 'idempotency-key': write.key });
          if (res.status === 201) write.acked = res.body;
        } else if (step === 1) {
          const marker = newMarker(`p${w}`);
          const write: TrackedWrite = { kind: 'patient', path: '/v1/patients', key: `${marker}-key`, marker, body: { firstName: 'Outage', lastName: marker } };
          writes.push(write);
          const res = await call('POST', write.path, write.body, { 'idempotency-key': write.key });
          if (res.status === 201) write.acked = res.body;
        } else if (step === 2) {
          const res = await call('PATCH', `/v1/plans/${plan.id}`, { notes: `edit ${i}` }, { 'if-match': `W/"${planVersion}"` });
          if (res.status === 200) planVersion = (res.body as { version: number }).version;
          else if (res.status === 412) {
            const fresh = await call('GET', `/v1/plans/${plan.id}`);
            if (fresh.status === 200) planVersion = (fresh.body as { version: number }).version;
          }
        } else if (step === 4) {
          const marker = newMarker(`s${w}`);
          const technique = plan.techniques[0]!;
          const body = {
            performedAt: new Date().toISOString(),
            minutes: 30,
            techniques: [technique.code],
            regions: [technique.region],
            notes: { subjective: marker },
          };
          const write: TrackedWrite = { kind: 'session', path: `/v1/plans/${plan.id}/sessions`, key: `${marker}-key`, marker, body };
          writes.push(write);
          const res = await call('POST', write.path, body, { 'idempotency-key': write.key });
          if (res.status === 201) write.acked = res.body;
        } else {
          await call('GET', i % 12 === 5 ? '/v1/changes?limit=50' : '/v1/plans?limit=20');
        }
      }
    }

    const readiness: { at: number; status: number | string }[] = [];
    async function probeReadiness() {
      while (running) {
        try {
          const res = await fetch(`${server.baseUrl}/health/ready`, { signal: AbortSignal.timeout(5000) });
          readiness.push({ at: Date.now(), status: res.status });
        } catch (err) {
          readiness.push({ at: Date.now(), status: (err as Error).message });
        }
        await sleep(200);
      }
    }

    phase('warm');
    const load = [...Array.from({ length: WORKERS }, (_, w) => worker(w)), probeReadiness()];
    await sleep(WARM_MS);
    phase('cut');
    proxy.cut();
    await sleep(CUT_MS);
    phase('restored-after-cut');
    proxy.restore();
    await sleep(BETWEEN_MS);
    phase('partition');
    proxy.blackhole();
    await sleep(PARTITION_MS);
    phase('restored-after-partition');
    proxy.restore();
    await sleep(AFTER_MS);
    running = false;
    await Promise.all(load);
    phase('end');

    const at = (name: string) => phases.find((p) => p.name === name)!.at;
    const during =
      (from: string, to: string, slackMs = 0) =>
      (e: { startedAt?: number; at?: number }) => {
        const t = e.startedAt ?? e.at!;
        return t >= at(from) + slackMs && t < at(to);
      };
    // Started after `from` (+ slack) and answered before `to`.
    const within =
      (from: string, to: string, slackMs = 0) =>
      (e: Exchange) =>
        e.startedAt >= at(from) + slackMs && e.startedAt + e.ms < at(to);
    const log = http.log.filter((e) => e.startedAt >= at('warm'));
    const describeExchange = (e: Exchange) => `${e.method} ${e.path} → ${e.status ?? e.error} in ${e.ms} ms`;

    // The process never crashed, and never dropped a request without an answer.
    if (!server.alive()) console.log(`the server died:\n${server.output.join('').slice(-6000)}`);
    expect(server.alive()).toBe(true);
    expect(log.filter((e) => e.error).map(describeExchange)).toEqual([]);
    // Nothing but success, 503 or the ordinary answers of this workload.
    expect(log.filter((e) => ![200, 201, 412, 503].includes(e.status!)).map(describeExchange)).toEqual([]);
    // Every 503 is problem+json with Retry-After, and came fast.
    const unavailable = log.filter((e) => e.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const e of unavailable) {
      expect(e.contentType).toMatch(/^application\/problem\+json/);
      expect(Number(e.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(e.body).toMatchObject({ status: 503, type: expect.stringMatching(/service-unavailable$/) });
    }
    expect(unavailable.filter((e) => e.ms > FAIL_FAST_MS).map(describeExchange)).toEqual([]);
    const cutLog = log.filter(during('cut', 'restored-after-cut', 500));
    expect(cutLog.filter((e) => e.ms > FAIL_FAST_CUT_MS).map(describeExchange)).toEqual([]);

    // Readiness says so: 503 while the database is away (after the pool noticed), 200 once it is back.
    const readyDuringCut = readiness.filter(during('cut', 'restored-after-cut', 1500));
    expect(readyDuringCut.length).toBeGreaterThan(0);
    expect(readyDuringCut.filter((r) => r.status !== 503)).toEqual([]);
    const readyDuringPartition = readiness.filter(during('partition', 'restored-after-partition', 1500));
    expect(readyDuringPartition.filter((r) => r.status !== 503)).toEqual([]);
    expect(readiness.filter(during('restored-after-partition', 'end', RECOVERY_MS)).filter((r) => r.status !== 200)).toEqual([]);

    // Requests fail during the outages and succeed again, in the same process, once it is over.
    // (Only requests that also ended before the restore: the proxy runs in this process, so one
    // sent just before may reach it just after.)
    const insideCut = log.filter(within('cut', 'restored-after-cut', 1000));
    expect(insideCut.length).toBeGreaterThan(0);
    expect(insideCut.filter((e) => e.status !== 503).map(describeExchange)).toEqual([]);
    const afterCut = log.filter(within('restored-after-cut', 'partition', RECOVERY_MS));
    expect(afterCut.length).toBeGreaterThan(0);
    expect(afterCut.filter((e) => e.status === 503).map(describeExchange)).toEqual([]);
    const afterPartition = log.filter(within('restored-after-partition', 'end', RECOVERY_MS));
    expect(afterPartition.length).toBeGreaterThan(0);
    expect(afterPartition.filter((e) => e.status === 503).map(describeExchange)).toEqual([]);

    // Every write that was not acknowledged is retried with its key: each ends up stored exactly once,
    // and an acknowledged write is replayed exactly as first answered.
    const retried: string[] = [];
    const queue = [...writes];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let write = queue.shift(); write; write = queue.shift()) {
          const res = await http.call('POST', write.path, write.body, { 'idempotency-key': write.key });
          if (res.status !== 201) retried.push(`${write.kind} ${write.marker}: ${res.status ?? res.error}`);
          else if (write.acked && JSON.stringify(res.body) !== JSON.stringify(write.acked))
            retried.push(`${write.kind} ${write.marker}: replayed a different answer`);
        }
      }),
    );
    expect(retried).toEqual([]);
    const counts = new Map<string, number>();
    const count = async (query: string) => {
      for (const row of (await owner.query(query, [clinicId])).rows as { marker: string; n: string }[]) counts.set(row.marker, Number(row.n));
    };
    await count(`select practitioner as marker, count(*) as n from assessments where clinic_id = $1 group by 1`);
    await count(`select last_name as marker, count(*) as n from patients where clinic_id = $1 and last_name is not null group by 1`);
    await count(`select notes->>'subjective' as marker, count(*) as n from sessions where clinic_id = $1 group by 1`);
    const notOnce = writes.filter((w) => counts.get(w.marker) !== 1).map((w) => `${w.kind} ${w.marker}: ${counts.get(w.marker) ?? 0}`);
    expect(notOnce).toEqual([]);
    expect(await partialWrites(owner, clinicId)).toEqual([]);

    // No connection leaked or left in a transaction: at most the pool's size, none idle in transaction.
    const { rows: sessionsLeft } = await owner.query(
      `select state, count(*)::int as n from pg_stat_activity where datname = $1 and application_name = 'manuplan' group by state`,
      [db.name],
    );
    const connections = (sessionsLeft as { state: string; n: number }[]).reduce((sum, r) => sum + r.n, 0);
    expect(connections).toBeLessThanOrEqual(6);
    expect(sessionsLeft.filter((r: { state: string }) => r.state.startsWith('idle in transaction'))).toEqual([]);

    const outageSeconds = (CUT_MS + PARTITION_MS) / 1000;
    const summary = {
      outageSeconds,
      requests: log.length,
      unavailable503: unavailable.length,
      p99Of503Ms: percentile(
        unavailable.map((e) => e.ms),
        99,
      ),
      writes: writes.length,
      acknowledgedBeforeRetry: writes.filter((w) => w.acked).length,
      lost: 0,
      duplicates: 0,
      statementsPastDeadline: server.output.join('').split('did not answer a statement in time').length - 1,
      orphanedClientsReleased: server.output.join('').split('releasing a client whose connection died').length - 1,
    };
    console.log(`database outage: ${JSON.stringify(summary)}`);

    // And the process still shuts down cleanly.
    const exit = await server.stop('SIGTERM');
    expect(exit.code).toBe(0);
  });
});
