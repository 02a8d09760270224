import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import type { Client } from 'pg';
import { serverDatabaseUrl } from '../support/database-target';
import { createClinicDirect, httpClient, markedAssessment, newMarker, ownerConnection, partialWrites, sleep, type Exchange } from '../support/fault-kit';
import { createFreshDatabase, startServerProcess, type ServerProcess } from '../support/server-process';

const GRACE_MS = 6000;
const LOAD_BEFORE_SIGNAL_MS = 3000;
// The slow request waits on a row lock this long after the signal, then finishes.
const SLOW_REQUEST_AFTER_SIGNAL_MS = 1500;

const onServer = Boolean(serverDatabaseUrl());

(onServer ? describe : describe.skip)('SIGTERM under load: what was accepted finishes, the rest is turned away cleanly, exit within the grace period', () => {
  let db: Awaited<ReturnType<typeof createFreshDatabase>>;
  let server: ServerProcess;
  let owner: Client;

  beforeAll(async () => {
    db = await createFreshDatabase();
    server = await startServerProcess({ DATABASE_URL: db.url, SHUTDOWN_GRACE_MS: String(GRACE_MS), DB_POOL_SIZE: '10' });
    owner = await ownerConnection(db.url);
  });

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await owner?.end();
    await db?.drop();
  });

  it('completes in-flight requests (a slow one too), answers 503 to late ones, loses no write, writes every audit event and exits 0', async () => {
    const { clinicId, key } = await createClinicDirect(db.url);
    const http = httpClient(server.baseUrl, key);
    const patient = (await http.call('POST', '/v1/patients', { firstName: 'Drain' })).body as { id: string; version: number };

    // autocannon: a steady mixed load of reads and writes on 8 connections.
    // The promise autocannon returns is also its run, which stop() ends early.
    const cannon = autocannon({
      url: server.baseUrl,
      connections: 8,
      duration: 30,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      requests: [
        { method: 'GET', path: '/v1/patients?limit=20' },
        { method: 'POST', path: '/v1/patients', body: JSON.stringify({ firstName: 'Cannon' }) },
        { method: 'GET', path: `/v1/patients/${patient.id}` },
      ],
    }) as ReturnType<typeof autocannon> & { stop(): void };

    // Alongside, clients whose every request is tracked: assessments with markers and request ids.
    let running = true;
    const tracked: (Exchange & { marker: string; requestId: string })[] = [];
    const workers = Array.from({ length: 4 }, async (_, w) => {
      while (running) {
        const marker = newMarker(`g${w}`);
        const requestId = `drain-${randomUUID()}`;
        const res = await http.call('POST', '/v1/assessments', markedAssessment(patient.id, marker), { 'x-request-id': requestId });
        tracked.push({ ...res, marker, requestId });
        if (res.error || res.status === 503) return; // the server is going away
      }
    });

    // A slow request: it waits for a row another client holds, and is in flight at the signal.
    const lockedPatient = (await http.call('POST', '/v1/patients', { firstName: 'Locked' })).body as { id: string; version: number };
    await owner.query('begin');
    await owner.query('select 1 from patients where clinic_id = $1 and id = $2 for update', [clinicId, lockedPatient.id]);
    await sleep(LOAD_BEFORE_SIGNAL_MS);
    const slow = http.call('PATCH', `/v1/patients/${lockedPatient.id}`, { lastName: 'Finished' }, { 'if-match': `W/"${lockedPatient.version}"` });
    await sleep(300);

    const signalAt = Date.now();
    server.child.kill('SIGTERM');
    await sleep(SLOW_REQUEST_AFTER_SIGNAL_MS);
    await owner.query('commit');
    const exit = await server.exited;
    running = false;
    await Promise.all(workers);
    cannon.stop();
    const cannonResult = await cannon;

    // Exit 0, within the grace period.
    expect(exit.code).toBe(0);
    expect(exit.at - signalAt).toBeLessThan(GRACE_MS);
    // The request in flight at the signal finished with its real answer.
    const slowResult = await slow;
    expect(slowResult.status).toBe(200);
    expect((slowResult.body as { lastName: string }).lastName).toBe('Finished');

    // Every tracked request sent before the signal got an answer: its result, or a clean 503.
    const beforeSignal = tracked.filter((e) => e.startedAt < signalAt);
    expect(beforeSignal.length).toBeGreaterThan(0);
    expect(beforeSignal.filter((e) => e.error).map((e) => `${e.error} at ${e.startedAt - signalAt} ms`)).toEqual([]);
    expect(beforeSignal.filter((e) => ![201, 503].includes(e.status!)).map((e) => e.status)).toEqual([]);
    for (const e of tracked.filter((x) => x.status === 503)) {
      expect(e.contentType).toMatch(/^application\/problem\+json/);
      expect(e.retryAfter).toBeDefined();
    }
    // After the signal, nothing but 503 or a closed door.
    expect(tracked.filter((e) => e.startedAt > signalAt + 50 && e.status === 201)).toEqual([]);

    // What was answered 201 is stored, once; what was answered 503 is not stored at all.
    const { rows } = await owner.query(`select practitioner, count(*)::int as n from assessments where clinic_id = $1 group by 1`, [clinicId]);
    const stored = new Map((rows as { practitioner: string; n: number }[]).map((r) => [r.practitioner, r.n]));
    expect(tracked.filter((e) => e.status === 201 && stored.get(e.marker) !== 1).map((e) => e.marker)).toEqual([]);
    expect(tracked.filter((e) => e.status === 503 && stored.has(e.marker)).map((e) => e.marker)).toEqual([]);
    expect(await partialWrites(owner, clinicId)).toEqual([]);

    // The audit trail's write-behind was flushed on the way out: every request served has its event.
    const answered = tracked.filter((e) => e.status === 201).map((e) => e.requestId);
    const { rows: audited } = await owner.query(`select request_id from audit_events where clinic_id = $1 and request_id = any($2)`, [clinicId, answered]);
    expect(audited.length).toBe(answered.length);

    // autocannon: its connections met 2xx, or 503 once draining began; never another 5xx.
    const statuses = Object.keys(cannonResult.statusCodeStats ?? {}).map(Number);
    const count2xx = Object.entries(cannonResult.statusCodeStats ?? {}).reduce((n, [s, { count }]) => n + (s.startsWith('2') ? Number(count) : 0), 0);
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(count2xx).toBeGreaterThan(0);
    console.log(
      `graceful shutdown: ${JSON.stringify({
        exitMs: exit.at - signalAt,
        graceMs: GRACE_MS,
        trackedBeforeSignal: beforeSignal.length,
        tracked201: tracked.filter((e) => e.status === 201).length,
        tracked503: tracked.filter((e) => e.status === 503).length,
        trackedRefusedAfterSignal: tracked.filter((e) => e.error).length,
        autocannon: { requests: cannonResult.requests.total, '2xx': count2xx, non2xx: cannonResult.non2xx, errors: cannonResult.errors, statusCodes: statuses },
      })}`,
    );
  });
});
