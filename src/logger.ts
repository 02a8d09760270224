import pino, { type Logger } from 'pino';

/**
 * Paths pino blanks out before a line is written. Patient names, complaint text and API keys
 * must never reach a log, whichever object they travel in (request, error, service call).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'apiKey',
  'key',
  'secret',
  'token',
  'authorization',
  '*.apiKey',
  '*.secret',
  '*.token',
  '*.authorization',
  'firstName',
  'lastName',
  'complaint',
  'notes',
  '*.firstName',
  '*.lastName',
  '*.complaint',
  '*.notes',
  '*.*.firstName',
  '*.*.lastName',
  '*.*.complaint',
  '*.*.notes',
  'body',
  '*.body',
];

// An error's own code: a SQLSTATE (22P02), a Fastify code (FST_ERR_…) or a Node errno (ECONNRESET).
const SAFE_CODE = /^[A-Z0-9_]{1,64}$/;
const MAX_FRAMES = 12;
const MAX_CAUSES = 5;

/**
 * What of an error may reach a log: its class, its code (SQLSTATE, errno, Fastify code), the
 * classes of its causes and its stack frames — never its message. Messages carry data: drizzle
 * writes the failing statement and every parameter into its message ("Failed query: … params:
 * Ada,Lovelace,…"), PostgreSQL quotes the offending value ('invalid input syntax for type
 * timestamp: "0000-…"') and a key's detail ("Key (external_id)=(…)"), JSON.parse quotes the body.
 * The frames are kept because they locate a bug; the message is cut out of the stack first, so
 * a value shaped like a frame cannot smuggle itself in.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  if (!err || typeof err !== 'object') return { type: typeof err };
  const chain: object[] = [];
  for (let e: unknown = err; e && typeof e === 'object' && chain.length < MAX_CAUSES; e = (e as { cause?: unknown }).cause) chain.push(e);
  const codes = chain.map((e) => (e as { code?: unknown }).code).filter((c): c is string => typeof c === 'string' && SAFE_CODE.test(c));
  const sqlState = codes.find((c) => /^[0-9A-Z]{5}$/.test(c) && /\d/.test(c));
  const { stack, message } = err as { stack?: unknown; message?: unknown };
  const frames =
    typeof stack === 'string'
      ? stack
          .replace(typeof message === 'string' && message ? message : '\u0000', '')
          .split('\n')
          .filter((line) => /^\s+at /.test(line))
          .slice(0, MAX_FRAMES)
          .map((line) => line.trim())
      : [];
  const statusCode = (err as { statusCode?: unknown }).statusCode;
  return {
    type: className(err),
    ...(codes[0] ? { code: codes[0] } : {}),
    ...(sqlState ? { sqlState } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(chain.length > 1 ? { causes: chain.slice(1).map(className) } : {}),
    ...(frames.length > 0 ? { frames } : {}),
  };
}

function className(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && /^[A-Za-z0-9_$]{1,64}$/.test(name) ? name : 'Object';
}

/**
 * A request as the log sees it: its route pattern (/v1/patients/:id), never its URL — an
 * externalId in the path or an api_key in the query string is the caller's data.
 */
function loggableRequest(request: { method?: unknown; routeOptions?: { url?: unknown }; ip?: unknown }): Record<string, unknown> {
  const route = request.routeOptions?.url;
  return { method: request.method, route: typeof route === 'string' ? route : null, remoteAddress: request.ip };
}

/** The service logger; `destination` lets tests capture what would be written. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'manuplan' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Fastify's own serializers (the URL, the error's message) give way to these.
      serializers: { err: loggableError, error: loggableError, req: loggableRequest },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
