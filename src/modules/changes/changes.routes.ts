import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangesPageSchema, ListChangesQuerySchema } from '../../contracts/change.contract';
import { problemResponses } from '../../contracts/http.contract';
import { contextOf } from '../../http/context';
import type { ChangesService } from './changes.service';

export const changesRoutes: FastifyPluginAsyncZod<{ changes: ChangesService }> = async (app, { changes }) => {
  app.get(
    '/v1/changes',
    {
      // Its no-skip guarantee rests on the primary's view of transactions still running: never a replica.
      config: { scope: 'read', readFromPrimary: true },
      schema: {
        operationId: 'listChanges',
        tags: ['sync'],
        summary: 'The clinic’s change feed: creates, updates and deletes (tombstones) of patients, assessments, plans and sessions, in order',
        description:
          'Start without a cursor. Apply each page, store its `syncCursor`, and follow `nextCursor` while it is not null; ' +
          'null means caught up: poll again later from the stored `syncCursor`. No change is ever skipped, even one whose ' +
          'transaction commits late: changes become visible once every older transaction has ended. A resource can appear ' +
          'several times and, rarely, out of version order: keep the highest `version` seen per resource. A cursor this ' +
          'clinic’s feed did not issue answers 410: resynchronise by reading the feed again from its start (no cursor).',
        querystring: ListChangesQuerySchema,
        response: { 200: ChangesPageSchema, ...problemResponses(400, 401, 403, 410) },
      },
    },
    async (request) => changes.list(contextOf(request), request.query),
  );
};
