// Webhook delivery under load (issue 15): the server on PostgreSQL with one webhook pointing at a
// receiver on loopback that answers 204 at once; a producer creates patients at a steady rate,
// each a `patient.created` event. Reported: events per second delivered, and the delay from
// commit to delivery (p50, p99), measured two ways that bracket it:
//   - from the event's `timestamp` (the row's updated_at, set in the transaction just before the
//     commit): slightly more than the true delay;
//   - from the moment the producer had the 201 (after the commit): slightly less.
// Needs a PostgreSQL server: DATABASE_URL (or TEST_DATABASE_URL); a fresh database is created on
// it for the run and dropped after.
// Run: npm run bench:webhooks [-- <events per second, default 200> <events, default 3000>]
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createFreshDatabase } from '../test/support/server-process';
import { freePort, startNode } from './perf/processes';

const ROOT = path.resolve(__dirname, '..');
const RATE = Number(process.argv[2] ?? 200);
const COUNT = Number(process.argv[3] ?? 3000);
const DRAIN_TIMEOUT_MS = 120_000;
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-webhooks-bench-'));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The value below which `q` of the sorted values fall (nearest rank). */
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

interface Delivery {
  resourceId: string;
  occurredAt: number;
  at: number;
}

/** A receiver as fast as a receiver gets: records the event and answers 204 at once. */
async function startReceiver() {
  const deliveries = new Map<string, Delivery>();
  let duplicates = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { timestamp: string; data: { id: string } };
      const id = String(req.headers['webhook-id']);
      if (deliveries.has(id)) duplicates++;
      else deliveries.set(id, { resourceId: event.data.id, occurredAt: Date.parse(event.timestamp), at });
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    deliveries,
    duplicates: () => duplicates,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

class AnsweredError extends Error {
  constructor(readonly status: number) {
    super(`answered ${status}`);
  }
}

async function post<T>(url: string, apiKey: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new AnsweredError(res.status);
  return (await res.json()) as T;
}

/** Deliveries by status and attempts, with a sample error: why a run fell short. */
async function outbox(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      'select status, attempts, count(*)::int as n, min(last_error) as error from webhook_deliveries group by 1, 2 order by 1, 2',
    );
    return rows;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const database = await createFreshDatabase('manuplan_bench_webhooks');
  const receiver = await startReceiver();
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: database.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    KEY_MAX_IN_FLIGHT: '0',
    WEBHOOKS_SECRET_KEY: crypto.randomBytes(32).toString('base64'),
    // The receiver is on loopback, which the SSRF guard refuses unless told (development, tests, this).
    WEBHOOKS_ALLOW_PRIVATE_URLS: 'true',
  };
  const server = await startNode({
    name: 'service',
    args: ['--import', 'tsx', path.join(ROOT, 'src', 'server.ts')],
    env,
    port,
    readyPath: '/health/ready',
    logFile: path.join(WORK, 'service.log'),
    cwd: ROOT,
    timeoutMs: 180_000,
  });
  try {
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'clinic', 'create', '--name', 'Webhook bench', '--json'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    if (cli.status !== 0) throw new Error(`manuplan clinic create failed: ${cli.stderr}`);
    const { apiKey } = JSON.parse(cli.stdout) as { apiKey: string };
    await post(`${server.url}/v1/webhooks`, apiKey, { url: receiver.url, events: ['patient.created'] });

    // The producer: one request every 1/RATE s on its own schedule, however long each takes.
    const committed = new Map<string, number>();
    const failed = new Map<string, number>();
    const started = Date.now();
    const requests: Promise<void>[] = [];
    for (let i = 0; i < COUNT; i++) {
      const due = started + (i * 1000) / RATE;
      if (due > Date.now()) await sleep(due - Date.now());
      requests.push(
        post<{ id: string }>(`${server.url}/v1/patients`, apiKey, { firstName: `Bench ${i}`, birthDate: '1980-04-02' }).then(
          ({ id }) => void committed.set(id, Date.now()),
          (err: unknown) => {
            const why = err instanceof AnsweredError ? String(err.status) : (err as Error).message;
            failed.set(why, (failed.get(why) ?? 0) + 1);
          },
        ),
      );
    }
    await Promise.all(requests);
    const produced = Date.now();
    const failures = [...failed.values()].reduce((a, b) => a + b, 0);
    const expected = COUNT - failures;
    while (receiver.deliveries.size < expected && Date.now() - produced < DRAIN_TIMEOUT_MS) await sleep(50);

    const deliveries = [...receiver.deliveries.values()];
    const lastAt = Math.max(...deliveries.map((d) => d.at));
    const fromTimestamp = deliveries.map((d) => d.at - d.occurredAt).sort((a, b) => a - b);
    const fromResponse = deliveries
      .filter((d) => committed.has(d.resourceId))
      .map((d) => d.at - committed.get(d.resourceId)!)
      .sort((a, b) => a - b);
    const ms = (values: number[]) => `p50 ${quantile(values, 0.5)} ms, p99 ${quantile(values, 0.99)} ms, max ${values.at(-1)} ms`;

    console.log(
      `${new Date().toISOString()}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}; load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; Node ${process.version}`,
    );
    console.log(
      `offered: ${COUNT} patient.created events at ${RATE}/s (producer finished in ${((produced - started) / 1000).toFixed(1)} s, ${failures} failed requests${failures ? ` ${JSON.stringify(Object.fromEntries(failed))}` : ''})`,
    );
    console.log(
      `delivered: ${deliveries.length} of ${expected} (${receiver.duplicates()} duplicates), ${(deliveries.length / ((lastAt - started) / 1000)).toFixed(0)} events/s from the first request to the last delivery`,
    );
    console.log(`commit → delivery, from the event timestamp: ${ms(fromTimestamp)}`);
    console.log(`commit → delivery, from the producer's 201:  ${ms(fromResponse)}`);
    console.log(`the outbox at the end: ${JSON.stringify(await outbox(database.url))}`);
  } finally {
    await server.stop();
    await receiver.close();
    await database.drop();
  }
  fs.rmSync(WORK, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err, `\n(the service's log is in ${WORK})`);
  process.exit(1);
});
