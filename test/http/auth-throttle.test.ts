import { randomBytes } from 'node:crypto';
import { apiKeysRepository } from '../../src/modules/api-keys/api-keys.repository';
import { sleep } from '../support/fault-kit';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

/**
 * Someone tries keys. Each failure is counted per client address and per key prefix in
 * PostgreSQL (shared by every instance); past the burst the answer is 429 with Retry-After, and
 * a prefix that matched no key a moment ago costs no lookup. With 6 failures a minute and a
 * burst of 3, the fourth failure within seconds is throttled for about 10 s.
 */
describe('failed authentication is throttled per client address and per key prefix', () => {
  let t: TestApp;
  let clinic: TestClinic;
  const throttled = { serviceOptions: { authFailuresPerMinute: 6, authFailureBurst: 3 }, appOptions: { trustProxy: true } };
  // Each test speaks from addresses of its own (trustProxy: X-Forwarded-For is the client).
  const address = () => `10.${randomBytes(3).join('.')}`;
  const madeUpKey = () => `mpk_${randomBytes(6).toString('hex')}_${randomBytes(32).toString('base64url')}`;
  const get = (app: TestApp, from: string, key: string) => app.http().get('/v1/api-keys').set('X-Forwarded-For', from).set('Authorization', `Bearer ${key}`);

  beforeAll(async () => {
    t = await startTestApp(throttled);
    clinic = await t.createClinic();
  });
  afterAll(() => t?.close());
  afterEach(() => jest.restoreAllMocks());

  function expectThrottled(res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }) {
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(11);
    expect(res.body).toMatchObject({ status: 429, type: expect.stringContaining('/problems/rate-limited') });
  }

  it('per address: three failures answer 401, the fourth 429; a valid key from another address is unaffected', async () => {
    const attacker = address();
    for (let i = 0; i < 3; i++) expect((await get(t, attacker, madeUpKey())).status).toBe(401);
    expectThrottled(await get(t, attacker, madeUpKey()));
    // Blocked now, even with a good key, and without asking the database which key it is.
    const lookups = jest.spyOn(apiKeysRepository, 'findByPrefix');
    expectThrottled(await get(t, attacker, clinic.adminKey));
    expect(lookups).not.toHaveBeenCalled();
    expect((await get(t, address(), clinic.adminKey)).status).toBe(200);
    // The refusals are in the log by address and key prefix, never by key.
    const throttledLines = t.logs.map((l) => JSON.parse(l)).filter((l) => l.audit === 'authentication_throttled' && l.remoteAddress === attacker);
    expect(throttledLines.length).toBeGreaterThanOrEqual(2);
    expect(t.logs.join('')).not.toContain(clinic.adminKey.slice(17));
  });

  it('per key prefix: failures on one prefix from many addresses are throttled too', async () => {
    const key = madeUpKey();
    for (let i = 0; i < 3; i++) expect((await get(t, address(), key)).status).toBe(401);
    // After the first, the made-up prefix is answered from memory and counted in the background.
    await sleep(600);
    expectThrottled(await get(t, address(), key));
    // Another key, from another address: unaffected.
    expect((await get(t, address(), await clinic.keyWith('admin'))).status).toBe(200);
  });

  it('a wrong secret for a real prefix counts as a failure of that prefix', async () => {
    const victim = await clinic.keyWith('read');
    const forged = victim.slice(0, 17) + randomBytes(32).toString('base64url');
    for (let i = 0; i < 3; i++) expect((await get(t, address(), forged)).status).toBe(401);
    expectThrottled(await get(t, address(), forged));
  });

  it('an unknown prefix seen a moment ago is refused without a lookup, and still counted in the shared store', async () => {
    const from = address();
    const key = madeUpKey();
    const lookups = jest.spyOn(apiKeysRepository, 'findByPrefix');
    expect((await get(t, from, key)).status).toBe(401);
    expect((await get(t, from, key)).status).toBe(401);
    expect((await get(t, from, key)).status).toBe(401);
    expect(lookups).toHaveBeenCalledTimes(1);
    // The two failures answered from memory reach the shared counters in the background; the
    // next failure from this address, with a key never seen, is then one too many.
    await sleep(600);
    expectThrottled(await get(t, from, madeUpKey()));
  });

  it('the counters are shared: another instance on the same database throttles an address this one saw fail', async () => {
    const other = await startTestApp({ ...throttled, database: t.database });
    try {
      const from = address();
      for (let i = 0; i < 3; i++) expect((await get(t, from, madeUpKey())).status).toBe(401);
      expectThrottled(await get(other, from, madeUpKey()));
    } finally {
      await other.app.close();
    }
  });

  it('a malformed bearer is counted against the address too', async () => {
    const from = address();
    for (let i = 0; i < 3; i++) expect((await get(t, from, 'not-a-key')).status).toBe(401);
    await sleep(600);
    expectThrottled(await get(t, from, madeUpKey()));
  });
});
