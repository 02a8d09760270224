import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { connectPostgres } from '../../src/db/postgres.database';
import { renderOpenApiDocument } from '../../src/http/openapi';
import { shutDown } from '../../src/shutdown';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

describe('the service foundation', () => {
  let t: TestApp;
  let clinic: TestClinic;

  beforeAll(async () => {
    t = await startTestApp();
    clinic = await t.createClinic();
  });
  afterAll(() => t?.close());

  const auth = () => ({ Authorization: `Bearer ${clinic.adminKey}` });

  describe('errors are RFC 9457 problem details', () => {
    it('names every bad field of a body by JSON pointer (400)', async () => {
      const res = await t
        .http()
        .post('/v1/api-keys')
        .set(auth())
        .send({ name: '', scopes: ['read', 'root'], owner: 'me' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: expect.stringMatching(/validation-error$/), title: 'Invalid request', status: 400 });
      const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
      expect(paths).toEqual(['/name', '/owner', '/scopes/1']);
      expect(res.body.errors.find((e: { path: string }) => e.path === '/scopes/1').message).toMatch(/read.*write.*admin/);
    });

    it('rejects malformed JSON with 400', async () => {
      const res = await t.http().post('/v1/api-keys').set(auth()).set('Content-Type', 'application/json').send('{"name": ');
      expect(res.status).toBe(400);
      expect(res.body.type).toMatch(/malformed-json$/);
    });

    it('rejects a page size over 200 with 400 naming limit', async () => {
      const res = await t.http().get('/v1/api-keys?limit=500').set(auth());
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe('/limit');
    });

    it('rejects a cursor it did not issue with 400', async () => {
      const res = await t.http().get('/v1/api-keys?cursor=bm9wZQ').set(auth());
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe('/cursor');
    });

    it('answers 404 for unknown routes', async () => {
      const res = await t.http().get('/v1/nothing-here');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 404, title: 'Not found' });
    });

    it('answers 413 for a body over 1 MiB', async () => {
      const res = await t
        .http()
        .post('/v1/api-keys')
        .set(auth())
        .send({ name: 'x'.repeat(1024 * 1024 + 10), scopes: ['read'] });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ status: 413, type: expect.stringMatching(/payload-too-large$/) });
    });

    it('answers 500 without leaking internals when a service fails unexpectedly', async () => {
      const failing = await startTestApp({
        services: (s) => ({
          ...s,
          apiKeys: {
            ...s.apiKeys,
            list: async () => {
              throw new Error('relation "secret_table" does not exist at SELECT * FROM patients');
            },
          },
        }),
      });
      try {
        const c = await failing.createClinic();
        const res = await failing.http().get('/v1/api-keys').set('Authorization', `Bearer ${c.adminKey}`);
        expect(res.status).toBe(500);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toEqual({
          type: expect.stringMatching(/internal-error$/),
          title: 'Internal server error',
          status: 500,
          detail: expect.any(String),
          instance: '/v1/api-keys',
          requestId: res.headers['x-request-id'],
        });
        expect(JSON.stringify(res.body)).not.toMatch(/secret_table|SELECT|at .*\.ts/);
      } finally {
        await failing.close();
      }
    });
  });

  describe('request ids', () => {
    it('echoes a valid incoming X-Request-Id', async () => {
      const res = await t.http().get('/health/live').set('X-Request-Id', 'clinic-sw.42:abc');
      expect(res.headers['x-request-id']).toBe('clinic-sw.42:abc');
    });

    it('replaces an unsafe one and generates one when absent', async () => {
      const unsafe = await t.http().get('/health/live').set('X-Request-Id', 'bad id\twith spaces');
      expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const none = await t.http().get('/v1/nothing');
      expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(none.body.requestId).toBe(none.headers['x-request-id']);
    });
  });

  describe('health', () => {
    it('is live and ready on a working database', async () => {
      expect((await t.http().get('/health/live')).body).toEqual({ status: 'ok' });
      const ready = await t.http().get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.status).toBe('ok');
    });

    it('reports 503 problem+json when the database is unreachable', async () => {
      const unreachable = connectPostgres({
        url: 'postgres://postgres@127.0.0.1:1/none',
        poolSize: 1,
        connectTimeoutMs: 500,
        statementTimeoutMs: 1000,
        idleInTransactionTimeoutMs: 1000,
        logger: pino({ level: 'silent' }),
      });
      const down = await startTestApp({ database: unreachable });
      try {
        const res = await down.http().get('/health/ready');
        expect(res.status).toBe(503);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.headers['retry-after']).toBeDefined();
        const api = await down.http().get('/v1/api-keys').set('Authorization', `Bearer ${clinic.adminKey}`);
        expect(api.status).toBe(503);
      } finally {
        await down.close();
      }
    });
  });

  describe('documentation', () => {
    it('serves OpenAPI 3.1 and the docs UI', async () => {
      const doc = await t.http().get('/openapi.json');
      expect(doc.status).toBe(200);
      expect(doc.body.openapi).toBe('3.1.0');
      expect(doc.body.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
      const ui = await t.http().get('/docs/').redirects(1);
      expect(ui.status).toBe(200);
      expect(ui.text).toMatch(/swagger/i);
    });

    it('gives every operation an operationId, tags and documented errors', async () => {
      const doc = (await t.http().get('/openapi.json')).body;
      for (const [route, methods] of Object.entries<Record<string, { operationId?: string; tags?: string[]; responses: Record<string, unknown> }>>(doc.paths)) {
        for (const [method, op] of Object.entries(methods)) {
          expect([route, method, op.operationId]).toEqual([route, method, expect.any(String)]);
          expect(op.tags?.length).toBeGreaterThan(0);
          expect(Object.keys(op.responses)).toContain('503');
        }
      }
    });

    it('matches the committed openapi/openapi.json (run `npm run openapi:write` when this fails)', () => {
      const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'openapi', 'openapi.json'), 'utf8');
      expect(renderOpenApiDocument(t.app)).toBe(committed);
    });
  });

  describe('logging', () => {
    it('never writes an API key, a patient name or complaint text', async () => {
      const verbose = await startTestApp({ logLevel: 'trace' });
      try {
        const c = await verbose.createClinic();
        await verbose.http().get('/v1/api-keys').set('Authorization', `Bearer ${c.adminKey}`);
        await verbose
          .http()
          .get('/v1/api-keys')
          .set('Authorization', `Bearer ${c.adminKey.slice(0, -1)}x`);
        verbose.app.log.info({ patient: { firstName: 'Ada', lastName: 'Lovelace' }, input: { complaint: 'aching back' } }, 'with patient data');
        const written = verbose.logs.join('');
        expect(written).toContain('incoming request');
        expect(written).toContain('with patient data');
        expect(written).not.toContain(c.adminKey.slice(17));
        expect(written).not.toMatch(/Ada|Lovelace|aching back/);
      } finally {
        await verbose.close();
      }
    });
  });

  describe('graceful shutdown', () => {
    it('finishes an in-flight request, turns new ones away with 503, then closes', async () => {
      let pingStarted!: () => void;
      let releasePing!: () => void;
      const started = new Promise<void>((resolve) => (pingStarted = resolve));
      const slow = await startTestApp({
        services: (s) => ({
          ...s,
          health: {
            ready: async () => {
              pingStarted();
              await new Promise<void>((resolve) => (releasePing = resolve));
              return s.health.ready();
            },
          },
        }),
      });
      await slow.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = slow.app.server.address() as AddressInfo;
      const inFlight = fetch(`http://127.0.0.1:${port}/health/ready`);
      await started;

      const stopping = shutDown({ app: slow.app, lifecycle: slow.lifecycle, database: slow.database, logger: pino({ level: 'silent' }), graceMs: 5000 });
      const late = await slow.app.inject({ method: 'GET', url: '/health/live' });
      expect(late.statusCode).toBe(503);
      expect(late.headers['content-type']).toMatch(/^application\/problem\+json/);

      releasePing();
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(await stopping).toBe(true);
      await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
    });
  });
});
