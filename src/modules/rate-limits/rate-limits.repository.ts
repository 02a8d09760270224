import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/database';
import { rateLimits } from '../../db/schema';

/** A key's bucket: one request every `intervalSeconds`, up to `toleranceSeconds` worth at once (GCRA). */
export interface Bucket {
  intervalSeconds: number;
  toleranceSeconds: number;
}

// Floating-point slack, so that exactly one token's room is not computed as 0.9999… of one.
const EPSILON = 1e-9;

export const rateLimitsRepository = {
  /**
   * Takes up to `wanted` requests from the key's bucket (GCRA: the bucket is empty again at
   * `tat`, and a request may pass while `tat` stays within the tolerance of now). The first
   * statement creates or locks the key's row and reads what is available, so concurrent
   * callers on every instance queue on it; the second moves `tat` by what was granted.
   * Times are the database's, so instances with skewed clocks still agree. "Now" is
   * clock_timestamp(), the time the statement runs, not now() (when its transaction began):
   * a request whose transaction started a while ago must not read as being over its limit.
   */
  async take(db: Executor, clinicId: string, keyId: string, wanted: number, bucket: Bucket): Promise<{ granted: number; waitSeconds: number }> {
    const interval = sql`make_interval(secs => ${bucket.intervalSeconds}::float8)`;
    const tolerance = sql`make_interval(secs => ${bucket.toleranceSeconds}::float8)`;
    const [row] = await queryRows<{ available: string | number; wait_seconds: string | number }>(
      db,
      sql`with clock as (select clock_timestamp() as at)
          insert into ${rateLimits} as r (clinic_id, key_id, tat) values (${clinicId}, ${keyId}, (select at from clock))
          on conflict (clinic_id, key_id) do update set tat = r.tat
          returning floor(extract(epoch from (select at from clock) + ${tolerance} - greatest(tat, (select at from clock))) / ${bucket.intervalSeconds}::float8 + ${EPSILON}::float8) as available,
                    extract(epoch from greatest(tat, (select at from clock)) + ${interval} - ${tolerance} - (select at from clock)) as wait_seconds`,
    );
    const granted = Math.max(0, Math.min(wanted, Number(row!.available)));
    if (granted > 0) {
      await db.execute(
        sql`update ${rateLimits} set tat = greatest(tat, clock_timestamp()) + make_interval(secs => ${granted * bucket.intervalSeconds}::float8)
            where clinic_id = ${clinicId} and key_id = ${keyId}`,
      );
    }
    return { granted, waitSeconds: Number(row!.wait_seconds) };
  },
};
