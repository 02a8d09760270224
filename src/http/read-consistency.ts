import type { FastifyInstance, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Database } from '../db/database';
import { readingFrom } from '../db/read-routing';
import { decodeConsistencyToken, encodeConsistencyToken } from '../db/wal-position';
import { badRequest } from '../errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads from the primary even in a read-only request (the change feed). */
    readFromPrimary?: boolean;
  }
}

export const CONSISTENCY_TOKEN_HEADER = 'x-consistency-token';

const READ_METHODS = new Set(['GET', 'HEAD']);

/** The WAL position the request's X-Consistency-Token stands for; 400 naming the header when it is not one. */
function minPositionOf(request: FastifyRequest): bigint | undefined {
  const token = request.headers[CONSISTENCY_TOKEN_HEADER];
  if (token === undefined) return undefined;
  const position = typeof token === 'string' ? decodeConsistencyToken(token) : undefined;
  if (position === undefined) {
    throw badRequest('X-Consistency-Token is not a token this service issued.', [
      { path: '/headers/x-consistency-token', message: 'must be the X-Consistency-Token of an earlier response, unchanged' },
    ]);
  }
  return position;
}

/**
 * Read-your-writes with a read replica (SPEC §7). The handlers of read-only routes run in a read
 * scope: their tenant reads may go to the replica, or must go to the primary when the replica
 * has not replayed as far as the client's X-Consistency-Token. A successful write answers with
 * the token: the primary's WAL position taken after the handler returned, hence after its
 * commit (a position is cluster-wide: any connection, even through a pooler, sees it).
 * Without a replica nothing changes and no token is sent: every read sees every commit.
 */
export function registerReadConsistency(app: FastifyInstance, database: Database): void {
  const replica = database.readReplica;
  const walPosition = database.walPosition;
  if (!replica || !walPosition) return;

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.every((m) => READ_METHODS.has(m)) || route.config?.readFromPrimary) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function (request, reply) {
      const scope = { primary: database.db, replica, minPosition: minPositionOf(request), logger: request.log };
      return readingFrom(scope, () => handler.call(this, request, reply));
    };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (READ_METHODS.has(request.method) || reply.statusCode >= 300) return payload;
    try {
      reply.header(CONSISTENCY_TOKEN_HEADER, encodeConsistencyToken(await walPosition()));
    } catch (err) {
      // The write is done; without a token the client's next read may merely be older.
      request.log.warn({ err }, 'no consistency token: the WAL position could not be read');
    }
    return payload;
  });
}
