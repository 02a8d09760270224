import { customType, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Timestamps are kept to the millisecond: that is what JSON and JavaScript dates carry. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

/** PostgreSQL 64-bit transaction id; the change feed orders by it to never skip a late commit. */
export const xid8 = customType<{ data: string; driverData: string }>({
  dataType: () => 'xid8',
});

export const clinicIdColumn = () => uuid('clinic_id').notNull();

/** Columns every versioned, soft-deletable tenant resource carries. */
export const resourceColumns = () => ({
  version: integer('version').notNull().default(1),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  deletedAt: timestamptz('deleted_at'),
});
