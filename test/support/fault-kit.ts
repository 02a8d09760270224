import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createServices, serviceOptionsFrom } from '../../src/container';
import { connectPostgres } from '../../src/db/postgres.database';
import { lowBackAssessment } from './fixtures';

/** One HTTP exchange as a client saw it; `error` when no response came back at all. */
export interface Exchange {
  method: string;
  path: string;
  startedAt: number;
  ms: number;
  status?: number;
  contentType?: string;
  retryAfter?: string;
  body?: unknown;
  error?: string;
}

/** A small fetch-based client of a running server, recording every exchange. */
export function httpClient(baseUrl: string, key: string, timeoutMs = 15_000) {
  const log: Exchange[] = [];
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Exchange> {
    const startedAt = Date.now();
    const exchange: Exchange = { method, path, startedAt, ms: 0 };
    try {
      const res = await fetch(baseUrl + path, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      exchange.status = res.status;
      exchange.contentType = res.headers.get('content-type') ?? undefined;
      exchange.retryAfter = res.headers.get('retry-after') ?? undefined;
      try {
        exchange.body = text ? JSON.parse(text) : undefined;
      } catch {
        exchange.body = text;
      }
    } catch (err) {
      exchange.error = (err as Error).cause
        ? String((err as { cause: { code?: string; message?: string } }).cause.code ?? (err as Error).cause)
        : (err as Error).message;
    }
    exchange.ms = Date.now() - startedAt;
    log.push(exchange);
    return exchange;
  }
  return { call, log };
}

/** A clinic and its admin key, made directly in the database (the server must have migrated it). */
export async function createClinicDirect(url: string, name = 'Fault clinic'): Promise<{ clinicId: string; key: string }> {
  const database = connectPostgres({
    url,
    poolSize: 1,
    connectTimeoutMs: 5000,
    statementTimeoutMs: 10000,
    idleInTransactionTimeoutMs: 10000,
    logger: pino({ level: 'silent' }),
  });
  try {
    const services = createServices(database, pino({ level: 'silent' }), serviceOptionsFrom(loadConfig({})));
    const { clinic, secret } = await services.clinics.create(name);
    await services.audit.close();
    return { clinicId: clinic.id, key: secret };
  } finally {
    await database.close();
  }
}

/** A direct connection (around any proxy) as the owner, for checks from raw SQL. */
export async function ownerConnection(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'manuplan-fault-check' });
  await client.connect();
  return client;
}

/**
 * Every way a write could have been left half done, from raw SQL: an assessment without its
 * plan, a plan without its assessment, a stored plan version at or past the plan's own
 * version or without the plan row, a version number skipped in the history, a session of no
 * plan. Each line names what is wrong; an empty list is a consistent clinic.
 */
export async function partialWrites(client: Client, clinicId: string): Promise<string[]> {
  const checks: [string, string][] = [
    [
      'assessment without its plan',
      `select a.id from assessments a where a.clinic_id = $1 and not exists (select 1 from plans p where p.clinic_id = a.clinic_id and p.assessment_id = a.id)`,
    ],
    [
      'plan without its assessment',
      `select p.id from plans p where p.clinic_id = $1 and not exists (select 1 from assessments a where a.clinic_id = p.clinic_id and a.id = p.assessment_id)`,
    ],
    [
      'plan version without its plan row',
      `select v.plan_id from plan_versions v where v.clinic_id = $1 and not exists (select 1 from plans p where p.clinic_id = v.clinic_id and p.id = v.plan_id)`,
    ],
    [
      'plan version not older than its plan',
      `select v.plan_id from plan_versions v join plans p on p.clinic_id = v.clinic_id and p.id = v.plan_id where v.clinic_id = $1 and v.version >= p.version`,
    ],
    [
      'plan history with a gap (a version without its row)',
      `select p.id from plans p where p.clinic_id = $1 and (select count(*) from plan_versions v where v.clinic_id = p.clinic_id and v.plan_id = p.id) <> p.version - 1`,
    ],
    [
      'session without its plan',
      `select s.id from sessions s where s.clinic_id = $1 and not exists (select 1 from plans p where p.clinic_id = s.clinic_id and p.id = s.plan_id)`,
    ],
    ['idempotency record without a stored answer', `select key from idempotency_keys where clinic_id = $1 and (status_code is null or response_body is null)`],
  ];
  const problems: string[] = [];
  for (const [what, query] of checks) {
    const { rows } = await client.query(query, [clinicId]);
    for (const row of rows) problems.push(`${what}: ${JSON.stringify(Object.values(row)[0])}`);
  }
  return problems;
}

/** An assessment body whose `practitioner` marks it, so the test can count its rows. */
export const markedAssessment = (patientId: string, marker: string) => lowBackAssessment(patientId, { practitioner: marker });

export const newMarker = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Nearest-rank percentile of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** An idempotent POST a fault test sends, retries with its key and finally checks was stored once. */
export interface TrackedWrite {
  kind: 'assessment' | 'patient' | 'session';
  path: string;
  key: string;
  marker: string;
  body: unknown;
  /** The body of the first 2xx answer. */
  acked?: unknown;
  /** The first attempt got no answer: the process died under it. */
  cutOff?: boolean;
}
