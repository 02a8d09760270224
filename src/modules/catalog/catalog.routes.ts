import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CatalogSchema } from '../../contracts/catalog.contract';
import { ConditionalGetHeaders, notModifiedResponse, problemResponses } from '../../contracts/http.contract';
import { contentEtag, noneMatchHits } from '../../lib/content-etag';
import { CATALOG } from '../../planning';

// The bytes, not the string: a string body is encoded to UTF-8 anew on every send (170 kB each time).
const render = (json: string) => ({ body: Buffer.from(json, 'utf8'), etag: contentEtag(json) });

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  // The catalog is fixed for an engine version, so for the life of the process: it is
  // serialized (by the route's own response serializer, the allow-list) and tagged once, on the
  // first request, and every later one sends those bytes or a 304.
  let rendered: { body: Buffer; etag: string } | undefined;

  app.get(
    '/v1/catalog',
    {
      // The catalog is the engine's knowledge, not the clinic's data: nothing to audit.
      config: { scope: 'read', audit: false },
      schema: {
        operationId: 'getCatalog',
        tags: ['catalog'],
        summary: 'The knowledge base: body regions, techniques, conditions and red flags, measures, norms, engine version (strong ETag; 304 on If-None-Match)',
        headers: ConditionalGetHeaders,
        response: { 200: CatalogSchema, ...notModifiedResponse, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      rendered ??= render(reply.serialize(CATALOG) as string);
      const { body, etag } = rendered;
      reply.header('etag', etag);
      if (noneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
      // Already the serializer's output: a Buffer goes out as it is.
      return reply.type('application/json; charset=utf-8').send(body as unknown as typeof CATALOG);
    },
  );
};
