// `npm run test:security`: attacks the real app (real routes, real database) the way a hostile
// or careless client would, and prints what was tried and whether the defence held. Runs on an
// in-memory embedded database, or on DATABASE_URL's server when set (it makes its own clinics).
// Exit code 1 when anything did not hold. docs/security.md keeps the last run's summary.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { createServices, serviceOptionsFrom } from '../src/container';
import { connectPostgres } from '../src/db/postgres.database';
import { wrapPglite } from '../src/db/pglite.database';
import type { Database } from '../src/db/database';
import { buildApp } from '../src/http/app';
import { createLogger } from '../src/logger';
import { appServices } from '../src/routes';

type Category = 'authorization' | 'authentication' | 'injection' | 'resource consumption' | 'data exposure';
interface Outcome {
  category: Category;
  tried: string;
  held: boolean;
  saw: string;
}

const outcomes: Outcome[] = [];
const fiveHundreds: string[] = [];
const errorBodies: string[] = [];

function record(category: Category, tried: string, held: boolean, saw: string) {
  outcomes.push({ category, tried, held, saw });
}

async function openDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const database = connectPostgres({
      url,
      poolSize: 4,
      connectTimeoutMs: 5000,
      statementTimeoutMs: 30000,
      idleInTransactionTimeoutMs: 30000,
      logger: pino({ level: 'silent' }),
    });
    await database.migrate();
    return database;
  }
  const database = wrapPglite(await PGlite.create());
  await database.migrate();
  return database;
}

