/** The PostgreSQL server tests run against, or undefined for the embedded database. */
export function serverDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/** Where global setup leaves the migrated embedded database for each test file to copy. */
export const PGLITE_SNAPSHOT_ENV = 'MANUPLAN_TEST_PGLITE_SNAPSHOT';
