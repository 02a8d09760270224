// The PostgreSQL write floor: pgbench running the inserts of POST /v1/assessments — the same
// rows (the stored input and plan content of this run, byte for byte), the same tables with
// their indexes, row-level security and change-feed triggers, one transaction each, at the
// same concurrency — with nothing else: no HTTP, no validation, no engine, no patient lookup.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Measured } from './load';

/** Time-ordered ids like the service's UUIDv7: `ms` milliseconds, then a tag and a random tail. */
export const BENCH_UUID_FUNCTION = `
create or replace function manuplan_bench_uuid(ms bigint, r bigint, tag int) returns uuid language sql immutable as $$
  select (lpad(to_hex(ms), 12, '0') || '7' || lpad(to_hex(tag), 3, '0') || '8' || lpad(to_hex(r & 1152921504606846975), 15, '0'))::uuid
$$`;

export interface StoredAssessment {
  clinicId: string;
  patientId: string;
  keyId: string;
  practitioner: string;
  /** The assessment's `input` column as the service stored it (JSON text). */
  input: string;
  status: string;
  engineVersion: string;
  /** The plan's `content` column as the service stored it (JSON text). */
  content: string;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The floor's transaction, one statement per line as pgbench wants it. BEGIN; the settings
 * every tenant transaction makes (role and clinic, so RLS checks each row) plus the clock for
 * the ids; the assessment; its plan; COMMIT. The two inserts fire the two change-feed rows.
 */
export function floorScript(row: StoredAssessment): string {
  const { clinicId, patientId, keyId } = row;
  return [
    '\\set r random(0, 1152921504606846975)',
    'BEGIN;',
    `SELECT set_config('role', 'manuplan_app', true), set_config('app.clinic_id', ${literal(clinicId)}, true), (extract(epoch from clock_timestamp()) * 1000)::bigint AS ms \\gset`,
    `INSERT INTO assessments (clinic_id, id, patient_id, practitioner, assessed_at, input, created_by_key_id) VALUES (${literal(clinicId)}, manuplan_bench_uuid(:ms, :r, 1), ${literal(patientId)}, ${literal(row.practitioner)}, now(), ${literal(row.input)}::jsonb, ${literal(keyId)});`,
    `INSERT INTO plans (clinic_id, id, patient_id, assessment_id, status, engine_version, content, updated_by_key_id) VALUES (${literal(clinicId)}, manuplan_bench_uuid(:ms, :r, 2), ${literal(patientId)}, manuplan_bench_uuid(:ms, :r, 1), ${literal(row.status)}, ${literal(row.engineVersion)}, ${literal(row.content)}::jsonb, ${literal(keyId)});`,
    'COMMIT;',
    '',
  ].join('\n');
}

/** Runs the floor for `seconds` with `clients` connections; per-transaction latencies come from pgbench's log. */
export function runPgbench(options: { url: string; script: string; clients: number; seconds: number; workDir: string }): Measured {
  const dir = fs.mkdtempSync(path.join(options.workDir, 'pgbench-'));
  const scriptFile = path.join(dir, 'floor.sql');
  fs.writeFileSync(scriptFile, options.script);
  const args = [
    '-n',
    '-M',
    'prepared',
    '-c',
    String(options.clients),
    '-j',
    '2',
    '-T',
    String(options.seconds),
    '-f',
    scriptFile,
    '-l',
    '--log-prefix',
    path.join(dir, 'tx'),
    options.url,
  ];
  const run = spawnSync('pgbench', args, { encoding: 'utf8', cwd: dir });
  if (run.error) throw new Error(`pgbench could not run (${run.error.message}); install the PostgreSQL client tools`);
  if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`);
  const tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(run.stdout)?.[1] ?? 0);
  // Log lines: client_id transaction_no time(µs) script_no time_epoch time_us
  const latencies: number[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.startsWith('tx'))) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const micros = Number(line.split(' ')[2]);
      if (Number.isFinite(micros) && line) latencies.push(micros / 1000);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { rate: tps, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: latencies.at(-1) ?? NaN, count: latencies.length, seconds: options.seconds, failures: failed };
}
