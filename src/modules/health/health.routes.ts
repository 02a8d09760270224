import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LiveSchema, ReadySchema } from '../../contracts/health.contract';
import { problemResponses } from '../../contracts/http.contract';
import type { HealthService } from './health.service';

export const healthRoutes: FastifyPluginAsyncZod<{ health: HealthService }> = async (app, { health }) => {
  app.get(
    '/health/live',
    {
      schema: {
        operationId: 'getLiveness',
        tags: ['health'],
        summary: 'The process is up',
        security: [],
        response: { 200: LiveSchema, ...problemResponses() },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/health/ready',
    {
      schema: {
        operationId: 'getReadiness',
        tags: ['health'],
        summary: 'The service can serve requests (the primary database answers); the state of each database it uses',
        security: [],
        response: { 200: ReadySchema, ...problemResponses(503) },
      },
    },
    async () => health.ready(),
  );
};
