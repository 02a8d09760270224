import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../src/db/database';
import { openTestDatabase } from '../support/test-database';

/**
 * SPEC §7: the schema can be distributed by clinic_id on Citus without redesign. Citus accepts
 * `create_distributed_table(t, 'clinic_id', colocate_with => …)` only when every unique index
 * (primary keys included) of t contains clinic_id, and a foreign key between distributed tables
 * only when it includes clinic_id on both sides, in the same position. This checks those rules
 * over the live catalog, so a migration that breaks them fails here, not on a Citus cluster.
 * The DDL is in docs/deployment.md.
 */

// Tables Citus keeps whole on every node (create_reference_table), and why they are not per clinic.
const REFERENCE_TABLES: Record<string, string> = {
  clinics: 'the tenants themselves: one small row each, read by every node; distributed tables reference it',
  api_keys: 'authentication finds a key by its prefix before the clinic is known, so the prefix is unique across clinics',
  auth_failures: 'failed authentications are counted per client address or key prefix, before any clinic is known',
  server_secrets: 'keys of the service itself (the webhook sealing key), read by every instance whatever the clinic',
};

interface UniqueIndex {
  table: string;
  index: string;
  columns: string[];
}

interface ForeignKey {
  table: string;
  name: string;
  columns: string[];
  referenced: string;
  referencedColumns: string[];
}

describe('Citus readiness: every tenant table is distributable by clinic_id', () => {
  let database: Database;
  let tables: string[];
  let uniqueIndexes: UniqueIndex[];
  let foreignKeys: ForeignKey[];

  beforeAll(async () => {
    database = await openTestDatabase({ poolSize: 1 });
    const rows = await queryRows<{ name: string }>(
      database.db,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
    );
    tables = rows.map((r) => r.name);
    uniqueIndexes = await queryRows<UniqueIndex>(
      database.db,
      sql`select t.relname as "table", i.relname as "index",
                 array(select a.attname::text from unnest(x.indkey) with ordinality k(attnum, ord)
                       join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.ord) as columns
          from pg_index x join pg_class t on t.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
          join pg_namespace n on n.oid = t.relnamespace
          where n.nspname = 'public' and x.indisunique`,
    );
    foreignKeys = await queryRows<ForeignKey>(
      database.db,
      sql`select t.relname as "table", f.conname as name, r.relname as referenced,
                 array(select a.attname::text from unnest(f.conkey) with ordinality k(attnum, ord)
                       join pg_attribute a on a.attrelid = f.conrelid and a.attnum = k.attnum order by k.ord) as columns,
                 array(select a.attname::text from unnest(f.confkey) with ordinality k(attnum, ord)
                       join pg_attribute a on a.attrelid = f.confrelid and a.attnum = k.attnum order by k.ord) as "referencedColumns"
          from pg_constraint f join pg_class t on t.oid = f.conrelid join pg_class r on r.oid = f.confrelid
          join pg_namespace n on n.oid = t.relnamespace
          where n.nspname = 'public' and f.contype = 'f'`,
    );
  });

  afterAll(() => database.close());

  const distributed = () => tables.filter((t) => !(t in REFERENCE_TABLES));

  it('finds the schema (the catalog queries see the tables)', () => {
    expect(tables).toEqual(expect.arrayContaining(['patients', 'plans', 'sessions', ...Object.keys(REFERENCE_TABLES)]));
  });

  it('every table but the reference tables has a clinic_id column', async () => {
    const withClinic = await queryRows<{ table: string }>(
      database.db,
      sql`select table_name as "table" from information_schema.columns where table_schema = 'public' and column_name = 'clinic_id'`,
    );
    const have = new Set(withClinic.map((r) => r.table));
    expect(distributed().filter((t) => !have.has(t))).toEqual([]);
  });

  it('every unique index and primary key of a distributed table includes clinic_id', () => {
    const offending = uniqueIndexes.filter((i) => !(i.table in REFERENCE_TABLES) && !i.columns.includes('clinic_id'));
    expect(offending).toEqual([]);
  });

  it('every foreign key between distributed tables includes clinic_id on both sides, in the same position', () => {
    const between = foreignKeys.filter((f) => !(f.table in REFERENCE_TABLES) && !(f.referenced in REFERENCE_TABLES));
    expect(between.length).toBeGreaterThan(0);
    const offending = between.filter((f) => {
      const at = f.columns.indexOf('clinic_id');
      return at === -1 || f.referencedColumns[at] !== 'clinic_id';
    });
    expect(offending).toEqual([]);
  });

  it('a reference table references only reference tables (Citus refuses one pointing into a distributed table)', () => {
    const offending = foreignKeys.filter((f) => f.table in REFERENCE_TABLES && !(f.referenced in REFERENCE_TABLES));
    expect(offending).toEqual([]);
  });
});