async function main(): Promise<number> {
  const database = await openDatabase();
  const logs: string[] = [];
  const logger = createLogger('trace', new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) }) as unknown as pino.DestinationStream);
  // The production defaults, except a small failure budget so that throttling shows within the run.
  const config = loadConfig({ AUTH_FAILURES_PER_MINUTE: '30', AUTH_FAILURE_BURST: '10' });
  const services = createServices(database, logger, serviceOptionsFrom(config));
  const app: FastifyInstance = await buildApp({ ...appServices(services), logger, trustProxy: true, maxInFlightPerKey: config.http.maxInFlightPerKey });
  await app.ready();

  const canaries = {
    firstName: `Canary${randomBytes(4).toString('hex')}`,
    complaint: `canary complaint ${randomBytes(4).toString('hex')}`,
    note: `canary note ${randomBytes(4).toString('hex')}`,
  };
  const call = async (method: string, url: string, key?: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    if (res.statusCode >= 500) fiveHundreds.push(`${method} ${url.slice(0, 60)} → ${res.statusCode}`);
    if (res.statusCode >= 400) errorBodies.push(res.body);
    return res;
  };
  const json = (res: LightMyRequestResponse) => {
    try {
      return JSON.parse(res.body);
    } catch {
      return undefined;
    }
  };

  try {
    // Two clinics: the attacker's (A) and the victim's (B).
    const a = await services.clinics.create('Probe A');
    const b = await services.clinics.create('Probe B');
    const readA = (await services.apiKeys.create(a.clinic.id, { name: 'probe read', scopes: ['read'] })).secret;
    const writeA = (await services.apiKeys.create(a.clinic.id, { name: 'probe write', scopes: ['write'] })).secret;
    const victim = json(await call('POST', '/v1/patients', b.secret, { firstName: canaries.firstName, externalId: 'VICTIM-1' }));
    const victimAssessment = json(
      await call('POST', '/v1/assessments', b.secret, {
        patientId: victim.id,
        practitioner: 'dr-probe',
        complaint: canaries.complaint,
        painLocations: [{ region: 'lower_back', side: 'left', intensity: 6 }],
        goals: [{ type: 'pain_relief', priority: 1 }],
      }),
    );
    const victimPlan = victimAssessment?.plan?.id as string;
    await call('POST', `/v1/plans/${victimPlan}/sessions`, b.secret, {
      performedAt: new Date().toISOString(),
      minutes: 30,
      techniques: ['swedish_massage'],
      regions: ['lower_back'],
      notes: { subjective: canaries.note },
    });

    // --- authorization -------------------------------------------------------------------
    const crossClinic: [string, string, unknown?][] = [
      ['GET', `/v1/patients/${victim.id}`],
      ['PATCH', `/v1/patients/${victim.id}`, { firstName: 'Mallory' }],
      ['DELETE', `/v1/patients/${victim.id}`],
      ['GET', `/v1/plans/${victimPlan}`],
      ['GET', `/v1/plans/${victimPlan}/progress`],
      ['GET', `/v1/plans/${victimPlan}/fhir`],
      ['POST', `/v1/plans/${victimPlan}/sessions`, { performedAt: new Date().toISOString(), minutes: 30, techniques: ['swedish_massage'], regions: [] }],
      ['GET', `/v1/assessments/${victimAssessment?.assessment?.id}`],
    ];
    for (const [method, url, body] of crossClinic) {
      const res = await call(method, url, a.secret, body, method === 'PATCH' || method === 'DELETE' ? { 'if-match': 'W/"1"' } : {});
      record(
        'authorization',
        `clinic A's admin key on clinic B's resource: ${method} ${url.replace(/[0-9a-f-]{36}/g, ':id')}`,
        res.statusCode === 404,
        String(res.statusCode),
      );
    }
    const listed = json(await call('GET', '/v1/patients?externalId=VICTIM-1', a.secret));
    record(
      'authorization',
      "clinic A lists patients by clinic B's externalId",
      Array.isArray(listed?.data) && listed.data.length === 0,
      `${listed?.data?.length} found`,
    );
    const escalations: [string, string, string, unknown?][] = [
      ['read key creates a patient', 'POST', '/v1/patients', { firstName: 'x' }],
      ['read key lists API keys', 'GET', '/v1/api-keys'],
      ['write key issues itself an admin key', 'POST', '/v1/api-keys', { name: 'escalate', scopes: ['admin'] }],
      ['write key reads the audit trail', 'GET', '/v1/audit-events'],
    ];
    for (const [what, method, url, body] of escalations) {
      const key = what.startsWith('read') ? readA : writeA;
      const res = await call(method, url, key, body);
      record('authorization', `scope escalation: ${what}`, res.statusCode === 403, String(res.statusCode));
    }
    const massAssigned = await call('POST', '/v1/patients', a.secret, { firstName: 'x', clinicId: b.clinic.id, id: victim.id, version: 99 });
    record('authorization', 'mass assignment: clinicId, id and version in a create body', massAssigned.statusCode === 400, String(massAssigned.statusCode));

    // --- authentication ------------------------------------------------------------------
    const revoked = await services.apiKeys.create(a.clinic.id, { name: 'to revoke', scopes: ['read'] });
    await services.apiKeys.revoke(a.clinic.id, revoked.apiKey.id);
    const badKeys: [string, Record<string, string>, string?][] = [
      ['no Authorization header', {}],
      ['Basic instead of Bearer', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
      ['a bearer that is not a key', { authorization: 'Bearer admin' }],
      ['a made-up key of the right shape', { authorization: `Bearer mpk_${'a'.repeat(12)}_${'A'.repeat(43)}` }],
      ['a real prefix with a forged secret', { authorization: `Bearer ${a.secret.slice(0, 17)}${'B'.repeat(43)}` }],
      ['a revoked key', { authorization: `Bearer ${revoked.secret}` }],
      ['the key in the query string', {}, `?api_key=${encodeURIComponent(a.secret)}`],
    ];
    for (const [what, headers, query] of badKeys) {
      const res = await call('GET', `/v1/patients${query ?? ''}`, undefined, undefined, { 'x-forwarded-for': `198.51.100.${outcomes.length}`, ...headers });
      record('authentication', what, res.statusCode === 401, String(res.statusCode));
    }
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 15; i++) {
      const res = await call('GET', '/v1/patients', `mpk_${randomBytes(6).toString('hex')}_${randomBytes(32).toString('base64url')}`, undefined, {
        'x-forwarded-for': '203.0.113.9',
      });
      statuses.push(res.statusCode);
      retryAfter ??= res.headers['retry-after'] as string | undefined;
    }
    const firstThrottled = statuses.indexOf(429);
    record(
      'authentication',
      '15 made-up keys from one address (failure burst 10)',
      firstThrottled === 10 && retryAfter !== undefined,
      `401 ×${firstThrottled}, then 429 (Retry-After ${retryAfter})`,
    );
    const fromElsewhere = await call('GET', '/v1/patients', a.secret, undefined, { 'x-forwarded-for': '203.0.113.10' });
    record(
      'authentication',
      'a valid key from another address while that one is throttled',
      fromElsewhere.statusCode === 200,
      String(fromElsewhere.statusCode),
    );

    // --- injection -----------------------------------------------------------------------
    const sqlish = "Robert'); DROP TABLE patients; --";
    const stored = await call('POST', '/v1/patients', a.secret, { firstName: sqlish, lastName: "' OR '1'='1" });
    const readBack = json(await call('GET', `/v1/patients/${json(stored)?.id}`, a.secret));
    record(
      'injection',
      'SQL in patient names is stored and returned verbatim',
      stored.statusCode === 201 && readBack?.firstName === sqlish,
      `${stored.statusCode}, read back ${readBack?.firstName === sqlish ? 'verbatim' : 'altered'}`,
    );
    const stillThere = await call('GET', '/v1/patients?limit=1', a.secret);
    record('injection', '…and the patients table is still there', stillThere.statusCode === 200, String(stillThere.statusCode));
    const hostileQueries: [string, string][] = [
      ["externalId=' OR '1'='1", `/v1/patients?externalId=${encodeURIComponent("' OR '1'='1")}`],
      ['cursor=1 OR 1=1 --', `/v1/patients?cursor=${encodeURIComponent('1 OR 1=1 --')}`],
      ['limit=1;DROP TABLE plans', `/v1/plans?limit=${encodeURIComponent('1;DROP TABLE plans')}`],
      ["updatedSince=2020-01-01' OR 1=1", `/v1/plans?updatedSince=${encodeURIComponent("2020-01-01' OR 1=1")}`],
      ['path id 1 OR 1=1', `/v1/patients/${encodeURIComponent('1 OR 1=1')}`],
      ['status=active%27--', `/v1/plans?status=${encodeURIComponent("active'--")}`],
    ];
    for (const [what, url] of hostileQueries) {
      const res = await call('GET', url, a.secret);
      record('injection', `query: ${what}`, res.statusCode === 400, String(res.statusCode));
    }
    const jsonbProbe = await call('POST', '/v1/assessments', a.secret, {
      patientId: json(stored)?.id,
      practitioner: "x'::jsonb",
      complaint: '$1 $$ \\x00 {"$where": "1"}',
      goals: [{ type: 'pain_relief', priority: 1 }],
    });
    record('injection', 'placeholders, dollar quotes and operators in free text', jsonbProbe.statusCode === 201, String(jsonbProbe.statusCode));

    // --- resource consumption -------------------------------------------------------------
    const huge = await call('POST', '/v1/patients', a.secret, JSON.stringify({ firstName: 'x'.repeat(2 * 1024 * 1024) }), {
      'content-type': 'application/json',
    });
    record('resource consumption', 'a 2 MiB body', huge.statusCode === 413, String(huge.statusCode));
    const manyFields = await call('POST', '/v1/patients', a.secret, Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`f${i}`, i])));
    const manyErrors = json(manyFields)?.errors?.length;
    record(
      'resource consumption',
      '10,000 unknown fields',
      manyFields.statusCode === 400 && manyErrors <= 50,
      `${manyFields.statusCode}, ${manyErrors} errors listed`,
    );
    const deep = '{"firstName":"x","nested":' + '['.repeat(20_000) + ']'.repeat(20_000) + '}';
    const deepRes = await call('POST', '/v1/patients', a.secret, deep, { 'content-type': 'application/json' });
    record('resource consumption', 'JSON nested 20,000 levels deep', deepRes.statusCode === 400, String(deepRes.statusCode));
    const bigLimit = await call('GET', '/v1/patients?limit=100000', a.secret);
    record('resource consumption', 'limit=100000', bigLimit.statusCode === 400, String(bigLimit.statusCode));
    const longArray = await call('POST', '/v1/assessments', a.secret, {
      patientId: json(stored)?.id,
      practitioner: 'p',
      complaint: 'c',
      goals: Array.from({ length: 5000 }, () => ({ type: 'pain_relief', priority: 1 })),
    });
    record('resource consumption', '5,000 goals in one assessment', longArray.statusCode === 400, String(longArray.statusCode));
    const yearZero = await call('POST', `/v1/plans/${victimPlan}/sessions`, b.secret, {
      performedAt: '0000-01-01T00:00:00Z',
      minutes: 30,
      techniques: ['swedish_massage'],
      regions: [],
    });
    record('resource consumption', 'a session performed in year 0000 (was a 500)', yearZero.statusCode === 400, String(yearZero.statusCode));
    const longHeader = await call('GET', '/v1/patients', a.secret, undefined, { 'idempotency-key': 'k'.repeat(10_000) });
    record('resource consumption', 'a 10,000-character Idempotency-Key on a GET', longHeader.statusCode < 500, String(longHeader.statusCode));

    // --- data exposure --------------------------------------------------------------------
    const bodies = errorBodies.join('\n');
    record('data exposure', `no stack trace in any of the ${errorBodies.length} error bodies`, !/\bat [\w.<>]+ \(|node_modules|\.ts:\d+/.test(bodies), 'none');
    record(
      'data exposure',
      `no SQL in any of the ${errorBodies.length} error bodies`,
      !/\b(select|insert|update|delete)\b .*\b(from|into|set)\b/i.test(bodies),
      'none',
    );
    record('data exposure', 'no answer was a 5xx', fiveHundreds.length === 0, fiveHundreds.length === 0 ? 'none' : fiveHundreds.join('; '));
    const written = logs.join('');
    const leaked = Object.entries({ ...canaries, secret: a.secret.slice(17), sqlish })
      .filter(([, v]) => written.includes(v))
      .map(([k]) => k);
    record(
      'data exposure',
      `logs (${logs.length} lines at trace level) hold no name, complaint, note, key secret or hostile value`,
      leaked.length === 0,
      leaked.length === 0 ? 'none found' : `found: ${leaked.join(', ')}`,
    );
    record('data exposure', 'logs name routes, never URLs with query strings', !/"url":/.test(written) && !written.includes('api_key='), 'checked');
    const headers = (await call('GET', '/v1/patients', a.secret)).headers;
    record(
      'data exposure',
      'no X-Powered-By; nosniff and no-store on /v1',
      !headers['x-powered-by'] && headers['x-content-type-options'] === 'nosniff' && headers['cache-control'] === 'no-store',
      `${headers['x-content-type-options']}, ${headers['cache-control']}`,
    );
  } finally {
    await app.close();
    await database.close();
  }

  for (const category of new Set(outcomes.map((o) => o.category))) {
    console.log(`\n${category}`);
    for (const o of outcomes.filter((x) => x.category === category)) console.log(`  ${o.held ? 'held  ' : 'FAILED'}  ${o.tried} → ${o.saw}`);
  }
  const failed = outcomes.filter((o) => !o.held);
  console.log(`\n${outcomes.length - failed.length} of ${outcomes.length} held${failed.length ? `; ${failed.length} did not` : ''}.`);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('the probe could not run:', err);
    process.exit(2);
  },
);
