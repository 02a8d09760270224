import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagFor } from '../lib/etag';
import { requestFingerprint } from '../lib/fingerprint';
import type { Outcome, RequestContext } from '../modules/request-context';
import { principalOf } from './auth';

/** The service-facing context of an authenticated request, with its Idempotency-Key on a POST. */
export function contextOf(request: FastifyRequest): RequestContext {
  const principal = principalOf(request);
  const context: RequestContext = { clinicId: principal.clinicId, keyId: principal.keyId, requestId: String(request.id) };
  const key = request.headers['idempotency-key'];
  if (request.method === 'POST' && typeof key === 'string' && key.length > 0) {
    context.idempotency = {
      key,
      method: request.method,
      path: request.url,
      fingerprint: requestFingerprint(key, principal.clinicId, request.method, request.url, request.body),
    };
  }
  return context;
}

/** Sends a versioned resource with its ETag; a created one (201) names its URL in Location. */
export function sendVersioned<T extends { version: number }>(reply: FastifyReply, status: number, resource: T, location?: string) {
  if (status === 201 && location) reply.header('location', location);
  return reply.code(status).header('etag', etagFor(resource.version)).send(resource);
}

/**
 * Sends what a write produced; a replay under Idempotency-Key says so in a header. A creation
 * (201) names the new resource's URL in Location when `locationOf` can tell it from the body.
 */
export function sendOutcome<T>(reply: FastifyReply, outcome: Outcome<T>, locationOf?: (body: T) => string) {
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  if (outcome.status === 201 && locationOf) reply.header('location', locationOf(outcome.body));
  const version = (outcome.body as { version?: unknown } | null)?.version;
  if (typeof version === 'number') reply.header('etag', etagFor(version));
  return reply.code(outcome.status).send(outcome.body);
}
