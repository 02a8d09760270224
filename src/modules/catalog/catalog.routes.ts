import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CatalogSchema } from '../../contracts/catalog.contract';
import { problemResponses } from '../../contracts/http.contract';
import { CATALOG } from '../../planning';

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/catalog',
    {
      // The catalog is the engine's knowledge, not the clinic's data: nothing to audit.
      config: { scope: 'read', audit: false },
      schema: {
        operationId: 'getCatalog',
        tags: ['catalog'],
        summary: 'The knowledge base: body regions, techniques, conditions and red flags, measures, norms, engine version',
        response: { 200: CatalogSchema, ...problemResponses(401, 403) },
      },
    },
    async () => CATALOG,
  );
};
