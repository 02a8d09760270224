import pino from 'pino';
import { connectPostgres } from '../../src/db/postgres.database';
import { rateLimitsRepository } from '../../src/modules/rate-limits/rate-limits.repository';
import { serverDatabaseUrl } from '../support/database-target';
import { describeOnServer, openRawConnection } from '../support/raw-sql';
import { startTestApp, type TestApp } from '../support/test-app';
import { openTestDatabase } from '../support/test-database';

describe('limits: rate, size, page and time', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ serviceOptions: { rateLimitPerMinute: 60, rateLimitBurst: 5 } });
  });
  afterAll(() => t?.close());

  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

  describe('rate limit per API key (RATE_LIMIT_PER_MINUTE=60, RATE_LIMIT_BURST=5 here)', () => {
    it('answers 429 with Retry-After once the burst is spent; other keys are unaffected', async () => {
      const c = await t.createClinic();
      const key = await c.keyWith('read');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await t.http().get('/v1/patients').set(bearer(key))).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);

      const limited = await t.http().get('/v1/patients').set(bearer(key));
      expect(limited.status).toBe(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(limited.body).toMatchObject({ status: 429, type: expect.stringMatching(/rate-limited$/) });
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(2);

      expect((await t.http().get('/v1/patients').set(bearer(c.adminKey))).status).toBe(200);
    });

    it('states the budget on every answer: RateLimit-Policy (burst;w=seconds to refill) and X-RateLimit-Limit, as documented', async () => {
      const c = await t.createClinic();
      const key = await c.keyWith('read');
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await t.http().get('/v1/patients').set(bearer(key)));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429]);
      for (const r of answers) expect([r.headers['ratelimit-policy'], r.headers['x-ratelimit-limit']]).toEqual(['5;w=5', '5']);
      // Public endpoints charge no key and say nothing of one.
      expect((await t.http().get('/health/live')).headers['ratelimit-policy']).toBeUndefined();
    });

    it('refills at the sustained rate: after Retry-After one more request passes', async () => {
      const c = await t.createClinic();
      const key = await c.keyWith('read');
      let res;
      do res = await t.http().get('/v1/patients').set(bearer(key));
      while (res.status === 200);
      expect(res.status).toBe(429);
      await new Promise((resolve) => setTimeout(resolve, Number(res.headers['retry-after']) * 1000 + 50));
      expect((await t.http().get('/v1/patients').set(bearer(key))).status).toBe(200);
      expect((await t.http().get('/v1/patients').set(bearer(key))).status).toBe(429);
    });

    it('counts in the database, so every instance draws on the same budget', async () => {
      const onServer = Boolean(serverDatabaseUrl());
      const database = onServer ? await openTestDatabase() : t.database;
      const second = await startTestApp({ database, serviceOptions: { rateLimitPerMinute: 60, rateLimitBurst: 5 } });
      try {
        const c = await t.createClinic();
        const key = await c.keyWith('read');
        const statuses: number[] = [];
        for (let i = 0; i < 3; i++) statuses.push((await t.http().get('/v1/patients').set(bearer(key))).status);
        for (let i = 0; i < 3; i++) statuses.push((await second.http().get('/v1/patients').set(bearer(key))).status);
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      } finally {
        if (onServer) await second.close();
        else await second.app.close();
      }
    });

    it('on a busy key, leases several requests per round trip without ever exceeding the budget', async () => {
      const busy = await startTestApp({ serviceOptions: { rateLimitPerMinute: 600, rateLimitBurst: 100 } });
      const take = jest.spyOn(rateLimitsRepository, 'take');
      try {
        const c = await busy.createClinic();
        take.mockClear();
        const started = Date.now();
        let passed = 0;
        for (;;) {
          const res = await busy.http().get('/v1/patients').set(bearer(c.adminKey));
          if (res.status !== 200) {
            expect(res.status).toBe(429);
            break;
          }
          passed += 1;
        }
        const refilled = Math.ceil(((Date.now() - started) / 1000) * 10);
        expect(passed).toBeGreaterThanOrEqual(100);
        expect(passed).toBeLessThanOrEqual(100 + refilled);
        // Leases of 1, 2, 4 and then 5 (burst / 20) requests: far fewer round trips than requests.
        expect(take.mock.calls.length).toBeLessThan(passed / 3);
      } finally {
        take.mockRestore();
        await busy.close();
      }
    });

    it('is off with RATE_LIMIT_PER_MINUTE=0', async () => {
      const unlimited = await startTestApp({ serviceOptions: { rateLimitPerMinute: 0, rateLimitBurst: 1 } });
      try {
        const c = await unlimited.createClinic();
        for (let i = 0; i < 10; i++) expect((await unlimited.http().get('/v1/patients').set(bearer(c.adminKey))).status).toBe(200);
      } finally {
        await unlimited.close();
      }
    });
  });

  it('bounds every string and array a request may carry, as the OpenAPI document declares', async () => {
    type Schema = {
      $ref?: string;
      type?: string | string[];
      maxItems?: number;
      maxLength?: number;
      enum?: unknown[];
      const?: unknown;
      format?: string;
    } & Record<string, unknown>;
    const doc = (await t.http().get('/openapi.json')).body as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema: Schema }> }; parameters?: { in: string; name: string; schema: Schema }[] }>
      >;
      components: { schemas: Record<string, Schema> };
    };
    const unbounded: string[] = [];
    const visit = (s: Schema | undefined, at: string, seen: Set<string>): void => {
      if (!s || typeof s !== 'object') return;
      if (s.$ref) {
        const name = s.$ref.split('/').pop()!;
        if (!seen.has(name)) visit(doc.components.schemas[name], `${at}<${name}>`, new Set([...seen, name]));
        return;
      }
      for (const k of ['anyOf', 'oneOf', 'allOf']) for (const sub of (s[k] as Schema[] | undefined) ?? []) visit(sub, at, seen);
      const types = ([] as string[]).concat(s.type ?? []);
      if (types.includes('array')) {
        if (s.maxItems === undefined) unbounded.push(`${at}: array without maxItems`);
        visit(s.items as Schema, `${at}/*`, seen);
      }
      const fixed = s.enum !== undefined || s.const !== undefined || ['uuid', 'date', 'date-time'].includes(s.format ?? '');
      if (types.includes('string') && s.maxLength === undefined && !fixed) unbounded.push(`${at}: string without maxLength`);
      for (const [key, value] of Object.entries((s.properties as Record<string, Schema> | undefined) ?? {})) visit(value, `${at}/${key}`, seen);
      if (s.additionalProperties && typeof s.additionalProperties === 'object') visit(s.additionalProperties as Schema, `${at}/*`, seen);
    };
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        visit(op.requestBody?.content?.['application/json']?.schema, `${method.toUpperCase()} ${path} body`, new Set());
        for (const parameter of op.parameters ?? []) visit(parameter.schema, `${method.toUpperCase()} ${path} ${parameter.in} ${parameter.name}`, new Set());
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('answers 413 for a body over 1 MiB', async () => {
    const c = await t.createClinic();
    const res = await t
      .http()
      .post('/v1/patients')
      .set(bearer(c.adminKey))
      .send({ firstName: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ status: 413, type: expect.stringMatching(/payload-too-large$/) });
  });

  it.each(['/v1/patients', '/v1/changes', '/v1/audit-events', '/v1/api-keys'])('answers 400 for limit=500 on %s', async (path) => {
    const c = await t.createClinic();
    const res = await t.http().get(`${path}?limit=500`).set(bearer(c.adminKey));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: '/limit' })]);
  });

  describeOnServer('a stuck database answers 503 quickly instead of hanging the request', () => {
    const connect = (options: { poolSize: number; connectTimeoutMs: number; statementTimeoutMs: number }) =>
      connectPostgres({ url: serverDatabaseUrl()!, idleInTransactionTimeoutMs: 10000, logger: pino({ level: 'silent' }), ...options });

    async function lockedPatient(app: TestApp) {
      const c = await app.createClinic();
      const patient = (await app.http().post('/v1/patients').set(bearer(c.adminKey)).send({ firstName: 'Locked' })).body;
      const raw = await openRawConnection();
      await raw.query('begin');
      await raw.query('select 1 from patients where clinic_id = $1 and id = $2 for update', [c.clinicId, patient.id]);
      return { c, patient, release: async () => (await raw.query('rollback'), await raw.end()) };
    }

    it('a statement running past DB_STATEMENT_TIMEOUT_MS ends in 503 with Retry-After', async () => {
      const app = await startTestApp({ database: connect({ poolSize: 2, connectTimeoutMs: 2000, statementTimeoutMs: 300 }) });
      const { c, patient, release } = await lockedPatient(app);
      try {
        const started = Date.now();
        const res = await app.http().patch(`/v1/patients/${patient.id}`).set(bearer(c.adminKey)).set('If-Match', 'W/"1"').send({ lastName: 'Stuck' });
        expect(res.status).toBe(503);
        expect(res.headers['retry-after']).toBeDefined();
        expect(res.body.detail).not.toMatch(/statement|timeout|SQL/i);
        expect(Date.now() - started).toBeLessThan(2000);
      } finally {
        await release();
        await app.close();
      }
    });

    it('a request that cannot get a connection within DB_CONNECT_TIMEOUT_MS ends in 503', async () => {
      const app = await startTestApp({ database: connect({ poolSize: 1, connectTimeoutMs: 300, statementTimeoutMs: 5000 }) });
      const { c, patient, release } = await lockedPatient(app);
      try {
        // This change holds the only connection while it waits for the lock.
        const stuck = app
          .http()
          .patch(`/v1/patients/${patient.id}`)
          .set(bearer(c.adminKey))
          .set('If-Match', 'W/"1"')
          .send({ lastName: 'Waits' })
          .then((r) => r);
        await new Promise((resolve) => setTimeout(resolve, 200));
        const started = Date.now();
        const res = await app.http().get('/v1/patients').set(bearer(c.adminKey));
        expect(res.status).toBe(503);
        expect(Date.now() - started).toBeLessThan(2000);
        await release();
        expect((await stuck).status).toBe(200);
      } finally {
        await release().catch(() => undefined);
        await app.close();
      }
    });
  });
});
