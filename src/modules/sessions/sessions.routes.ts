import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, IdempotencyHeaders, PageQuery, pageOf, problemResponses } from '../../contracts/http.contract';
import { CreateSessionBodySchema, SessionSchema } from '../../contracts/session.contract';
import { contextOf, sendOutcome } from '../../http/context';
import type { SessionsService } from './sessions.service';

const tags = ['plans'];

export const sessionsRoutes: FastifyPluginAsyncZod<{ sessions: SessionsService }> = async (app, { sessions }) => {
  app.post(
    '/v1/plans/:id/sessions',
    {
      config: { scope: 'write', audit: { resource: 'session' } },
      schema: {
        operationId: 'createSession',
        tags,
        summary: 'Record a treatment session against the plan (409 once the plan is completed or discontinued)',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: CreateSessionBodySchema,
        response: { 201: SessionSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 422) },
      },
    },
    async (request, reply) => sendOutcome(reply, await sessions.create(contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/v1/plans/:id/sessions',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'listSessions',
        tags,
        summary: "The plan's sessions in the order performed",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: pageOf(SessionSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => sessions.list(contextOf(request), request.params.id, request.query),
  );
};
