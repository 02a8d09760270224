import type { Logger } from 'pino';
import type { Config, WebhookOptions } from './config';
import { connectDatabase, type ConnectOptions } from './db/connect';
import type { Database } from './db/database';
import { createApiKeysService } from './modules/api-keys/api-keys.service';
import { createAssessmentsService } from './modules/assessments/assessments.service';
import { createAuditService } from './modules/audit/audit.service';
import { createAuthThrottle } from './modules/auth-throttle/auth-throttle';
import { createChangesService } from './modules/changes/changes.service';
import { createClinicsService } from './modules/clinics/clinics.service';
import { createFhirService } from './modules/fhir/fhir.service';
import { createHealthService } from './modules/health/health.service';
import { createPatientMaterialsService } from './modules/patient-materials/patient-materials.service';
import { createPatientsService } from './modules/patients/patients.service';
import { createPlansService } from './modules/plans/plans.service';
import { createRateLimiter } from './modules/rate-limits/rate-limiter';
import { createReadConsistency } from './modules/read-consistency';
import { createSessionsService } from './modules/sessions/sessions.service';
import { createTransferService } from './modules/transfer/transfer.service';
import { createWebhookDispatcher } from './modules/webhooks/webhook-dispatcher';
import { createSealingKey } from './modules/webhooks/webhook-sealing-key';
import { createWebhooksService } from './modules/webhooks/webhooks.service';
import { createWriteUnit } from './modules/write-unit';

export interface ServiceOptions {
  healthTimeoutMs: number;
  idempotencyWaitMs: number;
  idempotencyTtlSeconds: number;
  rateLimitPerMinute: number;
  rateLimitBurst: number;
  auditFlushMs: number;
  auditMaxPending: number;
  apiKeyCacheTtlMs: number;
  authFailuresPerMinute: number;
  authFailureBurst: number;
  authUnknownPrefixTtlMs: number;
  webhooks: WebhookOptions;
}

/** The service options a configuration asks for. */
export function serviceOptionsFrom(config: Config): ServiceOptions {
  return {
    healthTimeoutMs: config.http.healthTimeoutMs,
    idempotencyWaitMs: config.idempotency.waitMs,
    idempotencyTtlSeconds: config.idempotency.ttlSeconds,
    rateLimitPerMinute: config.rateLimit.perMinute,
    rateLimitBurst: config.rateLimit.burst,
    auditFlushMs: config.audit.flushMs,
    auditMaxPending: config.audit.maxPending,
    apiKeyCacheTtlMs: config.apiKeyCacheTtlMs,
    authFailuresPerMinute: config.authThrottle.failuresPerMinute,
    authFailureBurst: config.authThrottle.failureBurst,
    authUnknownPrefixTtlMs: config.authThrottle.unknownPrefixTtlMs,
    webhooks: config.webhooks,
  };
}

/** The one place services are built: server, CLI and tests all come through here. */
export function createServices(database: Database, logger: Logger, options: ServiceOptions) {
  const write = createWriteUnit(database, options);
  const apiKeys = createApiKeysService({ database, write, cacheTtlMs: options.apiKeyCacheTtlMs });
  // Built here, started by server.ts (and by the tests that deliver): nothing sends on its own.
  const sealingKey = createSealingKey(database, options.webhooks.secretKey);
  const webhookDispatcher = createWebhookDispatcher({ database, logger, options: options.webhooks, sealingKey });
  return {
    database,
    apiKeys,
    audit: createAuditService({ database, logger, options: { flushMs: options.auditFlushMs, maxPending: options.auditMaxPending } }),
    changes: createChangesService({ database }),
    authThrottle: createAuthThrottle({
      database,
      logger,
      options: { failuresPerMinute: options.authFailuresPerMinute, failureBurst: options.authFailureBurst, unknownPrefixTtlMs: options.authUnknownPrefixTtlMs },
    }),
    readConsistency: createReadConsistency({ database }),
    rateLimiter: createRateLimiter({ perMinute: options.rateLimitPerMinute, burst: options.rateLimitBurst }),
    clinics: createClinicsService({ database, apiKeys }),
    health: createHealthService({ database, timeoutMs: options.healthTimeoutMs }),
    patients: createPatientsService({ database, write }),
    assessments: createAssessmentsService({ database, write }),
    plans: createPlansService({ database }),
    sessions: createSessionsService({ database, write }),
    patientMaterials: createPatientMaterialsService({ database }),
    fhir: createFhirService({ database }),
    transfer: createTransferService({ database }),
    webhooks: createWebhooksService({ database, write, options: options.webhooks, sealingKey, wake: () => webhookDispatcher.wake() }),
    webhookDispatcher,
  };
}

export type Services = ReturnType<typeof createServices>;

/** Connects the configured database, applies pending migrations and builds the services. */
export async function startServices(config: Config, logger: Logger, connect?: ConnectOptions): Promise<Services> {
  const database = await connectDatabase(config, logger, connect);
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  return createServices(database, logger, serviceOptionsFrom(config));
}
