// `npm run bench`: the service, built, under load on PostgreSQL and on the embedded database,
// every figure a ratio against a floor measured in the same run on the same machine (absolute
// numbers on a shared machine drift; ratios measured side by side much less). Prints a table
// and writes bench/results.md. See docs/performance.md for what each floor is.
//
// Needs: `npm run build` (npm run bench does it), a PostgreSQL server whose user may create
// databases (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres), and pgbench.
// Throw-away databases manuplan_bench_* are created and dropped; nothing else is touched.
//
// Knobs (environment): BENCH_SECONDS (per round, 5), BENCH_ROUNDS (2), BENCH_CONNECTIONS (20),
// BENCH_MEMORY_SECONDS (60), BENCH_SCALE_CLINICS (1000), BENCH_SCALE_PLANS (1000000),
// BENCH_SMALL_PLANS (10000), BENCH_ONLY (comma list of write,preview,read,memory,pglite,scale,engine),
// BENCH_ROOT (the built app to measure, default this repository), BENCH_RESULTS (output file),
// BENCH_LEDGER_ROUTES (comma list: only the ledger's hot routes whose name contains one of them).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { lowBackAssessment } from '../../test/support/fixtures';
import { combine, drive, versus, type Load, type Measured } from './load';
import { freePort, runCli, sampleRss, startFlags, startNode, type Served } from './processes';
import { markdownTable, ms, rate, rateAndP99, table, type Verdict } from './report';
import { costMarkdown, measureRoute, processCpuMicros, type HotRoute, type RouteCost } from './ledger';
import { explainPaging, seed, walkPages } from './scale';
import { BENCH_UUID_FUNCTION, floorScript, runPgbench, type StoredAssessment } from './write-floor';

const REPO = path.resolve(__dirname, '..', '..');
const ROOT = path.resolve(process.env.BENCH_ROOT ?? REPO);
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SECONDS = env('BENCH_SECONDS', 5);
const ROUNDS = env('BENCH_ROUNDS', 2);
const CONNECTIONS = env('BENCH_CONNECTIONS', 20);
const MEMORY_SECONDS = env('BENCH_MEMORY_SECONDS', 60);
const SCALE_CLINICS = env('BENCH_SCALE_CLINICS', 1000);
const SCALE_PLANS = env('BENCH_SCALE_PLANS', 1_000_000);
const SMALL_PLANS = env('BENCH_SMALL_PLANS', 10_000);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'write,preview,read,catalog,memory,ledger,pglite,scale,engine').split(','));
const LEDGER_ROUTES = process.env.BENCH_LEDGER_ROUTES?.split(',');
const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RESULTS = process.env.BENCH_RESULTS ?? path.join(REPO, 'bench', 'results.md');
const WORK = path.join(REPO, 'bench', '.tmp', `run-${process.pid}`);

