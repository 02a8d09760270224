// The embedded database reached in-process (what `npm start` does) or through its own socket
// with `pg` (one code path for both engines): POST /v1/assessments on each, in alternating
// rounds so that the machine's background load hits both alike. The figures go to
// docs/postgresql.md ("One code path?").
// Run: npm run bench:pglite-socket [seconds per round, default 10] [rounds, default 3]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lowBackAssessment } from '../test/support/fixtures';
import { combine, drive, type Load, type Measured } from './perf/load';
import { freePort, startNode, type Served } from './perf/processes';

const ROOT = path.resolve(__dirname, '..');
const SECONDS = Number(process.argv[2] ?? 10);
const ROUNDS = Number(process.argv[3] ?? 3);
const CONNECTIONS = 10;
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'mps-bench-'));

const variants = [
  { name: 'in-process', entry: 'src/server.ts' },
  { name: 'through-socket', entry: 'bench/pglite-socket/through-socket.server.ts' },
];

async function start(variant: (typeof variants)[number]): Promise<{ served: Served; load: Load }> {
  const dir = path.join(WORK, variant.name);
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PGLITE_DIR: dir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    KEY_MAX_IN_FLIGHT: '0',
    // PGlite computes on the event loop: under this load the overload guard would shed most
    // requests with 503. The figure is what each path completes, so the guard is off for both.
    MAX_EVENT_LOOP_DELAY_MS: '0',
  };
  const served = await startNode({
    name: variant.name,
    args: ['--import', 'tsx', path.join(ROOT, variant.entry)],
    env,
    port,
    readyPath: '/health/ready',
    logFile: path.join(WORK, `${variant.name}.log`),
    cwd: ROOT,
    timeoutMs: 180_000,
  });
  // The clinic comes from the CLI in another process: through the socket of the running server.
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'clinic', 'create', '--name', 'Bench clinic', '--json'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (cli.status !== 0) throw new Error(`manuplan clinic create failed: ${cli.stderr}`);
  const { apiKey } = JSON.parse(cli.stdout) as { apiKey: string };
  const headers = { authorization: `Bearer ${apiKey}` };
  const patient = await fetch(`${served.url}/v1/patients`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ firstName: 'Bench', birthDate: '1980-04-02' }),
  });
  const { id } = (await patient.json()) as { id: string };
  return {
    served,
    load: { url: `${served.url}/v1/assessments`, method: 'POST', headers, body: JSON.stringify(lowBackAssessment(id)), connections: CONNECTIONS },
  };
}

async function main(): Promise<void> {
  const started = await Promise.all(variants.map(start));
  const runs: Measured[][] = variants.map(() => []);
  try {
    for (const { load } of started) await drive(load, 2);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, { load }] of started.entries()) runs[i]!.push(await drive(load, SECONDS));
    }
  } finally {
    await Promise.all(started.map(({ served }) => served.stop()));
  }
  console.log(
    `${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`POST /v1/assessments, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s alternating:`);
  for (const [i, variant] of variants.entries()) {
    const m = combine(runs[i]!);
    console.log(`  ${variant.name.padEnd(15)} ${m.rate.toFixed(0)} req/s, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms, ${m.failures} failures`);
  }
  fs.rmSync(WORK, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
