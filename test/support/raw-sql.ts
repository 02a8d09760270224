import { Client } from 'pg';
import { serverDatabaseUrl } from './database-target';

/**
 * A connection of its own to the PostgreSQL server, outside the app's pool: to hold a
 * transaction open while the app works, as another client or a slow request would.
 * Connects as the configured (owner) user; `set role manuplan_app` to act as the app.
 */
export async function openRawConnection(): Promise<Client> {
  const url = serverDatabaseUrl();
  if (!url) throw new Error('a raw connection needs a PostgreSQL server (TEST_DATABASE_URL or DATABASE_URL)');
  const client = new Client({ connectionString: url, application_name: 'manuplan-test-raw' });
  await client.connect();
  return client;
}

/** Why a test needs a server: PGlite is one connection, so nothing there can run concurrently. */
export const NEEDS_SERVER = 'needs a PostgreSQL server: PGlite runs one transaction at a time, so it cannot show true concurrency';

/** `describe` on a PostgreSQL server, `describe.skip` on PGlite (the reason is in the title). */
export const describeOnServer = (title: string, body: () => void) =>
  serverDatabaseUrl() ? describe(title, body) : describe.skip(`${title} — skipped: ${NEEDS_SERVER}`, body);
