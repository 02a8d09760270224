// Listing and the change feed at scale: seeds clinics, patients, assessments, plans and their
// change-feed rows with set-based inserts (seconds per 100k rows, not minutes), walks one
// clinic's pages through the API, and explains the queries the repositories issue.
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool, type PoolClient } from 'pg';
import { schema, type Db } from '../../src/db/database';
import { changesRepository } from '../../src/modules/changes/changes.repository';
import { FEED_START } from '../../src/modules/changes/feed-cursor';
import { plansRepository } from '../../src/modules/plans/plans.repository';
import { BENCH_UUID_FUNCTION, type StoredAssessment } from './write-floor';

export interface SeedShape {
  /** Clinic ids; the first is the measured clinic (made through the CLI, with its API key). */
  clinicIds: string[];
  plansPerClinic: number;
  patientsPerClinic: number;
  /** The rows of one real assessment and plan, copied into every seeded one. */
  sample: StoredAssessment;
  /** Distinguishes the ids of one database's seed from another's. */
  idBase: number;
}

/**
 * Inserts, for every clinic, its patients, assessments and one plan per assessment, and the
 * change-feed rows the triggers would have written — interleaved across clinics as a shared
 * table fills in real life, so one clinic's rows are spread over the whole heap. Runs as the
 * database owner with triggers (and so foreign-key checks) off: the data is consistent by
 * construction. TOAST compression is lz4 for speed; the API reads the values the same way.
 */
export async function seed(pool: Pool, shape: SeedShape, workers = 2): Promise<number> {
  const started = Date.now();
  await pool.query(BENCH_UUID_FUNCTION);
  await pool.query(
    `insert into clinics (id, name) select id, 'Bench clinic ' || n from unnest($1::uuid[]) with ordinality as c(id, n) on conflict (id) do nothing`,
    [shape.clinicIds],
  );
  const slots = shape.clinicIds.length;
  const perWorker = Math.ceil(slots / workers);
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      const from = w * perWorker;
      const to = Math.min(slots, from + perWorker);
      if (from >= to) return;
      const client = await pool.connect();
      try {
        await seedSlots(client, shape, from, to);
      } finally {
        client.release();
      }
    }),
  );
  await pool.query('analyze clinics, patients, assessments, plans, changes');
  return (Date.now() - started) / 1000;
}

async function seedSlots(client: PoolClient, shape: SeedShape, from: number, to: number): Promise<void> {
  const { plansPerClinic: P, patientsPerClinic: PP, sample } = shape;
  const K = shape.clinicIds.length;
  const k = to - from;
  // Row x of this worker is row j of clinic slot s; g numbers that row across all clinics.
  const slot = `(${from} + x % ${k})`;
  const j = `(x / ${k})`;
  const g = (perClinic: string) => `(${perClinic}::bigint * ${K} + ${slot})`;
  const id = (tag: number, n: string) => `manuplan_bench_uuid(${shape.idBase} + ${n}, ${n}, ${tag})`;
  const at = (n: string) => `(timestamptz '2025-01-01 00:00Z' + ${n} * interval '1 millisecond')`;
  const clinic = `($1::uuid[])[1 + ${slot}]`;
  await client.query('begin');
  await client.query("set local session_replication_role = 'replica'");
  await client.query('set local synchronous_commit = off');
  await client.query("set local default_toast_compression = 'lz4'");
  await client.query(
    `insert into patients (clinic_id, id, external_id, first_name, last_name, birth_date, sex, created_at, updated_at)
     select ${clinic}, ${id(11, g(j))}, 'BENCH-' || ${g(j)}, 'First', 'Last', date '1950-01-01' + (x % 20000)::int, 'female', ${at(g(j))}, ${at(g(j))}
     from generate_series(0, ${k * PP - 1}) as x`,
    [shape.clinicIds],
  );
  await client.query(
    `insert into assessments (clinic_id, id, patient_id, practitioner, assessed_at, input, created_at, updated_at)
     select ${clinic}, ${id(12, g(j))}, ${id(11, g(`(${j} % ${PP})`))}, $2, ${at(g(j))}, $3::jsonb, ${at(g(j))}, ${at(g(j))}
     from generate_series(0, ${k * P - 1}) as x`,
    [shape.clinicIds, sample.practitioner, sample.input],
  );
  await client.query(
    `insert into plans (clinic_id, id, patient_id, assessment_id, status, engine_version, content, created_at, updated_at)
     select ${clinic}, ${id(13, g(j))}, ${id(11, g(`(${j} % ${PP})`))}, ${id(12, g(j))}, $2, $3, $4::jsonb, ${at(g(j))}, ${at(g(j))}
     from generate_series(0, ${k * P - 1}) as x`,
    [shape.clinicIds, sample.status, sample.engineVersion, sample.content],
  );
  // What the change-feed triggers write for each insert above, in the same order.
  for (const [tag, type, perClinic] of [
    [11, 'patient', PP],
    [12, 'assessment', P],
    [13, 'plan', P],
  ] as const) {
    await client.query(
      `insert into changes (clinic_id, txid, resource_type, resource_id, version, op, changed_at)
       select ${clinic}, pg_current_xact_id(), $2, ${id(tag, g(j))}, 1, 'upsert', ${at(g(j))}
       from generate_series(0, ${k * perClinic - 1}) as x`,
      [shape.clinicIds, type],
    );
  }
  await client.query('commit');
}

