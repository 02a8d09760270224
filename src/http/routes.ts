import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../container';
import { apiKeysRoutes } from '../modules/api-keys/api-keys.routes';
import { healthRoutes } from '../modules/health/health.routes';
import { patientsRoutes } from '../modules/patients/patients.routes';

/** Every route of the API, each module given exactly the services it uses. */
export const registerRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  await app.register(healthRoutes, { health: services.health });
  await app.register(apiKeysRoutes, { apiKeys: services.apiKeys });
  await app.register(patientsRoutes, { patients: services.patients });
};
