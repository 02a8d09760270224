import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinicIdColumn, timestamptz, xid8 } from './columns';

/**
 * Idempotency records live in PostgreSQL, not process memory, so every API instance behind a
 * load balancer agrees on them. statusCode is null while the first request is in flight.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    clinicId: clinicIdColumn(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    statusCode: integer('status_code'),
    responseBody: jsonb('response_body'),
    responseHeaders: jsonb('response_headers'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.key] }), index('idempotency_keys_expires_idx').on(t.clinicId, t.expiresAt)],
);

/** Append-only: the application role may insert and read, never update or delete. */
export const auditEvents = pgTable(
  'audit_events',
  {
    clinicId: clinicIdColumn(),
    id: uuid('id').notNull(),
    occurredAt: timestamptz('occurred_at').notNull(),
    keyId: uuid('key_id'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: uuid('resource_id'),
    outcome: text('outcome').notNull(),
    statusCode: integer('status_code').notNull(),
    requestId: text('request_id').notNull(),
  },
  // id is a UUIDv7, so (clinic_id, id) is also the chronological order the list pages by;
  // the second index answers "who touched this patient (plan, …)" without scanning the log.
  (t) => [primaryKey({ columns: [t.clinicId, t.id] }), index('audit_events_clinic_resource_idx').on(t.clinicId, t.resourceId, t.id)],
);

/**
 * The change feed, written by triggers so no write path can forget it. Readers page by
 * (txid, seq) and only up to the oldest running transaction, so a slow transaction that
 * commits late can never slip behind a cursor.
 */
export const changes = pgTable(
  'changes',
  {
    clinicId: clinicIdColumn(),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    txid: xid8('txid').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: uuid('resource_id').notNull(),
    version: integer('version').notNull(),
    op: text('op').notNull(),
    changedAt: timestamptz('changed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.seq] }), index('changes_clinic_txid_seq_idx').on(t.clinicId, t.txid, t.seq)],
);

/**
 * Rate-limit state per API key, shared by every instance: one row per key holding the GCRA
 * "theoretical arrival time" (when the key's bucket will be empty again). One row per key
 * for ever, updated in place, so nothing needs sweeping.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    clinicId: clinicIdColumn(),
    keyId: uuid('key_id').notNull(),
    // Microseconds, not the millisecond timestamptz of resources: at a generous limit one
    // request's share of the bucket is well under a millisecond.
    tat: timestamp('tat', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.keyId] })],
);

/**
 * Failed authentications, counted per client address and per key prefix and shared by every
 * instance (SPEC §7: rate-limit counters live in PostgreSQL). Not a tenant table: a failure
 * has no clinic. `subject` is a SHA-256 digest of "address:…" or "prefix:…", so the table
 * holds no client address in plain; `tat` is the GCRA "theoretical arrival time". Rows whose
 * bucket has drained are swept by later charges.
 */
export const authFailures = pgTable('auth_failures', {
  subject: text('subject').primaryKey(),
  tat: timestamp('tat', { withTimezone: true, mode: 'date' }).notNull(),
});
