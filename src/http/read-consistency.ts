import type { FastifyBaseLogger, FastifyInstance, RouteHandlerMethod } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads from the primary even in a read-only request (the change feed). */
    readFromPrimary?: boolean;
  }
}

export const CONSISTENCY_TOKEN_HEADER = 'x-consistency-token';

/** Read-your-writes: modules/read-consistency, passed in by the composition root (src/routes.ts). */
export interface ReadConsistency {
  /** Runs `work` (a read-only request) with its reads eligible for the replica, for data at least as fresh as `token`. */
  reading<T>(token: string | undefined, logger: FastifyBaseLogger, work: () => T): T;
  /** The token for everything committed so far. */
  token(): Promise<string>;
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * X-Consistency-Token (SPEC §7): the handlers of read-only routes run in a read scope with the
 * token the client sent (a malformed one is a 400 naming the header), and a successful write
 * answers with a token taken after the handler returned, hence after its commit.
 */
export function registerReadConsistency(app: FastifyInstance, consistency: ReadConsistency | undefined): void {
  if (!consistency) return;

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.every((m) => READ_METHODS.has(m)) || route.config?.readFromPrimary) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function (request, reply) {
      const token = request.headers[CONSISTENCY_TOKEN_HEADER];
      return consistency.reading(Array.isArray(token) ? token.join(',') : token, request.log, () => handler.call(this, request, reply));
    };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (READ_METHODS.has(request.method) || reply.statusCode >= 300) return payload;
    try {
      reply.header(CONSISTENCY_TOKEN_HEADER, await consistency.token());
    } catch (err) {
      // The write is done; without a token the client's next read may merely be older.
      request.log.warn({ err }, 'no consistency token: the WAL position could not be read');
    }
    return payload;
  });
}