const verdicts: Verdict[] = [];
const notes: string[] = [];
const log = (line: string) => console.log(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const startedAt = Date.now();

const databaseUrl = (name: string) => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

async function withAdmin<T>(work: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = new Pool({ connectionString: ADMIN_URL, max: 1 });
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

const createdDatabases: string[] = [];
async function createDatabase(suffix: string): Promise<string> {
  const name = `manuplan_bench_${process.pid}_${suffix}`;
  await withAdmin((pool) => pool.query(`create database ${name}`));
  createdDatabases.push(name);
  return name;
}

/** The service as `npm start` would run it from the build, on the given database. */
async function startService(name: string, dbEnv: Record<string, string>): Promise<Served> {
  const port = await freePort();
  return startNode({
    name,
    args: [...startFlags(ROOT, dbEnv), path.join(ROOT, 'dist', 'server.js')],
    // One tenant's key drives every connection on purpose (throughput, not fairness): no per-key in-flight cap.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', KEY_MAX_IN_FLIGHT: '0', ...dbEnv },
    port,
    readyPath: '/health/ready',
    logFile: path.join(WORK, `${name}.log`),
    cwd: ROOT,
  });
}

interface Tenant {
  clinicId: string;
  apiKey: string;
  keyId: string;
  patientId: string;
}

async function api<T>(served: Served, tenant: Pick<Tenant, 'apiKey'>, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(served.url + url, {
    method,
    headers: { authorization: `Bearer ${tenant.apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** A clinic (through the CLI, as an operator would) with an admin key and one patient. */
async function makeTenant(served: Served, cliEnv: Record<string, string>): Promise<Tenant> {
  const created = runCli<{ clinic: { id: string }; apiKey: string; apiKeyId: string }>(ROOT, ['clinic', 'create', '--name', 'Bench clinic'], {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOG_LEVEL: 'warn',
    ...cliEnv,
  });
  const tenant = { clinicId: created.clinic.id, apiKey: created.apiKey, keyId: created.apiKeyId, patientId: '' };
  tenant.patientId = (
    await api<{ id: string }>(served, tenant, 'POST', '/v1/patients', { firstName: 'Bench', lastName: 'Patient', birthDate: '1980-04-02' })
  ).id;
  return tenant;
}

const auth = (tenant: Tenant) => ({ authorization: `Bearer ${tenant.apiKey}` });
const assessmentBody = (tenant: Tenant) => JSON.stringify(lowBackAssessment(tenant.patientId));

/** The stored rows of one assessment made through the API: what the write floor and the seed copy. */
async function storedAssessment(url: string, tenant: Tenant, assessmentId: string): Promise<StoredAssessment> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ practitioner: string; input: string; status: string; engine_version: string; content: string }>(
      `select a.practitioner, a.input::text as input, p.status, p.engine_version, p.content::text as content
       from assessments a join plans p on p.clinic_id = a.clinic_id and p.assessment_id = a.id
       where a.clinic_id = $1 and a.id = $2`,
      [tenant.clinicId, assessmentId],
    );
    const row = rows[0]!;
    return {
      clinicId: tenant.clinicId,
      patientId: tenant.patientId,
      keyId: tenant.keyId,
      practitioner: row.practitioner,
      input: row.input,
      status: row.status,
      engineVersion: row.engine_version,
      content: row.content,
    };
  } finally {
    await pool.end();
  }
}

const failuresNote = (what: string, m: Measured) => {
  if (m.failures > 0) notes.push(`${what}: ${m.failures} requests failed (non-2xx, errors or time-outs) — the figure is not valid.`);
};

async function postgresScenarios(): Promise<void> {
  const dbName = await createDatabase('main');
  const url = databaseUrl(dbName);
  const service = await startService('service-postgres', { DATABASE_URL: url });
  try {
    const tenant = await makeTenant(service, { DATABASE_URL: url });
    const created = await api<{ assessment: { id: string }; plan: { id: string } }>(
      service,
      tenant,
      'POST',
      '/v1/assessments',
      JSON.parse(assessmentBody(tenant)),
    );
    const plan = await api<unknown>(service, tenant, 'GET', `/v1/plans/${created.plan.id}`);
    const planFile = path.join(WORK, 'plan.json');
    fs.writeFileSync(planFile, JSON.stringify(plan));
    notes.push(`Plan body: ${JSON.stringify(plan).length.toLocaleString('en-US')} bytes of JSON; assessment body: ${assessmentBody(tenant).length} bytes.`);

    const catalogRes = await fetch(`${service.url}/v1/catalog`, { headers: auth(tenant) });
    const catalogText = await catalogRes.text();
    const catalogFile = path.join(WORK, 'catalog.json');
    fs.writeFileSync(catalogFile, catalogText);

    const floorPort = await freePort();
    const floor = await startNode({
      name: 'http-floor',
      args: ['--import', 'tsx', path.join(REPO, 'bench', 'perf', 'http-floor.server.ts'), String(floorPort), planFile, catalogFile, url, tenant.clinicId],
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      port: floorPort,
      readyPath: '/ready',
      logFile: path.join(WORK, 'http-floor.log'),
      cwd: REPO,
    });
    const drives = (load: Load) => (seconds: number) => drive(load, seconds);
    const options = { rounds: ROUNDS, seconds: SECONDS, warmupSeconds: 3 };
    try {
      if (ONLY.has('write')) {
        log('POST /v1/assessments vs the pgbench write floor');
        const stored = await storedAssessment(url, tenant, created.assessment.id);
        const pool = new Pool({ connectionString: url, max: 1 });
        await pool.query(BENCH_UUID_FUNCTION);
        await pool.end();
        const script = floorScript(stored);
        const pgbench = async (seconds: number) => runPgbench({ url, script, clients: CONNECTIONS, seconds, workDir: WORK });
        const write = await versus(
          pgbench,
          drives({ url: `${service.url}/v1/assessments`, method: 'POST', headers: auth(tenant), body: assessmentBody(tenant), connections: CONNECTIONS }),
          options,
        );
        failuresNote('POST /v1/assessments', write.scenario);
        failuresNote('pgbench floor', write.floor);
        verdicts.push({
          scenario: `POST /v1/assessments, PostgreSQL, ${CONNECTIONS} connections`,
          measured: rateAndP99(write.scenario),
          floor: `pgbench ${rateAndP99(write.floor, 'tx/s')}`,
          ratio: write.ratio.toFixed(2),
          target: '≥ 0.85, p99 ≤ 50 ms',
          met: write.ratio >= 0.85 && write.scenario.p99Ms <= 50 && write.scenario.failures === 0,
        });
      }
      if (ONLY.has('preview')) {
        log('POST /v1/assessments/preview vs the Fastify + node-postgres floor (POST)');
        const preview = await versus(
          drives({ url: `${floor.url}/db/plan/${created.plan.id}`, method: 'POST', body: assessmentBody(tenant), connections: CONNECTIONS }),
          drives({
            url: `${service.url}/v1/assessments/preview`,
            method: 'POST',
            headers: auth(tenant),
            body: assessmentBody(tenant),
            connections: CONNECTIONS,
          }),
          options,
        );
        failuresNote('POST /v1/assessments/preview', preview.scenario);
        verdicts.push({
          scenario: `POST /v1/assessments/preview, ${CONNECTIONS} connections`,
          measured: rateAndP99(preview.scenario),
          floor: `Fastify + node-postgres POST ${rateAndP99(preview.floor)}`,
          ratio: preview.ratio.toFixed(2),
          target: '≥ 0.7',
          met: preview.ratio >= 0.7 && preview.scenario.failures === 0,
        });
      }
      if (ONLY.has('read')) {
        log('GET /v1/plans/{id} vs the Fastify + node-postgres read floor');
        const read = await versus(
          drives({ url: `${floor.url}/db/plan/${created.plan.id}`, connections: CONNECTIONS }),
          drives({ url: `${service.url}/v1/plans/${created.plan.id}`, headers: auth(tenant), connections: CONNECTIONS }),
          options,
        );
        failuresNote('GET /v1/plans/{id}', read.scenario);
        verdicts.push({
          scenario: `GET /v1/plans/{id}, ${CONNECTIONS} connections`,
          measured: rateAndP99(read.scenario),
          floor: `Fastify + node-postgres GET ${rateAndP99(read.floor)}`,
          ratio: read.ratio.toFixed(2),
          target: '≥ 0.7, p99 ≤ 25 ms',
          met: read.ratio >= 0.7 && read.scenario.p99Ms <= 25 && read.scenario.failures === 0,
        });
      }
      if (ONLY.has('catalog')) {
        log('GET /v1/catalog vs bare Fastify serving a body of the same size');
        const etag = catalogRes.headers.get('etag');
        const revalidated = etag ? (await fetch(`${service.url}/v1/catalog`, { headers: { ...auth(tenant), 'if-none-match': etag } })).status : 0;
        const catalog = await versus(
          drives({ url: `${floor.url}/catalog`, connections: CONNECTIONS }),
          drives({ url: `${service.url}/v1/catalog`, headers: auth(tenant), connections: CONNECTIONS }),
          options,
        );
        failuresNote('GET /v1/catalog', catalog.scenario);
        const strong = etag !== null && !etag.startsWith('W/');
        notes.push(
          `Catalog: ${catalogText.length.toLocaleString('en-US')} bytes; ETag ${etag ?? 'none'}${strong ? ' (strong)' : ''}; with If-None-Match it answers ${revalidated}.`,
        );
        verdicts.push({
          scenario: `GET /v1/catalog (${Math.round(catalogText.length / 1000)} kB), ${CONNECTIONS} connections; strong ETag, 304 on If-None-Match`,
          measured: `${rateAndP99(catalog.scenario)}; ${strong ? 'strong ETag' : 'no strong ETag'}, ${revalidated}`,
          floor: `bare Fastify, same size, ${rateAndP99(catalog.floor)}`,
          ratio: catalog.ratio.toFixed(2),
          target: '≥ 0.5, strong ETag, 304',
          met: catalog.ratio >= 0.5 && strong && revalidated === 304 && catalog.scenario.failures === 0,
        });
      }
    } finally {
      await floor.stop();
    }

    if (ONLY.has('memory')) {
      // The write scenario grew the bench clinic by thousands of plans in seconds; a server with
      // autovacuum on would have analyzed the tables by now (this machine's has it off), and the
      // list's plan depends on it: do what autovacuum would.
      const pool = new Pool({ connectionString: url, max: 1 });
      await pool.query('analyze');
      await pool.end();
      log(`memory: ${MEMORY_SECONDS} s of mixed load`);
      const headers = auth(tenant);
      const json = { ...headers, 'content-type': 'application/json' };
      const sampler = sampleRss(service, 500);
      const cpuBefore = processCpuMicros(service.pid);
      const mixed = await drive(
        {
          url: service.url,
          connections: CONNECTIONS,
          requests: [
            { method: 'POST', path: '/v1/assessments', headers: json, body: assessmentBody(tenant) },
            { method: 'GET', path: `/v1/plans/${created.plan.id}`, headers },
            { method: 'POST', path: '/v1/assessments/preview', headers: json, body: assessmentBody(tenant) },
            { method: 'GET', path: '/v1/plans?limit=10', headers },
            { method: 'GET', path: '/v1/changes?limit=50', headers },
            { method: 'GET', path: `/v1/patients/${tenant.patientId}`, headers },
          ],
        },
        MEMORY_SECONDS,
      );
      const cpuPerRequest = (processCpuMicros(service.pid) - cpuBefore) / Math.max(1, mixed.count);
      const samples = sampler.stop();
      failuresNote('mixed load', mixed);
      // RSS saws up and down with garbage collection: the median of each half of the run (after
      // 10 s of warm-up) is what a leak would move, not a peak or a trough.
      const median = (from: number, to: number) => {
        const window = samples
          .filter((s) => s.atSeconds >= from && s.atSeconds < to)
          .map((s) => s.rssMiB)
          .sort((a, b) => a - b);
        return window[Math.floor(window.length / 2)] ?? NaN;
      };
      const peakDuring = Math.max(...samples.map((s) => s.rssMiB));
      const half = 10 + (MEMORY_SECONDS - 10) / 2;
      const early = median(10, half);
      const late = median(half, MEMORY_SECONDS + 1);
      const growth = late - early;
      notes.push(
        `Mixed load (create, read, preview, list, change feed, patient; ${CONNECTIONS} connections, ${MEMORY_SECONDS} s): ${rateAndP99(mixed)}, ${Math.round(cpuPerRequest)} µs of server CPU per request (garbage collection included); ` +
          `RSS every 5 s: ${samples
            .filter((_, i) => i % 10 === 9)
            .map((s) => s.rssMiB.toFixed(0))
            .join(', ')} MiB.`,
      );
      verdicts.push({
        scenario: `peak RSS of the server, whole run incl. ${MEMORY_SECONDS} s mixed load`,
        measured: `${Math.max(peakDuring, service.peakRssMiB()).toFixed(0)} MiB`,
        floor: '—',
        ratio: '—',
        target: '≤ 250 MiB',
        met: Math.max(peakDuring, service.peakRssMiB()) <= 250,
      });
      verdicts.push({
        scenario: `RSS growth over the ${MEMORY_SECONDS} s run (median of its second half − of its first, after 10 s)`,
        measured: `${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MiB (${early.toFixed(0)} → ${late.toFixed(0)} MiB)`,
        floor: '—',
        ratio: '—',
        target: 'no growth (< 10 MiB)',
        met: growth < 10,
      });
    }
  } finally {
    await service.stop();
  }
}

async function pgliteScenario(): Promise<void> {
  log('embedded database (PGlite): POST /v1/assessments');
  const dir = path.join(WORK, 'pglite');
  const pgliteEnv = { PGLITE_DIR: dir };
  const created = runCli<{ clinic: { id: string }; apiKey: string; apiKeyId: string }>(ROOT, ['clinic', 'create', '--name', 'Bench clinic'], {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOG_LEVEL: 'warn',
    ...pgliteEnv,
  });
  const service = await startService('service-pglite', pgliteEnv);
  try {
    const tenant: Tenant = { clinicId: created.clinic.id, apiKey: created.apiKey, keyId: created.apiKeyId, patientId: '' };
    tenant.patientId = (await api<{ id: string }>(service, tenant, 'POST', '/v1/patients', { firstName: 'Bench', birthDate: '1980-04-02' })).id;
    const load: Load = { url: `${service.url}/v1/assessments`, method: 'POST', headers: auth(tenant), body: assessmentBody(tenant), connections: CONNECTIONS };
    await drive(load, 2);
    const runs: Measured[] = [];
    for (let round = 0; round < ROUNDS; round++) runs.push(await drive(load, SECONDS));
    const measured = combine(runs);
    failuresNote('PGlite POST /v1/assessments', measured);
    verdicts.push({
      scenario: `POST /v1/assessments, embedded PGlite, ${CONNECTIONS} connections`,
      measured: rateAndP99(measured),
      floor: '—',
      ratio: '—',
      target: 'reported',
      met: null,
    });
    notes.push(`PGlite server peak RSS: ${service.peakRssMiB().toFixed(0)} MiB.`);
  } finally {
    await service.stop();
  }
}

async function scaleScenario(): Promise<{ explain?: { plans: string; changes: string } }> {
  const perClinic = Math.round(SCALE_PLANS / SCALE_CLINICS);
  const sizes = [
    { label: `${(SMALL_PLANS / 1000).toFixed(0)}k`, clinics: Math.max(1, Math.round(SMALL_PLANS / perClinic)) },
    { label: SCALE_PLANS >= 1e6 ? `${SCALE_PLANS / 1e6}M` : `${SCALE_PLANS / 1000}k`, clinics: SCALE_CLINICS },
  ];
  const setups: { label: string; url: string; service: Served; tenant: Tenant; planPages: string[]; changePages: string[] }[] = [];
  try {
    let sample: StoredAssessment | undefined;
    for (const size of sizes) {
      const name = await createDatabase(`scale_${size.label.toLowerCase()}`);
      const url = databaseUrl(name);
      const service = await startService(`service-scale-${size.label}`, { DATABASE_URL: url });
      const tenant = await makeTenant(service, { DATABASE_URL: url });
      // One real assessment in each measured clinic (so both have the same rows): its stored rows are what the seed copies.
      const created = await api<{ assessment: { id: string } }>(service, tenant, 'POST', '/v1/assessments', JSON.parse(assessmentBody(tenant)));
      sample ??= await storedAssessment(url, tenant, created.assessment.id);
      const extra = Array.from({ length: size.clinics - 1 }, (_, i) => `00000000-0000-7000-8000-${(i + 1).toString(16).padStart(12, '0')}`);
      log(`scale: seeding ${size.clinics} clinics × ${perClinic} plans (${size.label} plans)`);
      const pool = new Pool({ connectionString: url, max: 2 });
      let seconds: number;
      try {
        seconds = await seed(pool, {
          clinicIds: [tenant.clinicId, ...extra],
          plansPerClinic: perClinic,
          patientsPerClinic: Math.max(1, Math.round(perClinic / 10)),
          sample,
          idBase: Date.now(),
        });
        const { rows } = await pool.query<{ plans: string; changes: string; size: string }>(
          'select (select count(*) from plans)::text as plans, (select count(*) from changes)::text as changes, pg_size_pretty(pg_database_size(current_database())) as size',
        );
        notes.push(
          `Scale ${size.label}: seeded in ${seconds.toFixed(0)} s — ${Number(rows[0]!.plans).toLocaleString('en-US')} plans, ${Number(rows[0]!.changes).toLocaleString('en-US')} change-feed rows, database ${rows[0]!.size}.`,
        );
      } finally {
        await pool.end();
      }
      const planPages = await walkPages(service.url, '/v1/plans?limit=50', tenant.apiKey);
      const changePages = await walkPages(service.url, '/v1/changes?limit=50', tenant.apiKey);
      setups.push({ label: size.label, url, service, tenant, planPages, changePages });
    }
    const [small, large] = setups as [(typeof setups)[0], (typeof setups)[0]];
    for (const [what, pagesOf] of [
      ['GET /v1/plans (list) page', (s: typeof small) => s.planPages],
      ['GET /v1/changes (feed) page', (s: typeof small) => s.changePages],
    ] as const) {
      log(`scale: ${what} p99, ${small.label} vs ${large.label}`);
      const paging = (s: typeof small) => (seconds: number) =>
        drive({ url: s.service.url, connections: 4, requests: pagesOf(s).map((p) => ({ method: 'GET', path: p, headers: auth(s.tenant) })) }, seconds);
      // Alternating rounds; each side's p99 is the median of its rounds' p99s.
      const smallRuns: Measured[] = [];
      const largeRuns: Measured[] = [];
      await paging(small)(1);
      await paging(large)(1);
      for (let round = 0; round < 3; round++) {
        smallRuns.push(await paging(small)(SECONDS));
        largeRuns.push(await paging(large)(SECONDS));
      }
      const median = (runs: Measured[]) => runs.map((r) => r.p99Ms).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
      const [p99Small, p99Large] = [median(smallRuns), median(largeRuns)];
      for (const m of [...smallRuns, ...largeRuns]) failuresNote(what, m);
      verdicts.push({
        scenario: `${what} p99 at ${large.label} vs ${small.label} rows (${pagesOf(small).length} pages of 50, 4 connections)`,
        measured: `${ms(p99Large)} (${rate(combine(largeRuns))})`,
        floor: `${ms(p99Small)} at ${small.label} (${rate(combine(smallRuns))})`,
        ratio: `${(p99Large / p99Small).toFixed(2)}×`,
        target: '≤ 1.5×',
        met: p99Large / p99Small <= 1.5,
      });
    }
    log('scale: EXPLAIN of the paging queries');
    return { explain: await explainPaging(large.url, large.tenant.clinicId, 50) };
  } finally {
    for (const s of setups) await s.service.stop();
  }
}

/** The per-request cost ledger and a CPU profile of each hot route (bench/perf/ledger.ts). */
async function ledgerScenario(): Promise<RouteCost[]> {
  const dbName = await createDatabase('ledger');
  const url = databaseUrl(dbName);
  const setup = await startService('service-ledger-setup', { DATABASE_URL: url });
  let tenant: Tenant;
  let planId: string;
  try {
    tenant = await makeTenant(setup, { DATABASE_URL: url });
    planId = (await api<{ plan: { id: string } }>(setup, tenant, 'POST', '/v1/assessments', JSON.parse(assessmentBody(tenant)))).plan.id;
  } finally {
    await setup.stop();
  }
  const headers = auth(tenant);
  const body = assessmentBody(tenant);
  // The write first: it gives the list page its 50 plans.
  const routes: HotRoute[] = [
    { name: 'POST /v1/assessments', load: { path: '/v1/assessments', method: 'POST', headers, body } },
    { name: 'GET /v1/plans/{id}', load: { path: `/v1/plans/${planId}`, headers } },
    { name: 'POST /v1/assessments/preview', load: { path: '/v1/assessments/preview', method: 'POST', headers, body } },
    { name: 'GET /v1/catalog', load: { path: '/v1/catalog', headers } },
    { name: 'GET /v1/plans?limit=50 (list page)', load: { path: '/v1/plans?limit=50', headers } },
  ];
  const wanted = (name: string) => !LEDGER_ROUTES || LEDGER_ROUTES.some((part) => name.includes(part));
  const costs: RouteCost[] = [];
  for (const route of routes.filter((r) => wanted(r.name))) {
    log(`ledger and CPU profile: ${route.name}`);
    costs.push(await measureRoute({ route, root: ROOT, workDir: WORK, env: { DATABASE_URL: url }, connections: CONNECTIONS, seconds: SECONDS }));
  }
  const embedded = 'POST /v1/assessments, embedded PGlite';
  if (wanted(embedded)) {
    log(`ledger and CPU profile: ${embedded}`);
    const pgliteEnv = { PGLITE_DIR: path.join(WORK, 'pglite-ledger') };
    // The embedded database is one process's: the CLI makes the clinic before the server opens it.
    const created = runCli<{ clinic: { id: string }; apiKey: string; apiKeyId: string }>(ROOT, ['clinic', 'create', '--name', 'Bench clinic'], {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_LEVEL: 'warn',
      ...pgliteEnv,
    });
    const pgliteTenant: Tenant = { clinicId: created.clinic.id, apiKey: created.apiKey, keyId: created.apiKeyId, patientId: '' };
    const setupPglite = await startService('service-ledger-pglite-setup', pgliteEnv);
    try {
      const patient = { firstName: 'Bench', birthDate: '1980-04-02' };
      pgliteTenant.patientId = (await api<{ id: string }>(setupPglite, pgliteTenant, 'POST', '/v1/patients', patient)).id;
    } finally {
      await setupPglite.stop();
    }
    const load = { path: '/v1/assessments', method: 'POST' as const, headers: auth(pgliteTenant), body: assessmentBody(pgliteTenant) };
    costs.push(await measureRoute({ route: { name: embedded, load }, root: ROOT, workDir: WORK, env: pgliteEnv, connections: CONNECTIONS, seconds: SECONDS }));
  }
  return costs;
}

function engineFigure(): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'bench', 'engine.bench.ts'), '3'], { cwd: REPO, encoding: 'utf8' });
  if (run.status !== 0) return `engine benchmark failed: ${run.stderr.split('\n')[0]}`;
  return run.stdout.trim();
}

function machine(): string[] {
  const cpu = os.cpus();
  const pgbench = spawnSync('pgbench', ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? 'pgbench not found';
  return [
    `- CPU: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores (client, server and database share them)`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${os.type()} ${os.release()}`,
    `- Node.js ${process.version}; ${pgbench}`,
    `- Load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  ];
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) throw new Error(`No build in ${ROOT}: run npm run build first (npm run bench does).`);
  fs.mkdirSync(WORK, { recursive: true });
  const machineLines = machine();
  const pgVersion = await withAdmin(async (pool) => (await pool.query<{ version: string }>('select version()')).rows[0]!.version);
  const autovacuum = await withAdmin(async (pool) => (await pool.query<{ autovacuum: string }>('show autovacuum')).rows[0]!.autovacuum);
  machineLines.push(
    `- ${pgVersion.split(',')[0]} (shared with other work on this machine; autovacuum ${autovacuum}, so the harness runs ANALYZE where autovacuum would)`,
  );
  log(`Manuplan benchmark of ${ROOT}: ${SECONDS} s × ${ROUNDS} rounds per side, ${CONNECTIONS} connections`);
  let explain: { plans: string; changes: string } | undefined;
  let engine = '';
  let costs: RouteCost[] = [];
  try {
    if (['write', 'preview', 'read', 'memory'].some((s) => ONLY.has(s))) await postgresScenarios();
    if (ONLY.has('ledger')) costs = await ledgerScenario();
    if (ONLY.has('pglite')) await pgliteScenario();
    if (ONLY.has('scale')) explain = (await scaleScenario()).explain;
    if (ONLY.has('engine')) {
      log('engine micro-benchmark');
      engine = engineFigure();
    }
  } finally {
    await withAdmin(async (pool) => {
      for (const name of createdDatabases) await pool.query(`drop database if exists ${name} with (force)`);
    }).catch((err: unknown) => console.error('could not drop the benchmark databases:', err));
  }
  const elapsed = (Date.now() - startedAt) / 1000;
  for (const file of fs.readdirSync(WORK).filter((f) => f.startsWith('service') && f.endsWith('.log'))) {
    const lines = fs.readFileSync(path.join(WORK, file), 'utf8').split('\n').filter(Boolean).length;
    notes.push(`${file}: ${lines} line(s) logged at warn or above (kept in bench/.tmp/last-run-logs).`);
  }
  machineLines.push(
    `- Load average at end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );

  console.log('\n' + table(verdicts) + '\n');
  for (const note of notes) console.log(`- ${note}`);
  if (engine) console.log(`\nEngine: ${engine}`);
  console.log(`\nFinished in ${(elapsed / 60).toFixed(1)} min. Written to ${path.relative(process.cwd(), RESULTS)}.`);

  const markdown = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} in ${(elapsed / 60).toFixed(1)} min ` +
      `(${SECONDS} s × ${ROUNDS} alternating rounds per side, ${CONNECTIONS} connections, autocannon on loopback, \`LOG_LEVEL=warn\`).`,
    'How each floor is defined and what the service does differently: docs/performance.md.',
    '',
    '## Machine',
    '',
    ...machineLines,
    '',
    '## Results',
    '',
    markdownTable(verdicts),
    '',
    ...notes.map((n) => `- ${n}`),
    '',
    ...(costs.length > 0
      ? [
          '## Where each request goes: cost ledger and CPU profile per hot route',
          '',
          `Each route on a server of its own started with \`--cpu-prof\` and the cost ledger on (\`BENCH_LEDGER\`, src/lib/cost-ledger.ts): ${SECONDS} s at ${CONNECTIONS} connections for the CPU per request and the profile, then one connection so that each request runs alone for the ledger (the ledger's clock reads add a few µs to each stage).`,
          '',
          ...costMarkdown(costs),
        ]
      : []),
    ...(engine ? ['## Planning engine (`npx tsx bench/engine.bench.ts`)', '', '```', engine, '```', ''] : []),
    ...(explain
      ? [
          '## EXPLAIN of the paging queries at scale',
          '',
          'A page from the middle of the measured clinic, as the API runs it (restricted role, clinic set, row-level security on):',
          '',
          '```',
          explain.plans,
          '```',
          '',
          '```',
          explain.changes,
          '```',
          '',
        ]
      : []),
  ].join('\n');
  fs.writeFileSync(RESULTS, markdown);
  // The processes' own logs (warnings and errors only, at LOG_LEVEL=warn) are kept for a look.
  const kept = path.join(REPO, 'bench', '.tmp', 'last-run-logs');
  fs.rmSync(kept, { recursive: true, force: true });
  fs.mkdirSync(kept, { recursive: true });
  for (const file of fs.readdirSync(WORK).filter((f) => f.endsWith('.log'))) fs.copyFileSync(path.join(WORK, file), path.join(kept, file));
  fs.rmSync(WORK, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  console.error(`Logs of the processes are kept in ${WORK}`);
  process.exit(1);
});
