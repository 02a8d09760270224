import { sql } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../../db/database';

/** A delivery claimed for one attempt, with what sending it needs. */
export interface ClaimedDelivery {
  clinicId: string;
  id: string;
  webhookId: string;
  eventId: string;
  type: string;
  resourceId: string;
  resourceVersion: number;
  patientId: string | null;
  planId: string | null;
  occurredAt: Date;
  createdAt: Date;
  attempts: number;
  claimToken: string;
  url: string;
  secretSealed: string;
}

interface ClaimedRow {
  clinic_id: string;
  id: string;
  webhook_id: string;
  event_id: string;
  type: string;
  resource_id: string;
  resource_version: number;
  patient_id: string | null;
  plan_id: string | null;
  occurred_at: string | Date;
  created_at: string | Date;
  attempts: number;
  claim_token: string;
  url: string;
  secret_sealed: string;
}

/**
 * Runs `work` as the application role in dispatcher mode: row-level security lets it see the
 * webhooks and deliveries of every clinic (and nothing else across clinics; migration 0006).
 */
export function asDispatcher<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', 'manuplan_app', true), set_config('app.webhook_dispatcher', 'on', true)`);
    return work(tx);
  });
}

const hours = (ms: number) => (ms >= 3_600_000 ? `${Math.round(ms / 3_600_000)} h` : `${Math.round(ms / 1000)} s`);

export const dispatcherRepository = {
  /**
   * Claims up to `limit` due deliveries of enabled webhooks for one attempt each. SKIP LOCKED
   * lets any number of dispatchers claim at once without waiting on, or taking, each other's
   * rows; the claim moves next_attempt_at to the end of a lease, so once committed no other
   * dispatcher finds the row due until the lease has run out (the claimant died mid-attempt).
   * A delivery is claimable only when no earlier delivery of the same resource to the same
   * webhook is still pending (running included): per resource, events go out in commit order.
   */
  async claim(tx: Tx, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows = await queryRows<ClaimedRow>(
      tx,
      sql`with due as (
            select d.clinic_id, d.id
            from webhook_deliveries d
            join webhooks w on w.clinic_id = d.clinic_id and w.id = d.webhook_id
            where d.status = 'pending' and d.next_attempt_at <= now()
              and w.enabled and w.deleted_at is null
              and not exists (
                select 1 from webhook_deliveries e
                where e.clinic_id = d.clinic_id and e.webhook_id = d.webhook_id and e.resource_id = d.resource_id
                  and e.status = 'pending' and e.seq < d.seq)
            order by d.next_attempt_at, d.seq
            limit ${limit}
            for update of d skip locked)
          update webhook_deliveries d
          set claim_token = gen_random_uuid(), attempts = d.attempts + 1,
              next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000}), updated_at = now()
          from due, webhooks w
          where d.clinic_id = due.clinic_id and d.id = due.id and w.clinic_id = d.clinic_id and w.id = d.webhook_id
          returning d.clinic_id, d.id, d.webhook_id, d.event_id, d.type, d.resource_id, d.resource_version, d.patient_id, d.plan_id,
                    d.occurred_at, d.created_at, d.attempts, d.claim_token, w.url, w.secret_sealed`,
    );
    return rows.map((r) => ({
      clinicId: r.clinic_id,
      id: r.id,
      webhookId: r.webhook_id,
      eventId: r.event_id,
      type: r.type,
      resourceId: r.resource_id,
      resourceVersion: Number(r.resource_version),
      patientId: r.patient_id,
      planId: r.plan_id,
      occurredAt: new Date(r.occurred_at),
      createdAt: new Date(r.created_at),
      attempts: Number(r.attempts),
      claimToken: r.claim_token,
      url: r.url,
      secretSealed: r.secret_sealed,
    }));
  },

  /** Records a 2xx: the delivery is done and the receiver is healthy again. False when the claim was lost. */
  async succeeded(tx: Tx, d: ClaimedDelivery, statusCode: number): Promise<boolean> {
    const rows = await queryRows(
      tx,
      sql`update webhook_deliveries set status = 'succeeded', last_status_code = ${statusCode}, last_error = null,
                 claim_token = null, updated_at = now()
          where clinic_id = ${d.clinicId} and id = ${d.id} and claim_token = ${d.claimToken}
          returning id`,
    );
    if (rows.length === 0) return false;
    await tx.execute(sql`update webhooks set failing_since = null where clinic_id = ${d.clinicId} and id = ${d.webhookId} and failing_since is not null`);
    return true;
  },

  /**
   * Records a failed attempt: due again at `nextAttemptAt`, or `failed` when `giveUp`. A
   * receiver failing without a single success for `disableAfterMs` is disabled, with the reason.
   */
  async failed(
    tx: Tx,
    d: ClaimedDelivery,
    result: { statusCode: number | null; error: string; nextAttemptAt: Date; giveUp: boolean; disableAfterMs: number },
  ): Promise<boolean> {
    const rows = await queryRows(
      tx,
      sql`update webhook_deliveries set status = ${result.giveUp ? 'failed' : 'pending'}, last_status_code = ${result.statusCode},
                 last_error = ${result.error.slice(0, 500)}, next_attempt_at = ${result.nextAttemptAt.toISOString()}::timestamptz,
                 claim_token = null, updated_at = now()
          where clinic_id = ${d.clinicId} and id = ${d.id} and claim_token = ${d.claimToken}
          returning id`,
    );
    if (rows.length === 0) return false;
    const reason = `Deliveries failed for ${hours(result.disableAfterMs)} without a single success (last: ${result.error.slice(0, 200)}); re-enable it with PATCH once the receiver answers 2xx.`;
    // Disabled when the receiver has failed every attempt for the retry window: either this
    // event was given up on and nothing at all was accepted since it occurred, or the current
    // run of failures (across events) has lasted that long.
    await tx.execute(
      sql`update webhooks set enabled = false, disabled_reason = ${reason}, version = version + 1, updated_at = now()
          where clinic_id = ${d.clinicId} and id = ${d.webhookId} and enabled
            and ((${result.giveUp}::boolean and not exists (
                    select 1 from webhook_deliveries s
                    where s.clinic_id = ${d.clinicId} and s.webhook_id = ${d.webhookId} and s.status = 'succeeded'
                      and s.updated_at >= ${d.createdAt.toISOString()}::timestamptz))
              or (failing_since is not null and failing_since <= now() - make_interval(secs => ${result.disableAfterMs / 1000})))`,
    );
    await tx.execute(sql`update webhooks set failing_since = now() where clinic_id = ${d.clinicId} and id = ${d.webhookId} and failing_since is null`);
    return true;
  },

  /**
   * Deletes up to `limit` finished (succeeded or failed) deliveries whose last attempt is older
   * than `retentionMs`; SKIP LOCKED keeps two sweeping dispatchers out of each other's way.
   * Returns how many went.
   */
  async sweep(tx: Tx, retentionMs: number, limit: number): Promise<number> {
    const rows = await queryRows(
      tx,
      sql`delete from webhook_deliveries
          where (clinic_id, id) in (
            select clinic_id, id from webhook_deliveries
            where status <> 'pending' and updated_at < now() - make_interval(secs => ${retentionMs / 1000})
            limit ${limit}
            for update skip locked)
          returning id`,
    );
    return rows.length;
  },
};
