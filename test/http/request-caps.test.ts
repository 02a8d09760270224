import { MAX_FIELD_ERRORS } from '../../src/http/problem';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

describe('what one request, or one key, may take', () => {
  describe('validation errors are capped', () => {
    let t: TestApp;
    let c: TestClinic;
    beforeAll(async () => {
      t = await startTestApp();
      c = await t.createClinic();
    });
    afterAll(() => t?.close());

    it(`a body with 120 unknown fields answers 400 listing the first ${MAX_FIELD_ERRORS}, and says there were 120`, async () => {
      const body = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`unknown${i}`, i]));
      const res = await t.http().post('/v1/patients').set('Authorization', `Bearer ${c.adminKey}`).send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toHaveLength(MAX_FIELD_ERRORS);
      expect(res.body.errors[0]).toEqual({ path: '/unknown0', message: expect.any(String) });
      expect(res.body.detail).toMatch(/120 invalid fields; the first 50 are listed/);
    });

    it('a body with a few errors lists them all', async () => {
      const res = await t.http().post('/v1/patients').set('Authorization', `Bearer ${c.adminKey}`).send({ a: 1, b: 2, sex: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveLength(3);
      expect(res.body.detail).toBe('The request body has 3 invalid fields.');
    });
  });

  describe('requests of one key in flight at once are capped (KEY_MAX_IN_FLIGHT=2 here)', () => {
    let t: TestApp;
    let c: TestClinic;
    // Listing patients waits here until the test lets it go: a slow request, held in flight.
    let gate: Promise<void> = Promise.resolve();
    let open: () => void = () => undefined;
    let entered = 0;
    const close = () => {
      gate = new Promise((resolve) => (open = resolve));
    };

    beforeAll(async () => {
      t = await startTestApp({
        appOptions: { maxInFlightPerKey: 2 },
        services: (s) => ({
          ...s,
          patients: {
            ...s.patients,
            list: async (...args: Parameters<typeof s.patients.list>) => {
              entered += 1;
              await gate;
              return s.patients.list(...args);
            },
          },
        }),
      });
      c = await t.createClinic();
    });
    afterAll(() => t?.close());

    const until = async (done: () => boolean) => {
      for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    };

    it('a third request of a key with two in flight answers 429 with Retry-After; another key is served; the key recovers', async () => {
      const key = await c.keyWith('read');
      const otherKey = await c.keyWith('read');
      const list = (k: string) => t.http().get('/v1/patients').set('Authorization', `Bearer ${k}`);
      close();
      entered = 0;
      const held = [list(key).then((r) => r), list(key).then((r) => r)];
      await until(() => entered === 2);
      expect(entered).toBe(2);

      const third = await list(key);
      expect(third.status).toBe(429);
      expect(third.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(third.headers['retry-after']).toBe('1');
      expect(third.body.detail).toMatch(/at most 2 run at once/);

      const other = list(otherKey).then((r) => r);
      await until(() => entered === 3);
      expect(entered).toBe(3);
      open();
      expect((await Promise.all([...held, other])).map((r) => r.status)).toEqual([200, 200, 200]);
      // Their slots are free again, refused requests included.
      expect((await Promise.all([list(key), list(key)])).map((r) => r.status)).toEqual([200, 200]);
    });
  });
});
