import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditOutcome } from '../contracts/audit-event.contract';
import { tokenPrefix } from '../lib/api-key-token';
import { isUuid } from '../lib/cursor';

/**
 * Audit convention. Every route that declares a `scope` is audited, with no code in the route:
 * one event per authenticated request (key id, action = the route's operationId, resource
 * type and id, outcome, status, request id, time). A 401 has no clinic to file it under and
 * is logged instead (never the key, at most its public prefix); a 429 is not recorded.
 * - resource type: `config.audit.resource`, else the first path segment after /v1 made
 *   singular (`/v1/plans/:id/progress` → `plan`, `/v1/api-keys` → `api_key`);
 * - resource id: on a 2xx POST or PUT the created/upserted resource's id from the response
 *   body (`config.audit.responseId`, a dot path, default `id`), else the `:id` path parameter,
 *   else null (lists);
 * - `config: { audit: false }` leaves a route out (data that is not the clinic's: the catalog).
 * E.g. `POST /v1/plans/:id/sessions` → `config: { scope: 'write', audit: { resource: 'session' } }`;
 *      `POST /v1/assessments` → `config: { scope: 'write', audit: { responseId: 'assessment.id' } }`.
 */
export interface AuditRouteConfig {
  resource?: string;
  responseId?: string;
}

/** One thing to remember about a request: who did what to which resource, and how it ended. */
export interface AuditRecord {
  clinicId: string;
  keyId: string;
  requestId: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: AuditOutcome;
  statusCode: number;
}

/** Where the events go: modules/audit's service, passed in by the composition root (src/routes.ts). */
export interface AuditSink {
  /** Queues an event; it is written behind the answer. */
  record(event: AuditRecord): void;
  /** Writes what is queued and stops; the app is closing. */
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How the route is audited; see src/http/audit.ts. */
    audit?: AuditRouteConfig | false;
  }
  interface FastifyRequest {
    auditResourceId?: string;
  }
}

const resourceTypeOfPath = (url: string): string => {
  const segment = url.split('/')[2] ?? 'unknown';
  return segment.replace(/-/g, '_').replace(/s$/, '');
};

function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return 'success';
  if (status === 403) return 'denied';
  if (status === 404) return 'not_found';
  if (status < 500) return 'rejected';
  return 'error';
}

function valueAt(payload: unknown, path: string): unknown {
  let value = payload;
  for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

/** Records every audited request once its answer is sent; see the convention above. */
export function registerAuditTrail(app: FastifyInstance, audit: AuditSink): void {
  const resourceTypes = new Map<string, string>();
  const resourceTypeOf = (request: FastifyRequest): string => {
    const url = request.routeOptions.url ?? '';
    let type = resourceTypes.get(url);
    if (type === undefined) {
      const configured = request.routeOptions.config.audit;
      type = (configured && configured.resource) || resourceTypeOfPath(url);
      resourceTypes.set(url, type);
    }
    return type;
  };

  app.decorateRequest('auditResourceId', undefined);

  // The id of what a POST created is only in its response: note it before serialization.
  app.addHook('preSerialization', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload: unknown) => void) => {
    const { scope, audit: configured } = request.routeOptions.config;
    if (scope && configured !== false && reply.statusCode < 300 && (request.method === 'POST' || request.method === 'PUT')) {
      const id = valueAt(payload, (configured && configured.responseId) || 'id');
      if (isUuid(id)) request.auditResourceId = id;
    }
    done(null, payload);
  });

  app.addHook('onResponse', (request, reply, done) => {
    const { scope, audit: configured } = request.routeOptions.config;
    const status = reply.statusCode;
    if (scope && configured !== false) {
      const principal = request.principal;
      if (!principal) {
        if (status === 401 || (status === 429 && request.authThrottled)) logAuthenticationFailure(request, status === 429);
      } else if (status !== 429) {
        const paramId = (request.params as { id?: unknown } | undefined)?.id;
        audit.record({
          clinicId: principal.clinicId,
          keyId: principal.keyId,
          requestId: String(request.id),
          action: request.routeOptions.schema?.operationId ?? `${request.method} ${request.routeOptions.url}`,
          resourceType: resourceTypeOf(request),
          resourceId: request.auditResourceId ?? (isUuid(paramId) ? paramId : null),
          outcome: outcomeOf(status),
          statusCode: status,
        });
      }
    }
    done();
  });
}

/**
 * A 401 names no clinic, so it goes to the log: where from and which key prefix, never the key.
 * So does a 429 before authentication: the address or prefix is throttled for failing (auth-throttle).
 */
function logAuthenticationFailure(request: FastifyRequest, throttled: boolean): void {
  const token = /^Bearer +(\S+)/i.exec(request.headers.authorization ?? '')?.[1];
  request.log.warn(
    {
      audit: throttled ? 'authentication_throttled' : 'authentication_failed',
      keyPrefix: (token && tokenPrefix(token)) || null,
      route: request.routeOptions.url,
      remoteAddress: request.ip,
    },
    throttled ? 'request refused: too many failed authentications' : 'request without a valid API key',
  );
}