/** Follows a list's nextCursor from the first page to the last; returns every page's path. */
export async function walkPages(baseUrl: string, firstPath: string, apiKey: string): Promise<string[]> {
  const paths: string[] = [];
  let next: string | null = firstPath;
  while (next) {
    paths.push(next);
    const res = await fetch(baseUrl + next, { headers: { authorization: `Bearer ${apiKey}` } });
    if (!res.ok) throw new Error(`GET ${next} answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { nextCursor: string | null };
    const separator = firstPath.includes('?') ? '&' : '?';
    next = body.nextCursor ? `${firstPath}${separator}cursor=${encodeURIComponent(body.nextCursor)}` : null;
    if (paths.length > 10_000) throw new Error(`${firstPath} did not end`);
  }
  return paths;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements the plan list and the change feed issue for a
 * page in the middle of the measured clinic, captured from the repositories themselves and run
 * as the API runs them: as the restricted role with the clinic set, so row-level security is in.
 */
export async function explainPaging(url: string, clinicId: string, pageSize: number): Promise<{ plans: string; changes: string }> {
  const pool = new Pool({ connectionString: url, max: 1 });
  const captured: { sql: string; params: unknown[] }[] = [];
  const db = drizzle(pool, { schema, logger: { logQuery: (sql, params) => void captured.push({ sql, params }) } }) as unknown as Db;
  const explain = async () => {
    const { sql, params } = captured.pop()!;
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query("select set_config('role', 'manuplan_app', true), set_config('app.clinic_id', $1, true)", [clinicId]);
      const result = await client.query(`explain (analyze, buffers, costs off, timing off) ${sql}`, params);
      await client.query('rollback');
      return [sql.replace(/\s+/g, ' '), '', ...result.rows.map((r: Record<string, string>) => r['QUERY PLAN'])].join('\n');
    } finally {
      client.release();
    }
  };
  try {
    const [middlePlan] = (
      await pool.query<{ updated_at: Date; id: string }>(
        'select updated_at, id from plans where clinic_id = $1 and deleted_at is null order by updated_at, id offset (select count(*) / 2 from plans where clinic_id = $1) limit 1',
        [clinicId],
      )
    ).rows;
    await plansRepository.list(db, clinicId, {}, pageSize + 1, { at: middlePlan!.updated_at, id: middlePlan!.id });
    const plans = await explain();
    const [middleChange] = (
      await pool.query<{ txid: string; seq: string }>(
        'select txid::text, seq::text from changes where clinic_id = $1 order by txid, seq offset (select count(*) / 2 from changes where clinic_id = $1) limit 1',
        [clinicId],
      )
    ).rows;
    await changesRepository.after(db, clinicId, middleChange ? { txid: middleChange.txid, seq: Number(middleChange.seq) } : FEED_START, pageSize + 1);
    const changes = await explain();
    return { plans, changes };
  } finally {
    await pool.end();
  }
}
