import type { Client } from 'pg';
import { serverDatabaseUrl } from '../support/database-target';
import { createClinicDirect, httpClient, markedAssessment, newMarker, ownerConnection, partialWrites, sleep, type TrackedWrite } from '../support/fault-kit';
import { createFreshDatabase, startServerProcess, type ServerProcess } from '../support/server-process';

const CYCLES = 3;
const WORKERS = 8;
const RUN_BEFORE_KILL_MS = 2500;

const onServer = Boolean(serverDatabaseUrl());

(onServer ? describe : describe.skip)('kill -9 during a stream of idempotent POSTs: every retried request exists exactly once', () => {
  let db: Awaited<ReturnType<typeof createFreshDatabase>>;
  let server: ServerProcess | undefined;
  let owner: Client;
  const env = () => ({ DATABASE_URL: db.url, DB_POOL_SIZE: '8' });

  beforeAll(async () => {
    db = await createFreshDatabase();
  });

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await owner?.end();
    await db?.drop();
  });

  it(`survives ${CYCLES} crashes: retries replay what was committed and do what was not, never twice`, async () => {
    server = await startServerProcess(env());
    const port = server.port;
    const { clinicId, key } = await createClinicDirect(db.url);
    owner = await ownerConnection(db.url);
    let http = httpClient(server.baseUrl, key);

    const patient = (await http.call('POST', '/v1/patients', { firstName: 'Crash' })).body as { id: string };
    const seeded = await http.call('POST', '/v1/assessments', markedAssessment(patient.id, newMarker('seed')));
    const plan = (seeded.body as { plan: { id: string; techniques: { code: string; region: string }[] } }).plan;
    const technique = plan.techniques[0]!;

    const writes: TrackedWrite[] = [];
    const nextWrite = (w: number, i: number): TrackedWrite => {
      const marker = newMarker(`c${w}`);
      const key = `${marker}-key`;
      switch (i % 3) {
        case 0:
          return { kind: 'assessment', path: '/v1/assessments', key, marker, body: markedAssessment(patient.id, marker) };
        case 1:
          return { kind: 'patient', path: '/v1/patients', key, marker, body: { firstName: 'Crash', lastName: marker } };
        default:
          return {
            kind: 'session',
            path: `/v1/plans/${plan.id}/sessions`,
            key,
            marker,
            body: {
              performedAt: new Date().toISOString(),
              minutes: 30,
              techniques: [technique.code],
              regions: [technique.region],
              notes: { subjective: marker },
            },
          };
      }
    };

    let killed = 0;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      let running = true;
      const workers = Array.from({ length: WORKERS }, async (_, w) => {
        for (let i = 0; running; i++) {
          const write = nextWrite(w, i);
          writes.push(write);
          const res = await http.call('POST', write.path, write.body, { 'idempotency-key': write.key });
          if (res.status === 201) write.acked = res.body;
          else if (res.error) {
            write.cutOff = true;
            return; // the process is gone
          } else throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`);
        }
      });
      await sleep(RUN_BEFORE_KILL_MS);
      // Mid-stream: every worker has a request in flight.
      const exit = await server.stop('SIGKILL');
      expect(exit.signal).toBe('SIGKILL');
      killed += 1;
      running = false;
      await Promise.all(workers);
      server = await startServerProcess(env(), { port });
      http = httpClient(server.baseUrl, key);
    }

    const markersIn = async () => {
      const found = new Map<string, number>();
      for (const query of [
        `select practitioner as marker, count(*)::int as n from assessments where clinic_id = $1 group by 1`,
        `select last_name as marker, count(*)::int as n from patients where clinic_id = $1 and last_name is not null group by 1`,
        `select notes->>'subjective' as marker, count(*)::int as n from sessions where clinic_id = $1 group by 1`,
      ]) {
        for (const row of (await owner.query(query, [clinicId])).rows as { marker: string; n: number }[]) found.set(row.marker, row.n);
      }
      return found;
    };
    // Some requests the process died under had committed (their answer was lost), some had not.
    const beforeRetry = await markersIn();
    const committedUnanswered = writes.filter((w) => w.cutOff && beforeRetry.get(w.marker)).length;

    // The client retries every request it made, answered or not, with the same key.
    const wrong: string[] = [];
    const queue = [...writes];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let write = queue.shift(); write; write = queue.shift()) {
          const res = await http.call('POST', write.path, write.body, { 'idempotency-key': write.key });
          if (res.status !== 201) wrong.push(`${write.kind} ${write.marker}: ${res.status ?? res.error}`);
          else if (write.acked && JSON.stringify(res.body) !== JSON.stringify(write.acked))
            wrong.push(`${write.kind} ${write.marker}: a different answer on replay`);
        }
      }),
    );
    expect(wrong).toEqual([]);

    const counts = await markersIn();
    const missing = writes.filter((w) => !counts.get(w.marker));
    const duplicated = writes.filter((w) => (counts.get(w.marker) ?? 0) > 1);
    expect(missing.map((w) => w.marker)).toEqual([]);
    expect(duplicated.map((w) => w.marker)).toEqual([]);
    expect(await partialWrites(owner, clinicId)).toEqual([]);

    const cutOff = writes.filter((w) => w.cutOff);
    expect(cutOff.length).toBeGreaterThan(0);
    console.log(
      `crash mid-write: ${JSON.stringify({ kills: killed, writes: writes.length, inFlightAtKill: cutOff.length, committedButUnanswered: committedUnanswered, retried: writes.length, lost: missing.length, duplicates: duplicated.length })}`,
    );
  });
});
