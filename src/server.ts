import { ConfigError, loadConfig } from './config';
import { startServices } from './container';
import { buildApp, httpOptionsFrom } from './http/app';
import { listenNotice } from './db/connect';
import { warnIfOverPrivileged } from './db/least-privilege';
import { serveOnSocket } from './db/pglite-socket';
import { createLifecycle } from './http/lifecycle';
import { createLogger } from './logger';
import { appServices } from './routes';
import { shutDown } from './shutdown';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const services = await startServices(config, logger);
  // A check that cannot run (a catalogue query refused) must not keep the service from starting.
  await warnIfOverPrivileged(services.database, logger).catch((err: unknown) => logger.warn({ err }, 'could not check the database login'));
  const notice = listenNotice(config.database, config.apiKeyCacheTtlMs);
  if (notice) logger.warn(notice);
  // The embedded database belongs to this process: other processes (the CLI, psql) reach it here,
  // from before the server reports ready.
  const { pglite } = services.database;
  const shared =
    pglite &&
    (await serveOnSocket(pglite, config.database.pgliteDir, {
      idleInTransactionTimeoutMs: config.database.idleInTransactionTimeoutMs,
      onError: (err) => logger.warn({ err }, 'the embedded database is not shared on a socket'),
    }));
  if (shared) logger.info({ socket: shared.path }, 'embedded database shared: psql -h and the CLI connect through the socket');
  const lifecycle = createLifecycle();
  const app = await buildApp({ ...appServices(services), logger, lifecycle, ...httpOptionsFrom(config) });
  await app.listen({ port: config.http.port, host: config.http.host });
  logger.info({ database: services.database.kind }, 'manuplan is serving');
  // Every instance may dispatch webhooks: claims are shared through the database (SKIP LOCKED).
  if (config.webhooks.dispatcher) services.webhookDispatcher.start();

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    lifecycle.drain();
    // Attempts under way finish (or time out) before the database closes; what is left is
    // still pending in the outbox and another instance, or the next start, sends it.
    void services.webhookDispatcher
      .stop(Math.min(config.http.shutdownGraceMs, config.webhooks.timeoutMs + 1000))
      .then(() => shared?.stop().catch((err: unknown) => logger.warn({ err }, 'could not stop sharing the embedded database')))
      .then(() => shutDown({ app, lifecycle, database: services.database, logger, graceMs: config.http.shutdownGraceMs }))
      .then((clean) => process.exit(clean ? 0 : 1));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  // Configuration mistakes are the operator's to fix: say which variable, without a stack trace.
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('manuplan failed to start:', err);
  process.exit(1);
});
