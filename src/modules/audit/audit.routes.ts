import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEventSchema, ListAuditEventsQuerySchema } from '../../contracts/audit-event.contract';
import { pageOf, problemResponses } from '../../contracts/http.contract';
import { contextOf } from '../../http/context';
import type { AuditService } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    '/v1/audit-events',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'listAuditEvents',
        tags: ['admin'],
        summary: 'Who read or changed what, when, and every denied attempt: newest first',
        description:
          'Every authenticated request to a /v1 operation leaves one event (401s have no clinic and are logged instead). ' +
          'Newest first; follow nextCursor towards older events. Filter by resourceId to see who read or changed one patient or plan.',
        querystring: ListAuditEventsQuerySchema,
        response: { 200: pageOf(AuditEventSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => audit.list(contextOf(request), request.query),
  );
};
