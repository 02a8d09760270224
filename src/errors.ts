/** One invalid field of a request: a JSON pointer into the request and what is wrong there. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * The one error type services throw. The HTTP layer renders it as RFC 9457 problem details;
 * the CLI prints its detail. `slug` becomes the problem `type` URI.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new ProblemError(400, 'validation-error', 'Invalid request', detail, errors);

export const unauthorized = (detail: string) =>
  new ProblemError(401, 'unauthorized', 'Unauthorized', detail, undefined, { 'www-authenticate': 'Bearer realm="manuplan"' });

export const forbidden = (detail: string) => new ProblemError(403, 'forbidden', 'Forbidden', detail);

export const notFound = (resource: string) => new ProblemError(404, 'not-found', 'Not found', `${resource} was not found.`);

export const methodNotAllowed = (method: string, path: string, allowed: string[]) =>
  new ProblemError(405, 'method-not-allowed', 'Method not allowed', `${path} does not take ${method}; it takes ${allowed.join(', ')}.`, undefined, {
    allow: allowed.join(', '),
  });

export const conflict = (detail: string, slug = 'conflict', errors?: FieldError[]) => new ProblemError(409, slug, 'Conflict', detail, errors);

export const gone = (detail: string, slug = 'gone') => new ProblemError(410, slug, 'Gone', detail);

export const preconditionFailed = (detail: string) => new ProblemError(412, 'precondition-failed', 'Precondition failed', detail);

export const unprocessable = (detail: string, slug = 'unprocessable') => new ProblemError(422, slug, 'Unprocessable request', detail);

export const preconditionRequired = (detail: string) => new ProblemError(428, 'precondition-required', 'Precondition required', detail);

export const serviceUnavailable = (detail: string, retryAfterSeconds = 5) =>
  new ProblemError(503, 'service-unavailable', 'Service unavailable', detail, undefined, { 'retry-after': String(retryAfterSeconds) });

export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new ProblemError(429, 'rate-limited', 'Too many requests', detail, undefined, { 'retry-after': String(retryAfterSeconds) });
