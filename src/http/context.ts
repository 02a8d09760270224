import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagFor } from '../lib/etag';
import type { RequestContext } from '../modules/request-context';
import { principalOf } from './auth';

/** The service-facing context of an authenticated request. */
export function contextOf(request: FastifyRequest): RequestContext {
  const principal = principalOf(request);
  return { clinicId: principal.clinicId, keyId: principal.keyId, requestId: String(request.id) };
}

/** Sends a versioned resource with its ETag. */
export function sendVersioned<T extends { version: number }>(reply: FastifyReply, status: number, resource: T) {
  return reply.code(status).header('etag', etagFor(resource.version)).send(resource);
}
