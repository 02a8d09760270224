import { index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinicIdColumn, timestamptz } from './columns';

/** The tenant. On Citus it would be a reference table; every other table leads with clinic_id. */
export const clinics = pgTable('clinics', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

export const apiKeys = pgTable(
  'api_keys',
  {
    clinicId: clinicIdColumn().references(() => clinics.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    // The non-secret head of the key: shown in lists, and how the row is found before the hash is compared.
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    uniqueIndex('api_keys_prefix_key').on(t.prefix),
    index('api_keys_clinic_created_idx').on(t.clinicId, t.createdAt, t.id),
  ],
);
