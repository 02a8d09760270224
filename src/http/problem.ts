import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError, serviceUnavailable, type FieldError } from '../errors';
import type { Problem } from '../contracts/http.contract';
import { isDatabaseUnavailable } from '../db/errors';
import { RequestValidationError } from './validation';

export const PROBLEM_TYPE_BASE = 'https://manuplan.dev/problems/';

// A body of 10,000 unknown fields must not answer with 10,000 errors: the count says how many there were.
export const MAX_FIELD_ERRORS = 50;

function problem(status: number, slug: string, title: string, detail: string, errors?: FieldError[]): ProblemError {
  return new ProblemError(status, slug, title, detail, errors);
}

// Fastify's own client errors, each with a status and a sentence a client developer can act on.
const FASTIFY_CLIENT_ERRORS: Record<string, (err: FastifyError) => ProblemError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => problem(413, 'payload-too-large', 'Payload too large', 'The request body exceeds the 1 MiB limit.'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (err) => problem(415, 'unsupported-media-type', 'Unsupported media type', err.message),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    problem(400, 'validation-error', 'Invalid request', 'The body is empty but Content-Type is application/json.', [{ path: '', message: 'body required' }]),
  FST_ERR_CTP_INVALID_JSON_BODY: () =>
    problem(400, 'malformed-json', 'Malformed JSON', 'The request body is not valid JSON.', [{ path: '', message: 'invalid JSON' }]),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => problem(400, 'bad-request', 'Bad request', 'Content-Length does not match the body.'),
  FST_ERR_BAD_URL: () => problem(400, 'bad-request', 'Bad request', 'The URL is malformed.'),
  FST_ERR_MAX_PARAM_LENGTH: () =>
    problem(400, 'validation-error', 'Invalid request', 'A path parameter is longer than any valid one.', [{ path: '', message: 'path parameter too long' }]),
};

/** How a validation error names the part of the request it found wrong. */
const PART_HAS: Record<string, string> = {
  body: 'The request body has',
  querystring: 'The query string has',
  params: 'The path has',
  headers: 'The headers have',
};

/** Maps anything thrown while handling a request to the problem it represents. */
export function toProblemError(err: unknown): ProblemError {
  if (err instanceof ProblemError) return err;
  if (err instanceof RequestValidationError) {
    const { length } = err.errors;
    const counted = `${PART_HAS[err.part] ?? `The ${err.part} has`} ${length} invalid field${length === 1 ? '' : 's'}`;
    if (length <= MAX_FIELD_ERRORS) return problem(400, 'validation-error', 'Invalid request', `${counted}.`, err.errors);
    const detail = `${counted}; the first ${MAX_FIELD_ERRORS} are listed.`;
    return problem(400, 'validation-error', 'Invalid request', detail, err.errors.slice(0, MAX_FIELD_ERRORS));
  }
  const fastifyError = err as FastifyError;
  const known = fastifyError?.code && FASTIFY_CLIENT_ERRORS[fastifyError.code];
  if (known) return known(fastifyError);
  if (isDatabaseUnavailable(err)) return serviceUnavailable('The database is unavailable. Retry shortly.');
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return problem(status, 'bad-request', 'Bad request', 'The request could not be processed.');
  }
  return problem(500, 'internal-error', 'Internal server error', 'An unexpected error occurred. The request id identifies it in our logs.');
}

/** Renders a problem as application/problem+json on the reply. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, err: ProblemError): FastifyReply {
  const body: Problem = {
    type: PROBLEM_TYPE_BASE + err.slug,
    title: err.title,
    status: err.status,
    detail: err.detail,
    // The path only: a query string may carry what a client should not have sent (?api_key=).
    instance: request.url.split('?')[0],
    requestId: String(request.id),
    ...(err.errors ? { errors: err.errors } : {}),
  };
  for (const [name, value] of Object.entries(err.headers)) reply.header(name, value);
  return reply.code(err.status).type('application/problem+json').send(JSON.stringify(body));
}
