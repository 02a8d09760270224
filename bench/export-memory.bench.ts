// Peak memory of `manuplan export` as a clinic grows: seeds a clinic of N resources into a PostgreSQL
// database with set-based multi-row inserts (seconds, not minutes), then runs the real CLI export in a
// child process under /usr/bin/time -v and reports its peak RSS. Memory that stays flat from 10k to
// 100k resources is the point: the export holds one batch at a time and waits for its writer.
//
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/manuplan_bench npx tsx bench/export-memory.bench.ts [10000,100000]
// (npm run bench:export does the same with DATABASE_URL from the environment)
// (a throw-away database: the script adds clinics to it; the owner role it connects as must bypass RLS).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { startServices } from '../src/container';
import { AssessmentInputSchema } from '../src/contracts/assessment.contract';
import { ENGINE_VERSION, generatePlan } from '../src/planning';
import { lowBackAssessment } from '../test/support/fixtures';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to a throw-away PostgreSQL database.');
  process.exit(2);
}
const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);

// Every resource of the clinic, in the proportions of a busy practice: per patient one assessment,
// its plan, one earlier plan version and two sessions — 6 resources.
const PER_PATIENT = 6;

async function seed(pool: Pool, clinicId: string, resources: number): Promise<void> {
  const n = Math.ceil(resources / PER_PATIENT);
  const input = AssessmentInputSchema.parse(lowBackAssessment('0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57', { assessedAt: '2026-01-05T09:00:00Z' }));
  const content = generatePlan(input, { today: '2026-01-05', age: 45 });
  // Deterministic ids per row number, so children can name their parents without a lookup.
  const id = (kind: string) => `md5(${`'${clinicId}/${kind}/'`} || i)::uuid`;
  const client = await pool.connect();
  try {
    await client.query('begin');
    // The change-feed triggers are not what this measures; replica mode skips them while seeding.
    await client.query("set local session_replication_role = 'replica'");
    await client.query(
      `insert into patients (clinic_id, id, external_id, first_name, last_name, birth_date, sex)
       select $1, ${id('patient')}, 'BENCH-' || i, 'First' || i, 'Last' || i, date '1970-01-01' + (i % 15000), (array['female','male','other','unknown'])[1 + i % 4]
       from generate_series(1, $2::int) as i`,
      [clinicId, n],
    );
    await client.query(
      `insert into assessments (clinic_id, id, patient_id, practitioner, assessed_at, input)
       select $1, ${id('assessment')}, ${id('patient')}, 'dr-bench', timestamptz '2026-01-05 09:00Z',
              jsonb_set($3::jsonb, '{patientId}', to_jsonb(${id('patient')}::text))
       from generate_series(1, $2::int) as i`,
      [clinicId, n, JSON.stringify(input)],
    );
    await client.query(
      `insert into plans (clinic_id, id, patient_id, assessment_id, status, engine_version, content, version)
       select $1, ${id('plan')}, ${id('patient')}, ${id('assessment')}, 'active', $3, $4::jsonb, 2
       from generate_series(1, $2::int) as i`,
      [clinicId, n, ENGINE_VERSION, JSON.stringify(content)],
    );
    await client.query(
      `insert into plan_versions (clinic_id, plan_id, version, status, content, changed_at)
       select $1, ${id('plan')}, 1, 'active', $3::jsonb, timestamptz '2026-01-05 09:00Z'
       from generate_series(1, $2::int) as i`,
      [clinicId, n, JSON.stringify(content)],
    );
    for (const week of [1, 2]) {
      await client.query(
        `insert into sessions (clinic_id, id, plan_id, performed_at, minutes, techniques, regions, measures, notes, adverse_events)
         select $1, ${id(`session${week}`)}, ${id('plan')}, timestamptz '2026-01-05 10:00Z' + interval '7 days' * $3::int, 55,
                array['myofascial_release','swedish_massage'], array['lower_back'], $4::jsonb, '{"subjective":"Better this week"}'::jsonb, '{}'
         from generate_series(1, $2::int) as i`,
        [clinicId, n, week, JSON.stringify({ painNrs: 7 - week * 2, rom: [{ joint: 'lumbar', movement: 'flexion', degrees: 40 + week * 10 }] })],
      );
    }
    await client.query('commit');
    // As autovacuum would soon: the planner should see the clinic's real size.
    await client.query('analyze patients, assessments, plans, plan_versions, sessions');
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Runs the CLI export in a child process under /usr/bin/time -v: its peak RSS, its wall time, the
 * file's size. `heapMiB` caps V8's old space: an export whose live memory is bounded completes under a
 * small cap whatever the clinic's size; without one, V8 lets garbage pile up between collections.
 */
function measureExport(clinicId: string, file: string, heapMiB?: number): { peakRssMiB: number; seconds: number; fileMiB: number; lines: number } {
  const cli = path.join(__dirname, '..', 'src', 'cli', 'main.ts');
  const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  const started = Date.now();
  const run = spawnSync('/usr/bin/time', ['-v', tsx, cli, 'export', '--clinic', clinicId, '--out', file, '--yes'], {
    env: { ...process.env, LOG_LEVEL: 'warn', NODE_OPTIONS: heapMiB ? `--max-old-space-size=${heapMiB}` : '' },
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const stderr = run.stderr;
  if (run.status !== 0) throw new Error(`export failed (exit ${run.status}):\n${stderr}`);
  const seconds = (Date.now() - started) / 1000;
  const kib = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]);
  let lines = 0;
  const buffer = fs.readFileSync(file);
  for (const byte of buffer) if (byte === 10) lines += 1;
  return { peakRssMiB: Math.round(kib / 102.4) / 10, seconds, fileMiB: Math.round(buffer.length / 104857.6) / 10, lines };
}

async function main(): Promise<void> {
  const services = await startServices(loadConfig({ ...process.env, DATABASE_URL: url }), pino({ level: 'warn' }));
  const pool = new Pool({ connectionString: url, max: 2 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manuplan-export-bench-'));
  try {
    console.log(`export peak memory (${os.cpus().length} cores, Node ${process.version}, PostgreSQL via DATABASE_URL)`);
    console.log('| resources | lines | file MiB | export s | peak RSS MiB | export s, 64 MiB heap | peak RSS MiB, 64 MiB heap |');
    console.log('|---|---|---|---|---|---|---|');
    for (const size of [0, ...sizes]) {
      const { clinic } = await services.clinics.create(`Export bench ${size}`);
      const t0 = Date.now();
      if (size > 0) await seed(pool, clinic.id, size);
      const seeded = (Date.now() - t0) / 1000;
      const file = path.join(dir, `export-${size}.ndjson`);
      const free = measureExport(clinic.id, file);
      const capped = measureExport(clinic.id, file, 64);
      console.log(
        `| ${size} | ${free.lines} | ${free.fileMiB} | ${free.seconds.toFixed(1)} | ${free.peakRssMiB} | ${capped.seconds.toFixed(1)} | ${capped.peakRssMiB} |` +
          (size > 0 ? ` (seeded in ${seeded.toFixed(1)} s)` : ' (empty clinic: the CLI itself)'),
      );
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await pool.end();
    await services.database.close();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
