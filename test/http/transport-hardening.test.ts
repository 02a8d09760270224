import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { httpOptionsFrom } from '../../src/http/app';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

/** Sends raw bytes to the listening app and returns everything it answered before closing. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('transport: security headers, time-outs and the server’s own refusals', () => {
  let t: TestApp;
  let c: TestClinic;
  const config = loadConfig({ REQUEST_TIMEOUT_MS: '20000', HEADERS_TIMEOUT_MS: '7000', KEEP_ALIVE_TIMEOUT_MS: '61000', TRUST_PROXY: '127.0.0.1' });

  beforeAll(async () => {
    // Load shedding is left off here: on a busy machine it would answer 503 before the headers under test.
    t = await startTestApp({ appOptions: { ...httpOptionsFrom(config), maxEventLoopDelayMs: 0 } });
    c = await t.createClinic();
  });
  afterAll(() => t?.close());
  const auth = () => ({ Authorization: `Bearer ${c.adminKey}` });

  describe('headers', () => {
    it('every /v1 answer — success, refusal, error, unknown route — is no-store and nosniff', async () => {
      const answers = [
        await t.http().get('/v1/patients').set(auth()),
        await t.http().post('/v1/patients').set(auth()).send({ nickname: 'x' }),
        await t.http().get('/v1/patients'),
        await t.http().get('/v1/no-such-thing').set(auth()),
        await t.http().post('/v1/patients').set(auth()).set('content-type', 'application/json').send('{"firstName":'),
      ];
      expect(answers.map((r) => r.status)).toEqual([200, 400, 401, 404, 400]);
      for (const r of answers) {
        expect([r.status, r.headers['cache-control'], r.headers['x-content-type-options']]).toEqual([r.status, 'no-store', 'nosniff']);
        expect(r.headers['strict-transport-security']).toBeUndefined();
      }
      // Fastify's own refusals (no such route, malformed JSON) are problem+json like the rest.
      for (const r of answers.slice(1)) expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('HSTS only when the request came over HTTPS, as the trusted proxy says', async () => {
      const viaHttps = await t.http().get('/v1/patients').set(auth()).set('X-Forwarded-Proto', 'https');
      expect(viaHttps.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      const viaHttp = await t.http().get('/v1/patients').set(auth()).set('X-Forwarded-Proto', 'http');
      expect(viaHttp.headers['strict-transport-security']).toBeUndefined();
    });

    it('an untrusted client claiming HTTPS gets no HSTS (the proxy is not trusted by default)', async () => {
      const untrusting = await startTestApp({ database: t.database });
      try {
        const res = await untrusting.http().get('/health/live').set('X-Forwarded-Proto', 'https');
        expect(res.headers['strict-transport-security']).toBeUndefined();
      } finally {
        await untrusting.app.close();
      }
    });

    it('the documentation carries a Content-Security-Policy that allows no script from elsewhere', async () => {
      const docs = await t.http().get('/docs/').redirects(1);
      expect(docs.status).toBe(200);
      const csp = docs.headers['content-security-policy'] as string;
      expect(csp).toMatch(/default-src 'self'/);
      const scripts = /(?:^|; )script-src ([^;]*)/.exec(csp)?.[1];
      expect(scripts?.trim().split(/\s+/)[0]).toBe("'self'");
      expect(scripts).not.toMatch(/https?:|\*|unsafe/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).not.toMatch(/upgrade-insecure-requests/);
    });
  });

  describe('time-outs', () => {
    it('the server’s time-outs are the configured ones', () => {
      expect([t.app.server.requestTimeout, t.app.server.headersTimeout, t.app.server.keepAliveTimeout]).toEqual([20000, 7000, 61000]);
    });

    it('configuration refuses a headers time-out longer than the request time-out', () => {
      expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '6000' })).toThrow(/HEADERS_TIMEOUT_MS: must not exceed REQUEST_TIMEOUT_MS/);
    });
  });

  describe('refusals before routing are problem+json', () => {
    let port: number;
    beforeAll(async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.server.address() as AddressInfo).port;
    });

    it('malformed HTTP answers 400 problem+json and closes', async () => {
      const answer = await rawExchange(port, 'GARBAGE\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, type: expect.stringContaining('/problems/') });
    });

    it('headers past Node’s limit answer 431 problem+json, without echoing them', async () => {
      const answer = await rawExchange(port, `GET /v1/patients HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(20000)}\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      expect(answer).toMatch(/content-type: application\/problem\+json/i);
      expect(answer).not.toContain('aaaa');
    });
  });
});
