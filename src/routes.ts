import type { FastifyPluginAsync } from 'fastify';
import type { Services } from './container';
import type { AppDeps } from './http/app';
import { apiKeysRoutes } from './modules/api-keys/api-keys.routes';
import { assessmentsRoutes } from './modules/assessments/assessments.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { catalogRoutes } from './modules/catalog/catalog.routes';
import { changesRoutes } from './modules/changes/changes.routes';
import { fhirRoutes } from './modules/fhir/fhir.routes';
import { healthRoutes } from './modules/health/health.routes';
import { patientMaterialsRoutes } from './modules/patient-materials/patient-materials.routes';
import { patientsRoutes } from './modules/patients/patients.routes';
import { plansRoutes } from './modules/plans/plans.routes';
import { sessionsRoutes } from './modules/sessions/sessions.routes';
import { webhooksRoutes } from './modules/webhooks/webhooks.routes';

/** Every route of the API, each module given exactly the services it uses. */
function routesOf(services: Services): FastifyPluginAsync {
  return async (app) => {
    await app.register(healthRoutes, { health: services.health });
    await app.register(apiKeysRoutes, { apiKeys: services.apiKeys });
    await app.register(patientsRoutes, { patients: services.patients });
    await app.register(catalogRoutes);
    await app.register(assessmentsRoutes, { assessments: services.assessments });
    await app.register(plansRoutes, { plans: services.plans });
    await app.register(sessionsRoutes, { sessions: services.sessions });
    await app.register(patientMaterialsRoutes, { materials: services.patientMaterials });
    await app.register(fhirRoutes, { fhir: services.fhir });
    await app.register(changesRoutes, { changes: services.changes });
    await app.register(auditRoutes, { audit: services.audit });
    await app.register(webhooksRoutes, { webhooks: services.webhooks });
  };
}

/**
 * The HTTP half of the composition root: what buildApp() takes from the services. src/http knows
 * no module, so the routes, authentication, the audit trail and read consistency get their
 * services from here.
 */
export function appServices(services: Services): Pick<AppDeps, 'routes' | 'authentication' | 'audit' | 'readConsistency'> {
  // The key lookup charges the rate limit in its own transaction; with rate limiting off it is not asked.
  const admission = services.rateLimiter.enabled ? services.rateLimiter : undefined;
  return {
    routes: routesOf(services),
    authentication: {
      verifiesLocally: (token) => services.apiKeys.verifiesLocally(token),
      identify: (token) => services.apiKeys.identify(token, admission),
      limitHeaders: admission?.headers,
      throttle: services.authThrottle,
    },
    audit: services.audit,
    readConsistency: services.readConsistency,
  };
}
