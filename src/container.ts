import type { Logger } from 'pino';
import type { Config } from './config';
import { connectDatabase } from './db/connect';
import type { Database } from './db/database';
import { createApiKeysService } from './modules/api-keys/api-keys.service';
import { createClinicsService } from './modules/clinics/clinics.service';
import { createHealthService } from './modules/health/health.service';
import { createPatientsService } from './modules/patients/patients.service';
import { createWriteUnit } from './modules/write-unit';

export interface ServiceOptions {
  healthTimeoutMs: number;
  idempotencyWaitMs: number;
  idempotencyTtlSeconds: number;
}

/** The service options a configuration asks for. */
export function serviceOptionsFrom(config: Config): ServiceOptions {
  return {
    healthTimeoutMs: config.http.healthTimeoutMs,
    idempotencyWaitMs: config.idempotency.waitMs,
    idempotencyTtlSeconds: config.idempotency.ttlSeconds,
  };
}

/** The one place services are built: server, CLI and tests all come through here. */
export function createServices(database: Database, _logger: Logger, options: ServiceOptions) {
  const apiKeys = createApiKeysService({ database });
  const write = createWriteUnit(database, options);
  return {
    database,
    apiKeys,
    clinics: createClinicsService({ database, apiKeys }),
    health: createHealthService({ database, timeoutMs: options.healthTimeoutMs }),
    patients: createPatientsService({ database, write }),
  };
}

export type Services = ReturnType<typeof createServices>;

/** Connects the configured database, applies pending migrations and builds the services. */
export async function startServices(config: Config, logger: Logger): Promise<Services> {
  const database = await connectDatabase(config, logger);
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  return createServices(database, logger, serviceOptionsFrom(config));
}
