// The server as it would be if it reached its embedded database only through the socket it
// shares, with the `pg` driver it uses for a PostgreSQL server: one code path for both engines.
// Compared with `src/server.ts` (PGlite in-process) by bench/pglite-socket.bench.ts.
// Run: PGLITE_DIR=<folder> PORT=<port> node --import tsx bench/pglite-socket/through-socket.server.ts
import { loadConfig } from '../../src/config';
import { createServices, serviceOptionsFrom } from '../../src/container';
import { openPglite } from '../../src/db/pglite.database';
import { serveOnSocket, socketUrl } from '../../src/db/pglite-socket';
import { connectPostgres } from '../../src/db/postgres.database';
import { buildApp, httpOptionsFrom } from '../../src/http/app';
import { createLogger } from '../../src/logger';
import { appServices } from '../../src/routes';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const dir = config.database.pgliteDir;
  const embedded = await openPglite(dir);
  await embedded.migrate();
  const shared = await serveOnSocket(embedded.pglite!, dir, {
    idleInTransactionTimeoutMs: config.database.idleInTransactionTimeoutMs,
    onError: (err) => logger.error({ err }, 'cannot serve the socket'),
  });
  if (!shared) process.exit(1);
  const { url: _none, ...options } = config.database;
  const database = connectPostgres({ ...options, url: socketUrl(dir), logger });
  const services = createServices(database, logger, serviceOptionsFrom(config));
  const app = await buildApp({ ...appServices(services), logger, ...httpOptionsFrom(config) });
  await app.listen({ port: config.http.port, host: config.http.host });
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => database.close())
      .then(() => shared.stop())
      .then(() => embedded.close())
      .then(() => process.exit(0));
  });
}

void main();
