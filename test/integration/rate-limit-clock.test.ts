import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { inClinic } from '../../src/db/tenant';
import { rateLimitsRepository } from '../../src/modules/rate-limits/rate-limits.repository';
import { sleep } from '../support/fault-kit';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The rate limiter reads the clock when its statement runs (clock_timestamp()), not when its
 * transaction began (now()). A key allowed one request a second: it spends it, and a second
 * request starts its transaction at once but takes 1.5 s before charging the key — a slow
 * request. By then the bucket has a token again; measured from the transaction's start it
 * would not, and the request would read as over the limit (429).
 */
describe('the rate limiter measures time when it charges, not when the transaction began', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('a request charged 1.5 s into its transaction finds the token that refilled meanwhile', async () => {
    const { clinicId } = await t.createClinic();
    const keyId = randomUUID();
    const bucket = { intervalSeconds: 1, toleranceSeconds: 1 };
    const first = await inClinic(t.database.db, clinicId, (tx) => rateLimitsRepository.take(tx, clinicId, keyId, 1, bucket));
    expect(first.granted).toBe(1);

    const slow = await inClinic(t.database.db, clinicId, async (tx) => {
      // The transaction is under way (on a server, BEGIN goes out with this first statement)…
      await tx.execute(sql`select 1`);
      await sleep(1500);
      // …and the key is charged only now.
      return rateLimitsRepository.take(tx, clinicId, keyId, 1, bucket);
    });
    expect(slow).toMatchObject({ granted: 1 });

    // And a request right after it is over the limit: the bucket still counts.
    const next = await inClinic(t.database.db, clinicId, (tx) => rateLimitsRepository.take(tx, clinicId, keyId, 1, bucket));
    expect(next.granted).toBe(0);
    expect(next.waitSeconds).toBeGreaterThan(0);
  });
});
