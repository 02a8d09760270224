import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal';
import { queryRows, type Executor } from '../../db/database';
import { authFailures } from '../../db/schema';

/** The failure bucket of every subject: one failure every `intervalSeconds`, up to `toleranceSeconds` worth at once (GCRA). */
export interface FailureBucket {
  intervalSeconds: number;
  toleranceSeconds: number;
}

// Drained rows removed by each charge, so the table holds only subjects failing lately.
const SWEEP_PER_CHARGE = 10;

export const authFailuresRepository = {
  /**
   * Charges `count` failures to each subject in one statement and answers, per subject, how
   * many seconds it is over its budget (≤ 0: still within it). clock_timestamp(), not now():
   * the time of the statement itself, whatever transaction it might run in.
   */
  async charge(db: Executor, charges: { subject: string; count: number }[], bucket: FailureBucket): Promise<Map<string, number>> {
    if (charges.length === 0) return new Map();
    const subjects = charges.map((c) => c.subject);
    const rows = charges.map(({ subject, count }) => sql`(${subject}, clock_timestamp() + make_interval(secs => ${count * bucket.intervalSeconds}::float8))`);
    const result = await queryRows<{ subject: string; over_seconds: string | number }>(
      db,
      sql`with swept as (
            delete from ${authFailures} where subject in (
              select subject from ${authFailures}
              where tat < clock_timestamp() and subject <> all(${arrayLiteral(subjects)}::text[])
              limit ${SWEEP_PER_CHARGE}
              for update skip locked))
          insert into ${authFailures} as f (subject, tat) values ${sql.join(rows, sql`, `)}
          on conflict (subject) do update set tat = greatest(f.tat, clock_timestamp()) + (excluded.tat - clock_timestamp())
          returning subject, extract(epoch from tat - clock_timestamp()) - ${bucket.toleranceSeconds}::float8 as over_seconds`,
    );
    return new Map(result.map((r) => [r.subject, Number(r.over_seconds)]));
  },
};
