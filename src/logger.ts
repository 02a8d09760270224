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

/** The service logger; `destination` lets tests capture what would be written. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'manuplan' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
