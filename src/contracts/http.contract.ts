import { z } from 'zod';

// Every string a request may carry is bounded (OWASP API4; `npm run lint:openapi`), formatted ones too.
export const Uuid = z
  .uuid()
  .max(36)
  .meta({ description: 'A UUID (time-ordered v7 for ids this service creates).', example: '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57' });

/**
 * Dates and times a request may carry. PostgreSQL stores years 4713 BC–294276 AD but answers
 * year 0000 (which ISO 8601 allows and JavaScript parses) with an error, and so would a
 * 9999-12-31T23:00-05:00 that is year 10000 in UTC: each was a 500. So every accepted instant
 * lies in the years 0001–9999 once converted to UTC, and every date in 0001–9999.
 * What records when something happened (a session, an assessment, a birth, an operation) is
 * further held to 1900-01-01 … one year ahead: outside it is a typing mistake, not a record.
 */
const MIN_INSTANT_MS = Date.parse('0001-01-01T00:00:00Z');
const MAX_INSTANT_MS = Date.parse('9999-12-31T23:59:59.999Z');
const EARLIEST_EVENT = '1900-01-01';
const YEAR_MS = 366 * 24 * 3600 * 1000;

const inStorableYears = (ms: number) => ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS;
const latestEventMs = () => Date.now() + YEAR_MS;

export const Timestamp = z.iso
  .datetime({ offset: true })
  .max(64)
  .refine((v) => inStorableYears(Date.parse(v)), { message: 'must lie in the years 0001–9999 (in UTC)', abort: true })
  .meta({ description: 'ISO 8601 date-time, years 0001–9999 in UTC; responses are UTC.' });

export const CalendarDate = z.iso
  .date()
  .max(10)
  .refine((v) => v >= '0001-01-01', { message: 'must lie in the years 0001–9999', abort: true })
  .meta({ description: 'A date, YYYY-MM-DD.' });

/** When something happened: 1900-01-01 at the earliest, at most a year from now. */
export const EventTimestamp = Timestamp.refine((v) => {
  const ms = Date.parse(v);
  return ms >= Date.parse(`${EARLIEST_EVENT}T00:00:00Z`) && ms <= latestEventMs();
}, `must lie between ${EARLIEST_EVENT} and one year from now`).meta({ description: 'ISO 8601 date-time between 1900-01-01 and one year from now.' });

/** The day something happened: 1900-01-01 at the earliest, at most a year from today. */
export const EventDate = CalendarDate.refine(
  (v) => v >= EARLIEST_EVENT && v <= new Date(latestEventMs()).toISOString().slice(0, 10),
  `must lie between ${EARLIEST_EVENT} and one year from today`,
).meta({ description: 'A date, YYYY-MM-DD, between 1900-01-01 and one year from today.' });

export const FieldErrorSchema = z
  .object({
    path: z.string().meta({ description: 'JSON pointer into the request, e.g. /painLocations/0/intensity' }),
    message: z.string(),
  })
  .meta({ id: 'FieldError' });

export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: 'URI identifying the problem type' }),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export type Problem = z.infer<typeof ProblemSchema>;

const problemDescriptions: Record<number, string> = {
  400: 'Invalid request: the errors list names each bad field by JSON pointer',
  401: 'Missing, malformed, unknown or revoked API key',
  403: 'The API key lacks the scope this operation needs',
  404: 'No such resource in this clinic',
  406: 'The Accept header allows none of the media types this resource is available in',
  409: 'Conflicts with the current state (illegal status move, request with this Idempotency-Key still in flight…)',
  410: 'The cursor is no longer valid: resynchronise from the start',
  412: 'If-Match does not match the current version',
  413: 'Body larger than 1 MiB',
  415: 'The body is not JSON (Content-Type must be application/json)',
  422: 'Idempotency-Key reused with a different request body',
  428: 'If-Match is required',
  429: 'Too many requests: wait for Retry-After seconds',
  500: 'An unexpected error (a bug): the body says nothing of its cause; its requestId finds it in the logs',
  503: 'The database is unavailable or the service is shutting down: retry after Retry-After seconds',
};

/**
 * Documented problem+json responses for the given statuses (plus 429, 500 and 503, which any call
 * may meet; and 415 wherever a body is taken, which is where 413 is listed).
 */
export function problemResponses<S extends number>(...statuses: S[]) {
  const all = [...new Set<number>([...statuses, ...((statuses as number[]).includes(413) ? [415] : []), 429, 500, 503])].sort();
  return Object.fromEntries(
    all.map((status) => [status, { description: problemDescriptions[status] ?? 'Error', content: { 'application/problem+json': { schema: ProblemSchema } } }]),
  ) as Record<S | 429 | 500 | 503, { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }>;
}

export const IdParams = z.strictObject({ id: Uuid });

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: 'Page size, 1..200' }),
  cursor: z.string().min(1).max(512).optional().meta({ description: 'Opaque cursor from the previous page' }),
});

/** A page of a list: `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

export const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({ description: 'Retry-safe key: a repeat with the same key and body replays the first response' }),
});

export const IfMatchHeaders = z.looseObject({
  'if-match': z.string().max(200).optional().meta({ description: 'The ETag of the version being changed (required)' }),
});

export const ConditionalGetHeaders = z.looseObject({
  'if-none-match': z.string().max(1000).optional().meta({ description: 'The ETag of a copy the client holds: 304 when it is still current' }),
});

/** The 304 answer to a conditional GET: no body. */
export const notModifiedResponse = {
  304: z.void().meta({ description: 'Not modified: the ETag in If-None-Match is current' }),
};
