import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { methodNotAllowed, notFound, serviceUnavailable } from '../errors';
import { registerAuditTrail, type AuditSink } from './audit';
import { registerAuthentication, type Authentication } from './auth';
import { clientErrorHandler } from './client-errors';
import { endCostLedger, registerCostLedger } from './cost-ledger';
import { registerInFlightCap } from './in-flight';
import { createLifecycle, type Lifecycle } from './lifecycle';
import { trackAllowedMethods } from './method-not-allowed';
import { registerOverloadShedding } from './overload';
import { registerOpenApi } from './openapi';
import { registerReadConsistency, type ReadConsistency } from './read-consistency';
import { sendProblem, toProblemError } from './problem';
import { requestIdFor } from './request-id';
import { registerSecurityHeaders } from './security-headers';
import { serializerCompiler } from './serializer';
import { validatorCompiler } from './validation';

/** What the app is built around; the composition root (src/routes.ts) draws the first four from the services. */
export interface AppDeps {
  /** Every route of the API, each module's plugin given its services: src/http knows no module. */
  routes: FastifyPluginAsync;
  authentication: Authentication;
  audit: AuditSink;
  /** Read-your-writes when reads may go to a replica; absent without one. */
  readConsistency?: ReadConsistency;
  logger: Logger;
  lifecycle?: Lifecycle;
  /** Time-outs of the HTTP server (config REQUEST_TIMEOUT_MS, HEADERS_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS); Node's defaults when unset. */
  requestTimeoutMs?: number;
  headersTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  /** Fastify's trustProxy: whose X-Forwarded-For/-Proto to believe (config TRUST_PROXY). */
  trustProxy?: boolean | string;
  /** Requests of one API key in flight at once on this instance (config KEY_MAX_IN_FLIGHT); 0 or unset: no cap. */
  maxInFlightPerKey?: number;
  /** Event-loop delay past which new requests are shed with 503 (config MAX_EVENT_LOOP_DELAY_MS); 0 or unset: off. */
  maxEventLoopDelayMs?: number;
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The HTTP server's part of the configuration: time-outs, proxies to trust, the per-key cap. */
export function httpOptionsFrom(config: Config): Omit<AppDeps, 'routes' | 'authentication' | 'audit' | 'readConsistency' | 'logger' | 'lifecycle'> {
  const { requestTimeoutMs, headersTimeoutMs, keepAliveTimeoutMs, trustProxy, maxInFlightPerKey, maxEventLoopDelayMs } = config.http;
  return { requestTimeoutMs, headersTimeoutMs, keepAliveTimeoutMs, trustProxy, maxInFlightPerKey, maxEventLoopDelayMs };
}

/** Builds the HTTP application around the services. It never listens: server.ts and tests decide. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const lifecycle = deps.lifecycle ?? createLifecycle();
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    genReqId: requestIdFor,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.trustProxy ?? false,
    requestTimeout: deps.requestTimeoutMs ?? 0,
    ...(deps.keepAliveTimeoutMs ? { keepAliveTimeout: deps.keepAliveTimeoutMs } : {}),
    clientErrorHandler,
    // Our own onRequest hook answers 503 as problem+json while draining.
    return503OnClosing: false,
    // Above the longest path parameter the contracts allow (an externalId of 128 characters,
    // percent-encoded); the default of 100 turned valid ones away.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 512 },
    // The router's own errors (a malformed URL, a path parameter past maxParamLength) are
    // problem+json like every other answer, not Fastify's default JSON echoing the URL.
    frameworkErrors: (err, request, reply) => {
      reply.header('x-request-id', request.id);
      // sendProblem() sends the answer; the reply it returns is a thenable, and Fastify (and its
      // router) read nothing from this handler, so there is nothing to wait for.
      void sendProblem(request, reply, toProblemError(err));
    },
  }).withTypeProvider<ZodTypeProvider>();

  // Fastify has no option for it: Node's own, on the server Fastify made.
  if (deps.headersTimeoutMs) app.server.headersTimeout = deps.headersTimeoutMs;
  // The benchmark's cost ledger (BENCH_LEDGER) opens before every other hook; off, it adds none.
  registerCostLedger(app);
  registerSecurityHeaders(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const allowedMethods = trackAllowedMethods(app);
  // The API speaks JSON only: Fastify's built-in text/plain parser would turn a text body into a
  // 400 about its shape; without it, any body but JSON is a 415.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (lifecycle.isDraining()) {
      reply.header('connection', 'close');
      throw serviceUnavailable('The service is shutting down. Retry on another instance.', 1);
    }
  });

  // Responses finishing during a drain close their connection, so keep-alive clients move on
  // and the server can close without waiting for idle sockets.
  app.addHook('onSend', async (_request, reply) => {
    if (lifecycle.isDraining()) reply.header('connection', 'close');
  });

  app.setErrorHandler((err, request, reply) => {
    const problem = toProblemError(err);
    // A 503 is the database or a shutdown speaking, not a bug; anything else 5xx is one. The
    // error is logged by class, code and route (logger.ts): its message may hold SQL and data.
    const route = request.routeOptions.url ?? null;
    if (problem.status === 503) request.log.warn({ err, route }, 'service unavailable');
    else if (problem.status >= 500) request.log.error({ err, route }, 'request failed');
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = allowedMethods(path);
    if (allowed.length > 0) return sendProblem(request, reply, methodNotAllowed(request.method, path, allowed));
    return sendProblem(request, reply, notFound(`${request.method} ${path}`));
  });

  await registerOverloadShedding(app, deps.maxEventLoopDelayMs ?? 0);
  registerAuthentication(app, deps.authentication);
  registerInFlightCap(app, deps.maxInFlightPerKey ?? 0);
  registerAuditTrail(app, deps.audit);
  endCostLedger(app);
  // Queued audit events are written before the database closes (server shutdown, tests).
  app.addHook('onClose', () => deps.audit.close());
  app.addHook('onClose', () => deps.authentication.throttle.close());
  await registerOpenApi(app);
  registerReadConsistency(app, deps.readConsistency);
  await app.register(deps.routes);
  return app;
}
