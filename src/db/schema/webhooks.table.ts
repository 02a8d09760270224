import { bigint, boolean, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { clinicIdColumn, resourceColumns, timestamptz } from './columns';

/**
 * A clinic's webhook subscriptions (SPEC §11). The signing secret is needed in plain form to
 * sign each delivery (HMAC is symmetric), so it cannot be hashed like an API key: it is kept
 * sealed with AES-256-GCM under WEBHOOKS_SECRET_KEY (modules/webhooks/webhook-secret.ts).
 */
export const webhooks = pgTable(
  'webhooks',
  {
    clinicId: clinicIdColumn(),
    id: uuid('id').notNull(),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    description: text('description'),
    secretSealed: text('secret_sealed').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason'),
    // Start of the current run of failed attempts (null after a success): a receiver failing
    // for the whole retry window is disabled.
    failingSince: timestamptz('failing_since'),
    ...resourceColumns(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.id] }), index('webhooks_clinic_created_idx').on(t.clinicId, t.createdAt, t.id)],
);

/**
 * The outbox: one row per event and matching webhook, written by a trigger in the transaction
 * of the change (a rolled-back change leaves none, a committed one cannot lose its row).
 * `seq` is the commit order per resource: a resource's row is locked by the change that
 * writes it, so a later change of the same resource always draws a higher seq.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    clinicId: clinicIdColumn(),
    id: uuid('id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    webhookId: uuid('webhook_id').notNull(),
    // The Standard Webhooks message id (header webhook-id): one per event, the same on every attempt.
    eventId: uuid('event_id').notNull(),
    type: text('type').notNull(),
    resourceId: uuid('resource_id').notNull(),
    resourceVersion: integer('resource_version').notNull(),
    patientId: uuid('patient_id'),
    planId: uuid('plan_id'),
    occurredAt: timestamptz('occurred_at').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    // When the next attempt is due; while an attempt runs, the end of its lease.
    nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
    // Who holds the running attempt: only that claimant may record its result.
    claimToken: uuid('claim_token'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.webhookId], foreignColumns: [webhooks.clinicId, webhooks.id] }),
    index('webhook_deliveries_clinic_webhook_seq_idx').on(t.clinicId, t.webhookId, t.seq),
    // "Is an earlier event of this resource still pending for this webhook?"
    index('webhook_deliveries_pending_resource_idx')
      .on(t.clinicId, t.webhookId, t.resourceId, t.seq)
      .where(sql`status = 'pending'`),
    // "What is due?", across clinics in the claim's order, so a claim reads its batch off the
    // front of the index instead of sorting the backlog. (A clinic-first index here also led the
    // planner, on fresh statistics, to probe it for the resource check: a claim grew with the
    // square of the backlog, 2.7 s at 3000 pending.)
    index('webhook_deliveries_pending_due_order_idx')
      .on(t.nextAttemptAt, t.seq)
      .where(sql`status = 'pending'`),
  ],
);
