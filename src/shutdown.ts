import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Database } from './db/database';
import type { Lifecycle } from './http/lifecycle';

export interface ShutdownDeps {
  app: FastifyInstance;
  lifecycle: Lifecycle;
  database: Database;
  logger: Logger;
  graceMs: number;
}

/**
 * Stops taking work (new requests get 503), lets in-flight requests finish within the grace
 * period, then closes the database. Resolves with false when the grace period ran out.
 */
export async function shutDown({ app, lifecycle, database, logger, graceMs }: ShutdownDeps): Promise<boolean> {
  lifecycle.drain();
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), graceMs);
  });
  const closed = app.close().then(() => true as const);
  const finished = await Promise.race([closed, graceOver]);
  clearTimeout(timer);
  if (!finished) logger.warn({ graceMs }, 'grace period over with requests still running');
  await database.close().catch((err: Error) => logger.error({ err }, 'closing the database failed'));
  return finished;
}
