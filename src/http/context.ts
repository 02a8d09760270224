import type { FastifyReply, FastifyRequest } from 'fastify';
import { noneMatchHits } from '../lib/content-etag';
import { etagFor } from '../lib/etag';
import { requestFingerprint } from '../lib/fingerprint';
import { principalOf } from './auth';

/** Who asks, for which clinic, in which request: what every service call carries. */
export interface RequestContext {
  clinicId: string;
  keyId: string;
  requestId: string;
  /** Present on a POST that carried Idempotency-Key: the key and a fingerprint of the request. */
  idempotency?: { key: string; fingerprint: string; method: string; path: string };
}

/** What a write produced: the HTTP status and body it answers with (and replays under Idempotency-Key). */
export interface Outcome<T> {
  status: number;
  body: T;
  /** True when this is the stored answer to an earlier request with the same Idempotency-Key. */
  replayed?: boolean;
}

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

/**
 * True when a read's answer is the copy the client already holds (If-None-Match names its ETag):
 * a version has one representation, so the client may reuse its copy and is answered 304.
 */
function clientCopyIsCurrent(reply: FastifyReply, etag: string): boolean {
  const { method } = reply.request;
  return (method === 'GET' || method === 'HEAD') && noneMatchHits(reply.request.headers['if-none-match'], etag);
}

/** Sends a versioned resource with its ETag (304 to a GET whose copy is current); a created one (201) names its URL in Location. */
export function sendVersioned<T extends { version: number }>(reply: FastifyReply, status: number, resource: T, location?: string) {
  if (status === 201 && location) reply.header('location', location);
  const etag = etagFor(resource.version);
  reply.header('etag', etag);
  if (status === 200 && clientCopyIsCurrent(reply, etag)) return reply.code(304).send();
  return reply.code(status).send(resource);
}

/**
 * Sends a body that is already JSON text of the route's response schema (a string with a JSON
 * media type goes out as it is, past the serializer). With `version`, its ETag too (and 304 to a
 * GET whose copy is current).
 */
export function sendJsonText(reply: FastifyReply, json: string, version?: number) {
  if (version !== undefined) {
    const etag = etagFor(version);
    reply.header('etag', etag);
    if (clientCopyIsCurrent(reply, etag)) return reply.code(304).send();
  }
  return reply.type('application/json; charset=utf-8').send(json as never);
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
